import { assertPeriod, nanArray } from './params.js';
import { RollingExtremes, rollingHighLow } from './rolling-extremes.js';
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
 */
export function donchian(
  candles: { readonly high: ArrayLike<number>; readonly low: ArrayLike<number> },
  period = 20,
): DonchianChannels {
  assertPeriod('period', period);
  const { high, low } = candles;
  const n = high.length;
  const { highest: upper, lowest: lower } = rollingHighLow(high, low, period);
  const middle = nanArray(n);
  for (let i = period - 1; i < n; i++) middle[i] = (upper[i]! + lower[i]!) / 2;
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
