import { describe, expect, it } from 'vitest';
import { KeltnerStream, keltner } from '../../src/indicators/keltner.js';
import type { KeltnerChannels, KeltnerOptions } from '../../src/indicators/keltner.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import { compareToReference, firstDifference, goldenSets } from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, options?: KeltnerOptions): KeltnerChannels {
  const stream = new KeltnerStream(options);
  const values = candlesOf(series).map((c) => stream.update(c));
  return {
    upper: Float64Array.from(values, (v) => v.upper),
    middle: Float64Array.from(values, (v) => v.middle),
    lower: Float64Array.from(values, (v) => v.lower),
  };
}

function expectIdentical(a: KeltnerChannels, b: KeltnerChannels): void {
  expect(firstDifference(a.upper, b.upper)).toBeUndefined();
  expect(firstDifference(a.middle, b.middle)).toBeUndefined();
  expect(firstDifference(a.lower, b.lower)).toBeUndefined();
}

/** `count` copies of `value` in front of `values`. */
function prepend(count: number, value: number, values: Float64Array): Float64Array {
  const out = new Float64Array(count + values.length).fill(value);
  out.set(values, count);
  return out;
}

describe("Keltner Channels on ChartSchool's example as computed by `ta` (cs-kc.csv)", () => {
  // cs-kc.csv uses the same formula (EMA 20 of the close ± 2 × Wilder ATR 10) but other seeds: the
  // EMA starts at the first close and the ATR at the mean of TR[0..9] with TR[0] = high − low, so
  // its first values are at row 0 (middle) and row 9 (bands). Flat candles at the first close put in
  // front reproduce those seeds with TA-Lib's conventions, and then every printed value matches.
  const t = readChartSchool('cs-kc.csv');
  const high = t.num('High');
  const low = t.num('Low');
  const close = t.num('Close');
  const first = close[0]!;
  const padded = (count: number) => ({
    high: prepend(count, first, high),
    low: prepend(count, first, low),
    close: prepend(count, first, close),
  });

  it('middle line: the EMA seeded at the first close (19 flat candles in front)', () => {
    // SMA seed of 20 equal closes = the first close; then the same recurrence with k = 2/21.
    const kc = keltner(padded(19));
    expect(compareToPrinted(kc.middle.subarray(19), t.text('middle_band'))).toEqual([]);
  });

  it('band width: 2 × ATR 10 with TR[0] = high − low (one flat candle in front)', () => {
    // The flat candle's close lies inside candle 0's range, so TR of candle 0 = high − low, and
    // TA-Lib's first ATR (mean of TR[1..10] of the padded series) is the sheet's mean of TR[0..9].
    // period 1 makes the middle start at once, so the bands start with the ATR (row 9).
    const kc = keltner(padded(1), { period: 1 });
    const halfWidth = Float64Array.from(
      kc.upper.subarray(1),
      (u, i) => (u - kc.middle[i + 1]!) / 2,
    );
    const lowerWidth = Float64Array.from(
      kc.lower.subarray(1),
      (l, i) => (kc.middle[i + 1]! - l) / 2,
    );
    expect(
      compareToPrinted(
        halfWidth,
        t.text('atr').map((a, i) => (i < 9 ? '' : a)),
      ),
    ).toEqual([]);
    expect(
      compareToPrinted(
        lowerWidth,
        t.text('atr').map((a, i) => (i < 9 ? '' : a)),
      ),
    ).toEqual([]);
  });
});

describe('Keltner Channels', () => {
  it.each(goldenSets)('streaming is bit-identical to the batch on $ohlcv', ({ ohlcv }) => {
    const series = readOhlcv(ohlcv);
    expectIdentical(streamAll(series), keltner(series));
    const options = { period: 5, atrPeriod: 14, multiplier: 1.5 };
    expectIdentical(streamAll(series, options), keltner(series, options));
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    expectIdentical(streamAll(series), keltner(series));
    expectIdentical(
      streamAll(series, { period: 3, atrPeriod: 1 }),
      keltner(series, { period: 3, atrPeriod: 1 }),
    );
  });

  it('shares one warm-up for the three lines: max(period − 1, atrPeriod)', () => {
    const series = edgeSeries(60);
    for (const [period, atrPeriod] of [
      [20, 10],
      [5, 14],
      [11, 10],
    ] as const) {
      const kc = keltner(series, { period, atrPeriod });
      const start = Math.max(period - 1, atrPeriod);
      for (const line of [kc.upper, kc.middle, kc.lower]) {
        expect(line.findIndex((v) => !Number.isNaN(v))).toBe(start);
      }
    }
  });

  it('by hand: EMA(2) of the close ± 1 × ATR(2)', () => {
    const candles = { high: [11, 12, 12, 15], low: [9, 10, 11, 12], close: [10, 11, 12, 14] };
    // TR1 = max(12−10, |12−10|, |10−10|) = 2; TR2 = max(1, |12−11|, |11−11|) = 1;
    // TR3 = max(3, |15−12|, |12−12|) = 3. ATR(2): index 2 = (2+1)/2 = 1.5, index 3 = (1.5·1+3)/2 = 2.25.
    // EMA(2), k = 2/3: index 1 = (10+11)/2 = 10.5, index 2 = 10.5 + (12−10.5)·2/3 = 11.5,
    // index 3 = 11.5 + (14−11.5)·2/3 = 13.1666...; warm-up = max(2 − 1, 2) = 2.
    const kc = keltner(candles, { period: 2, atrPeriod: 2, multiplier: 1 });
    const check = (actual: Float64Array, expected: number[]): void => {
      expect(compareToReference(actual, Float64Array.from(expected), 1e-12).mismatches).toEqual([]);
    };
    check(kc.middle, [NaN, NaN, 11.5, 13 + 1 / 6]);
    check(kc.upper, [NaN, NaN, 13, 13 + 1 / 6 + 2.25]);
    check(kc.lower, [NaN, NaN, 10, 13 + 1 / 6 - 2.25]);
  });

  it.each([
    [{ period: 0 }, /period must be a whole number/],
    [{ atrPeriod: 2.5 }, /atrPeriod must be a whole number/],
    [{ multiplier: 0 }, /multiplier must be a finite number above 0/],
    [{ multiplier: Number.NaN }, /multiplier must be a finite number above 0/],
  ])('refuses %j with a clear error', (options, message) => {
    expect(() => keltner({ high: [1], low: [1], close: [1] }, options)).toThrow(message);
    expect(() => new KeltnerStream(options)).toThrow(message);
  });
});
