/** One OHLCV candle. `ts` is the candle's OPEN time in integer milliseconds UTC; volume is in the base asset. */
export interface Candle {
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * A validated candle series in columnar form (typed arrays), the shape every hot loop reads.
 * Invariants: ascending unique `ts`, high ≥ max(open, close), low ≤ min(open, close), volume ≥ 0.
 */
export interface CandleSeries {
  readonly length: number;
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** The candle at index `i` of a series, as an object (for streaming updates and tests). */
export function candleAt(series: CandleSeries, i: number): Candle {
  return {
    ts: series.ts[i]!,
    open: series.open[i]!,
    high: series.high[i]!,
    low: series.low[i]!,
    close: series.close[i]!,
    volume: series.volume[i]!,
  };
}
