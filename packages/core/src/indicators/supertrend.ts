import { AtrStream, atr } from './atr.js';
import type { Ohlc } from './ohlc.js';
import { assertPeriod, assertPositive, outputArray } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface SuperTrendOptions {
  /** Wilder ATR period (default 10). */
  readonly period?: number;
  /** Band distance from hl2 in ATRs (default 3). */
  readonly multiplier?: number;
}

/** SuperTrend line and direction (+1 up, −1 down), NaN during the warm-up. */
export interface SuperTrendResult {
  readonly value: Float64Array;
  readonly direction: Float64Array;
}

/** One SuperTrend value (streaming form); NaN in both fields during the warm-up. */
export interface SuperTrendValue {
  readonly value: number;
  readonly direction: number;
}

function readOptions(options: SuperTrendOptions): { period: number; multiplier: number } {
  const { period = 10, multiplier = 3 } = options;
  assertPeriod('period', period);
  assertPositive('multiplier', multiplier);
  return { period, multiplier };
}

/**
 * SuperTrend, TradingView's `ta.supertrend` rules with the direction sign flipped to read +1 = up:
 * - basic bands: hl2 ± `multiplier` × ATR(`period`), hl2 = (high + low) / 2;
 * - final lower band = the basic one if it is higher than the previous final lower band or if the
 *   previous close fell below that band, otherwise the previous final lower band (it only ratchets
 *   up during an uptrend); symmetrically the final upper band only ratchets down;
 * - a downtrend turns up when the close is above the current final upper band, an uptrend turns
 *   down when the close is below the current final lower band; the line is the final lower band in
 *   an uptrend and the final upper band in a downtrend.
 *
 * Warm-up: the ATR is TA-Lib's Wilder ATR ({@link atr}), first value at index `period` (TradingView's
 * `ta.atr` counts the first candle's high − low and starts one candle earlier, so the first values
 * differ until the seeding fades out). Initial direction: at index `period` the bands are the basic
 * ones and the direction is −1 (down, line = upper band), as `ta.supertrend` starts; a close above
 * the upper band turns it up on the next candle.
 */
export function superTrend(candles: Ohlc, options: SuperTrendOptions = {}): SuperTrendResult {
  const { period, multiplier } = readOptions(options);
  const { high, low, close } = candles;
  const n = close.length;
  // The ATR array becomes the SuperTrend line: each slot is read before it is overwritten.
  const value = atr(candles, period);
  const direction = outputArray(n, period); // every cell from `period` on is written
  if (n <= period) return { value, direction };
  let upper = 0;
  let lower = 0;
  let dir = -1;
  for (let i = period; i < n; i++) {
    const mid = (high[i]! + low[i]!) / 2;
    const width = multiplier * value[i]!;
    const basicUpper = mid + width;
    const basicLower = mid - width;
    if (i === period) {
      upper = basicUpper;
      lower = basicLower;
    } else {
      const prevClose = close[i - 1]!;
      if (basicUpper < upper || prevClose > upper) upper = basicUpper;
      if (basicLower > lower || prevClose < lower) lower = basicLower;
      const c = close[i]!;
      dir = dir === -1 ? (c > upper ? 1 : -1) : c < lower ? -1 : 1;
    }
    value[i] = dir === 1 ? lower : upper;
    direction[i] = dir;
  }
  return { value, direction };
}

/** Streaming SuperTrend: O(1) per candle, bit-identical to {@link superTrend}. */
export class SuperTrendStream implements StreamingIndicator<SuperTrendValue> {
  readonly period: number;
  readonly multiplier: number;
  private readonly atr: AtrStream;
  private count = 0;
  private upper = 0;
  private lower = 0;
  private dir = -1;
  private prevClose = Number.NaN;

  constructor(options: SuperTrendOptions = {}) {
    const { period, multiplier } = readOptions(options);
    this.period = period;
    this.multiplier = multiplier;
    this.atr = new AtrStream(period);
  }

  update(candle: CandleLike): SuperTrendValue {
    const range = this.atr.update(candle);
    const prevClose = this.prevClose;
    this.prevClose = candle.close;
    const i = this.count++;
    if (i < this.period) return { value: Number.NaN, direction: Number.NaN };
    const mid = (candle.high + candle.low) / 2;
    const width = this.multiplier * range;
    const basicUpper = mid + width;
    const basicLower = mid - width;
    if (i === this.period) {
      this.upper = basicUpper;
      this.lower = basicLower;
    } else {
      if (basicUpper < this.upper || prevClose > this.upper) this.upper = basicUpper;
      if (basicLower > this.lower || prevClose < this.lower) this.lower = basicLower;
      const c = candle.close;
      this.dir = this.dir === -1 ? (c > this.upper ? 1 : -1) : c < this.lower ? -1 : 1;
    }
    return { value: this.dir === 1 ? this.lower : this.upper, direction: this.dir };
  }
}
