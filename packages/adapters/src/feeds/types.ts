/**
 * The MarketFeed port: where the bot loop gets prices and closed candles, whether they are replayed
 * from the shipped files (replay-feed.ts) or polled from Jupiter and GeckoTerminal (live-feed.ts).
 * The loop cannot tell the two apart, which is what lets paper, replay and live run one engine.
 *
 * How the loop uses it (pull, one event at a time, a stop signal ends it):
 *
 *   const stop = new AbortController();
 *   const events = feed.events(stop.signal);     // 1. listen first: nothing is lost from here on
 *   await feed.start();                          // 2. then start
 *   for (const pair of feed.pairs()) warmUp(pair, await feed.history(pair, '1h', 200)); // 3.
 *   for await (const e of events) {              // ends on stop.abort(), feed.stop() or end of data
 *     if (e.type === 'candle' && e.candle.ts <= lastSeen(e.pair)) continue; // already in history
 *     ...
 *   }
 *
 * An async iterator rather than callbacks: the loop awaits its own work (a model call, an order)
 * before it reads the next event, so events queue up instead of re-entering a half-done step, and
 * the loop is one `for await` with no listener bookkeeping.
 */
import type { Candle, Clock, Msg } from '@numerusx/core';

/** A price update. `ts` is the price's time: simulated time in a replay, receipt time live. */
export interface TickEvent {
  readonly type: 'tick';
  readonly pair: string;
  readonly ts: number;
  /** Quote currency per base unit, finite and > 0. */
  readonly price: number;
  /** Where it came from, e.g. `replay:binance-spot` or `jupiter:price-v3`. */
  readonly source: string;
}

/**
 * A CLOSED candle, never a forming one: emitted only once `candle.ts + timeframe ≤ now`. Per pair,
 * candle events come in strictly increasing `candle.ts`.
 */
export interface CandleEvent {
  readonly type: 'candle';
  readonly pair: string;
  /** The label of the feed's timeframe, e.g. `1h`. */
  readonly timeframe: string;
  readonly candle: Candle;
  readonly source: string;
}

/** The feed's state changed; `reason` says why in a sentence for the log and the dashboard. */
export interface StatusEvent {
  readonly type: 'status';
  readonly ts: number;
  readonly state: FeedState;
  readonly reason?: string;
  /** Set with `failed`: the error the runtime reports when it stops the bot. */
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * A looping replay jumped back to the start of its data: time went backwards, so the loop drops its
 * indicator state and warms up again from history().
 */
export interface RewindEvent {
  readonly type: 'rewind';
  readonly ts: number;
}

export type FeedEvent = TickEvent | CandleEvent | StatusEvent | RewindEvent;

/**
 * - `idle`: built, not started;
 * - `running`: events flow;
 * - `degraded`: the last request failed or was unusable (retried at the next poll; the breaker may
 *   be open). The feed keeps trying; the runtime shows a warning, it does not stop the bot;
 * - `ended`: a replay ran out of data (atEnd 'stop'); the event iterators finish;
 * - `failed`: a setting is wrong (refused key, unknown pool): the feed stopped and the runtime
 *   stops the bot and asks for a human, as for any ConfigurationError;
 * - `stopped`: stop() was called.
 */
export type FeedState = 'idle' | 'running' | 'degraded' | 'ended' | 'failed' | 'stopped';

/** What /bot/status shows about the feed. Each feed adds its own details. */
export interface FeedStatus {
  readonly state: FeedState;
  readonly reason?: string;
  readonly source: string;
  readonly label: string;
  /** The label as a message (keys `runtime.feed.*`), so the dashboard says it in its language. */
  readonly labelMsg?: Msg | undefined;
  readonly timeframe: string;
  /** The feed's current time (see MarketFeed.clock). */
  readonly now: number;
  /** Ticks dropped because a listener fell more than `maxBuffered` events behind. */
  readonly droppedTicks: number;
}

export interface MarketFeed {
  /** e.g. `replay:binance-spot` or `jupiter:price-v3+geckoterminal`. */
  readonly source: string;
  /** For humans: `SOL/USDT · Binance spot 2020–2026, replayed`. */
  readonly label: string;
  /** The timeframe of candle events, e.g. `1h`. */
  readonly timeframe: string;
  /**
   * The feed's time: the replay's simulated time (it moves the clock as it replays), the wall
   * clock live. The runtime gives this same clock to the engine, so "closed candles up to now"
   * means the same thing to both.
   */
  readonly clock: Clock;
  /** The pairs subscribed now. */
  pairs(): readonly string[];
  /** The pairs this feed can serve (what subscribe() accepts). */
  available(): readonly string[];
  /** Adds pairs; a pair the feed cannot serve is a ConfigurationError naming the ones it can. */
  subscribe(pairs: readonly string[]): void;
  unsubscribe(pairs: readonly string[]): void;
  start(): Promise<void>;
  /** Stops emitting; listeners receive what was queued, then their iterators finish. */
  stop(): Promise<void>;
  /**
   * A new listener: every event emitted from now on, in order, until `signal` aborts (the
   * iterator finishes at once) or the feed stops or ends. Listeners are independent; each buffers
   * up to `maxBuffered` events and then drops its oldest ticks (never candles or status).
   */
  events(signal?: AbortSignal): AsyncIterableIterator<FeedEvent>;
  /**
   * Up to `limit` closed candles of `pair` at `timeframe` (the feed's own or a coarser one), oldest
   * first, the newest being the last one closed at `clock.now()`: never the forming candle.
   */
  history(pair: string, timeframe: string, limit: number): Promise<readonly Candle[]>;
  status(): FeedStatus;
}

/** Timers behind a port, so a test moves time by hand and replays a day of candles instantly. */
export interface Scheduler {
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}

/**
 * A cache of strings with a time to live, for answers of remote APIs. Strings, so a Redis
 * implementation (the server's) stores exactly what the in-process one does. A cache that fails is
 * treated as a miss by its users: it saves requests, it is never needed for correctness.
 */
export interface TtlCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** The subset of pino's logger the feeds use (pino's own argument order: fields, then message). */
export interface FeedLogger {
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/** A Clock the replay moves as it replays; core's SimulatedClock is one. */
export interface SettableClock extends Clock {
  set(ts: number): void;
}
