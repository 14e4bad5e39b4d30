import { describe, expect, it } from 'vitest';
import { WilliamsRStream, williamsR } from '../../src/indicators/williams-r.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import {
  column,
  compareToReference,
  firstDifference,
  goldenSets,
  readNumericCsv,
} from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, period: number): Float64Array {
  const stream = new WilliamsRStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

describe.each(goldenSets)('Williams %R against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('willr14 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(williamsR(series, 14), column(table, 'willr14'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 14), williamsR(series, 14))).toBeUndefined();
    expect(firstDifference(streamAll(series, 2), williamsR(series, 2))).toBeUndefined();
  });
});

describe('Williams %R on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-percentr.csv) to its 6 printed decimals", () => {
    const t = readChartSchool('cs-percentr.csv');
    const candles = { high: t.num('High'), low: t.num('Low'), close: t.num('Close') };
    // The sheet leaves Close empty before its first %R row, so those rows are NaN on both sides.
    expect(compareToPrinted(williamsR(candles, 14), t.text('Williams_%R'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches, zero-range candles and zero volume', () => {
    const series = edgeSeries();
    for (const period of [2, 5, 14]) {
      expect(firstDifference(streamAll(series, period), williamsR(series, period))).toBeUndefined();
    }
  });

  it('stays within [−100, 0] on the edge series, 0 over flat windows', () => {
    const out = williamsR(edgeSeries(), 14);
    expect(out.slice(13).every((v) => v >= -100 && v <= 0)).toBe(true);
    expect(Math.abs(out[60]!)).toBe(0); // candles 47..60 are all flat: HH == LL → 0
  });
});

describe('Williams %R by hand', () => {
  it('(HH − close) / ((HH − LL) / −100) over the last `period` candles', () => {
    const candles = {
      high: [10, 12, 11, 11, 11],
      low: [8, 9, 10, 11, 11],
      close: [9, 10, 10.5, 11, 11],
    };
    const expected = [
      NaN, // warm-up
      NaN, // warm-up
      -37.5, // HH 12, LL 8: (12 − 10.5) / (4 / −100) = 1.5 / −0.04
      -100 / 3, // HH 12, LL 9: (12 − 11) / (3 / −100)
      0, // HH 11, LL 10: close at the high → (11 − 11) / (1 / −100) = −0
    ];
    const r = compareToReference(williamsR(candles, 3), Float64Array.from(expected), 1e-12);
    expect(r.mismatches).toEqual([]);
  });

  it('gives 0 when the window has no range (HH == LL), as TA-Lib does', () => {
    const flat = [5, 5, 5, 5];
    expect(Array.from(williamsR({ high: flat, low: flat, close: flat }, 3))).toEqual([
      NaN,
      NaN,
      0,
      0,
    ]);
  });

  it.each([1, 0, 2.5, Number.NaN])('refuses period %s with a clear error', (period) => {
    expect(() => williamsR({ high: [1], low: [1], close: [1] }, period)).toThrow(
      /period must be a whole number from 2/,
    );
    expect(() => new WilliamsRStream(period)).toThrow(/period must be a whole number from 2/);
  });
});
