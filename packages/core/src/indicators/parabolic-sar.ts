import { assertPositive, outputArray } from './params.js';
import type { StreamingIndicator } from './types.js';

export interface ParabolicSarOptions {
  /** Acceleration factor start and increment (default 0.02). */
  readonly step?: number;
  /** Acceleration factor ceiling (default 0.2). */
  readonly max?: number;
}

interface SarParams {
  readonly step: number;
  readonly max: number;
}

function readOptions(options: ParabolicSarOptions): SarParams {
  const max = options.max ?? 0.2;
  let step = options.step ?? 0.02;
  assertPositive('step', step);
  assertPositive('max', max);
  // TA-Lib: "make sure the acceleration and maximum are coherent", a step above the maximum is
  // lowered to the maximum rather than refused.
  if (step > max) step = max;
  return { step, max };
}

/**
 * Parabolic SAR, exactly TA-Lib's SAR (Wilder's rules with TA-Lib's bootstrap):
 * - the first value is at index 1 (candle 0 only seeds);
 * - initial direction from the directional movement between candles 0 and 1: short when
 *   −DM = low[0] − low[1] is > 0 and above +DM = high[1] − high[0], long otherwise (ties → long);
 * - initial SAR = the previous extreme: low[0] with EP = high[1] when long, high[0] with EP = low[1]
 *   when short; AF starts at `step`;
 * - each candle outputs the SAR computed the candle before; when long and low ≤ SAR (short and
 *   high ≥ SAR) the trade reverses: the SAR becomes the EP, pushed outside the current and previous
 *   candles' range, AF resets to `step` and EP to the current low (high);
 * - otherwise a new extreme raises AF by `step` up to `max`; next SAR = SAR + AF × (EP − SAR), never
 *   above the current and previous lows when long (below the highs when short).
 * `step` above `max` is lowered to `max`, as TA-Lib does.
 *
 * Differences from ChartSchool's example as computed by the `ta` library (cs-psar.csv): `ta` seeds
 * the SAR with the close, starts every series long, outputs from index 2, reverses on a strict
 * penetration (low < SAR) and does not keep the reversal SAR outside the reversal candles' range;
 * the values agree wherever those rules do not come into play (see the test).
 */
export function parabolicSar(
  candles: { readonly high: ArrayLike<number>; readonly low: ArrayLike<number> },
  options: ParabolicSarOptions = {},
): Float64Array {
  const { step, max } = readOptions(options);
  const { high, low } = candles;
  const n = high.length;
  const out = outputArray(n, 1); // every cell from index 1 on is written
  if (n < 2) return out;
  const diffPlus = high[1]! - high[0]!;
  const diffMinus = low[0]! - low[1]!;
  let isLong = !(diffMinus > 0 && diffPlus < diffMinus);
  let sar = isLong ? low[0]! : high[0]!;
  let ep = isLong ? high[1]! : low[1]!;
  let af = step;
  // TA-Lib "cheats" on the first iteration: the previous candle's range is candle 1's own.
  let newHigh = high[1]!;
  let newLow = low[1]!;
  for (let i = 1; i < n; i++) {
    const prevHigh = newHigh;
    const prevLow = newLow;
    newHigh = high[i]!;
    newLow = low[i]!;
    if (isLong) {
      if (newLow <= sar) {
        isLong = false;
        sar = ep;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
        out[i] = sar;
        af = step;
        ep = newLow;
        sar = sar + af * (ep - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
      } else {
        out[i] = sar;
        if (newHigh > ep) {
          ep = newHigh;
          af += step;
          if (af > max) af = max;
        }
        sar = sar + af * (ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > newLow) sar = newLow;
      }
    } else if (newHigh >= sar) {
      isLong = true;
      sar = ep;
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
      out[i] = sar;
      af = step;
      ep = newHigh;
      sar = sar + af * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
    } else {
      out[i] = sar;
      if (newLow < ep) {
        ep = newLow;
        af += step;
        if (af > max) af = max;
      }
      sar = sar + af * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < newHigh) sar = newHigh;
    }
  }
  return out;
}

/** Streaming Parabolic SAR: O(1) per candle, bit-identical to {@link parabolicSar}. */
export class ParabolicSarStream implements StreamingIndicator<number> {
  readonly step: number;
  readonly max: number;
  private count = 0;
  private isLong = true;
  private sar = 0;
  private ep = 0;
  private af = 0;
  private newHigh = 0;
  private newLow = 0;

  constructor(options: ParabolicSarOptions = {}) {
    const { step, max } = readOptions(options);
    this.step = step;
    this.max = max;
  }

  /** Whether the SAR is below price (long) after the last update; meaningless before index 1. */
  get long(): boolean {
    return this.isLong;
  }

  update(candle: { readonly high: number; readonly low: number }): number {
    const high = candle.high;
    const low = candle.low;
    const index = this.count++;
    if (index === 0) {
      // Candle 0 only seeds: keep its range until candle 1 decides the direction.
      this.newHigh = high;
      this.newLow = low;
      return Number.NaN;
    }
    if (index === 1) {
      const diffPlus = high - this.newHigh;
      const diffMinus = this.newLow - low;
      this.isLong = !(diffMinus > 0 && diffPlus < diffMinus);
      this.sar = this.isLong ? this.newLow : this.newHigh;
      this.ep = this.isLong ? high : low;
      this.af = this.step;
      this.newHigh = high;
      this.newLow = low;
    }
    const prevHigh = this.newHigh;
    const prevLow = this.newLow;
    this.newHigh = high;
    this.newLow = low;
    let sar = this.sar;
    let out: number;
    if (this.isLong) {
      if (low <= sar) {
        this.isLong = false;
        sar = this.ep;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
        out = sar;
        this.af = this.step;
        this.ep = low;
        sar = sar + this.af * (this.ep - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
      } else {
        out = sar;
        if (high > this.ep) {
          this.ep = high;
          this.af += this.step;
          if (this.af > this.max) this.af = this.max;
        }
        sar = sar + this.af * (this.ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > low) sar = low;
      }
    } else if (high >= sar) {
      this.isLong = true;
      sar = this.ep;
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
      out = sar;
      this.af = this.step;
      this.ep = high;
      sar = sar + this.af * (this.ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    } else {
      out = sar;
      if (low < this.ep) {
        this.ep = low;
        this.af += this.step;
        if (this.af > this.max) this.af = this.max;
      }
      sar = sar + this.af * (this.ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    }
    this.sar = sar;
    return out;
  }
}
