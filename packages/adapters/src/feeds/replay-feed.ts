import {
  ConfigurationError,
  SimulatedClock,
  TIMEFRAMES,
  ValidationError,
  parseTimeframe,
  type Candle,
} from '@numerusx/core';
import { range } from '../ai/config.js';
import { EventHub } from './event-hub.js';
import { FeedHealth } from './feed-health.js';
import { ReplayMarket, labelsMsg, type ReplaySeries } from './replay-market.js';
import { realScheduler } from './scheduler.js';
import { tickPath, tickTime } from './tick-path.js';
import type { FeedEvent, FeedStatus, MarketFeed, Scheduler, SettableClock } from './types.js';

export interface ReplayOptions {
  /** The recorded candles, one entry per pair (see loadShippedReplayData). */
  readonly data: readonly ReplaySeries[];
  /** Pairs subscribed at start; default the first pair of `data`. */
  readonly pairs?: readonly string[];
  /** Timeframe of the replayed candles, default `1h`; coarser than a pair's data is resampled. */
  readonly timeframe?: string;
  /**
   * Where to begin: this many candles into the data (of every subscribed pair, in lockstep), so that
   * history() has them for indicator warm-up. Default 200.
   */
  readonly startOffset?: number;
  /** Or begin at the first candle opening at or after this time (ms UTC); overrides startOffset. */
  readonly startTs?: number;
  /** Wall milliseconds per replayed candle, 0..1 h, default 2000. */
  readonly paceMs?: number;
  /** Ticks shown per candle along its open → extremes → close path, 4..1000, default 8. */
  readonly ticksPerCandle?: number;
  /** At the end of the data: `stop` (default; the feed ends) or `loop` (rewind to the start). */
  readonly atEnd?: 'stop' | 'loop';
  /** The replay's simulated time, moved as it replays; default a new SimulatedClock. */
  readonly clock?: SettableClock;
  readonly scheduler?: Scheduler;
  /** Events a listener may fall behind before its oldest ticks are dropped. */
  readonly maxBuffered?: number;
}

/** What /bot/status shows of a replay, on top of the common fields. */
export interface ReplayStatus extends FeedStatus {
  /** Open time of the first replayed candle, and of the last one the subscribed pairs share. */
  readonly from: number;
  readonly to: number;
  /** Fraction of [from, to] replayed. */
  readonly progress: number;
}

/**
 * Replays recorded candles as if they were live: every candle becomes `ticksPerCandle` ticks along
 * a plausible intra-candle path (tick-path.ts), then, at its close time, the candle itself. Several
 * pairs move in lockstep on one simulated timeline (a pair with a gap at a step is silent for that
 * step, as the exchange was). The replay moves its clock as it goes, so the invariants hold in
 * simulated time: a candle is emitted when the clock reads its close, never before, and history()
 * returns only candles that closed by the clock: never the forming one or anything later.
 *
 * Pace: one candle per `paceMs` of wall time on the injected scheduler, so a test replays a year
 * instantly with a ManualScheduler and the product shows one candle every 2 s.
 */
export class ReplayFeed implements MarketFeed {
  readonly timeframe: string;
  readonly clock: SettableClock;
  private readonly markets = new Map<string, ReplayMarket>();
  private readonly tfMs: number;
  private readonly paceMs: number;
  private readonly ticks: number;
  private readonly atEnd: 'stop' | 'loop';
  private readonly scheduler: Scheduler;
  private readonly hub: EventHub;
  private subscribed: string[] = [];
  private startTs = 0;
  private beat = 0;
  private readonly health: FeedHealth;
  private cancel: (() => void) | undefined;

  constructor(private readonly options: ReplayOptions) {
    if (options.data.length === 0) throw new ConfigurationError('replay.data holds no pairs');
    for (const d of options.data) this.markets.set(d.pair, new ReplayMarket(d));
    this.timeframe = options.timeframe ?? '1h';
    if (!Object.hasOwn(TIMEFRAMES, this.timeframe)) {
      const valid = Object.keys(TIMEFRAMES).join(', ');
      throw new ConfigurationError(`replay.timeframe must be one of ${valid}`, {
        setting: 'timeframe',
      });
    }
    this.tfMs = parseTimeframe(this.timeframe);
    this.paceMs = range('replay.paceMs', options.paceMs ?? 2_000, 0, 3_600_000);
    this.ticks = range('replay.ticksPerCandle', options.ticksPerCandle ?? 8, 4, 1_000, true);
    this.atEnd = options.atEnd ?? 'stop';
    // Options come from JSON and env at run time: the union type is a hope until checked.
    if (!(['stop', 'loop'] as readonly string[]).includes(this.atEnd)) {
      throw new ConfigurationError(`replay.atEnd must be "stop" or "loop"`, { setting: 'atEnd' });
    }
    this.clock = options.clock ?? new SimulatedClock();
    this.scheduler = options.scheduler ?? realScheduler;
    this.hub = new EventHub(options.maxBuffered);
    this.health = new FeedHealth(this.hub, this.clock);
    this.subscribe(options.pairs ?? [options.data[0]!.pair]);
  }

  /** The subscribed pairs' sources, e.g. `replay:binance-spot`. */
  get source(): string {
    return [...new Set(this.subscribed.map((p) => this.market(p).data.source))].join(',');
  }

  /** The subscribed pairs' labels, e.g. `SOL/USDT · Binance spot 2020–2026, replayed`. */
  get label(): string {
    return this.subscribed.map((p) => this.market(p).data.label).join('; ');
  }

  pairs(): readonly string[] {
    return [...this.subscribed];
  }

  available(): readonly string[] {
    return [...this.markets.values()].filter((m) => m.serves(this.tfMs)).map((m) => m.pair);
  }

  subscribe(pairs: readonly string[]): void {
    const next = [...this.subscribed];
    for (const pair of pairs) {
      this.market(pair).at(this.tfMs); // refuses a pair that cannot be replayed at this timeframe
      if (!next.includes(pair)) next.push(pair);
    }
    if (this.health.state === 'idle') {
      this.startTs = this.firstStep(next);
      this.clock.set(this.startTs);
    } else if (next.some((p) => this.endOf(p) < this.stepTs())) {
      throw new ConfigurationError(
        `no replay data left at ${iso(this.stepTs())} for ${pairs.join(', ')}`,
      );
    }
    this.subscribed = next;
  }

  unsubscribe(pairs: readonly string[]): void {
    this.subscribed = this.subscribed.filter((p) => !pairs.includes(p));
  }

  start(): Promise<void> {
    if (this.health.active || this.health.state === 'ended') return Promise.resolve();
    if (this.subscribed.length === 0) {
      return Promise.reject(new ConfigurationError('replay: no pair subscribed'));
    }
    this.health.set('running');
    this.cancel = this.scheduler.setTimer(0, () => {
      this.step();
    });
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (!this.health.active) return Promise.resolve();
    this.cancel?.();
    this.health.set('stopped');
    this.hub.close();
    return Promise.resolve();
  }

  events(signal?: AbortSignal): AsyncIterableIterator<FeedEvent> {
    const state = this.health.state;
    return this.hub.listen(signal, state === 'ended' || state === 'failed');
  }

  history(pair: string, timeframe: string, limit: number): Promise<readonly Candle[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 5_000) {
      return Promise.reject(new ValidationError(`limit must be 1..5000, got ${limit}`));
    }
    try {
      const tf = parseTimeframe(timeframe);
      return Promise.resolve(this.market(pair).closedBy(tf, this.clock.now(), limit));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  status(): ReplayStatus {
    const to = this.lastStep();
    const span = to - this.startTs;
    const done = this.clock.now() - this.startTs;
    return {
      ...this.health.summary,
      source: this.source,
      label: this.label,
      labelMsg: labelsMsg(this.subscribed.map((p) => this.market(p).data)),
      timeframe: this.timeframe,
      now: this.clock.now(),
      droppedTicks: this.hub.droppedTicks,
      from: this.startTs,
      to,
      progress: span <= 0 ? 1 : Math.min(1, Math.max(0, done / (span + this.tfMs))),
    };
  }

  /**
   * One beat: tick `k` of step `c`. The first beat of a step first closes the previous step's
   * candles (the clock reads their close time), so a candle and the next candle's opening tick share
   * a timestamp and the candle comes first.
   */
  private step(): void {
    const c = Math.floor(this.beat / this.ticks);
    const k = this.beat % this.ticks;
    const T = this.stepTs();
    if (k === 0 && c > 0) {
      this.clock.set(T);
      for (const pair of this.subscribed) {
        const { data } = this.market(pair);
        const candle = this.market(pair).candleAt(this.tfMs, T - this.tfMs);
        if (candle === undefined) continue;
        const { timeframe } = this;
        this.hub.emit({ type: 'candle', pair, timeframe, candle, source: data.source });
      }
      if (T > this.lastStep()) {
        if (this.atEnd === 'stop') {
          this.health.set('ended', `the replay data ends at ${iso(T - this.tfMs)}`);
          this.hub.close();
          return;
        }
        this.beat = 0;
        this.clock.set(this.startTs);
        this.hub.emit({ type: 'rewind', ts: this.startTs });
        this.step();
        return;
      }
    }
    const now = tickTime(T, this.tfMs, k, this.ticks);
    this.clock.set(now);
    for (const pair of this.subscribed) {
      const { data } = this.market(pair);
      const candle = this.market(pair).candleAt(this.tfMs, T);
      if (candle === undefined) continue; // a gap in the recording: the market was closed
      const price = tickPath(candle, this.ticks)[k]!;
      this.hub.emit({ type: 'tick', pair, ts: now, price, source: data.source });
    }
    this.beat++;
    this.cancel = this.scheduler.setTimer(this.paceMs / this.ticks, () => {
      this.step();
    });
  }

  /** Open time of the current step's candle. */
  private stepTs(): number {
    return this.startTs + Math.floor(this.beat / this.ticks) * this.tfMs;
  }

  /** The first step: `startTs`, or `startOffset` candles into every pair's data, in lockstep. */
  private firstStep(pairs: readonly string[]): number {
    const { startTs, startOffset = 200 } = this.options;
    const offset = range('replay.startOffset', startOffset, 0, 10_000_000, true);
    let first = Number.NEGATIVE_INFINITY;
    for (const pair of pairs) {
      const s = this.market(pair).at(this.tfMs);
      const open =
        startTs === undefined ? s.ts[offset] : this.market(pair).firstOpenFrom(this.tfMs, startTs);
      if (open === undefined) {
        const where = startTs === undefined ? `${offset} candles in` : `at ${iso(startTs)}`;
        throw new ConfigurationError(
          `replay: ${pair} has ${s.length} ${this.timeframe} candles, none ${where}`,
          { pair },
        );
      }
      first = Math.max(first, open);
    }
    const last = Math.min(...pairs.map((p) => this.endOf(p)));
    if (first > last) {
      throw new ConfigurationError(`replay: ${pairs.join(', ')} share no data to replay together`);
    }
    return first;
  }

  /** Open time of the last candle every subscribed pair has: lockstep ends with the shortest. */
  private lastStep(): number {
    return Math.min(...this.subscribed.map((p) => this.endOf(p)));
  }

  private endOf(pair: string): number {
    const s = this.market(pair).at(this.tfMs);
    return s.ts[s.length - 1]!;
  }

  private market(pair: string): ReplayMarket {
    const m = this.markets.get(pair);
    if (m === undefined) {
      throw new ConfigurationError(
        `the replay has no data for ${pair}; it has ${[...this.markets.keys()].join(', ')}`,
        { pair },
      );
    }
    return m;
  }
}

function iso(ts: number): string {
  return new Date(ts).toISOString();
}
