/**
 * Highest high and lowest low over the last `period` pushes, amortised O(1) per push with two
 * monotonic deques (each index enters and leaves each deque once). Used by Stochastic,
 * Williams %R, Donchian and Stochastic RSI in both batch and streaming forms, so they agree exactly.
 */
export class RollingExtremes {
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  // Ring buffers of candle indices; capacity period + 1 so that head === tail means "empty".
  private readonly maxIdx: Int32Array;
  private readonly minIdx: Int32Array;
  private maxHead = 0;
  private maxTail = 0;
  private minHead = 0;
  private minTail = 0;
  private count = 0;

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
    while (this.maxHead !== this.maxTail && this.maxIdx[this.maxHead]! < oldest) {
      this.maxHead = (this.maxHead + 1) % cap;
    }
    while (this.minHead !== this.minTail && this.minIdx[this.minHead]! < oldest) {
      this.minHead = (this.minHead + 1) % cap;
    }
    this.highs[i % period] = high;
    this.lows[i % period] = low;
    while (this.maxHead !== this.maxTail) {
      const last = (this.maxTail + cap - 1) % cap;
      if (this.highs[this.maxIdx[last]! % period]! > high) break;
      this.maxTail = last;
    }
    this.maxIdx[this.maxTail] = i;
    this.maxTail = (this.maxTail + 1) % cap;
    while (this.minHead !== this.minTail) {
      const last = (this.minTail + cap - 1) % cap;
      if (this.lows[this.minIdx[last]! % period]! < low) break;
      this.minTail = last;
    }
    this.minIdx[this.minTail] = i;
    this.minTail = (this.minTail + 1) % cap;
  }

  /** True once `period` values have been pushed. */
  get ready(): boolean {
    return this.count >= this.period;
  }

  get highest(): number {
    return this.highs[this.maxIdx[this.maxHead]! % this.period]!;
  }

  get lowest(): number {
    return this.lows[this.minIdx[this.minHead]! % this.period]!;
  }
}
