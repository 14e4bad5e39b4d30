import type { Ohlc } from './ohlc.js';
import { assertPeriod, isZero, outputArray } from './params.js';
import { trueRange } from './true-range.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface AdxResult {
  readonly adx: Float64Array;
  readonly plusDi: Float64Array;
  readonly minusDi: Float64Array;
}

export interface AdxPoint {
  readonly adx: number;
  readonly plusDi: number;
  readonly minusDi: number;
}

/**
 * Average directional index with +DI and −DI (TA-Lib ADX, PLUS_DI, MINUS_DI; unstable period 0).
 * Period range 2..100000. Warm-up: +DI/−DI from index `period`, ADX from index `2 × period − 1`
 * (14 and 27 for the default 14).
 *
 * - Directional movement of a candle: up = high − prevHigh, down = prevLow − low; −DM = down when
 *   down > 0 and up < down, else +DM = up when up > 0 and up > down, else neither.
 * - Seeding: +DM, −DM and TR (trueRange) are summed over candles 1..period−1 (period − 1 candles).
 * - From candle `period` on, Wilder's running sums: dm −= dm / period, then dm += today's DM;
 *   tr = tr − tr / period + today's TR.
 * - ±DI = 100 × (dm / tr); when tr is TA_IS_ZERO the DIs are 0 (as TA-Lib's PLUS_DI/MINUS_DI) and the
 *   candle gives no DX. DX = 100 × |−DI − +DI| / (−DI + +DI), none when the DI sum is TA_IS_ZERO.
 * - Divisions by `period` are multiplications by 1/period and the DIs share one 100/tr: about
 *   1e-16 relative away from TA-Lib's own rounding, and three times fewer divisions per candle.
 * - ADX at index 2·period − 1 = (sum of the DX of candles period..2·period−1) / period, a candle
 *   without DX adding nothing; then adx = (adx × (period − 1) + DX) / period, unchanged on a candle
 *   without DX.
 */
export function adx(candles: Ohlc, period = 14): AdxResult {
  assertPeriod('period', period, 2);
  const { high, low, close } = candles;
  const n = close.length;
  // +DI/−DI are written for every candle from `period` on, ADX from 2·period − 1 on.
  const outAdx = outputArray(n, 2 * period - 1);
  const outPlus = outputArray(n, period);
  const outMinus = outputArray(n, period);
  if (n <= period) return { adx: outAdx, plusDi: outPlus, minusDi: outMinus };

  let prevHigh = high[0]!;
  let prevLow = low[0]!;
  let prevClose = close[0]!;
  let plusDm = 0;
  let minusDm = 0;
  let tr = 0;
  for (let i = 1; i < period; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const diffP = h - prevHigh;
    const diffM = prevLow - l;
    if (diffM > 0 && diffP < diffM) minusDm += diffM;
    else if (diffP > 0 && diffP > diffM) plusDm += diffP;
    tr += trueRange(h, l, prevClose);
    prevHigh = h;
    prevLow = l;
    prevClose = close[i]!;
  }
  const lastSeed = 2 * period - 1;
  const m = period - 1;
  const inv = 1 / period;
  let sumDx = 0;
  let adxValue = 0;
  for (let i = period; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const diffP = h - prevHigh;
    const diffM = prevLow - l;
    minusDm -= minusDm * inv;
    plusDm -= plusDm * inv;
    if (diffM > 0 && diffP < diffM) minusDm += diffM;
    else if (diffP > 0 && diffP > diffM) plusDm += diffP;
    tr = tr - tr * inv + trueRange(h, l, prevClose);
    prevHigh = h;
    prevLow = l;
    prevClose = close[i]!;
    let dx = 0;
    let hasDx = false;
    if (isZero(tr)) {
      outPlus[i] = 0;
      outMinus[i] = 0;
    } else {
      const scale = 100 / tr;
      const minusDi = minusDm * scale;
      const plusDi = plusDm * scale;
      outPlus[i] = plusDi;
      outMinus[i] = minusDi;
      const diSum = minusDi + plusDi;
      if (!isZero(diSum)) {
        dx = 100 * (Math.abs(minusDi - plusDi) / diSum);
        hasDx = true;
      }
    }
    if (i < lastSeed) {
      if (hasDx) sumDx += dx;
    } else if (i === lastSeed) {
      if (hasDx) sumDx += dx;
      adxValue = sumDx / period;
      outAdx[i] = adxValue;
    } else {
      if (hasDx) adxValue = (adxValue * m + dx) * inv;
      outAdx[i] = adxValue;
    }
  }
  return { adx: outAdx, plusDi: outPlus, minusDi: outMinus };
}

const warmUp: AdxPoint = Object.freeze({
  adx: Number.NaN,
  plusDi: Number.NaN,
  minusDi: Number.NaN,
});

export class AdxStream implements StreamingIndicator<AdxPoint> {
  /**
   * The last candle's values, kept by push(): NaN during the warm-up, as update() returns them.
   * A hot loop (the regime detector, once per candle) reads these instead of taking a fresh point
   * object per candle from update().
   */
  adx = Number.NaN;
  plusDi = Number.NaN;
  minusDi = Number.NaN;
  private count = 0;
  private prevHigh = 0;
  private prevLow = 0;
  private prevClose = 0;
  private plusDm = 0;
  private minusDm = 0;
  private tr = 0;
  private sumDx = 0;
  /** Wilder's running ADX, from index 2 × period − 1 on. */
  private smoothed = 0;

  constructor(readonly period = 14) {
    assertPeriod('period', period, 2);
  }

  update(candle: CandleLike): AdxPoint {
    this.push(candle);
    if (this.count <= this.period) return warmUp;
    return { adx: this.adx, plusDi: this.plusDi, minusDi: this.minusDi };
  }

  /** Folds in one candle; read `adx`, `plusDi` and `minusDi` after (same values as update()). */
  push(candle: CandleLike): void {
    const i = this.count++;
    const period = this.period;
    const h = candle.high;
    const l = candle.low;
    const prevClose = this.prevClose;
    const diffP = h - this.prevHigh;
    const diffM = this.prevLow - l;
    this.prevHigh = h;
    this.prevLow = l;
    this.prevClose = candle.close;
    if (i === 0) return;
    if (i < period) {
      if (diffM > 0 && diffP < diffM) this.minusDm += diffM;
      else if (diffP > 0 && diffP > diffM) this.plusDm += diffP;
      this.tr += trueRange(h, l, prevClose);
      return;
    }
    const inv = 1 / period;
    this.minusDm -= this.minusDm * inv;
    this.plusDm -= this.plusDm * inv;
    if (diffM > 0 && diffP < diffM) this.minusDm += diffM;
    else if (diffP > 0 && diffP > diffM) this.plusDm += diffP;
    this.tr = this.tr - this.tr * inv + trueRange(h, l, prevClose);
    let plusDi = 0;
    let minusDi = 0;
    let dx = 0;
    let hasDx = false;
    if (!isZero(this.tr)) {
      const scale = 100 / this.tr;
      minusDi = this.minusDm * scale;
      plusDi = this.plusDm * scale;
      const diSum = minusDi + plusDi;
      if (!isZero(diSum)) {
        dx = 100 * (Math.abs(minusDi - plusDi) / diSum);
        hasDx = true;
      }
    }
    this.plusDi = plusDi;
    this.minusDi = minusDi;
    const lastSeed = 2 * period - 1;
    if (i < lastSeed) {
      if (hasDx) this.sumDx += dx;
      return;
    }
    if (i === lastSeed) {
      if (hasDx) this.sumDx += dx;
      this.smoothed = this.sumDx / period;
    } else if (hasDx) {
      this.smoothed = (this.smoothed * (period - 1) + dx) * inv;
    }
    this.adx = this.smoothed;
  }
}
