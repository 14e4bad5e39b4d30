import { assertPeriod, isZero, outputArray } from './params.js';
import type { CandleLike, ScalarStream } from './types.js';

/**
 * Relative strength index (TA-Lib RSI, classic Wilder, unstable period 0). Period range 2..100000.
 *
 * - Changes start at index 1 (a zero change counts as a gain of 0).
 * - Seeding: average gain and average loss are the simple means of the first `period` changes
 *   (indices 1..period), so the first value is at index `period`.
 * - Then Wilder smoothing in TA-Lib's order: avg *= period − 1; avg += today's gain (or loss);
 *   avg /= period.
 * - Output 100 × gain / (gain + loss), and 0 when gain + loss is TA_IS_ZERO (a flat market).
 */
export function rsi(values: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('period', period, 2);
  const n = values.length;
  const out = outputArray(n, period); // every cell from `period` on is written
  if (n <= period) return out;
  let gain = 0;
  let loss = 0;
  let prev = values[0]!;
  for (let i = 1; i <= period; i++) {
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    if (change < 0) loss -= change;
    else gain += change;
  }
  loss /= period;
  gain /= period;
  let sum = gain + loss;
  out[period] = isZero(sum) ? 0 : 100 * (gain / sum);
  const m = period - 1;
  for (let i = period + 1; i < n; i++) {
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    loss *= m;
    gain *= m;
    if (change < 0) loss -= change;
    else gain += change;
    loss /= period;
    gain /= period;
    sum = gain + loss;
    out[i] = isZero(sum) ? 0 : 100 * (gain / sum);
  }
  return out;
}

export class RsiStream implements ScalarStream {
  private count = 0;
  private prev = 0;
  private gain = 0;
  private loss = 0;

  constructor(readonly period = 14) {
    assertPeriod('period', period, 2);
  }

  next(value: number): number {
    const period = this.period;
    const i = this.count++;
    if (i === 0) {
      this.prev = value;
      return Number.NaN;
    }
    const change = value - this.prev;
    this.prev = value;
    if (i < period) {
      if (change < 0) this.loss -= change;
      else this.gain += change;
      return Number.NaN;
    }
    if (i === period) {
      if (change < 0) this.loss -= change;
      else this.gain += change;
      this.loss /= period;
      this.gain /= period;
    } else {
      this.loss *= period - 1;
      this.gain *= period - 1;
      if (change < 0) this.loss -= change;
      else this.gain += change;
      this.loss /= period;
      this.gain /= period;
    }
    const sum = this.gain + this.loss;
    return isZero(sum) ? 0 : 100 * (this.gain / sum);
  }

  update(candle: CandleLike): number {
    return this.next(candle.close);
  }
}
