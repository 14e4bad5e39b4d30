import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, ScalarStream } from './types.js';

/**
 * Rate of change in percent (TA-Lib ROC): ((value / value[i − period]) − 1) × 100, and 0 when the
 * older value is exactly 0 (TA-Lib's guard against a division by zero). The first value is at
 * index `period`.
 */
export function roc(values: ArrayLike<number>, period = 10): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const out = outputArray(n, period); // every cell from `period` on is written
  for (let i = period; i < n; i++) {
    const old = values[i - period]!;
    out[i] = old !== 0 ? (values[i]! / old - 1) * 100 : 0;
  }
  return out;
}

/** Streaming ROC: O(1) per value with a ring buffer of the last `period` values. */
export class RocStream implements ScalarStream {
  private readonly window: Float64Array;
  private count = 0;

  constructor(readonly period = 10) {
    assertPeriod('period', period);
    this.window = new Float64Array(period);
  }

  next(value: number): number {
    const slot = this.count % this.period;
    let result = Number.NaN;
    if (this.count >= this.period) {
      const old = this.window[slot]!;
      result = old !== 0 ? (value / old - 1) * 100 : 0;
    }
    this.window[slot] = value;
    this.count++;
    return result;
  }

  update(candle: CandleLike): number {
    return this.next(candle.close);
  }
}
