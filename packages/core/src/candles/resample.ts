import { ValidationError } from '../errors.js';
import type { CandleSeries } from './types.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Binance weeks open Monday 00:00 UTC; epoch day 0 (1970-01-01) was a Thursday, Monday is day 4. */
const WEEK_OFFSET = 4 * DAY;

export interface ResampleResult {
  readonly series: CandleSeries;
  /**
   * Open times of the buckets built from fewer than `to / from` source candles: a gap inside the
   * bucket, or the last bucket that was still open when the data ended. Their OHLC is what traded
   * in the candles that exist, exactly as the exchange publishes it, but a strategy that needs a
   * closed candle must not act on the last one.
   */
  readonly incomplete: number[];
}

/**
 * Aggregates candles of `from` ms into candles of `to` ms the way an exchange builds its own:
 * buckets aligned to UTC (floor(ts / to) · to; weeks on Monday), open = first open, high = max,
 * low = min, close = last close, volume = sum. A bucket with no source candle is not emitted:
 * exchanges publish none for an outage, and an invented flat candle would be a price that never
 * traded.
 *
 * Refused: `to` above one day other than 1w (3d in particular: its anchor on Binance could not be
 * checked against published candles, and a guessed anchor would give plausible wrong candles), and
 * `to` that does not divide a day (no exchange publishes such candles, so there is no alignment to
 * reproduce).
 */
export function resample(series: CandleSeries, from: number, to: number): ResampleResult {
  checkIntervals(from, to);
  const offset = to === WEEK ? WEEK_OFFSET : 0;
  const n = series.length;
  const { ts, open, high, low, close, volume } = series;
  const outTs = new Float64Array(n);
  const outOpen = new Float64Array(n);
  const outHigh = new Float64Array(n);
  const outLow = new Float64Array(n);
  const outClose = new Float64Array(n);
  const outVolume = new Float64Array(n);
  const full = to / from;
  const incomplete: number[] = [];
  let k = -1;
  let bucket = Number.NaN;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = ts[i]!;
    const sinceAnchor = t - offset;
    // A candle off the `from` grid would straddle two buckets: no exchange candle looks like that.
    if (sinceAnchor % from !== 0) {
      throw new ValidationError(
        `candle ${i} opens at ${t}, not on the ${from} ms grid: cannot aggregate it to ${to} ms`,
        { index: i, ts: t },
      );
    }
    const b = Math.floor(sinceAnchor / to) * to + offset;
    if (b !== bucket) {
      if (k >= 0 && count < full) incomplete.push(bucket);
      k++;
      bucket = b;
      count = 0;
      outTs[k] = b;
      outOpen[k] = open[i]!;
      outHigh[k] = high[i]!;
      outLow[k] = low[i]!;
      outVolume[k] = 0;
    } else {
      if (high[i]! > outHigh[k]!) outHigh[k] = high[i]!;
      if (low[i]! < outLow[k]!) outLow[k] = low[i]!;
    }
    outClose[k] = close[i]!;
    outVolume[k] = outVolume[k]! + volume[i]!;
    count++;
  }
  if (k >= 0 && count < full) incomplete.push(bucket);
  const length = k + 1;
  return {
    series: {
      length,
      ts: outTs.slice(0, length),
      open: outOpen.slice(0, length),
      high: outHigh.slice(0, length),
      low: outLow.slice(0, length),
      close: outClose.slice(0, length),
      volume: outVolume.slice(0, length),
    },
    incomplete,
  };
}

function checkIntervals(from: number, to: number): void {
  if (!Number.isSafeInteger(from) || from <= 0 || !Number.isSafeInteger(to) || to <= 0) {
    throw new ValidationError(`from and to must be whole numbers of ms > 0, got ${from} and ${to}`);
  }
  if (to <= from || to % from !== 0) {
    throw new ValidationError(
      `to (${to} ms) must be a whole multiple of from (${from} ms) and larger`,
      { from, to },
    );
  }
  if (to === 3 * DAY) {
    throw new ValidationError(
      '3d is not supported: the day that exchange 3-day candles are anchored on is not verified, ' +
        'so 3d buckets here could differ from the exchange candles',
      { from, to },
    );
  }
  if (to !== WEEK && DAY % to !== 0) {
    throw new ValidationError(
      `to (${to} ms) must divide one day or be one week: exchanges align no other interval`,
      { from, to },
    );
  }
}
