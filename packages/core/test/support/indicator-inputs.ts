// Test-only inputs for the indicators: the golden OHLCV files as candle series, and a synthetic
// series made of the cases that break careless implementations.
import { candleAt } from '../../src/candles/types.js';
import type { Candle, CandleSeries } from '../../src/candles/types.js';
import { column, readNumericCsv } from './datasets.js';

/** A `timestamp,open,high,low,close,volume` dataset file as a candle series (no validation). */
export function readOhlcv(relativePath: string): CandleSeries {
  const table = readNumericCsv(relativePath);
  return {
    length: table.rows,
    ts: column(table, 'timestamp'),
    open: column(table, 'open'),
    high: column(table, 'high'),
    low: column(table, 'low'),
    close: column(table, 'close'),
    volume: column(table, 'volume'),
  };
}

/** The series as candle objects, in order: what a streaming indicator is fed. */
export function candlesOf(series: CandleSeries): Candle[] {
  return Array.from({ length: series.length }, (_, i) => candleAt(series, i));
}

/**
 * 600 hourly candles (UTC days start at index 19, 43, ...), deterministic, built from what breaks
 * careless implementations: prices on a 0.5 grid (many equal closes and typical prices), a
 * 30-candle flat stretch every 97 candles (open = high = low = close; zero volume for its first 15
 * candles, so some UTC days start without volume), zero-range candles that still move, zero-volume
 * candles, and stretches of tiny volume (money flow below 1).
 */
export function edgeSeries(length = 600): CandleSeries {
  let seed = 20240101;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const grid = (x: number): number => Math.round(x * 2) / 2;
  const ts = new Float64Array(length);
  const open = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 100;
  for (let i = 0; i < length; i++) {
    const phase = i % 97;
    ts[i] = Date.UTC(2024, 0, 1, 5) + i * 3_600_000;
    if (phase >= 40 && phase < 70) {
      open[i] = high[i] = low[i] = close[i] = price;
      volume[i] = phase < 55 ? 0 : 3;
    } else if (i % 7 === 3) {
      price = grid(price + (rnd() - 0.5) * 4);
      open[i] = high[i] = low[i] = close[i] = price;
      volume[i] = i % 2 === 1 ? 0 : 10 * rnd();
    } else {
      open[i] = price;
      price = grid(price + (rnd() - 0.5) * 4);
      close[i] = price;
      high[i] = grid(Math.max(open[i]!, price) + rnd() * 2);
      low[i] = grid(Math.min(open[i]!, price) - rnd() * 2);
      volume[i] = i % 11 === 0 ? 0 : 1 + 100 * rnd();
    }
    if (phase >= 80 && phase < 90) volume[i] = 0.001;
  }
  return { length, ts, open, high, low, close, volume };
}
