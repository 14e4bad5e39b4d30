import type { Ohlcv } from './ohlc.js';
import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Money Flow Index (TA-Lib MFI). Typical price TP = (high + low + close) / 3, raw money flow =
 * TP × volume, counted as positive when TP rose from the previous candle, negative when it fell
 * and in neither sum when it is unchanged. MFI = 100 × pos / (pos + neg) over the last `period`
 * changes, so the first value is at index `period`. TA-Lib accepts periods from 2.
 *
 * TA-Lib quirk, replicated on purpose: the output is 0 whenever pos + neg < 1.0 (not only when it
 * is 0), so a market whose summed money flow over the window is under one quote unit (tiny volume
 * at a tiny price) reads 0. The sums are running sums (subtract the change leaving the window,
 * then add the new one), in TA-Lib's order, so the numbers are TA-Lib's to the bit, including its
 * rounding residue: a window with one side empty can read 100.00000000000003 or −3e−14.
 */
export function mfi(candles: Ohlcv, period = 14): Float64Array {
  assertPeriod('period', period, 2);
  const { high, low, close, volume } = candles;
  const n = close.length;
  const out = outputArray(n, period); // every cell from `period` on is written
  if (n === 0) return out;
  const pos = new Float64Array(period);
  const neg = new Float64Array(period);
  let posSum = 0;
  let negSum = 0;
  let slot = 0;
  let prevTp = (high[0]! + low[0]! + close[0]!) / 3;
  for (let i = 1; i < n; i++) {
    if (i > period) {
      posSum -= pos[slot]!;
      negSum -= neg[slot]!;
    }
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    const change = tp - prevTp;
    prevTp = tp;
    const flow = tp * volume[i]!;
    if (change < 0) {
      neg[slot] = flow;
      negSum += flow;
      pos[slot] = 0;
    } else if (change > 0) {
      pos[slot] = flow;
      posSum += flow;
      neg[slot] = 0;
    } else {
      pos[slot] = 0;
      neg[slot] = 0;
    }
    if (++slot === period) slot = 0;
    if (i >= period) {
      const total = posSum + negSum;
      out[i] = total < 1 ? 0 : 100 * (posSum / total);
    }
  }
  return out;
}

/** Streaming MFI: O(1) per candle (ring buffer of the last `period` flows), bit-identical to {@link mfi}. */
export class MfiStream implements StreamingIndicator<number> {
  private readonly pos: Float64Array;
  private readonly neg: Float64Array;
  private posSum = 0;
  private negSum = 0;
  private slot = 0;
  private count = 0;
  private prevTp = Number.NaN;

  constructor(readonly period = 14) {
    assertPeriod('period', period, 2);
    this.pos = new Float64Array(period);
    this.neg = new Float64Array(period);
  }

  update(candle: CandleLike & { readonly volume: number }): number {
    const tp = (candle.high + candle.low + candle.close) / 3;
    const i = this.count++;
    if (i === 0) {
      this.prevTp = tp;
      return Number.NaN;
    }
    const slot = this.slot;
    if (i > this.period) {
      this.posSum -= this.pos[slot]!;
      this.negSum -= this.neg[slot]!;
    }
    const change = tp - this.prevTp;
    this.prevTp = tp;
    const flow = tp * candle.volume;
    if (change < 0) {
      this.neg[slot] = flow;
      this.negSum += flow;
      this.pos[slot] = 0;
    } else if (change > 0) {
      this.pos[slot] = flow;
      this.posSum += flow;
      this.neg[slot] = 0;
    } else {
      this.pos[slot] = 0;
      this.neg[slot] = 0;
    }
    this.slot = slot + 1 === this.period ? 0 : slot + 1;
    if (i < this.period) return Number.NaN;
    const total = this.posSum + this.negSum;
    return total < 1 ? 0 : 100 * (this.posSum / total);
  }
}
