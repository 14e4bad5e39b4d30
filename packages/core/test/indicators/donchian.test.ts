import { describe, expect, it } from 'vitest';
import { DonchianStream, donchian } from '../../src/indicators/donchian.js';
import type { DonchianChannels } from '../../src/indicators/donchian.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import { firstDifference, goldenSets } from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, period: number): DonchianChannels {
  const stream = new DonchianStream(period);
  const values = candlesOf(series).map((c) => stream.update(c));
  return {
    upper: Float64Array.from(values, (v) => v.upper),
    middle: Float64Array.from(values, (v) => v.middle),
    lower: Float64Array.from(values, (v) => v.lower),
  };
}

function expectIdentical(a: DonchianChannels, b: DonchianChannels): void {
  expect(firstDifference(a.upper, b.upper)).toBeUndefined();
  expect(firstDifference(a.middle, b.middle)).toBeUndefined();
  expect(firstDifference(a.lower, b.lower)).toBeUndefined();
}

describe('Donchian Channels', () => {
  it("matches ChartSchool's example as computed by `ta` (cs-dc.csv) to its printed decimals", () => {
    const t = readChartSchool('cs-dc.csv');
    // cs-dc.csv: 20 candles, current one included, first value at row 19 (same warm-up as ours).
    // cs-dc2.csv is the same channel shifted by one candle (`offset=1`), not tested here.
    const dc = donchian({ high: t.num('high'), low: t.num('low') }, 20);
    expect(compareToPrinted(dc.upper, t.text('upper_band'))).toEqual([]);
    expect(compareToPrinted(dc.lower, t.text('lower_band'))).toEqual([]);
    // The middle is printed to 2 decimals from unrounded bands: (50.65 + 48.14) / 2 = 49.395 is
    // printed 49.40, a rounding-half case that needs a hair above half a unit.
    expect(compareToPrinted(dc.middle, t.text('middle_band'), 1.000001)).toEqual([]);
  });

  it.each(goldenSets)('streaming is bit-identical to the batch on $ohlcv', ({ ohlcv }) => {
    const series = readOhlcv(ohlcv);
    expectIdentical(streamAll(series, 20), donchian(series, 20));
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    for (const period of [1, 3, 20])
      expectIdentical(streamAll(series, period), donchian(series, period));
  });

  it('by hand: highest high, lowest low of the last `period` candles, and their midpoint', () => {
    const dc = donchian({ high: [5, 7, 6, 4, 4], low: [3, 4, 5, 2, 3] }, 3);
    expect(Array.from(dc.upper)).toEqual([NaN, NaN, 7, 7, 6]); // max(5,7,6), max(7,6,4), max(6,4,4)
    expect(Array.from(dc.lower)).toEqual([NaN, NaN, 3, 2, 2]); // min(3,4,5), min(4,5,2), min(5,2,3)
    expect(Array.from(dc.middle)).toEqual([NaN, NaN, 5, 4.5, 4]); // (7+3)/2, (7+2)/2, (6+2)/2
  });

  it('period 1 is each candle’s own range', () => {
    const dc = donchian({ high: [2, 3], low: [1, 1] }, 1);
    expect(Array.from(dc.middle)).toEqual([1.5, 2]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses period %s with a clear error', (period) => {
    expect(() => donchian({ high: [1], low: [1] }, period)).toThrow(
      /period must be a whole number/,
    );
    expect(() => new DonchianStream(period)).toThrow(/period must be a whole number/);
  });
});
