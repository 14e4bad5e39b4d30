import { assertPeriod, outputArray } from './params.js';
import { RollingExtremes, lastMaxIndex, lastMinIndex } from './rolling-extremes.js';
import type { StreamingIndicator } from './types.js';

/** Donchian Channels: one array per line, NaN during the warm-up. */
export interface DonchianChannels {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
}

/** One Donchian value (streaming form); NaN in every field during the warm-up. */
export interface DonchianValue {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

/**
 * Donchian Channels: upper = highest high and lower = lowest low of the last `period` candles
 * including the current one, middle = (upper + lower) / 2. The first value is at index
 * `period − 1` (the convention of ChartSchool's example as computed by the `ta` library,
 * cs-dc.csv; some charting tools exclude the current candle, which shifts the channel by one).
 *
 * The batch form keeps TA-Lib's running extreme, rescanning the window only when the extreme slides
 * out of it (rolling-extremes.ts' rollingHighLow method, inline here); the streaming form uses
 * RollingExtremes' monotonic deques. Both find the same values.
 */
export function donchian(
  candles: { readonly high: ArrayLike<number>; readonly low: ArrayLike<number> },
  period = 20,
): DonchianChannels {
  assertPeriod('period', period);
  const { high, low } = candles;
  const n = high.length;
  // The three lines are written for every cell from period − 1 on.
  const upper = outputArray(n, period - 1);
  const middle = outputArray(n, period - 1);
  const lower = outputArray(n, period - 1);
  let hiIdx = -1;
  let loIdx = -1;
  let hi = 0;
  let lo = 0;
  for (let i = period - 1; i < n; i++) {
    const start = i - period + 1;
    if (hiIdx < start) {
      hiIdx = lastMaxIndex(high, start, i);
      hi = high[hiIdx]!;
    } else {
      const h = high[i]!;
      if (h >= hi) {
        hi = h;
        hiIdx = i;
      }
    }
    if (loIdx < start) {
      loIdx = lastMinIndex(low, start, i);
      lo = low[loIdx]!;
    } else {
      const l = low[i]!;
      if (l <= lo) {
        lo = l;
        loIdx = i;
      }
    }
    upper[i] = hi;
    middle[i] = (hi + lo) / 2;
    lower[i] = lo;
  }
  return { upper, middle, lower };
}

/** Streaming Donchian Channels: amortised O(1) per candle, bit-identical to {@link donchian}. */
export class DonchianStream implements StreamingIndicator<DonchianValue> {
  private readonly extremes: RollingExtremes;

  constructor(readonly period = 20) {
    assertPeriod('period', period);
    this.extremes = new RollingExtremes(period);
  }

  update(candle: { readonly high: number; readonly low: number }): DonchianValue {
    const extremes = this.extremes;
    extremes.push(candle.high, candle.low);
    if (!extremes.ready) return { upper: Number.NaN, middle: Number.NaN, lower: Number.NaN };
    const hh = extremes.highest;
    const ll = extremes.lowest;
    return { upper: hh, middle: (hh + ll) / 2, lower: ll };
  }
}
