import type { Ohlc } from './ohlc.js';
import { assertPeriod, outputArray } from './params.js';
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
 *
 * Those sums are chains of dependent additions, so the batch form computes {@link LANES} candles
 * at once, each in its own copy of the ring (interleaved, lane k holding the window of the group's
 * k-th candle): the lanes' chains run in parallel on the CPU while every candle keeps its own sums
 * in ring order, bit for bit the streaming form's.
 */
export function cci(candles: Ohlc, period = 20): Float64Array {
  assertPeriod('period', period, 2);
  const { high, low, close } = candles;
  const n = close.length;
  const out = outputArray(n, period - 1); // every cell from period − 1 on is written
  if (n < period) return out;
  // rings[j * LANES + k]: slot j of lane k's ring.
  const size = period * LANES;
  const rings = new Float64Array(size);
  const warm = period - 1;
  for (let i = 0; i < warm; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    for (let k = 0; k < LANES; k++) rings[i * LANES + k] = tp;
  }
  let slot = warm; // ring slot of candle i
  let i = warm;
  for (; i + LANES <= n; i += LANES) {
    // Typical prices of the group, each written into its own lane and the later ones; after the
    // group, also into the earlier lanes, so that every lane holds the window ending at i + 3.
    const tp0 = (high[i]! + low[i]! + close[i]!) / 3;
    const tp1 = (high[i + 1]! + low[i + 1]! + close[i + 1]!) / 3;
    const tp2 = (high[i + 2]! + low[i + 2]! + close[i + 2]!) / 3;
    const tp3 = (high[i + 3]! + low[i + 3]! + close[i + 3]!) / 3;
    const s0 = slot * LANES;
    const s1 = ((slot + 1) % period) * LANES;
    const s2 = ((slot + 2) % period) * LANES;
    const s3 = ((slot + 3) % period) * LANES;
    rings[s0] = tp0;
    rings[s0 + 1] = tp0;
    rings[s0 + 2] = tp0;
    rings[s0 + 3] = tp0;
    rings[s1 + 1] = tp1;
    rings[s1 + 2] = tp1;
    rings[s1 + 3] = tp1;
    rings[s2 + 2] = tp2;
    rings[s2 + 3] = tp2;
    rings[s3 + 3] = tp3;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let j = 0; j < size; j += LANES) {
      sum0 += rings[j]!;
      sum1 += rings[j + 1]!;
      sum2 += rings[j + 2]!;
      sum3 += rings[j + 3]!;
    }
    const mean0 = sum0 / period;
    const mean1 = sum1 / period;
    const mean2 = sum2 / period;
    const mean3 = sum3 / period;
    let dev0 = 0;
    let dev1 = 0;
    let dev2 = 0;
    let dev3 = 0;
    for (let j = 0; j < size; j += LANES) {
      dev0 += Math.abs(rings[j]! - mean0);
      dev1 += Math.abs(rings[j + 1]! - mean1);
      dev2 += Math.abs(rings[j + 2]! - mean2);
      dev3 += Math.abs(rings[j + 3]! - mean3);
    }
    out[i] = cciValue(tp0 - mean0, dev0, period);
    out[i + 1] = cciValue(tp1 - mean1, dev1, period);
    out[i + 2] = cciValue(tp2 - mean2, dev2, period);
    out[i + 3] = cciValue(tp3 - mean3, dev3, period);
    rings[s1] = tp1;
    rings[s2] = tp2;
    rings[s2 + 1] = tp2;
    rings[s3] = tp3;
    rings[s3 + 1] = tp3;
    rings[s3 + 2] = tp3;
    slot = (slot + LANES) % period;
  }
  // The last candles (fewer than LANES) one at a time, in lane 0.
  for (; i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    rings[slot * LANES] = tp;
    let sum = 0;
    for (let j = 0; j < size; j += LANES) sum += rings[j]!;
    const mean = sum / period;
    let dev = 0;
    for (let j = 0; j < size; j += LANES) dev += Math.abs(rings[j]! - mean);
    out[i] = cciValue(tp - mean, dev, period);
    slot = slot + 1 < period ? slot + 1 : 0;
  }
  return out;
}

/** Candles per group in the batch form (the code below is written out for 4). */
const LANES = 4;

/** TA-Lib's CCI from TP − mean and Σ|TP − mean|, 0 when either is 0. */
function cciValue(num: number, dev: number, period: number): number {
  return num !== 0 && dev !== 0 ? num / (0.015 * (dev / period)) : 0;
}

/** TA-Lib's CCI step over the full ring buffer, summed from slot 0 (TA-Lib's order). */
function cciOfWindow(window: Float64Array, tp: number): number {
  const period = window.length;
  let sum = 0;
  for (let j = 0; j < period; j++) sum += window[j]!;
  const mean = sum / period;
  let dev = 0;
  for (let j = 0; j < period; j++) dev += Math.abs(window[j]! - mean);
  return cciValue(tp - mean, dev, period);
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
