/**
 * Backtests requested over the API: checked at once (strategy, params, risk, data), stored as
 * queued, run one at a time in a worker thread with the core's runBacktest over the replayed
 * candles (the API stays responsive), reported live as `backtest:progress` to whoever asked, and
 * stored as done (with DESIGN §3's result) or failed (with the reason).
 */
import type {
  BacktestAccepted,
  BacktestDetail,
  BacktestRequest,
  BacktestResult,
  BacktestSummary,
} from '@numerusx/contracts';
import {
  Conflict,
  NotFound,
  NumerusError,
  TemporaryError,
  ValidationError,
  createStrategy,
  english,
  marketSpec,
  msg,
  resolveRiskConfig,
  type Clock,
} from '@numerusx/core';
import { msgColumn } from '../db/stored-msg.js';
import type { Notify } from '../runtime/notify.js';
import { BacktestRunner } from './backtest-runner.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { LogRow } from '../bot/bot.repository.js';
import type { MarketService } from '../market/market.service.js';
import type {
  BacktestFilter,
  BacktestSummaryRow,
  BacktestsRepository,
} from './backtests.repository.js';
import { JobQueue } from './job-queue.js';

/** More waiting than this is refused: runs go one at a time. */
const MAX_QUEUED = 20;
/** Bounds one run's time and result size; the longest shipped series has 47,360 candles. */
export const MAX_CANDLES = 100_000;
/** A run on another instance of a shared database is done well within this. */
const STALE_MS = 60 * 60_000;

/** The request as stored: the data actually used (dataset and timeframe) written out. */
type StoredRequest = BacktestRequest & { dataset: string; timeframe: string };

export interface BacktestsDeps {
  readonly repo: BacktestsRepository;
  readonly market: MarketService;
  readonly audit: AuditService;
  readonly clock: Clock;
  /** Writes a line to the logs table (GET /bot/logs). */
  readonly log: (entry: Omit<LogRow, 'id'>) => Promise<void>;
  /** True when this process is the database's only user (embedded SQLite). */
  readonly exclusiveDatabase: boolean;
  /** Where `backtest:progress` goes (the requester's user room); nowhere by default. */
  readonly notify?: Notify | undefined;
}

/** At most one progress event per this many ms per run (the worker reports more often). */
const PROGRESS_MIN_MS = 200;

export class BacktestsService {
  private readonly queue: JobQueue;
  private readonly runner = new BacktestRunner();

  constructor(private readonly deps: BacktestsDeps) {
    this.queue = new JobQueue((id) => this.run(id));
  }

  async submit(actor: Actor, req: BacktestRequest): Promise<BacktestAccepted> {
    if (this.queue.isClosed) throw new TemporaryError('the server is shutting down');
    if (this.queue.length > MAX_QUEUED) {
      throw new Conflict(`${MAX_QUEUED} backtests are already waiting; retry when some finish`);
    }
    createStrategy(req.strategy, req.params ?? {}); // unknown strategy or bad params: 400 now
    resolveRiskConfig(req.risk ?? {});
    if (req.from !== undefined && req.to !== undefined && req.from > req.to) {
      throw new ValidationError(`from (${req.from}) is after to (${req.to})`);
    }
    const data = await this.deps.market.resolve(req);
    const candles = countIn(data.series.ts, req.from, req.to);
    if (candles < 2) {
      throw new ValidationError(
        `${data.file.id} has ${candles} ${data.timeframe} candle(s) in the chosen period; a backtest needs 2 or more`,
      );
    }
    if (candles > MAX_CANDLES) {
      throw new ValidationError(
        `${candles} candles in the chosen period; at most ${MAX_CANDLES} per backtest (narrow from/to or use a larger timeframe)`,
      );
    }
    const stored: StoredRequest = { ...req, dataset: data.file.id, timeframe: data.timeframe };
    const row = await this.deps.repo.insert({
      createdAt: this.deps.clock.now(),
      createdBy: actor.id,
      strategy: req.strategy,
      request: JSON.stringify(stored),
    });
    await this.deps.audit.record(actor, 'backtest.create', 'ok', {
      target: `backtest:${row.id}`,
      details: { strategy: req.strategy, pair: req.pair, dataset: data.file.id, candles },
    });
    const queuePosition = this.queue.length;
    this.queue.add(row.id);
    return { id: row.id, status: 'queued', queuePosition };
  }

  list(filter: BacktestFilter): Promise<BacktestSummaryRow[]> {
    return this.deps.repo.list(filter);
  }

  async get(id: number): Promise<BacktestDetail> {
    const row = await this.deps.repo.find(id);
    if (row === undefined) throw new NotFound(`backtest ${id} not found`);
    return {
      ...backtestSummary(row),
      result: row.result === null ? null : (JSON.parse(row.result) as BacktestResult),
    };
  }

  /**
   * At start: runs left queued or running by a previous process will never finish. With an embedded
   * database they are all ours; with a shared one only those older than any run can be are.
   */
  recoverInterrupted(): Promise<number> {
    const now = this.deps.clock.now();
    return this.deps.repo.failUnfinished(
      this.deps.exclusiveDatabase ? now + 1 : now - STALE_MS,
      'interrupted: the server stopped before this backtest finished; submit it again',
      now,
    );
  }

  /** Stops the queue, waits for the running backtest, stops the worker (server close). */
  async shutdown(): Promise<void> {
    await this.queue.close();
    await this.runner.close();
  }

  private async run(id: number): Promise<void> {
    const { repo, clock } = this.deps;
    const row = await repo.find(id);
    if (row?.status !== 'queued') return;
    await repo.markRunning(id);
    const req = JSON.parse(row.request) as StoredRequest;
    const progress = this.progress(id, row.created_by);
    progress.send('running', 0, 0, null);
    try {
      const data = await this.deps.market.resolve(req);
      const result = await this.runner.run(
        {
          markets: [{ spec: marketSpec(req.pair), candles: data.series }],
          strategyId: req.strategy,
          params: req.params ?? {},
          risk: req.risk ?? {},
          capital: req.capital,
          fillModel: { feeBps: req.feeBps, slippageBps: req.slippageBps },
          ...(req.from !== undefined ? { from: req.from } : {}),
          ...(req.to !== undefined ? { to: req.to } : {}),
        },
        (done, total) => {
          progress.maybe(done, total);
        },
      );
      await repo.finish(id, {
        status: 'done',
        result: JSON.stringify(result),
        error: null,
        at: clock.now(),
      });
      progress.send('done', result.period.candles, result.period.candles, null);
    } catch (error) {
      // Our own errors say what went wrong; anything else is a bug and is not shown to the user.
      const known = error instanceof NumerusError;
      const message = known ? error.message : 'internal error while running the backtest';
      await repo.finish(id, { status: 'failed', result: null, error: message, at: clock.now() });
      progress.send('failed', 0, 0, message);
      const line = msg('runtime.log.backtestFailed', { id, error: message });
      await this.deps.log({
        ts: clock.now(),
        level: known ? 'warn' : 'error',
        source: 'backtest',
        message: english(line),
        message_msg: msgColumn(line),
        bot_id: null,
        details: JSON.stringify({
          backtestId: id,
          error: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  }

  /** `backtest:progress` to the requester, at most every PROGRESS_MIN_MS while running. */
  private progress(id: number, userId: number | null) {
    const { notify, clock } = this.deps;
    let last = 0;
    const send = (
      status: 'running' | 'done' | 'failed',
      done: number,
      total: number,
      message: string | null,
    ) => {
      if (notify === undefined || userId === null) return;
      last = clock.now();
      notify(`user:${userId}`, 'backtest:progress', {
        ts: last,
        backtestId: id,
        status,
        progress: status === 'done' ? 1 : total > 0 ? Math.min(1, done / total) : 0,
        candlesProcessed: done,
        candlesTotal: total,
        message,
      });
    };
    return {
      send,
      maybe(done: number, total: number) {
        if (clock.now() - last >= PROGRESS_MIN_MS || done === total)
          send('running', done, total, null);
      },
    };
  }
}

/** Candles with open time in [from, to]. */
function countIn(ts: Float64Array, from: number | undefined, to: number | undefined): number {
  let n = 0;
  for (const t of ts) if ((from === undefined || t >= from) && (to === undefined || t <= to)) n++;
  return n;
}

export function backtestSummary(r: BacktestSummaryRow): BacktestSummary {
  return {
    id: r.id,
    status: r.status,
    strategy: r.strategy,
    request: JSON.parse(r.request) as Record<string, unknown>,
    error: r.error,
    createdAt: r.created_at,
    createdBy: r.created_by,
    finishedAt: r.finished_at,
  };
}
