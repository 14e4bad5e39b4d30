import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, ScalarStream } from './types.js';

/**
 * Simple moving average (TA-Lib SMA). Warm-up: the first value is at index `period - 1`.
 * Kept as a running sum (add the new value, then drop the oldest), the same order in both forms.
 */
export function sma(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const out = outputArray(n, period - 1); // every cell from period − 1 on is written
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    if (i >= period - 1) {
      out[i] = sum / period;
      sum -= values[i - period + 1]!;
    }
  }
  return out;
}

export class SmaStream implements ScalarStream {
  private readonly window: Float64Array;
  private count = 0;
  private sum = 0;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new Float64Array(period);
  }

  next(value: number): number {
    const slot = this.count % this.period;
    this.window[slot] = value;
    this.count++;
    this.sum += value;
    if (this.count < this.period) return Number.NaN;
    const result = this.sum / this.period;
    // The oldest value of the window is the one the next update overwrites.
    this.sum -= this.window[this.count % this.period]!;
    return result;
  }

  update(candle: CandleLike): number {
    return this.next(candle.close);
  }
}
