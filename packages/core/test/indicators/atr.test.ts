import { describe, expect, it } from 'vitest';
import { AtrStream, atr } from '../../src/indicators/atr.js';
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
  const stream = new AtrStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

function prepend(values: Float64Array, first: number): Float64Array {
  const out = new Float64Array(values.length + 1);
  out[0] = first;
  out.set(values, 1);
  return out;
}

describe.each(goldenSets)('ATR against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('atr14 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(atr(series, 14), column(table, 'atr14'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 14), atr(series, 14))).toBeUndefined();
    expect(firstDifference(streamAll(series, 1), atr(series, 1))).toBeUndefined();
  });
});

describe('ATR on ChartSchool and edge cases', () => {
  it('matches cs-atr.csv to its printed decimals once its first TR (high − low) is reproduced', () => {
    // ChartSchool takes high − low as the first candle's TR and prints the first ATR on the 14th row
    // (mean of 14 TRs). TA-Lib gives the first candle no TR. A leading candle whose close lies inside
    // the first candle's range makes TA-Lib's TR of that candle exactly high − low, so TA-Lib's ATR
    // on the padded series, one row later, is ChartSchool's ATR. (Unpadded, the two differ by 0.025
    // on row 14, shrinking by 13/14 per row.)
    const t = readChartSchool('cs-atr.csv');
    const high = t.num('High');
    const low = t.num('Low');
    const mid = (high[0]! + low[0]!) / 2;
    const padded = {
      high: prepend(high, mid),
      low: prepend(low, mid),
      close: prepend(t.num('Close'), mid),
    };
    const out = atr(padded, 14).slice(1);
    // The sheet prints 0 in the ATR column before its 14th row.
    const printed = t.text('ATR').map((cell, i) => (i < 13 ? '' : cell));
    expect(compareToPrinted(out, printed)).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    for (const period of [1, 2, 14]) {
      expect(firstDifference(streamAll(series, period), atr(series, period))).toBeUndefined();
    }
  });

  it('is 0 over flat candles and NaN for the first candle', () => {
    const flat = new Float64Array(20).fill(9);
    const out = atr({ high: flat, low: flat, close: flat }, 14);
    expect(Array.from(out.slice(0, 14)).every((v) => Number.isNaN(v))).toBe(true);
    expect(Array.from(out.slice(14))).toEqual(new Array(6).fill(0));
    expect(atr({ high: [2, 3], low: [1, 1], close: [1.5, 2] }, 1)[0]).toBeNaN();
  });
});

describe('ATR by hand', () => {
  it('seeds with the mean of TR[1..period], then Wilder (prev·(n−1) + TR)/n', () => {
    const candles = {
      high: [10, 11, 12, 11, 15],
      low: [8, 9, 10, 7, 14],
      close: [9, 10, 11, 8, 14.5],
    };
    const expected = [
      NaN, // no previous close: no TR
      NaN, // TR = max(11−9, |11−9|, |9−9|) = 2
      2, // TR = max(2, |12−10|, |10−10|) = 2 → (2+2)/2
      3, // TR = max(4, |11−11|, |7−11|) = 4 → (2·1 + 4)/2
      5, // gap: TR = max(1, |15−8|, |14−8|) = 7 → (3·1 + 7)/2
    ];
    expect(Array.from(atr(candles, 2))).toEqual(expected);
    // period 1 is the true range itself (TA-Lib's TRANGE)
    expect(Array.from(atr(candles, 1))).toEqual([NaN, 2, 2, 4, 7]);
  });

  it.each([0, -1, 2.5, Number.NaN, 100_001])('refuses period %s with a clear error', (period) => {
    const c = { high: [1], low: [1], close: [1] };
    expect(() => atr(c, period)).toThrow(/period must be a whole number from 1/);
    expect(() => new AtrStream(period)).toThrow(/period must be a whole number from 1/);
  });
});
