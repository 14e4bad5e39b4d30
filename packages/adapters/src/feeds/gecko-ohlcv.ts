import {
  CandleDataError,
  ConfigurationError,
  buildCandleSeries,
  candleAt,
  type Candle,
  type CandleRow,
} from '@numerusx/core';
import { malformed, parseBody } from './http-get.js';

/** Every live candle carries this. */
export const GECKO_OHLCV_SOURCE = 'geckoterminal:ohlcv';

export const DEFAULT_GECKO_BASE_URL = 'https://api.geckoterminal.com';

/** Most candles one OHLCV request returns. */
export const MAX_OHLCV_LIMIT = 1000;

/** The intervals GeckoTerminal builds: its `timeframe` path segment and `aggregate` parameter. */
const INTERVALS: Readonly<Record<string, readonly [string, number, number]>> = {
  '1m': ['minute', 1, 60_000],
  '5m': ['minute', 5, 300_000],
  '15m': ['minute', 15, 900_000],
  '1h': ['hour', 1, 3_600_000],
  '4h': ['hour', 4, 14_400_000],
  '12h': ['hour', 12, 43_200_000],
  '1d': ['day', 1, 86_400_000],
};

export interface GeckoInterval {
  readonly label: string;
  readonly unit: string;
  readonly aggregate: number;
  readonly ms: number;
}

/** The GeckoTerminal form of a timeframe label; a ConfigurationError for one it does not build. */
export function geckoInterval(label: string): GeckoInterval {
  const found = Object.hasOwn(INTERVALS, label) ? INTERVALS[label] : undefined;
  if (found === undefined) {
    throw new ConfigurationError(
      `GeckoTerminal has no ${label} candles; it has ${Object.keys(INTERVALS).join(', ')}`,
      { timeframe: label },
    );
  }
  const [unit, aggregate, ms] = found;
  return { label, unit, aggregate, ms };
}

/**
 * `GET {base}/api/v2/networks/solana/pools/{pool}/ohlcv/{unit}?aggregate=N&limit=M&…`, asking for
 * prices in the quote token (`currency=token`) of the pair's base mint (`token=<mint>`), so the
 * candles are in the pair's own terms whichever way round the pool holds the two tokens.
 */
export function ohlcvUrl(
  baseUrl: string,
  pool: string,
  baseMint: string,
  interval: GeckoInterval,
  limit: number,
): string {
  const root = baseUrl.replace(/\/+$/, '');
  const query = `aggregate=${interval.aggregate}&limit=${limit}&currency=token&token=${baseMint}`;
  return `${root}/api/v2/networks/solana/pools/${pool}/ohlcv/${interval.unit}?${query}`;
}

/**
 * Reads `{data: {attributes: {ohlcv_list: [[ts_seconds, o, h, l, c, v], …]}}}` (newest first) into
 * candles oldest first, ts in ms, every rule of core's candle validation checked: one broken candle
 * refuses the answer (a TemporaryError; the poll is skipped and logged), since a candle quietly
 * dropped or patched would be a price that never traded.
 *
 * Volume: GeckoTerminal reports it in USD; core's candles hold it in the base asset, so it is
 * divided by the close. That is exact for a USD-stablecoin quote (the live pairs are USDC-quoted)
 * and an approximation otherwise.
 */
export function readOhlcv(body: string, what: string): Candle[] {
  const data = parseBody(what, body);
  const list = dig(data, ['data', 'attributes', 'ohlcv_list']);
  if (!Array.isArray(list)) throw malformed(what, 'no data.attributes.ohlcv_list array');
  if (list.length === 0) return []; // a pool without trades in the window: no candles, not an error
  const rows: CandleRow[] = (list as unknown[]).map((item, i) => {
    if (!isOhlcvItem(item)) {
      throw malformed(what, `ohlcv_list[${i}] is not [timestamp, open, high, low, close, volume]`);
    }
    const [sec, open, high, low, close, usdVolume] = item;
    return { line: i, ts: sec * 1000, open, high, low, close, volume: usdVolume / close };
  });
  rows.sort((a, b) => a.ts - b.ts); // newest first on the wire
  try {
    const series = buildCandleSeries(rows, what);
    return Array.from({ length: series.length }, (_, i) => candleAt(series, i));
  } catch (error) {
    if (error instanceof CandleDataError) throw malformed(what, error.message);
    throw error;
  }
}

type OhlcvItem = [number, number, number, number, number, number];

function isOhlcvItem(item: unknown): item is OhlcvItem {
  return Array.isArray(item) && item.length === 6 && item.every((x) => typeof x === 'number');
}

function dig(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
