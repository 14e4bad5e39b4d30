import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, ScalarStream } from './types.js';

/**
 * Weighted moving average (TA-Lib WMA): weights 1..n from the oldest to the newest value, divided by
 * n(n+1)/2. Warm-up: the first value is at index `period - 1`. Period range 2..100000 (TA-Lib's).
 *
 * Kept, as TA-Lib does, as two running sums instead of re-weighting the window: `periodSub` is the
 * plain sum of the window and `periodSum` the weighted one. Each step adds the new value to
 * `periodSub` and drops the value that left, adds `n × value` to `periodSum`, outputs
 * `periodSum / divider`, then subtracts `periodSub` from `periodSum` (every weight falls by one).
 * Both forms run these operations in this order, so they agree bit for bit.
 */
export function wma(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('period', period, 2);
  const n = values.length;
  const out = outputArray(n, period - 1); // every cell from period − 1 on is written
  const divider = (period * (period + 1)) / 2;
  let periodSum = 0;
  let periodSub = 0;
  const warm = Math.min(period - 1, n);
  for (let i = 0; i < warm; i++) {
    const x = values[i]!;
    periodSub += x;
    periodSum += x * (i + 1);
  }
  let trailing = 0;
  for (let i = period - 1; i < n; i++) {
    const x = values[i]!;
    periodSub += x;
    periodSub -= trailing;
    periodSum += x * period;
    trailing = values[i - period + 1]!;
    out[i] = periodSum / divider;
    periodSum -= periodSub;
  }
  return out;
}

export class WmaStream implements ScalarStream {
  private readonly window: Float64Array;
  private readonly divider: number;
  private count = 0;
  private periodSum = 0;
  private periodSub = 0;
  private trailing = 0;

  constructor(readonly period: number) {
    assertPeriod('period', period, 2);
    this.window = new Float64Array(period);
    this.divider = (period * (period + 1)) / 2;
  }

  next(value: number): number {
    const period = this.period;
    const i = this.count++;
    this.window[i % period] = value;
    if (i < period - 1) {
      this.periodSub += value;
      this.periodSum += value * (i + 1);
      return Number.NaN;
    }
    this.periodSub += value;
    this.periodSub -= this.trailing;
    this.periodSum += value * period;
    // Oldest value of the window (index i − period + 1): the slot the next update overwrites.
    this.trailing = this.window[(i + 1) % period]!;
    const result = this.periodSum / this.divider;
    this.periodSum -= this.periodSub;
    return result;
  }

  update(candle: CandleLike): number {
    return this.next(candle.close);
  }
}
