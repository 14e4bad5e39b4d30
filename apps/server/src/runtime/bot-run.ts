/**
 * One run of the bot under one lease: rebuild the books from the database, reconcile what a crash
 * may have left half-done, open the feed, warm up, loop; and on stop, close the feed and (for an
 * emergency) cancel the working orders and optionally sell the positions, all fenced.
 *
 * Reconciliation after a crash (order intents are rows written before anything fills):
 * - a decision still PENDING never got its order written (both are one transaction): FAILED;
 * - a working order with no fill is placed again under its client id (the manager keeps one order
 *   per client id), one already partly filled or a leg of another is cancelled and logged;
 * - fills are only ever written with the order's new state, so none is lost or booked twice.
 */
import type { MarketFeed } from '@numerusx/adapters';
import type { TradingConfig } from '@numerusx/contracts';
import type { JupiterLiveExchange } from '@numerusx/adapters';
import { ConfigurationError, english, isTerminal, msg, type Clock } from '@numerusx/core';
import { PaperExecutor, type Executor } from './executor.js';
import { LiveExecutor } from './live-executor.js';
import type { Announcer } from './announcer.js';
import type { BotLog } from './bot-log.js';
import { flushBooks } from './book-writer.js';
import type { DecisionSource } from './decision-source.js';
import { DexBot } from './dex-bot.js';
import type { FeedFactory } from './feed-factory.js';
import type { Lease, RuntimeRepository } from './runtime.repository.js';
import { named } from './texts.js';
import { TradingBooks } from './trading-books.js';

export interface RunContext {
  readonly lease: Lease;
  /** Called once when the loop ends by itself (undefined: the feed ended; else the error). */
  readonly onEnd: (error: unknown) => void;
}

export interface RunHandle {
  readonly dex: DexBot;
  readonly books: TradingBooks;
  readonly feed: MarketFeed;
  readonly decisions: DecisionSource;
  readonly executor: Executor;
  readonly config: TradingConfig;
  stop(how: { emergency?: boolean; closePositions?: boolean }): Promise<void>;
}

export interface RunDeps {
  readonly botId: string;
  readonly repo: RuntimeRepository;
  readonly feeds: FeedFactory;
  readonly config: () => Promise<TradingConfig>;
  readonly decisions: () => DecisionSource;
  readonly announce: Announcer;
  readonly log: BotLog;
  readonly wallClock: Clock;
  readonly outcomeHorizonCandles: number;
  readonly onCycle?: ((ms: number) => void) | undefined;
  /** Live mode: the Jupiter exchange (built at start from the wallet) and the budget it trades. */
  readonly live?: { readonly exchange: JupiterLiveExchange; readonly budget: number } | undefined;
}

export async function launchRun(deps: RunDeps, ctx: RunContext): Promise<RunHandle> {
  const { repo, botId } = deps;
  const { lease } = ctx;
  const row = await repo.find(botId);
  if (row === undefined) throw new Error(`bot ${botId} has no runtime row (init not run)`);
  const config = await deps.config();
  const cursor = parseCursor(row.cursor);
  const [fills, positions, trades] = await Promise.all([
    repo.fills(botId),
    repo.positions(botId),
    repo.openTrades(botId),
  ]);
  // Pairs held from an earlier configuration stay in the books, so their fills still add up.
  const pairs = [
    ...new Set([
      ...config.pairs,
      ...fills.map((f) => f.pair),
      ...positions.flatMap((p) => (p.pair === null ? [] : [p.pair])),
    ]),
  ];
  let capital = row.capital;
  if (deps.live !== undefined) {
    if (fills.some((f) => f.external_id === null)) {
      throw new ConfigurationError(
        'live mode needs books of its own: this database holds paper trades (use another DATABASE_URL / NUMERUSX_DATA_DIR)',
      );
    }
    // Token safety before real money touches a pair: mint/freeze authority, holders, liquidity.
    for (const pair of config.pairs) {
      const report = await deps.live.exchange.checkSafety(pair);
      if (!report.ok) {
        const why = report.vetoes.map((v) => `${v.check}: ${v.message}`).join('; ');
        throw new ConfigurationError(`${pair} failed the token safety checks: ${why}`, {
          pair,
          vetoes: report.vetoes,
        });
      }
    }
    // The budget is the cash the live ledger starts from, fixed by the first live fill.
    if (fills.length === 0 && capital !== deps.live.budget) {
      capital = deps.live.budget;
      await repo.setCapital(botId, capital);
    }
  }
  const books = new TradingBooks({ botId, capital, pairs, runId: `r${lease.token}` });
  for (const m of books.restore(fills, positions, trades)) {
    await deps.log.error(msg('runtime.log.booksDisagree', { ...m }));
  }
  const feed = await deps.feeds({ pairs: config.pairs, timeframe: config.timeframe, cursor });
  const abort = new AbortController();
  const events = feed.events(abort.signal);
  await feed.start();
  const decisions = deps.decisions();
  const executor: Executor =
    deps.live === undefined
      ? new PaperExecutor(books)
      : new LiveExecutor({
          botId,
          books,
          exchange: deps.live.exchange,
          repo,
          lease,
          announce: deps.announce,
          log: deps.log,
        });
  const dex = new DexBot(
    {
      botId,
      repo,
      books,
      feed,
      lease,
      decisions,
      executor,
      announce: deps.announce,
      log: deps.log,
      outcomeHorizonCandles: deps.outcomeHorizonCandles,
      wallClock: deps.wallClock,
      cursor,
    },
    config,
  );
  dex.onCycle = deps.onCycle;
  try {
    await dex.warmUp();
    await reconcile(deps, books, lease, feed.clock.now(), executor.live);
  } catch (error) {
    abort.abort();
    await feed.stop();
    decisions.close();
    throw error;
  }
  await deps.log.info(
    msg('runtime.log.started', {
      strategy: named('strategy', config.strategy.id),
      pairs: config.pairs.join(', '),
      timeframe: config.timeframe,
      provider: named('provider', decisions.active),
      feed: feed.status().labelMsg ?? feed.label,
    }),
  );
  const loop = dex.run(events, abort.signal).then(
    () => {
      if (!abort.signal.aborted) ctx.onEnd(undefined);
    },
    (error: unknown) => {
      if (!abort.signal.aborted) ctx.onEnd(error);
    },
  );
  return {
    dex,
    books,
    feed,
    decisions,
    executor,
    config,
    async stop(how) {
      abort.abort();
      await feed.stop();
      await loop;
      decisions.close();
      if (how.emergency === true) {
        // The feed's clock stands at its last event: the halt is stamped after everything booked.
        await emergency(
          deps,
          dex,
          books,
          executor,
          lease,
          feed.clock.now(),
          how.closePositions === true,
        );
      }
      await deps.log.info(
        msg(how.emergency === true ? 'runtime.log.haltedEmergency' : 'runtime.log.stopped'),
      );
    },
  };
}

const INTERRUPTED = msg('runtime.decision.interrupted');

async function reconcile(
  deps: RunDeps,
  books: TradingBooks,
  lease: Lease,
  now: number,
  live: boolean,
): Promise<void> {
  const { repo, botId } = deps;
  const [pending, working] = await Promise.all([
    repo.pendingDecisions(botId),
    repo.workingOrders(botId),
  ]);
  const dropped: { id: number; reason: string }[] = [];
  if (live && working.length > 0) {
    // A swap may have landed before the process died: sending it again could buy twice.
    await deps.log.error(msg('runtime.log.liveOrdersInterrupted', { count: working.length }), {
      orders: working.map((o) => ({ id: o.id, clientId: o.client_id, details: o.details })),
    });
  }
  for (const order of live ? [] : working) {
    const r = books.replace(order, now);
    if (!r.ok) dropped.push({ id: order.id, reason: r.reason });
  }
  const flushed = await repo.fenced(lease, async (tx) => {
    for (const d of pending) {
      await repo.updateDecision(tx, d.id, {
        status: 'FAILED',
        risk_verdict: JSON.stringify({ error: english(INTERRUPTED), errorMsg: INTERRUPTED }),
      });
    }
    for (const d of dropped) {
      await repo.updateOrder(tx, d.id, { status: 'cancelled', updated_at: now });
    }
    return flushBooks(tx, repo, books, { now, snapshot: false });
  });
  await deps.announce.flushed(flushed);
  const replaced = live ? 0 : working.length - dropped.length;
  if (!live && pending.length + working.length > 0) {
    await deps.log.warn(
      msg('runtime.log.recovered', {
        replaced,
        cancelled: dropped.length,
        interrupted: pending.length,
      }),
      { dropped },
    );
  }
}

/** Cancels every working order and, when asked, sells every position at its last price. */
async function emergency(
  deps: RunDeps,
  dex: DexBot,
  books: TradingBooks,
  executor: Executor,
  lease: Lease,
  now: number,
  closePositions: boolean,
): Promise<void> {
  await dex.exclusive(async () => {
    for (const o of books.orders.openOrders()) {
      // Cancelling a parent cancels its legs: skip what an earlier cancel already ended.
      if (!isTerminal(books.orders.order(o.id)?.status ?? 'cancelled')) {
        books.orders.cancel(o.id, now, 'emergency stop');
      }
    }
    if (closePositions) {
      for (const p of books.ledger.snapshot().positions) {
        await executor.exitNow(p.pair, now, 'emergency');
      }
    }
    const flushed = await deps.repo.fenced(lease, (tx) =>
      flushBooks(tx, deps.repo, books, { now, snapshot: true }),
    );
    await deps.announce.flushed(flushed);
  });
}

function parseCursor(text: string): Record<string, number> {
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null) return {};
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(doc)) if (typeof v === 'number') out[k] = v;
    return out;
  } catch {
    return {};
  }
}
