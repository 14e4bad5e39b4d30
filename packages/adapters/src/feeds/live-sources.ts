import type { Candle, Clock } from '@numerusx/core';
import { CallGuard } from '../ai/call-guard.js';
import type { CircuitState } from '../ai/types.js';
import { MAX_OHLCV_LIMIT, ohlcvUrl, readOhlcv, type GeckoInterval } from './gecko-ohlcv.js';
import { cachedGet, type Fetched, type GetContext } from './http-get.js';
import { priceUrl, readPrices, type PriceReadings } from './jupiter-price.js';
import type { LiveMarket, ResolvedLiveOptions } from './live-config.js';
import type { FeedLogger, TtlCache } from './types.js';

/**
 * The two remote APIs of the live feed, each behind its own guard so that a GeckoTerminal outage
 * does not open the breaker in front of Jupiter's prices, and both behind the TTL cache. Every
 * method rejects only with a NumerusError (the guard's, or a malformed-answer TemporaryError).
 */
export class LiveSources {
  private readonly prices: GetContext;
  private readonly candles: GetContext;

  constructor(
    private readonly opts: ResolvedLiveOptions,
    clock: Clock,
    cache: TtlCache,
    logger: FeedLogger | undefined,
  ) {
    const { timeoutMs, retries, minBackoffMs, maxBackoffMs, breaker } = opts;
    const settings = { timeoutMs, retries, minBackoffMs, maxBackoffMs, breaker };
    const context = (name: string): GetContext => ({
      guard: new CallGuard<string>({ name, ...settings }),
      cache,
      clock,
      logger,
    });
    this.prices = context('jupiter-price');
    this.candles = context('geckoterminal-ohlcv');
  }

  get circuits(): { readonly prices: CircuitState; readonly candles: CircuitState } {
    return { prices: this.prices.guard.state, candles: this.candles.guard.state };
  }

  /** USD prices of `mints` (at most 50) from Jupiter's Price API v3, with per-mint problems. */
  usdPrices(mints: readonly string[]): Promise<Fetched<PriceReadings>> {
    const { jupiterBaseUrl, jupiterApiKey, priceTtlMs } = this.opts;
    return cachedGet(
      this.prices,
      { what: 'Jupiter Price API v3', url: priceUrl(jupiterBaseUrl, mints), ttlMs: priceTtlMs },
      jupiterApiKey === undefined ? {} : { 'x-api-key': jupiterApiKey },
      (body) => readPrices(body, mints),
    );
  }

  /**
   * Up to `limit` closed and settled candles of a market, oldest first: closed as of when the
   * answer was fetched (`ts + timeframe + settleMs ≤ fetchedAt`), since a cached answer shows a
   * candle as it was then, not as it ended.
   */
  async closedCandles(m: LiveMarket, interval: GeckoInterval, limit: number): Promise<Candle[]> {
    const what = `GeckoTerminal OHLCV of ${m.pair} (pool ${m.pool})`;
    // One more than asked: the newest candle on the wire is usually still forming.
    const wire = Math.min(MAX_OHLCV_LIMIT, limit + 1);
    const url = ohlcvUrl(this.opts.geckoBaseUrl, m.pool, m.baseMint, interval, wire);
    const { fetchedAt, value } = await cachedGet(
      this.candles,
      { what, url, ttlMs: this.opts.candleTtlMs },
      {},
      (body) => readOhlcv(body, what),
    );
    const cutoff = fetchedAt - interval.ms - this.opts.settleMs;
    return value.filter((c) => c.ts <= cutoff).slice(-limit);
  }

  /** Stops the breakers' statistics timers; later requests fail as circuit-open. */
  close(): void {
    this.prices.guard.close();
    this.candles.guard.close();
  }
}
