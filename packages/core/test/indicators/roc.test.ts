import { describe, expect, it } from 'vitest';
import { RocStream, roc } from '../../src/indicators/roc.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import {
  column,
  compareToReference,
  firstDifference,
  goldenSets,
  readNumericCsv,
} from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';

function streamAll(values: Float64Array, period: number): Float64Array {
  const stream = new RocStream(period);
  return Float64Array.from(values, (v) => stream.next(v));
}

describe.each(goldenSets)('ROC against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('roc10 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(roc(series.close, 10), column(table, 'roc10'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series.close, 10), roc(series.close, 10))).toBeUndefined();
    expect(firstDifference(streamAll(series.close, 1), roc(series.close, 1))).toBeUndefined();
  });
});

describe('ROC on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-roc.csv, 12 periods) to its 8 printed decimals", () => {
    const t = readChartSchool('cs-roc.csv');
    expect(compareToPrinted(roc(t.num('Close'), 12), t.text('ROC'))).toEqual([]);
  });

  it('streaming is bit-identical on the edge series, through update(candle) too', () => {
    const series = edgeSeries();
    for (const period of [1, 3, 10]) {
      expect(firstDifference(streamAll(series.close, period), roc(series.close, period))).toBe(
        undefined,
      );
    }
    const stream = new RocStream();
    const viaCandles = Float64Array.from(candlesOf(series), (c) => stream.update(c));
    expect(firstDifference(viaCandles, roc(series.close))).toBeUndefined();
  });
});

describe('ROC by hand', () => {
  it.each([
    // values             period  expected
    // (20/10 − 1)·100 = 100; the value 2 back is 0 → TA-Lib's 0; (10/20 − 1)·100 = −50
    [[10, 0, 20, 5, 10], 2, [NaN, NaN, 100, 0, -50]],
    [[4, 5, 4], 1, [NaN, 25, -20]], // (5/4 − 1)·100, (4/5 − 1)·100
    [[1, 2], 2, [NaN, NaN]], // shorter than period + 1: nothing but warm-up
  ])('roc(%j, %i) = %j', (values, period, expected) => {
    const r = compareToReference(roc(values, period), Float64Array.from(expected), 1e-12);
    expect(r.mismatches).toEqual([]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses period %s with a clear error', (period) => {
    expect(() => roc([1, 2, 3], period)).toThrow(/period must be a whole number from 1/);
    expect(() => new RocStream(period)).toThrow(/period must be a whole number from 1/);
  });
});
