import type { Ohlc } from './ohlc.js';
import { assertPeriod, outputArray } from './params.js';
import { RollingExtremes, lastMaxIndex, lastMinIndex } from './rolling-extremes.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Williams %R (TA-Lib WILLR), from −100 (close at the lowest low) to 0 (close at the highest high):
 * (HH − close) / ((HH − LL) / −100) over the last `period` candles including the current one, and 0
 * when HH == LL (TA-Lib's value for a window without range). The first value is at index
 * `period − 1`. TA-Lib accepts periods from 2.
 *
 * HH and LL: the batch form keeps TA-Lib's running extreme, rescanning the window only when the
 * extreme slides out of it (rolling-extremes.ts' rollingHighLow method, inline here); the streaming
 * form uses RollingExtremes' monotonic deques. Both find the same values.
 */
export function williamsR(candles: Ohlc, period = 14): Float64Array {
  assertPeriod('period', period, 2);
  const { high, low, close } = candles;
  const n = close.length;
  const out = outputArray(n, period - 1); // every cell from period − 1 on is written
  let hiIdx = -1;
  let loIdx = -1;
  let hi = 0;
  let lo = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
    if (hiIdx < start) {
      hiIdx = lastMaxIndex(high, start, i);
      hi = high[hiIdx]!;
    } else {
      const h = high[i]!;
      if (h >= hi) {
        hi = h;
        hiIdx = i;
      }
    }
    if (loIdx < start) {
      loIdx = lastMinIndex(low, start, i);
      lo = low[loIdx]!;
    } else {
      const l = low[i]!;
      if (l <= lo) {
        lo = l;
        loIdx = i;
      }
    }
    out[i] = percentR(hi, lo, close[i]!);
  }
  return out;
}

function percentR(highest: number, lowest: number, close: number): number {
  // Same expression as TA-Lib, so the rounding is the same too.
  const diff = (highest - lowest) / -100;
  return diff !== 0 ? (highest - close) / diff : 0;
}

/** Streaming Williams %R: amortised O(1) per candle (monotonic deques), bit-identical to the batch. */
export class WilliamsRStream implements StreamingIndicator<number> {
  private readonly extremes: RollingExtremes;

  constructor(readonly period = 14) {
    assertPeriod('period', period, 2);
    this.extremes = new RollingExtremes(period);
  }

  update(candle: CandleLike): number {
    const extremes = this.extremes;
    extremes.push(candle.high, candle.low);
    if (!extremes.ready) return Number.NaN;
    return percentR(extremes.highest, extremes.lowest, candle.close);
  }
}
