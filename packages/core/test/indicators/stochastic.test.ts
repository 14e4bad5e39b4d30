import { describe, expect, it } from 'vitest';
import { StochasticStream, stochastic } from '../../src/indicators/stochastic.js';
import type { StochasticOptions, StochasticResult } from '../../src/indicators/stochastic.js';
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

function streamAll(series: CandleSeries, opts: StochasticOptions = {}): StochasticResult {
  const stream = new StochasticStream(opts);
  const points = candlesOf(series).map((c) => stream.update(c));
  return { k: Float64Array.from(points, (p) => p.k), d: Float64Array.from(points, (p) => p.d) };
}

function expectSameBits(a: StochasticResult, b: StochasticResult): void {
  expect(firstDifference(a.k, b.k)).toBeUndefined();
  expect(firstDifference(a.d, b.d)).toBeUndefined();
}

describe.each(goldenSets)('Stochastic against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);
  const out = stochastic(series);

  it.each([
    ['k', 'stoch_k'],
    ['d', 'stoch_d'],
  ] as const)(
    '%s matches TA-Lib %s (14, 3 SMA, 3 SMA) within 1e-9, same warm-up',
    (field, name) => {
      const r = compareToReference(out[field], column(table, name), 1e-9);
      expect(r.mismatches).toEqual([]);
    },
  );

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expectSameBits(streamAll(series), out);
    for (const opts of [
      { kPeriod: 1, kSmooth: 1, dPeriod: 1 },
      { kPeriod: 5, kSmooth: 1, dPeriod: 4 },
      { kPeriod: 9, kSmooth: 4, dPeriod: 2 },
    ]) {
      expectSameBits(streamAll(series, opts), stochastic(series, opts));
    }
  });
});

describe('Stochastic on ChartSchool and edge cases', () => {
  const t = readChartSchool('cs-soo.csv');
  const candles = { high: t.num('High'), low: t.num('Low'), close: t.num('Close') };

  it("matches ChartSchool's fast %K (cs-soo.csv SO) to its 6 printed decimals", () => {
    // ChartSchool's %K is the raw (fast) one: kSmooth 1; dPeriod 1 shows it from row 13 as the sheet.
    const out = stochastic(candles, { kPeriod: 14, kSmooth: 1, dPeriod: 1 });
    expect(compareToPrinted(out.k, t.text('SO'))).toEqual([]);
  });

  it("matches ChartSchool's %D (SMA 3 of the fast %K, SO_SIG) from row 16", () => {
    // TA-Lib's first %D is on row 15 (13 + 3 − 1); the sheet leaves row 15 empty and starts on 16.
    // Its SO_SIG was averaged from slightly different %K figures (up to 7e-7 off the exact mean of
    // its own printed SO), hence twice the half-unit tolerance.
    const out = stochastic(candles, { kPeriod: 14, kSmooth: 1, dPeriod: 3 });
    expect(out.d[15]).toBeCloseTo((70.43822 + 67.608909 + 89.202108) / 3, 5);
    expect(compareToPrinted(out.d.slice().fill(Number.NaN, 0, 16), t.text('SO_SIG'), 2)).toEqual(
      [],
    );
    expect(
      compareToPrinted(
        out.k.slice().fill(Number.NaN, 0, 15),
        t.text('SO').map((c, i) => (i < 15 ? '' : c)),
      ),
    ).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    expectSameBits(streamAll(series), stochastic(series));
    const opts = { kPeriod: 3, kSmooth: 2, dPeriod: 2 };
    expectSameBits(streamAll(series, opts), stochastic(series, opts));
  });

  it('gives 0 (TA-Lib) when the window has no range, never NaN', () => {
    const flat = new Float64Array(30).fill(12.5);
    const out = stochastic({ high: flat, low: flat, close: flat });
    expect(Array.from(out.k.slice(17))).toEqual(new Array(13).fill(0));
    expect(Array.from(out.d.slice(17))).toEqual(new Array(13).fill(0));
    expect(out.k[16]).toBeNaN();
  });
});

describe('Stochastic by hand', () => {
  it('raw %K = (close − LL) / ((HH − LL)/100), then SMA(kSmooth), SMA(dPeriod)', () => {
    const candles = {
      high: [10, 12, 11, 13, 12],
      low: [8, 9, 7, 10, 12], // the last candle has no range of its own
      close: [9, 11, 8, 12, 12],
    };
    // kPeriod 3: raw %K idx2: HH 12, LL 7 → (8−7)/0.05 = 20; idx3: HH 13, LL 7 → 5/0.06 = 250/3;
    // idx4: HH 13, LL 7 → 250/3.
    // kSmooth 2: %K idx3 = (20 + 250/3)/2 = 155/3, idx4 = 250/3. dPeriod 2: %D idx4 = (155/3 + 250/3)/2 = 67.5
    // First output at (3−1)+(2−1)+(2−1) = 4 for both.
    const out = stochastic(candles, { kPeriod: 3, kSmooth: 2, dPeriod: 2 });
    const expected = { k: [NaN, NaN, NaN, NaN, 250 / 3], d: [NaN, NaN, NaN, NaN, 67.5] };
    for (const field of ['k', 'd'] as const) {
      const r = compareToReference(out[field], Float64Array.from(expected[field]), 1e-12);
      expect(r.mismatches).toEqual([]);
    }
    const fast = stochastic(candles, { kPeriod: 3, kSmooth: 1, dPeriod: 1 });
    const r = compareToReference(
      fast.k,
      Float64Array.from([NaN, NaN, 20, 250 / 3, 250 / 3]),
      1e-12,
    );
    expect(r.mismatches).toEqual([]);
  });

  it.each([
    [{ kPeriod: 0 }, /kPeriod must be a whole number from 1/],
    [{ kSmooth: 0 }, /kSmooth must be a whole number from 1/],
    [{ dPeriod: -3 }, /dPeriod must be a whole number from 1/],
    [{ kPeriod: 2.5 }, /kPeriod must be a whole number/],
    [{ dPeriod: Number.NaN }, /dPeriod must be a whole number/],
    [{ kSmooth: 100_001 }, /kSmooth must be a whole number/],
  ])('refuses %j with a clear error', (opts, message) => {
    const c = { high: [1], low: [1], close: [1] };
    expect(() => stochastic(c, opts)).toThrow(message);
    expect(() => new StochasticStream(opts)).toThrow(message);
  });
});
