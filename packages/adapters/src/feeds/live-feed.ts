import {
  ConfigurationError,
  NumerusError,
  TemporaryError,
  ValidationError,
  english,
  msg,
  type Candle,
  type Clock,
  type Msg,
} from '@numerusx/core';
import type { CircuitState } from '../ai/types.js';
import { EventHub } from './event-hub.js';
import { FeedHealth } from './feed-health.js';
import { GECKO_OHLCV_SOURCE, MAX_OHLCV_LIMIT, geckoInterval } from './gecko-ohlcv.js';
import { messageOf } from './http-get.js';
import { JUPITER_PRICE_SOURCE, MAX_PRICE_IDS } from './jupiter-price.js';
import {
  resolveLiveOptions,
  type LiveFeedOptions,
  type LiveMarket,
  type ResolvedLiveOptions,
} from './live-config.js';
import { LiveSources } from './live-sources.js';
import { realScheduler } from './scheduler.js';
import { MemoryTtlCache } from './ttl-cache.js';
import type {
  FeedEvent,
  FeedLogger,
  FeedStatus,
  MarketFeed,
  Scheduler,
  TtlCache,
} from './types.js';

export interface LiveFeedDeps {
  /** Wall time by default: tick times and "has this candle closed" are read from it. */
  readonly clock?: Clock;
  readonly scheduler?: Scheduler;
  /** Default an in-process MemoryTtlCache; the server passes its Redis one when it has Redis. */
  readonly cache?: TtlCache;
  readonly logger?: FeedLogger;
  readonly maxBuffered?: number;
}

export interface LiveStatus extends FeedStatus {
  readonly circuits: { readonly prices: CircuitState; readonly candles: CircuitState };
  /** Time of the last tick per pair. */
  readonly lastTick: Readonly<Record<string, number>>;
  /** Prices skipped as unusable (a missing or non-positive price for one pair). */
  readonly skipped: number;
  readonly lastSkip?: { readonly ts: number; readonly reason: string };
}

type Kind = 'prices' | 'candles';

const wallClock: Clock = { now: () => Date.now() };

/**
 * Live market data: ticks from Jupiter's Price API v3 (price = usdPrice(base) / usdPrice(quote)),
 * closed candles from GeckoTerminal's pool OHLCV. Each API sits behind its own guard (breaker,
 * retries, deadline) and the TTL cache; every answer is validated. A failed or unusable poll makes
 * the feed `degraded` (logged, shown, retried at the next poll), never a crash; a
 * ConfigurationError (refused key, unknown pool) makes it `failed`: it stops and the runtime stops
 * the bot. A candle is emitted once closed and settled: `ts + timeframe + settleMs ≤` the time its
 * answer was fetched.
 */
export class LiveFeed implements MarketFeed {
  readonly source = `${JUPITER_PRICE_SOURCE}+${GECKO_OHLCV_SOURCE}`;
  readonly label: string;
  readonly labelMsg: Msg;
  readonly timeframe: string;
  readonly clock: Clock;
  private readonly opts: ResolvedLiveOptions;
  private readonly scheduler: Scheduler;
  private readonly cache: TtlCache;
  private readonly logger: FeedLogger | undefined;
  private readonly hub: EventHub;
  private readonly sources: LiveSources;
  private subscribed: string[] = [];
  private readonly health: FeedHealth;
  private readonly lastTick = new Map<string, number>();
  private readonly lastCandle = new Map<string, number>();
  private readonly cancels = new Map<Kind, () => void>();
  private skipped = 0;
  private lastSkip: { ts: number; reason: string } | undefined;

  constructor(options: LiveFeedOptions = {}, deps: LiveFeedDeps = {}) {
    this.opts = resolveLiveOptions(options);
    this.timeframe = this.opts.interval.label;
    this.clock = deps.clock ?? wallClock;
    this.scheduler = deps.scheduler ?? realScheduler;
    this.cache = deps.cache ?? new MemoryTtlCache(this.clock);
    this.logger = deps.logger;
    this.hub = new EventHub(deps.maxBuffered);
    this.health = new FeedHealth(this.hub, this.clock);
    this.sources = new LiveSources(this.opts, this.clock, this.cache, this.logger);
    this.subscribe(this.opts.pairs);
    this.labelMsg = msg('runtime.feed.live', { pairs: this.subscribed.join(', ') });
    this.label = english(this.labelMsg);
  }

  pairs(): readonly string[] {
    return [...this.subscribed];
  }

  available(): readonly string[] {
    return [...this.opts.markets.keys()];
  }

  subscribe(pairs: readonly string[]): void {
    const next = [...this.subscribed];
    for (const pair of pairs) {
      this.market(pair); // refuses a pair without a configured market
      if (!next.includes(pair)) next.push(pair);
    }
    if (this.mintsOf(next).length > MAX_PRICE_IDS) {
      throw new ConfigurationError(`live: at most ${MAX_PRICE_IDS} mints per price request`);
    }
    this.subscribed = next;
  }

  unsubscribe(pairs: readonly string[]): void {
    this.subscribed = this.subscribed.filter((p) => !pairs.includes(p));
  }

  start(): Promise<void> {
    if (this.health.active) return Promise.resolve();
    this.health.set('running');
    this.every('prices', this.opts.pricePollMs, () => this.pollPrices());
    this.every('candles', this.opts.candlePollMs, () => this.pollCandles());
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (!this.health.active) return Promise.resolve();
    this.halt();
    this.health.set('stopped');
    this.hub.close();
    return Promise.resolve();
  }

  /** Stops, and stops the breakers' statistics timers: the feed cannot be used again. */
  async close(): Promise<void> {
    await this.stop();
    this.sources.close();
  }

  events(signal?: AbortSignal): AsyncIterableIterator<FeedEvent> {
    const state = this.health.state;
    return this.hub.listen(signal, state === 'ended' || state === 'failed');
  }

  async history(pair: string, timeframe: string, limit: number): Promise<readonly Candle[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OHLCV_LIMIT) {
      throw new ValidationError(`limit must be 1..${MAX_OHLCV_LIMIT}, got ${limit}`);
    }
    return this.sources.closedCandles(this.market(pair), geckoInterval(timeframe), limit);
  }

  status(): LiveStatus {
    return {
      ...this.health.summary,
      source: this.source,
      label: this.label,
      labelMsg: this.labelMsg,
      timeframe: this.timeframe,
      now: this.clock.now(),
      droppedTicks: this.hub.droppedTicks,
      circuits: this.sources.circuits,
      lastTick: Object.fromEntries(this.lastTick),
      skipped: this.skipped,
      ...(this.lastSkip === undefined ? {} : { lastSkip: { ...this.lastSkip } }),
    };
  }

  /** One price poll: a tick per subscribed pair with a usable price. Never rejects. */
  async pollPrices(): Promise<void> {
    const pairs = [...this.subscribed];
    if (pairs.length === 0) return;
    let answer;
    try {
      answer = await this.sources.usdPrices(this.mintsOf(pairs));
    } catch (error) {
      this.trouble('prices', error);
      return;
    }
    if (!this.health.active) return;
    const { fetchedAt, value } = answer;
    for (const pair of pairs) {
      const m = this.market(pair);
      const base = value.usd.get(m.baseMint);
      const quote = value.usd.get(m.quoteMint);
      if (base === undefined || quote === undefined) {
        const why = value.problems.get(m.baseMint) ?? value.problems.get(m.quoteMint) ?? '';
        this.skip(pair, why);
        continue;
      }
      // A cached answer already turned into ticks: the same price at the same time is no news.
      if ((this.lastTick.get(pair) ?? -1) >= fetchedAt) continue;
      this.lastTick.set(pair, fetchedAt);
      const price = base / quote;
      this.hub.emit({ type: 'tick', pair, ts: fetchedAt, price, source: JUPITER_PRICE_SOURCE });
    }
    this.health.problem('prices', undefined);
  }

  /**
   * One candle poll: per pair, the candles closed since the last one emitted, oldest first (on the
   * first poll only the latest closed one: earlier ones are the loop's history()). Never rejects.
   */
  async pollCandles(): Promise<void> {
    const { interval } = this.opts;
    for (const pair of [...this.subscribed]) {
      const last = this.lastCandle.get(pair);
      // Enough to bridge the time since the last candle, e.g. after an outage.
      const missed = last === undefined ? 1 : Math.ceil((this.clock.now() - last) / interval.ms);
      let candles: Candle[];
      try {
        const limit = Math.min(MAX_OHLCV_LIMIT, Math.max(2, missed + 1));
        candles = await this.sources.closedCandles(this.market(pair), interval, limit);
      } catch (error) {
        this.trouble('candles', error);
        return;
      }
      if (!this.health.active) return;
      const fresh = last === undefined ? candles.slice(-1) : candles.filter((c) => c.ts > last);
      for (const candle of fresh) {
        this.hub.emit({
          type: 'candle',
          pair,
          timeframe: interval.label,
          candle,
          source: GECKO_OHLCV_SOURCE,
        });
        this.lastCandle.set(pair, candle.ts);
      }
    }
    this.health.problem('candles', undefined);
  }

  private every(kind: Kind, ms: number, poll: () => Promise<void>): void {
    const run = (): void => {
      void poll().then(() => {
        if (this.health.active) this.cancels.set(kind, this.scheduler.setTimer(ms, run));
      });
    };
    this.cancels.set(kind, this.scheduler.setTimer(0, run));
  }

  /** A failed poll: logged; a setting error stops the feed, anything else degrades it. */
  private trouble(kind: Kind, error: unknown): void {
    const e = error instanceof NumerusError ? error : new TemporaryError(messageOf(error));
    this.logger?.warn(
      { feed: this.source, kind, code: e.code, error: e.message },
      'feed poll failed',
    );
    if (!this.health.active) return;
    if (e instanceof ConfigurationError) {
      this.halt();
      this.health.set('failed', e.message, { code: e.code, message: e.message });
      this.hub.close();
      return;
    }
    this.health.problem(kind, e.message);
  }

  private skip(pair: string, reason: string): void {
    this.skipped++;
    this.lastSkip = { ts: this.clock.now(), reason: `${pair}: ${reason}` };
    this.logger?.warn({ feed: this.source, pair, reason }, 'price skipped');
  }

  private halt(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  }

  /** The mints whose prices `pairs` need, sorted: one cache key whatever the subscription order. */
  private mintsOf(pairs: readonly string[]): string[] {
    const mints = new Set(
      pairs.flatMap((p) => [this.market(p).baseMint, this.market(p).quoteMint]),
    );
    return [...mints].sort();
  }

  private market(pair: string): LiveMarket {
    const m = this.opts.markets.get(pair);
    if (m === undefined) {
      throw new ConfigurationError(
        `the live feed has no market ${pair}; it has ${this.available().join(', ')}`,
        { pair },
      );
    }
    return m;
  }
}
