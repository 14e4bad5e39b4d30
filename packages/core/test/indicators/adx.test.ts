import { describe, expect, it } from 'vitest';
import { AdxStream, adx } from '../../src/indicators/adx.js';
import type { AdxResult } from '../../src/indicators/adx.js';
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

function streamAll(series: CandleSeries, period: number): AdxResult {
  const stream = new AdxStream(period);
  const points = candlesOf(series).map((c) => stream.update(c));
  return {
    adx: Float64Array.from(points, (p) => p.adx),
    plusDi: Float64Array.from(points, (p) => p.plusDi),
    minusDi: Float64Array.from(points, (p) => p.minusDi),
  };
}

function expectSameBits(a: AdxResult, b: AdxResult): void {
  expect(firstDifference(a.adx, b.adx)).toBeUndefined();
  expect(firstDifference(a.plusDi, b.plusDi)).toBeUndefined();
  expect(firstDifference(a.minusDi, b.minusDi)).toBeUndefined();
}

describe.each(goldenSets)('ADX against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('adx14 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(adx(series, 14).adx, column(table, 'adx14'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expectSameBits(streamAll(series, 14), adx(series, 14));
    expectSameBits(streamAll(series, 2), adx(series, 2));
  });
});

describe('ADX on ChartSchool and edge cases', () => {
  const t = readChartSchool('cs-adx.csv');
  const out = adx({ high: t.num('High'), low: t.num('Low'), close: t.num('Close') }, 14);

  it('starts +DI/−DI on row 14 and ADX on row 27, as cs-adx.csv', () => {
    const firstRow = (values: ArrayLike<number>): number =>
      Array.from(values).findIndex((v) => !Number.isNaN(v));
    expect(firstRow(out.plusDi)).toBe(firstRow(t.num('+DI14')));
    expect(firstRow(out.minusDi)).toBe(firstRow(t.num('-DI14')));
    expect(firstRow(out.adx)).toBe(27);
    expect(firstRow(t.num('ADX'))).toBe(27);
  });

  it('converges to cs-adx.csv: the seed gap shrinks by 13/14 per row, then printed decimals', () => {
    // ChartSchool seeds TR14/+DM14/−DM14 with the plain sum of rows 1..14; TA-Lib sums rows 1..13
    // and applies one Wilder step on row 14 (sum − sum/14 + today). The difference is then carried
    // by Wilder's smoothing, which forgets it by a factor 13/14 per row; ADX (which smooths DX)
    // carries it longer. From row 300 (DI) and 350 (ADX) on, all 7 printed decimals agree.
    const columns = [
      ['+DI14', out.plusDi, 14, 4, 300],
      ['-DI14', out.minusDi, 14, 4, 300],
      ['ADX', out.adx, 27, 70, 350],
    ] as const;
    for (const [name, ours, start, scale, exactFrom] of columns) {
      const printed = t.num(name);
      for (let row = start; row < t.rows; row++) {
        const bound = scale * (13 / 14) ** (row - start) + 1e-7;
        expect(Math.abs(ours[row]! - printed[row]!)).toBeLessThanOrEqual(bound);
      }
      const cells = t.text(name).map((cell, i) => (i < exactFrom ? '' : cell));
      expect(compareToPrinted(ours.slice().fill(Number.NaN, 0, exactFrom), cells)).toEqual([]);
    }
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    for (const period of [2, 5, 14]) expectSameBits(streamAll(series, period), adx(series, period));
  });

  it('gives DI 0 and no DX once the smoothed TR is TA_IS_ZERO: ADX then keeps its value', () => {
    // 10 rising candles, then 100 flat ones (high = low = close): the smoothed TR halves each candle
    // (period 2) and reaches TA_IS_ZERO well before the end.
    const close = Array.from({ length: 110 }, (_, i) => 100 + Math.min(i, 9));
    const high = close.map((c, i) => (i < 10 ? c + 0.5 : c));
    const low = close.map((c, i) => (i < 10 ? c - 0.5 : c));
    const out = adx({ high, low, close }, 2);
    expect(out.adx.slice(3).every((v) => Number.isFinite(v))).toBe(true);
    expect(Array.from(out.plusDi.slice(100))).toEqual(new Array(10).fill(0));
    expect(Array.from(out.minusDi.slice(100))).toEqual(new Array(10).fill(0));
    expect(new Set(out.adx.slice(100)).size).toBe(1);
    expect(out.adx[109]).toBeGreaterThan(0);
    // A market flat from the start: DIs 0, no DX at all, ADX = sumDX / period = 0.
    const constant = new Array<number>(40).fill(7);
    const flat = adx({ high: constant, low: constant, close: constant }, 14);
    expect(Array.from(flat.plusDi.slice(14))).toEqual(new Array(26).fill(0));
    expect(Array.from(flat.minusDi.slice(14))).toEqual(new Array(26).fill(0));
    expect(Array.from(flat.adx.slice(27))).toEqual(new Array(13).fill(0));
  });
});

describe('ADX by hand', () => {
  it('sums period − 1 candles, then Wilder-smooths DM and TR; ADX = mean DX, then Wilder', () => {
    // period 2
    const candles = {
      high: [10, 11, 12, 11.5, 12],
      low: [9, 9.5, 10.5, 9.5, 11],
      close: [9.5, 10.5, 11.5, 10, 11.8],
    };
    // c1: up 1, down −0.5 → +DM 1; TR max(1.5, 1.5, 0) = 1.5. Seed: +DM 1, −DM 0, TR 1.5
    // c2: up 1 → +DM = 1 − 1/2 + 1 = 1.5; −DM 0; TR = 1.5 − 0.75 + 1.5 = 2.25
    //     +DI = 100·1.5/2.25 = 200/3, −DI 0, DX 100
    // c3: down 1 → +DM = 0.75, −DM = 1; TR (2, 0, 2) → 2.25 − 1.125 + 2 = 3.125
    //     +DI 24, −DI 32, DX = 100·8/56 = 100/7; ADX = (100 + 100/7)/2 = 400/7
    // c4: up 0.5 → +DM = 0.375 + 0.5 = 0.875, −DM 0.5; TR (1, 2, 1) → 3.125 − 1.5625 + 2 = 3.5625
    //     +DI = 87.5/3.5625, −DI = 50/3.5625, DX = 100·0.375/1.375 = 300/11
    //     ADX = (400/7 + 300/11)/2 = 3250/77
    const expected = {
      plusDi: [NaN, NaN, 200 / 3, 24, 87.5 / 3.5625],
      minusDi: [NaN, NaN, 0, 32, 50 / 3.5625],
      adx: [NaN, NaN, NaN, 400 / 7, 3250 / 77],
    };
    const out = adx(candles, 2);
    for (const field of ['adx', 'plusDi', 'minusDi'] as const) {
      const r = compareToReference(out[field], Float64Array.from(expected[field]), 1e-12);
      expect(r.mismatches).toEqual([]);
    }
  });

  it.each([1, 0, 2.5, Number.NaN, 100_001])('refuses period %s with a clear error', (period) => {
    const c = { high: [1], low: [1], close: [1] };
    expect(() => adx(c, period)).toThrow(/period must be a whole number from 2/);
    expect(() => new AdxStream(period)).toThrow(/period must be a whole number from 2/);
  });
});
