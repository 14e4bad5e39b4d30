import { describe, expect, it } from 'vitest';
import { rsi } from '../../src/indicators/rsi.js';
import { StochRsiStream, stochRsi } from '../../src/indicators/stoch-rsi.js';
import type { StochRsiOptions, StochRsiResult } from '../../src/indicators/stoch-rsi.js';
import { stochastic } from '../../src/indicators/stochastic.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import { compareToReference, firstDifference, goldenSets } from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, opts: StochRsiOptions = {}): StochRsiResult {
  const stream = new StochRsiStream(opts);
  const points = candlesOf(series).map((c) => stream.update(c));
  return { k: Float64Array.from(points, (p) => p.k), d: Float64Array.from(points, (p) => p.d) };
}

function expectSameBits(a: StochRsiResult, b: StochRsiResult): void {
  expect(firstDifference(a.k, b.k)).toBeUndefined();
  expect(firstDifference(a.d, b.d)).toBeUndefined();
}

describe.each(goldenSets)('Stochastic RSI on $ohlcv', ({ ohlcv }) => {
  const series = readOhlcv(ohlcv);

  it('is the stochastic of the RSI, bit for bit, with the summed warm-up', () => {
    // The golden files carry no StochRSI: check the composition with the TA-Lib-checked parts.
    for (const opts of [{}, { rsiPeriod: 9, stochPeriod: 5, kSmooth: 1, dPeriod: 4 }]) {
      const { rsiPeriod = 14, stochPeriod = 14, kSmooth = 3, dPeriod = 3 } = opts;
      const r = rsi(series.close, rsiPeriod).slice(rsiPeriod);
      const ref = stochastic(
        { high: r, low: r, close: r },
        { kPeriod: stochPeriod, kSmooth, dPeriod },
      );
      const out = stochRsi(series.close, opts);
      expect(firstDifference(out.k.slice(rsiPeriod), ref.k)).toBeUndefined();
      expect(firstDifference(out.d.slice(rsiPeriod), ref.d)).toBeUndefined();
      const first = rsiPeriod + stochPeriod - 1 + kSmooth - 1 + dPeriod - 1;
      expect(out.k[first - 1]).toBeNaN();
      expect(out.d[first - 1]).toBeNaN();
      expect(out.k[first]).not.toBeNaN();
      expect(out.d[first]).not.toBeNaN();
    }
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expectSameBits(streamAll(series), stochRsi(series.close));
    const opts = { rsiPeriod: 2, stochPeriod: 1, kSmooth: 1, dPeriod: 1 };
    expectSameBits(streamAll(series, opts), stochRsi(series.close, opts));
    const stream = new StochRsiStream({ kSmooth: 1 });
    const points = Array.from(series.close, (v) => stream.next(v));
    expectSameBits(
      { k: Float64Array.from(points, (p) => p.k), d: Float64Array.from(points, (p) => p.d) },
      stochRsi(series.close, { kSmooth: 1 }),
    );
  });
});

describe('Stochastic RSI on ChartSchool and edge cases', () => {
  it('matches cs-stochrsi.csv (0..1 scale) once its RSI zero seed is reproduced', () => {
    // The sheet's RSI is cs-rsi.csv's (averages seeded with 0 on the first row, see rsi.test.ts):
    // TA-Lib's RSI after 14 copies of the first close. Its StochRSI(14) is the raw one (kSmooth 1,
    // dPeriod 1) over RSI rows 14..27 onwards, printed on a 0..1 scale with 7 decimals.
    const t = readChartSchool('cs-stochrsi.csv');
    const close = t.num('Close');
    const padded = new Float64Array(14 + close.length).fill(close[0]!);
    padded.set(close, 14);
    const out = stochRsi(padded, { kSmooth: 1, dPeriod: 1 }).k.slice(14);
    const scaled = out.map((v, i) => (i < 27 ? Number.NaN : v / 100));
    expect(compareToPrinted(scaled, t.text('StochRSI(14)'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    expectSameBits(streamAll(series), stochRsi(series.close));
    const opts = { rsiPeriod: 3, stochPeriod: 4, kSmooth: 2, dPeriod: 2 };
    expectSameBits(streamAll(series, opts), stochRsi(series.close, opts));
  });

  it('gives 0 when the RSI window has no range (flat market), never NaN', () => {
    const out = stochRsi(new Float64Array(60).fill(2), {});
    expect(Array.from(out.k.slice(31))).toEqual(new Array(29).fill(0));
    expect(Array.from(out.d.slice(31))).toEqual(new Array(29).fill(0));
    expect(out.k[30]).toBeNaN();
  });
});

describe('Stochastic RSI by hand', () => {
  it('raw = (rsi − min) / ((max − min)/100), then SMA(kSmooth), SMA(dPeriod)', () => {
    // RSI(2) of 1, 2, 3, 2, 2, 2, 3 is –, –, 100, 50, 50, 50, 90 (see rsi.test.ts).
    // stochPeriod 2: raw idx3 over (100, 50) → 0; idx4 (50, 50) no range → 0; idx5 → 0;
    // idx6 over (50, 90) → 40/0.4 = 100.
    const values = [1, 2, 3, 2, 2, 2, 3];
    const raw = stochRsi(values, { rsiPeriod: 2, stochPeriod: 2, kSmooth: 1, dPeriod: 1 });
    expect(Array.from(raw.k)).toEqual([NaN, NaN, NaN, 0, 0, 0, 100]);
    // kSmooth 2: %K idx4 (0+0)/2 = 0, idx5 0, idx6 (0+100)/2 = 50; dPeriod 2: %D idx5 0, idx6 25.
    // First output at 2 + (2−1) + (2−1) + (2−1) = 5 for both.
    const smooth = stochRsi(values, { rsiPeriod: 2, stochPeriod: 2, kSmooth: 2, dPeriod: 2 });
    const r = compareToReference(
      smooth.k,
      Float64Array.from([NaN, NaN, NaN, NaN, NaN, 0, 50]),
      1e-12,
    );
    expect(r.mismatches).toEqual([]);
    expect(Array.from(smooth.d)).toEqual([NaN, NaN, NaN, NaN, NaN, 0, 25]);
  });

  it.each([
    [{ rsiPeriod: 1 }, /rsiPeriod must be a whole number from 2/],
    [{ stochPeriod: 0 }, /stochPeriod must be a whole number from 1/],
    [{ kSmooth: 0 }, /kSmooth must be a whole number from 1/],
    [{ dPeriod: 1.5 }, /dPeriod must be a whole number/],
    [{ rsiPeriod: Number.NaN }, /rsiPeriod must be a whole number/],
  ])('refuses %j with a clear error', (opts, message) => {
    expect(() => stochRsi([1, 2, 3], opts)).toThrow(message);
    expect(() => new StochRsiStream(opts)).toThrow(message);
  });
});
