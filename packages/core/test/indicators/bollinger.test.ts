import { describe, expect, it } from 'vitest';
import { BollingerStream, bollinger } from '../../src/indicators/bollinger.js';
import type { BollingerOptions, BollingerResult } from '../../src/indicators/bollinger.js';
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

function streamAll(series: CandleSeries, opts: BollingerOptions = {}): BollingerResult {
  const stream = new BollingerStream(opts);
  const points = candlesOf(series).map((c) => stream.update(c));
  return {
    upper: Float64Array.from(points, (p) => p.upper),
    middle: Float64Array.from(points, (p) => p.middle),
    lower: Float64Array.from(points, (p) => p.lower),
  };
}

function expectSameBits(a: BollingerResult, b: BollingerResult): void {
  expect(firstDifference(a.upper, b.upper)).toBeUndefined();
  expect(firstDifference(a.middle, b.middle)).toBeUndefined();
  expect(firstDifference(a.lower, b.lower)).toBeUndefined();
}

describe.each(goldenSets)('Bollinger Bands against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);
  const out = bollinger(series.close);

  it.each([
    ['upper', 'bb_upper'],
    ['middle', 'bb_middle'],
    ['lower', 'bb_lower'],
  ] as const)('%s matches TA-Lib %s within 1e-9 with the same warm-up', (field, name) => {
    const r = compareToReference(out[field], column(table, name), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expectSameBits(streamAll(series), out);
    const opts = { period: 5, stdDev: 1.5 };
    const stream = new BollingerStream(opts);
    const points = Array.from(series.close, (v) => stream.next(v));
    expectSameBits(
      {
        upper: Float64Array.from(points, (p) => p.upper),
        middle: Float64Array.from(points, (p) => p.middle),
        lower: Float64Array.from(points, (p) => p.lower),
      },
      bollinger(series.close, opts),
    );
  });
});

describe('Bollinger Bands on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-bbands.csv) to its 6 printed decimals", () => {
    // Same convention: SMA(20) middle band, population standard deviation, ± 2 deviations.
    const t = readChartSchool('cs-bbands.csv');
    const out = bollinger(t.num('Close'));
    expect(compareToPrinted(out.middle, t.text('MiddleBand'))).toEqual([]);
    expect(compareToPrinted(out.upper, t.text('HighBand'))).toEqual([]);
    expect(compareToPrinted(out.lower, t.text('LowBand'))).toEqual([]);
    const std = out.upper.map((u, i) => (u - out.middle[i]!) / 2);
    expect(compareToPrinted(std, t.text('20-day Standard Deviation'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    expectSameBits(streamAll(series), bollinger(series.close));
    expectSameBits(
      streamAll(series, { period: 2, stdDev: 3 }),
      bollinger(series.close, { period: 2, stdDev: 3 }),
    );
  });

  it('collapses the bands onto the price over a flat window (deviation 0, never NaN)', () => {
    // 0.1 is not exact in binary: sumSq/n − mean² leaves a residue that TA_IS_ZERO_OR_NEG zeroes.
    const out = bollinger(new Float64Array(30).fill(0.1), { period: 20 });
    for (const band of [out.upper, out.middle, out.lower]) {
      expect(band.slice(19).every((v) => Math.abs(v - 0.1) < 1e-15)).toBe(true);
    }
    expect(firstDifference(out.upper, out.lower)).toBeUndefined();
  });
});

describe('Bollinger Bands by hand', () => {
  it('middle = SMA, bands = middle ± k × population standard deviation', () => {
    const out = bollinger([1, 2, 3, 4, 8], { period: 3, stdDev: 2 });
    const expected = {
      // windows 1,2,3 / 2,3,4 / 3,4,8: means 2, 3, 5
      middle: [NaN, NaN, 2, 3, 5],
      // variances (1+0+1)/3, (1+0+1)/3, (4+1+9)/3
      upper: [
        NaN,
        NaN,
        2 + 2 * Math.sqrt(2 / 3),
        3 + 2 * Math.sqrt(2 / 3),
        5 + 2 * Math.sqrt(14 / 3),
      ],
      lower: [
        NaN,
        NaN,
        2 - 2 * Math.sqrt(2 / 3),
        3 - 2 * Math.sqrt(2 / 3),
        5 - 2 * Math.sqrt(14 / 3),
      ],
    };
    for (const field of ['upper', 'middle', 'lower'] as const) {
      const r = compareToReference(out[field], Float64Array.from(expected[field]), 1e-12);
      expect(r.mismatches).toEqual([]);
    }
  });

  it.each([
    [{ period: 1 }, /period must be a whole number from 2/],
    [{ period: 2.5 }, /period must be a whole number/],
    [{ period: Number.NaN }, /period must be a whole number/],
    [{ stdDev: 0 }, /stdDev must be a finite number above 0/],
    [{ stdDev: -2 }, /stdDev must be a finite number above 0/],
    [{ stdDev: Number.POSITIVE_INFINITY }, /stdDev must be a finite number above 0/],
  ])('refuses %j with a clear error', (opts, message) => {
    expect(() => bollinger([1, 2, 3], opts)).toThrow(message);
    expect(() => new BollingerStream(opts)).toThrow(message);
  });
});
