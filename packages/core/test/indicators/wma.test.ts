import { describe, expect, it } from 'vitest';
import { WmaStream, wma } from '../../src/indicators/wma.js';
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
  const stream = new WmaStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

describe.each(goldenSets)('WMA against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('wma20 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(wma(series.close, 20), column(table, 'wma20'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 20), wma(series.close, 20))).toBeUndefined();
    const stream = new WmaStream(2);
    const viaNext = Float64Array.from(series.close, (v) => stream.next(v));
    expect(firstDifference(viaNext, wma(series.close, 2))).toBeUndefined();
  });
});

describe('WMA on ChartSchool and edge cases', () => {
  it('matches the cs-wma.csv WMA(9) column to its printed decimals from the 9th row', () => {
    // The sheet's first 8 WMA values come from closes before the file's first row; blanked here.
    const t = readChartSchool('cs-wma.csv');
    const printed = t.text('WMA').map((cell, i) => (i < 8 ? '' : cell));
    expect(compareToPrinted(wma(t.num('Close'), 9), printed)).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    for (const period of [2, 3, 20]) {
      expect(firstDifference(streamAll(series, period), wma(series.close, period))).toBeUndefined();
    }
  });

  it('is exactly the price over a constant series', () => {
    // periodSum = 7·(1+…+20) = 7·210, divider 210: every step stays in exact integers.
    const out = wma(new Float64Array(60).fill(7), 20);
    expect(Array.from(out.slice(19))).toEqual(new Array(41).fill(7));
  });
});

describe('WMA by hand', () => {
  it.each([
    // values            period  expected
    [[1, 2, 3, 4, 5], 3, [NaN, NaN, 14 / 6, 20 / 6, 26 / 6]], // (1·1+2·2+3·3)/6, (2+6+12)/6, (3+8+15)/6
    [[10, 20], 2, [NaN, 50 / 3]], // (10·1 + 20·2)/3
    [[1, 2], 3, [NaN, NaN]], // shorter than the period: nothing but warm-up
  ])('wma(%j, %i) = %j', (values, period, expected) => {
    expect(Array.from(wma(values, period))).toEqual(expected);
  });

  it.each([1, 0, -1, 2.5, Number.NaN, 100_001])(
    'refuses period %s with a clear error',
    (period) => {
      expect(() => wma([1, 2, 3], period)).toThrow(/period must be a whole number from 2/);
      expect(() => new WmaStream(period)).toThrow(/period must be a whole number from 2/);
    },
  );
});
