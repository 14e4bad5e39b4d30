import { describe, expect, it } from 'vitest';
import { atr } from '../../src/indicators/atr.js';
import { SuperTrendStream, superTrend } from '../../src/indicators/supertrend.js';
import type { SuperTrendOptions, SuperTrendResult } from '../../src/indicators/supertrend.js';
import type { Ohlc } from '../../src/indicators/ohlc.js';
import { firstDifference, goldenSets } from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, options?: SuperTrendOptions): SuperTrendResult {
  const stream = new SuperTrendStream(options);
  const values = candlesOf(series).map((c) => stream.update(c));
  return {
    value: Float64Array.from(values, (v) => v.value),
    direction: Float64Array.from(values, (v) => v.direction),
  };
}

function expectIdentical(a: SuperTrendResult, b: SuperTrendResult): void {
  expect(firstDifference(a.value, b.value)).toBeUndefined();
  expect(firstDifference(a.direction, b.direction)).toBeUndefined();
}

/**
 * A line-by-line transcription of TradingView's reference `pine_supertrend` (the Pine code given
 * in the `ta.supertrend` manual entry), with `nz()` as 0, over TA-Lib's ATR; TradingView's
 * direction (−1 = up) is negated at the end.
 */
function pineSuperTrend(candles: Ohlc, factor: number, atrPeriod: number): SuperTrendResult {
  const n = candles.close.length;
  const atrs = atr(candles, atrPeriod);
  const value = new Float64Array(n).fill(Number.NaN);
  const direction = new Float64Array(n).fill(Number.NaN);
  let prevUpper = Number.NaN;
  let prevLower = Number.NaN;
  let prevSuperTrend = Number.NaN;
  for (let i = 0; i < n; i++) {
    const src = (candles.high[i]! + candles.low[i]!) / 2;
    const a = atrs[i]!;
    let upperBand = src + factor * a;
    let lowerBand = src - factor * a;
    const prevLowerBand = Number.isNaN(prevLower) ? 0 : prevLower;
    const prevUpperBand = Number.isNaN(prevUpper) ? 0 : prevUpper;
    const prevClose = i > 0 ? candles.close[i - 1]! : Number.NaN;
    lowerBand = lowerBand > prevLowerBand || prevClose < prevLowerBand ? lowerBand : prevLowerBand;
    upperBand = upperBand < prevUpperBand || prevClose > prevUpperBand ? upperBand : prevUpperBand;
    let dir: number;
    if (i === 0 || Number.isNaN(atrs[i - 1]!)) dir = 1;
    else if (prevSuperTrend === prevUpperBand) dir = candles.close[i]! > upperBand ? -1 : 1;
    else dir = candles.close[i]! < lowerBand ? 1 : -1;
    const st = dir === -1 ? lowerBand : upperBand;
    if (!Number.isNaN(a)) {
      value[i] = st;
      direction[i] = -dir;
    }
    prevUpper = upperBand;
    prevLower = lowerBand;
    prevSuperTrend = Number.isNaN(a) ? Number.NaN : st;
  }
  return { value, direction };
}

describe.each(goldenSets)('SuperTrend on $ohlcv', ({ ohlcv }) => {
  const series = readOhlcv(ohlcv);

  it("follows TradingView's reference Pine code exactly (same ATR)", () => {
    for (const [period, multiplier] of [
      [10, 3],
      [7, 2],
    ] as const) {
      expectIdentical(
        superTrend(series, { period, multiplier }),
        pineSuperTrend(series, multiplier, period),
      );
    }
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expectIdentical(streamAll(series), superTrend(series));
    expectIdentical(
      streamAll(series, { period: 3, multiplier: 1 }),
      superTrend(series, { period: 3, multiplier: 1 }),
    );
  });

  it('changes direction both ways and keeps the line on the right side of the close', () => {
    const st = superTrend(series);
    let flips = 0;
    for (let i = 11; i < series.length; i++) {
      if (st.direction[i] !== st.direction[i - 1]) flips++;
      // Up: the line (final lower band) is below the close; down: above it.
      if (st.direction[i] === 1) expect(st.value[i]!).toBeLessThanOrEqual(series.close[i]!);
      else expect(st.value[i]!).toBeGreaterThanOrEqual(series.close[i]!);
    }
    expect(flips).toBeGreaterThan(10);
  });
});

describe('SuperTrend', () => {
  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    expectIdentical(streamAll(series), superTrend(series));
    expectIdentical(
      streamAll(series, { period: 1, multiplier: 0.5 }),
      superTrend(series, { period: 1, multiplier: 0.5 }),
    );
  });

  it('by hand: period 2, multiplier 1', () => {
    const candles = {
      high: [11, 12, 12, 15, 14, 13, 11],
      low: [9, 10, 11, 12, 13, 10, 10],
      close: [10, 11, 12, 14, 13.5, 10.5, 10.75],
    };
    const st = superTrend(candles, { period: 2, multiplier: 1 });
    expect(Array.from(st.value)).toEqual([
      NaN, // no ATR yet
      NaN, // no ATR yet (TA-Lib's first ATR is at index `period`)
      13, // ATR (2+1)/2 = 1.5, hl2 11.5: bands 13 / 10; first value: down, line = upper band
      11.25, // ATR (1.5+3)/2 = 2.25, hl2 13.5: basic 15.75 / 11.25; upper stays 13 (15.75 > 13 and
      //        prev close 12 ≤ 13), lower rises to 11.25; close 14 > upper 13 → up, line = lower
      11.875, // ATR (2.25+1)/2 = 1.625, hl2 13.5: lower 11.875 > 11.25 → 11.875; close 13.5 ≥ it → up
      14.0625, // ATR (1.625+3.5)/2 = 2.5625, hl2 11.5: basic 14.0625 / 8.9375; lower stays 11.875;
      //          upper takes 14.0625 (< previous 15.125); close 10.5 < 11.875 → down, line = upper
      12.28125, // ATR (2.5625+1)/2 = 1.78125, hl2 10.5: upper 12.28125 < 14.0625; close 10.75 ≤ it → down
    ]);
    expect(Array.from(st.direction)).toEqual([NaN, NaN, -1, 1, 1, -1, -1]);
  });

  it.each([
    [{ period: 0 }, /period must be a whole number/],
    [{ period: 1.5 }, /period must be a whole number/],
    [{ multiplier: -3 }, /multiplier must be a finite number above 0/],
    [{ multiplier: Number.POSITIVE_INFINITY }, /multiplier must be a finite number above 0/],
  ])('refuses %j with a clear error', (options, message) => {
    expect(() => superTrend({ high: [1], low: [1], close: [1] }, options)).toThrow(message);
    expect(() => new SuperTrendStream(options)).toThrow(message);
  });
});
