import type { Ohlc } from './ohlc.js';
import { assertPeriod, nanArray } from './params.js';
import { RollingExtremes, rollingHighLow } from './rolling-extremes.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Williams %R (TA-Lib WILLR), from −100 (close at the lowest low) to 0 (close at the highest high):
 * (HH − close) / ((HH − LL) / −100) over the last `period` candles including the current one, and 0
 * when HH == LL (TA-Lib's value for a window without range). The first value is at index
 * `period − 1`. TA-Lib accepts periods from 2.
 */
export function williamsR(candles: Ohlc, period = 14): Float64Array {
  assertPeriod('period', period, 2);
  const { high, low, close } = candles;
  const n = close.length;
  const out = nanArray(n);
  const { highest, lowest } = rollingHighLow(high, low, period);
  for (let i = period - 1; i < n; i++) out[i] = percentR(highest[i]!, lowest[i]!, close[i]!);
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
