import type { Ohlc } from './ohlc.js';
import { assertPeriod, nanArray } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Commodity Channel Index (TA-Lib CCI): typical price TP = (high + low + close) / 3; over the last
 * `period` TPs, mean = their average and meanDev = Σ|TP − mean| / period; CCI = (TP − mean) /
 * (0.015 × meanDev), and 0 when TP − mean or meanDev is exactly 0 (TA-Lib's guard). The first value
 * is at index `period − 1`; TA-Lib accepts periods from 2.
 *
 * Cost: O(period) per candle in both forms. The mean deviation depends on every TP of the window
 * through the new mean, so it cannot be updated in O(1); the mean is re-summed in the same pass
 * (no running sum), exactly as TA-Lib does, in TA-Lib's ring-buffer order, which keeps the numbers
 * identical to TA-Lib's and free of drift.
 */
export function cci(candles: Ohlc, period = 20): Float64Array {
  assertPeriod('period', period, 2);
  const { high, low, close } = candles;
  const n = close.length;
  const out = nanArray(n);
  const window = new Float64Array(period);
  let slot = 0;
  for (let i = 0; i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    window[slot] = tp;
    if (++slot === period) slot = 0;
    if (i >= period - 1) out[i] = cciOfWindow(window, tp);
  }
  return out;
}

/** TA-Lib's CCI step over the full ring buffer, summed from slot 0 (TA-Lib's order). */
function cciOfWindow(window: Float64Array, tp: number): number {
  const period = window.length;
  let sum = 0;
  for (let j = 0; j < period; j++) sum += window[j]!;
  const mean = sum / period;
  let dev = 0;
  for (let j = 0; j < period; j++) dev += Math.abs(window[j]! - mean);
  const num = tp - mean;
  return num !== 0 && dev !== 0 ? num / (0.015 * (dev / period)) : 0;
}

/** Streaming CCI: O(period) per candle (see {@link cci}), bit-identical to the batch. */
export class CciStream implements StreamingIndicator<number> {
  private readonly window: Float64Array;
  private count = 0;

  constructor(readonly period = 20) {
    assertPeriod('period', period, 2);
    this.window = new Float64Array(period);
  }

  update(candle: CandleLike): number {
    const tp = (candle.high + candle.low + candle.close) / 3;
    this.window[this.count % this.period] = tp;
    this.count++;
    return this.count < this.period ? Number.NaN : cciOfWindow(this.window, tp);
  }
}
