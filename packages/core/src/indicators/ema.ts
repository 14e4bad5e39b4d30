import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, ScalarStream } from './types.js';

/**
 * Exponential moving average (TA-Lib EMA): k = 2 / (period + 1), seeded with the SMA of the first
 * `period` values, so the first value is at index `period - 1`; then ema += (x − ema) × k.
 */
export function ema(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('period', period);
  const out = outputArray(values.length, period - 1); // emaInto writes every cell from period − 1
  emaInto(values, period, 0, out);
  return out;
}

/**
 * Writes the EMA of `values[start..]` into `out` (TA-Lib's seeding from `start`). Exposed for
 * indicators that run an EMA over another indicator's output (MACD signal, Keltner).
 */
export function emaInto(
  values: ArrayLike<number>,
  period: number,
  start: number,
  out: Float64Array,
): void {
  const n = values.length;
  if (n - start < period) return;
  const k = 2 / (period + 1);
  let seed = 0;
  for (let i = start; i < start + period; i++) seed += values[i]!;
  let prev = seed / period;
  out[start + period - 1] = prev;
  for (let i = start + period; i < n; i++) {
    prev = (values[i]! - prev) * k + prev;
    out[i] = prev;
  }
}

export class EmaStream implements ScalarStream {
  private readonly k: number;
  private count = 0;
  private seedSum = 0;
  private prev = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.k = 2 / (period + 1);
  }

  next(value: number): number {
    this.count++;
    if (this.count < this.period) {
      this.seedSum += value;
      return Number.NaN;
    }
    if (this.count === this.period) {
      this.prev = (this.seedSum + value) / this.period;
    } else {
      this.prev = (value - this.prev) * this.k + this.prev;
    }
    return this.prev;
  }

  update(candle: CandleLike): number {
    return this.next(candle.close);
  }
}
