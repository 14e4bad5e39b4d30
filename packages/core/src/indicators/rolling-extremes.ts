/**
 * Highest high and lowest low over a sliding window of `period` candles (the current one included).
 * The streaming form, RollingExtremes, keeps monotonic deques: each index enters and leaves each
 * deque once, so amortised O(1) per candle. The batch forms use TA-Lib's method instead (see
 * rollingHighLow); Stochastic, Stochastic RSI, Williams %R and Donchian run it inline in their batch
 * functions, with lastMaxIndex / lastMinIndex for the rescans, and RollingExtremes in their streaming
 * classes. Both methods return the very same input values, so the two forms of each indicator agree
 * exactly.
 */
import { outputArray } from './params.js';

export interface HighLowWindows {
  /** Highest `high` of the window ending at each index; NaN before the first full window. */
  readonly highest: Float64Array;
  /** Lowest `low` of the window ending at each index; NaN before the first full window. */
  readonly lowest: Float64Array;
}

/**
 * Batch form over whole arrays, starting at index `from` (earlier values are ignored, e.g. RSI's
 * warm-up); the first window ends at `from + period − 1`. Pass the same array twice for one series.
 *
 * Batch uses TA-Lib's own method rather than deques: remember where the extreme is and rescan the
 * window only when it slides out. On real candles that is rare and the loop is branch-predictable,
 * about 1.5× faster than deques here; the values are the same, so batch and streaming still agree.
 * The indicators run the same method inline (with {@link lastMaxIndex} / {@link lastMinIndex} for
 * the rescans) rather than through these two full-length arrays.
 */
export function rollingHighLow(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  period: number,
  from = 0,
): HighLowWindows {
  const n = high.length;
  // Both arrays are written for every index from the first full window on.
  const highest = outputArray(n, from + period - 1);
  const lowest = outputArray(n, from + period - 1);
  let hiIdx = from - 1;
  let loIdx = from - 1;
  let hi = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  for (let i = from; i < n; i++) {
    const start = i - period + 1 > from ? i - period + 1 : from;
    const h = high[i]!;
    if (hiIdx < start) {
      // The extreme left the window: rescan it, keeping the latest index of equal values.
      hiIdx = lastMaxIndex(high, start, i);
      hi = high[hiIdx]!;
    } else if (h >= hi) {
      hi = h;
      hiIdx = i;
    }
    const l = low[i]!;
    if (loIdx < start) {
      loIdx = lastMinIndex(low, start, i);
      lo = low[loIdx]!;
    } else if (l <= lo) {
      lo = l;
      loIdx = i;
    }
    if (i - from >= period - 1) {
      highest[i] = hi;
      lowest[i] = lo;
    }
  }
  return { highest, lowest };
}

/** Index of the largest of values[from..to] (both included), the latest one among equals. */
export function lastMaxIndex(values: ArrayLike<number>, from: number, to: number): number {
  let idx = from;
  let max = values[from]!;
  for (let j = from + 1; j <= to; j++) {
    const v = values[j]!;
    if (v >= max) {
      max = v;
      idx = j;
    }
  }
  return idx;
}

/** Index of the smallest of values[from..to] (both included), the latest one among equals. */
export function lastMinIndex(values: ArrayLike<number>, from: number, to: number): number {
  let idx = from;
  let min = values[from]!;
  for (let j = from + 1; j <= to; j++) {
    const v = values[j]!;
    if (v <= min) {
      min = v;
      idx = j;
    }
  }
  return idx;
}

/** Streaming form: ring buffers of the last `period` values and their deques. */
export class RollingExtremes {
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  // Deques of candle indices in ring buffers of capacity period + 1 (head === tail means empty).
  private readonly maxIdx: Int32Array;
  private readonly minIdx: Int32Array;
  private maxHead = 0;
  private maxTail = 0;
  private minHead = 0;
  private minTail = 0;
  private count = 0;
  /** Ring slot of the newest value (count − 1 mod period), kept without a division. */
  private slot = -1;

  constructor(readonly period: number) {
    this.highs = new Float64Array(period);
    this.lows = new Float64Array(period);
    this.maxIdx = new Int32Array(period + 1);
    this.minIdx = new Int32Array(period + 1);
  }

  /** Pushes the next high and low (pass the same number twice for a single series). */
  push(high: number, low: number): void {
    const i = this.count++;
    const period = this.period;
    const cap = period + 1;
    const oldest = i - period + 1;
    if (this.maxHead !== this.maxTail && this.maxIdx[this.maxHead]! < oldest) {
      this.maxHead = this.maxHead + 1 === cap ? 0 : this.maxHead + 1;
    }
    if (this.minHead !== this.minTail && this.minIdx[this.minHead]! < oldest) {
      this.minHead = this.minHead + 1 === cap ? 0 : this.minHead + 1;
    }
    this.slot = this.slot + 1 === period ? 0 : this.slot + 1;
    this.highs[this.slot] = high;
    this.lows[this.slot] = low;
    while (this.maxHead !== this.maxTail) {
      const last = this.maxTail === 0 ? period : this.maxTail - 1;
      if (this.highAt(this.maxIdx[last]!) > high) break;
      this.maxTail = last;
    }
    this.maxIdx[this.maxTail] = i;
    this.maxTail = this.maxTail + 1 === cap ? 0 : this.maxTail + 1;
    while (this.minHead !== this.minTail) {
      const last = this.minTail === 0 ? period : this.minTail - 1;
      if (this.lowAt(this.minIdx[last]!) < low) break;
      this.minTail = last;
    }
    this.minIdx[this.minTail] = i;
    this.minTail = this.minTail + 1 === cap ? 0 : this.minTail + 1;
  }

  /** True once `period` values have been pushed. */
  get ready(): boolean {
    return this.count >= this.period;
  }

  get highest(): number {
    return this.highAt(this.maxIdx[this.maxHead]!);
  }

  get lowest(): number {
    return this.lowAt(this.minIdx[this.minHead]!);
  }

  /** The value pushed as candle `index`, which must still be inside the window. */
  private highAt(index: number): number {
    return this.highs[this.ringSlot(index)]!;
  }

  private lowAt(index: number): number {
    return this.lows[this.ringSlot(index)]!;
  }

  private ringSlot(index: number): number {
    // `index` is at most period − 1 behind the newest, whose slot is known: no modulo needed.
    const back = this.count - 1 - index;
    return this.slot >= back ? this.slot - back : this.slot - back + this.period;
  }
}
