import { ConfigurationError, marketSpec } from '@numerusx/core';
import { range, type BreakerOptions } from '../ai/config.js';
import { DEFAULT_GECKO_BASE_URL, geckoInterval, type GeckoInterval } from './gecko-ohlcv.js';
import { DEFAULT_JUPITER_BASE_URL } from './jupiter-price.js';

/** A pair the live feed can serve: where its price and its candles come from. */
export interface LiveMarket {
  /** `BASE/QUOTE`, e.g. `SOL/USDC`. */
  readonly pair: string;
  /** SPL mint addresses: the tick price is usdPrice(base) / usdPrice(quote) from Jupiter. */
  readonly baseMint: string;
  readonly quoteMint: string;
  /** A Solana pool trading base against quote, as GeckoTerminal knows it: the candles' source. */
  readonly pool: string;
}

export const SOLANA_MINTS = {
  SOL: 'So11111111111111111111111111111111111111112', // wrapped SOL
  USDC: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
} as const;

/** Raydium's SOL-USDC AMM v4 pool, one of the deepest SOL/USDC markets, for the candles. */
export const DEFAULT_LIVE_MARKETS: readonly LiveMarket[] = [
  {
    pair: 'SOL/USDC',
    baseMint: SOLANA_MINTS.SOL,
    quoteMint: SOLANA_MINTS.USDC,
    pool: '58oQChx4yWmvKdwLLZzBi4ChoCc2fqCUWBkwMihLYQo2',
  },
];

export interface LiveFeedOptions {
  /** Pairs the feed can serve; default SOL/USDC. */
  readonly markets?: readonly LiveMarket[];
  /** Pairs subscribed at start; default every market. */
  readonly pairs?: readonly string[];
  /** Timeframe of candle events: 1m 5m 15m 1h 4h 12h 1d (what GeckoTerminal builds); default 1h. */
  readonly timeframe?: string;
  readonly jupiterBaseUrl?: string;
  /** Sent as `x-api-key`; never logged, never part of a URL or a cache key. */
  readonly jupiterApiKey?: string;
  readonly geckoBaseUrl?: string;
  /** Between price polls, 250 ms..1 h, default 10 s. */
  readonly pricePollMs?: number;
  /** Between candle polls, 1 s..1 h, default 60 s (GeckoTerminal's public limit is 30 calls/min). */
  readonly candlePollMs?: number;
  /**
   * How long after its close a candle is trusted as final, 0..10 min, default 60 s: GeckoTerminal
   * refreshes its public answers about once a minute, so a candle read sooner may miss its last
   * trades.
   */
  readonly settleMs?: number;
  /** Cache lifetimes, 0..1 h; default 5 s for prices and 30 s for candles. */
  readonly priceTtlMs?: number;
  readonly candleTtlMs?: number;
  /** Per-request deadline, 10 ms..2 min, default 5 s. */
  readonly timeoutMs?: number;
  /** Retries after a timeout, 429, 408, 5xx or lost connection, 0..10, default 2. */
  readonly retries?: number;
  /** First backoff, 0..60 s, default 250 ms; doubled per retry with 1–2× jitter. */
  readonly minBackoffMs?: number;
  /** Longest backoff, minBackoffMs..5 min, default 4 s. */
  readonly maxBackoffMs?: number;
  /** Per API (Jupiter and GeckoTerminal each have one); defaults as for the AI providers. */
  readonly breaker?: BreakerOptions;
}

export interface ResolvedLiveOptions {
  readonly markets: ReadonlyMap<string, LiveMarket>;
  readonly pairs: readonly string[];
  readonly interval: GeckoInterval;
  readonly jupiterBaseUrl: string;
  readonly jupiterApiKey: string | undefined;
  readonly geckoBaseUrl: string;
  readonly pricePollMs: number;
  readonly candlePollMs: number;
  readonly settleMs: number;
  readonly priceTtlMs: number;
  readonly candleTtlMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly breaker: Required<BreakerOptions>;
}

/** Base58 of a 32-byte Solana address. */
const ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

/** Validates the settings once, at start-up; a bad one is a ConfigurationError naming it. */
export function resolveLiveOptions(opts: LiveFeedOptions): ResolvedLiveOptions {
  const markets = new Map<string, LiveMarket>();
  for (const m of opts.markets ?? DEFAULT_LIVE_MARKETS) {
    try {
      marketSpec(m.pair);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ConfigurationError(`live.markets: ${why}`, { setting: 'live.markets' });
    }
    for (const key of ['baseMint', 'quoteMint', 'pool'] as const) {
      if (!ADDRESS.test(m[key])) {
        throw new ConfigurationError(`live.markets ${m.pair}.${key} is not a Solana address`, {
          setting: `live.markets.${key}`,
          value: m[key],
        });
      }
    }
    markets.set(m.pair, m);
  }
  const minBackoffMs = range('live.minBackoffMs', opts.minBackoffMs ?? 250, 0, 60_000);
  const b = opts.breaker ?? {};
  return {
    markets,
    pairs: opts.pairs ?? [...markets.keys()],
    interval: geckoInterval(opts.timeframe ?? '1h'),
    jupiterBaseUrl: url('live.jupiterBaseUrl', opts.jupiterBaseUrl ?? DEFAULT_JUPITER_BASE_URL),
    jupiterApiKey: opts.jupiterApiKey,
    geckoBaseUrl: url('live.geckoBaseUrl', opts.geckoBaseUrl ?? DEFAULT_GECKO_BASE_URL),
    pricePollMs: range('live.pricePollMs', opts.pricePollMs ?? 10_000, 250, 3_600_000),
    candlePollMs: range('live.candlePollMs', opts.candlePollMs ?? 60_000, 1_000, 3_600_000),
    settleMs: range('live.settleMs', opts.settleMs ?? 60_000, 0, 600_000),
    priceTtlMs: range('live.priceTtlMs', opts.priceTtlMs ?? 5_000, 0, 3_600_000),
    candleTtlMs: range('live.candleTtlMs', opts.candleTtlMs ?? 30_000, 0, 3_600_000),
    timeoutMs: range('live.timeoutMs', opts.timeoutMs ?? 5_000, 10, 120_000),
    retries: range('live.retries', opts.retries ?? 2, 0, 10, true),
    minBackoffMs,
    maxBackoffMs: range('live.maxBackoffMs', opts.maxBackoffMs ?? 4_000, minBackoffMs, 300_000),
    breaker: {
      minCalls: range('live.breaker.minCalls', b.minCalls ?? 5, 1, 1000, true),
      errorRatePct: range('live.breaker.errorRatePct', b.errorRatePct ?? 50, 1, 99),
      cooldownMs: range('live.breaker.cooldownMs', b.cooldownMs ?? 60_000, 10, 3_600_000),
      windowMs: range('live.breaker.windowMs', b.windowMs ?? 600_000, 1_000, 86_400_000),
    },
  };
}

function url(setting: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigurationError(`${setting} is not a URL: ${value}`, { setting });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(`${setting} must be an http(s) URL, got ${value}`, { setting });
  }
  return value.replace(/\/+$/, '');
}
