/**
 * The trading loop ("DexBot", DESIGN §2 "One engine loop") of one bot over a market feed. Per closed
 * candle of a pair: the order manager fills what earlier decisions queued, the strategy and regime
 * see the candle, the books are written (fenced) → the provider decides → the decision is stored
 * PENDING and announced (`ai:decision`) → the risk gate rules → the order is placed and written
 * with the decision's final status (EXECUTED, VETOED with reasons, FAILED with the error) in one
 * transaction → `order:update`, `trade:executed`, `portfolio:update`. Between candles every tick
 * goes through the position monitor (stop-loss, take-profit, trailing stop).
 *
 * Events are read one at a time (for await): a slow model call makes events queue, never overlap.
 */
import type { FeedEvent, MarketFeed } from '@numerusx/adapters';
import {
  NumerusError,
  RegimeDetector,
  createStrategy,
  msg,
  parseTimeframe,
  resolveRiskConfig,
  safeEvaluate,
  type Candle,
  type Clock,
  type DecisionInput,
  type Regime,
  type RiskConfig,
  type Signal,
  type StrategyInstance,
} from '@numerusx/core';
import type { TradingConfig } from '@numerusx/contracts';
import { decisionRow, type Answer } from './decision-record.js';
import { gateAndExecute } from './decision-step.js';
import type { BotLog } from './bot-log.js';
import { flushBooks, type Flushed } from './book-writer.js';
import type { Announcer } from './announcer.js';
import type { DecisionSource } from './decision-source.js';
import type { Executor } from './executor.js';
import { Outcomes } from './outcomes.js';
import type { Lease, RuntimeRepository } from './runtime.repository.js';
import { named } from './texts.js';
import type { TradingBooks } from './trading-books.js';

interface PairState {
  strategy: StrategyInstance;
  regime: RegimeDetector;
  lastTs: number;
  lastCandle: Candle | undefined;
  lastAtr: number;
}

export interface DexBotDeps {
  readonly botId: string;
  readonly repo: RuntimeRepository;
  readonly books: TradingBooks;
  readonly feed: MarketFeed;
  readonly lease: Lease;
  readonly decisions: DecisionSource;
  /** The paper order manager or the live Jupiter swaps. */
  readonly executor: Executor;
  readonly announce: Announcer;
  readonly log: BotLog;
  /** Candles after a decision at which its outcome is measured. */
  readonly outcomeHorizonCandles: number;
  /** Wall time, for the runtime row's updated_at (market time comes from the feed's clock). */
  readonly wallClock: Clock;
  /** Open time of the last candle processed per pair (resumes after a restart). */
  readonly cursor: Record<string, number>;
  /** Candles of history fed to each strategy before the first decision. */
  readonly warmupCandles?: number;
}

/** Called after every processed candle with its duration (for /metrics and the bench). */
export type CycleObserver = (ms: number) => void;

export class DexBot {
  private readonly pairs = new Map<string, PairState>();
  private config: TradingConfig;
  private risk: RiskConfig;
  private pending: TradingConfig | undefined;
  private readonly tfMs: number;
  private readonly outcomes: Outcomes;
  private lock: Promise<void> = Promise.resolve();
  private readonly ticks = new Map<string, { price: number; ts: number; source: string }>();
  cycles = 0;
  onCycle: CycleObserver | undefined;

  constructor(
    private readonly deps: DexBotDeps,
    config: TradingConfig,
  ) {
    this.config = config;
    this.risk = resolveRiskConfig(config.risk);
    this.tfMs = parseTimeframe(config.timeframe);
    this.outcomes = new Outcomes(deps.repo, deps.botId, this.tfMs * deps.outcomeHorizonCandles);
  }

  /** A new configuration (same pairs and timeframe) takes effect before the next candle. */
  reconfigure(config: TradingConfig): void {
    this.pending = config;
  }

  /** Strategies and regimes warmed up on the feed's history (closed candles only). */
  async warmUp(): Promise<void> {
    for (const pair of this.config.pairs) {
      const history = await this.deps.feed.history(
        pair,
        this.config.timeframe,
        this.deps.warmupCandles ?? 300,
      );
      const st = this.freshPair();
      for (const c of history) this.see(pair, st, c);
      this.pairs.set(pair, st);
      const last = history[history.length - 1];
      // The order manager needs the last close before it can check an order placed again.
      if (last !== undefined) this.deps.books.orders.onCandle(pair, last);
    }
  }

  /**
   * Processes `events` (the feed's, opened before it started) until `signal` aborts or the feed
   * ends; throws what must stop the bot. Each event runs under the bot's lock, as manual orders do.
   */
  async run(events: AsyncIterable<FeedEvent>, signal: AbortSignal): Promise<void> {
    for await (const e of events) {
      if (signal.aborted) break;
      if (e.type === 'tick')
        await this.exclusive(() => this.onTick(e.pair, e.price, e.ts, e.source));
      else if (e.type === 'candle') await this.exclusive(() => this.onCandle(e.pair, e.candle));
      else if (e.type === 'rewind') await this.exclusive(() => this.warmUp());
      else if (e.state === 'failed') {
        const message = e.reason ?? 'the market feed failed';
        throw new NumerusError(e.error?.code ?? 'FEED_FAILED', `market feed: ${message}`);
      } else if (e.state === 'degraded') {
        await this.deps.log.warn(
          e.reason === undefined
            ? msg('runtime.log.feedDegradedUnknown')
            : msg('runtime.log.feedDegraded', { reason: e.reason }),
        );
      }
    }
  }

  /**
   * Runs `fn` alone: no candle, tick or manual order of this bot interleaves with it, so each
   * sees the books as the previous one left them.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.lock.then(fn);
    this.lock = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** The last closed candle of `pair` seen by the loop and its ATR (for gating manual orders). */
  lastMarket(pair: string): { candle: Candle; atr: number } | undefined {
    const st = this.pairs.get(pair);
    return st?.lastCandle === undefined ? undefined : { candle: st.lastCandle, atr: st.lastAtr };
  }

  /** The last price the feed sent for `pair`. */
  lastTick(pair: string): { price: number; ts: number; source: string } | undefined {
    return this.ticks.get(pair);
  }

  get riskConfig(): RiskConfig {
    return this.risk;
  }

  private freshPair(): PairState {
    return {
      strategy: createStrategy(this.config.strategy.id, this.config.strategy.params),
      regime: new RegimeDetector(),
      lastTs: Number.NEGATIVE_INFINITY,
      lastCandle: undefined,
      lastAtr: Number.NaN,
    };
  }

  private see(pair: string, st: PairState, candle: Candle): { regime: Regime; signal: Signal } {
    const regime = st.regime.update(candle);
    const { signal } = safeEvaluate(st.strategy, {
      pair,
      candle,
      regime,
      positionQty: this.deps.books.ledger.qty(pair),
      seen: st.regime.seen,
    });
    st.lastTs = candle.ts;
    st.lastCandle = candle;
    st.lastAtr = regime.atrPct * candle.close;
    return { regime, signal };
  }

  private async onTick(pair: string, price: number, ts: number, source: string): Promise<void> {
    this.deps.announce.tick(pair, price, ts, source);
    this.ticks.set(pair, { price, ts, source });
    const exit = this.deps.books.guardExit(pair, price, ts);
    if (exit === undefined) return;
    await this.deps.executor.exitNow(pair, ts, exit);
    const flushed = await this.write(ts, true);
    const line = msg('runtime.log.exitHit', { pair, exit: named('exit', exit), price });
    await this.deps.log.info(line, { pair, price });
    await this.deps.announce.flushed(flushed);
  }

  private async onCandle(pair: string, candle: Candle): Promise<void> {
    const st = this.pairs.get(pair);
    if (st === undefined || candle.ts <= st.lastTs) return; // not ours, or already in history
    const started = performance.now();
    this.applyPendingConfig();
    // The candle's close, not the feed's clock: the feed may already be ticking the next candle
    // while this one is processed, and everything about this candle happened at its close.
    const now = candle.ts + this.tfMs;
    const { books } = this.deps;
    books.orders.onCandle(pair, candle);
    const { regime, signal } = this.see(pair, st, candle);
    this.deps.cursor[pair] = candle.ts;
    const flushed = await this.write(now, true);
    this.deps.announce.candle(pair, this.config.timeframe, candle);
    await this.deps.announce.flushed(flushed);
    await this.decide(pair, candle, regime, signal, now);
    await this.outcomes.settle(pair, candle.close, now);
    this.cycles++;
    this.onCycle?.(performance.now() - started);
  }

  private async decide(
    pair: string,
    candle: Candle,
    regime: Regime,
    signal: Signal,
    now: number,
  ): Promise<void> {
    const { books, repo, lease, botId } = this.deps;
    const ledger = books.ledger;
    const atr = regime.atrPct * candle.close;
    const input: DecisionInput = {
      pair,
      ts: now,
      price: candle.close,
      regime,
      signals: [{ strategyId: this.config.strategy.id, signal }],
      portfolio: {
        equity: ledger.equity(),
        cash: ledger.cash,
        positionQty: ledger.qty(pair),
        averageEntry: ledger.position(pair)?.averageEntry ?? Number.NaN,
      },
      maxPositionUsd: ledger.equity() * this.risk.maxPositionPct,
      atr,
    };
    const answer: Answer = await this.deps.decisions.decide(input);
    const context = { strategyId: this.config.strategy.id, timeframe: this.config.timeframe };
    const stored = await repo.fenced(lease, (tx) =>
      repo.insertDecision(tx, decisionRow(botId, input, answer, context)),
    );
    this.deps.announce.decision(stored);
    if (answer.decision.action === 'hold') return;
    await gateAndExecute(
      this.deps,
      { stored, decision: answer.decision, candle, atr, now },
      this.risk,
    );
  }

  /** Writes the books (and the cursor) in one fenced transaction. */
  private write(now: number, snapshot: boolean): Promise<Flushed> {
    const { repo, lease, books, botId } = this.deps;
    return repo.fenced(lease, async (tx) => {
      const f = await flushBooks(tx, repo, books, { now, snapshot });
      await repo.setCursor(tx, botId, JSON.stringify(this.deps.cursor), this.deps.wallClock.now());
      return f;
    });
  }

  private applyPendingConfig(): void {
    const next = this.pending;
    if (next === undefined) return;
    this.pending = undefined;
    const strategyChanged = JSON.stringify(next.strategy) !== JSON.stringify(this.config.strategy);
    this.config = next;
    this.risk = resolveRiskConfig(next.risk);
    if (strategyChanged) {
      // A new strategy starts cold: its indicators warm up on the candles from here on.
      for (const st of this.pairs.values()) {
        st.strategy = createStrategy(next.strategy.id, next.strategy.params);
      }
    }
  }
}
