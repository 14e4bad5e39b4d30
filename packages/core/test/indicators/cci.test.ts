import { describe, expect, it } from 'vitest';
import { CciStream, cci } from '../../src/indicators/cci.js';
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
  const stream = new CciStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

describe.each(goldenSets)('CCI against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('cci20 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(cci(series, 20), column(table, 'cci20'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 20), cci(series, 20))).toBeUndefined();
    expect(firstDifference(streamAll(series, 7), cci(series, 7))).toBeUndefined();
  });
});

describe('CCI on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-cci.csv) to its 4 printed decimals", () => {
    const t = readChartSchool('cs-cci.csv');
    const candles = { high: t.num('High'), low: t.num('Low'), close: t.num('Close') };
    expect(compareToPrinted(cci(candles, 20), t.text('CCI'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches, zero-range candles and zero volume', () => {
    const series = edgeSeries();
    for (const period of [2, 5, 20]) {
      expect(firstDifference(streamAll(series, period), cci(series, period))).toBeUndefined();
    }
  });

  it('gives 0 over a window without deviation (TA-Lib), never NaN or ±Infinity', () => {
    const out = cci(edgeSeries(), 20);
    expect(out.slice(19).every((v) => Number.isFinite(v))).toBe(true);
    // Candles 60..69 close a window of 20 flat candles (40..59 are flat): deviation 0 → 0.
    expect(Array.from(out.slice(60, 70))).toEqual(new Array(10).fill(0));
  });
});

describe('CCI by hand', () => {
  it('(TP − mean) / (0.015 × mean deviation), 0 without deviation', () => {
    // high = low = close, so TP = close; period 3.
    const c = [1, 2, 3, 3, 3, 6];
    const expected = [
      NaN, // warm-up
      NaN, // warm-up
      100, // window 1,2,3: mean 2, meanDev (1+0+1)/3 = 2/3, (3−2)/(0.015·2/3) = 1/0.01
      50, // window 2,3,3: mean 8/3, meanDev (2/3+1/3+1/3)/3 = 4/9, (1/3)/(0.015·4/9) = (1/3)/(1/150)
      0, // window 3,3,3: meanDev 0 → TA-Lib's 0
      100, // window 3,3,6: mean 4, meanDev (1+1+2)/3 = 4/3, (6−4)/(0.015·4/3) = 2/0.02
    ];
    const r = compareToReference(
      cci({ high: c, low: c, close: c }, 3),
      Float64Array.from(expected),
      1e-12,
    );
    expect(r.mismatches).toEqual([]);
  });

  it('TP is (high + low + close) / 3', () => {
    // TPs 2, 4, 6 from (1+2+3)/3, (3+4+5)/3, (5+6+7)/3: mean 4, meanDev 4/3, (6−4)/(0.015·4/3) = 100
    const out = cci({ high: [3, 5, 7], low: [1, 3, 5], close: [2, 4, 6] }, 3);
    expect(out[2]).toBeCloseTo(100, 10);
  });

  it.each([1, 0, 2.5, Number.NaN, 100_001])('refuses period %s with a clear error', (period) => {
    expect(() => cci({ high: [1], low: [1], close: [1] }, period)).toThrow(
      /period must be a whole number from 2/,
    );
    expect(() => new CciStream(period)).toThrow(/period must be a whole number from 2/);
  });
});
