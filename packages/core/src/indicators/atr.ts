import type { Ohlc } from './ohlc.js';
import { assertPeriod, outputArray } from './params.js';
import { trueRange } from './true-range.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Average true range (TA-Lib ATR, unstable period 0). Period range 1..100000.
 *
 * - True range from the second candle (index 1): the first candle has no previous close, so it gives
 *   no TR and no ATR (NaN).
 * - Seeding: the first ATR, at index `period`, is the simple mean of TR[1..period].
 * - Then Wilder smoothing in TA-Lib's order: atr *= period − 1; atr += TR; atr /= period.
 */
export function atr(candles: Ohlc, period = 14): Float64Array {
  assertPeriod('period', period, 1);
  const { high, low, close } = candles;
  const n = close.length;
  const out = outputArray(n, period); // every cell from `period` on is written
  if (n <= period) return out;
  let sum = 0;
  for (let i = 1; i <= period; i++) sum += trueRange(high[i]!, low[i]!, close[i - 1]!);
  let prev = sum / period;
  out[period] = prev;
  const m = period - 1;
  for (let i = period + 1; i < n; i++) {
    prev *= m;
    prev += trueRange(high[i]!, low[i]!, close[i - 1]!);
    prev /= period;
    out[i] = prev;
  }
  return out;
}

export class AtrStream implements StreamingIndicator<number> {
  private count = 0;
  private prevClose = 0;
  private sum = 0;
  private prev = 0;

  constructor(readonly period = 14) {
    assertPeriod('period', period, 1);
  }

  update(candle: CandleLike): number {
    const i = this.count++;
    const prevClose = this.prevClose;
    this.prevClose = candle.close;
    if (i === 0) return Number.NaN;
    const tr = trueRange(candle.high, candle.low, prevClose);
    const period = this.period;
    if (i < period) {
      this.sum += tr;
      return Number.NaN;
    }
    if (i === period) {
      this.sum += tr;
      this.prev = this.sum / period;
    } else {
      this.prev *= period - 1;
      this.prev += tr;
      this.prev /= period;
    }
    return this.prev;
  }
}
