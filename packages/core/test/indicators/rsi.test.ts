import { describe, expect, it } from 'vitest';
import { RsiStream, rsi } from '../../src/indicators/rsi.js';
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
  const stream = new RsiStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

/** `values` after `count` copies of its first value. */
function withLeadingCopies(values: Float64Array, count: number): Float64Array {
  const out = new Float64Array(count + values.length).fill(values[0]!);
  out.set(values, count);
  return out;
}

describe.each(goldenSets)('RSI against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('rsi14 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(rsi(series.close), column(table, 'rsi14'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 14), rsi(series.close, 14))).toBeUndefined();
    const stream = new RsiStream(2);
    const viaNext = Float64Array.from(series.close, (v) => stream.next(v));
    expect(firstDifference(viaNext, rsi(series.close, 2))).toBeUndefined();
  });
});

describe('RSI on ChartSchool and edge cases', () => {
  const t = readChartSchool('cs-rsi.csv');
  const close = t.num('Close');

  it("matches ChartSchool's RSI article (SMA-seeded like TA-Lib) to 2 decimals", () => {
    // The table of the StockCharts ChartSchool "RSI" article, computed on these same closes: first
    // average gain/loss = mean of the first 14 changes, then Wilder, exactly TA-Lib's convention.
    const article = [
      70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99,
      41.46, 41.87, 45.46, 37.3, 33.08, 37.77,
    ];
    const printed = [...new Array<string>(14).fill(''), ...article.map((v) => v.toFixed(2))];
    expect(compareToPrinted(rsi(close), printed)).toEqual([]);
  });

  it('matches cs-rsi.csv once its zero seed is reproduced with 14 leading flat closes', () => {
    // cs-rsi.csv (bukosabino/ta) starts Avg Gain = Avg Loss = 0 on the first row and runs Wilder's
    // recursion from the first change: exactly TA-Lib's RSI after 14 copies of the first close
    // (14 zero changes seed both averages with 0 at that row). The sheet prints RSI only once 14
    // changes are in, so the rows before are left out.
    const out = rsi(withLeadingCopies(close, 14)).slice(14).fill(Number.NaN, 0, 14);
    expect(compareToPrinted(out, t.text('RSI'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches and zero-range candles', () => {
    const series = edgeSeries();
    for (const period of [2, 3, 14]) {
      expect(firstDifference(streamAll(series, period), rsi(series.close, period))).toBeUndefined();
    }
  });

  it('gives 0 (TA-Lib) over a flat market, never NaN', () => {
    const out = rsi(new Float64Array(40).fill(3.5), 14);
    expect(Array.from(out.slice(14))).toEqual(new Array(26).fill(0));
  });
});

describe('RSI by hand', () => {
  it('seeds with the mean of the first period changes, then Wilder, 100·gain/(gain+loss)', () => {
    // period 2; changes +1, +1, −1, 0, 0, +1
    const expected = [
      NaN, // no change yet
      NaN, // one change
      100, // gain (1+1)/2 = 1, loss 0
      50, // gain (1·1+0)/2 = 0.5, loss (0·1+1)/2 = 0.5
      50, // gain 0.25, loss 0.25 (a zero change counts as a gain of 0)
      50, // gain 0.125, loss 0.125
      90, // gain (0.125+1)/2 = 0.5625, loss 0.0625 → 100·0.5625/0.625
    ];
    expect(Array.from(rsi([1, 2, 3, 2, 2, 2, 3], 2))).toEqual(expected);
  });

  it('keeps its meaning on sub-nanodollar meme-token prices (TA-Lib 0.6 epsilon 1e-14)', () => {
    // Closes around 1e-9: gains and losses are ~1e-11, far above TA_EPSILON (1e-14) but below the
    // 1e-8 of TA-Lib 0.4, which would have printed RSI 0. Expected values: TA-Lib 0.6 RSI(14).
    const closes = [
      1e-9, 1.0491663454813742e-9, 1.0686923815439099e-9, 1.0513689940116915e-9,
      1.0178739778352574e-9, 1.0011234941167451e-9, 1.0213617756222007e-9, 1.0708406950242177e-9,
      1.1196833931924577e-9, 1.1384944905422545e-9, 1.120605924262088e-9, 1.0871232053112341e-9,
      1.0709531884966754e-9, 1.0919008208040484e-9, 1.1416811523610569e-9, 1.1901892213275809e-9,
      1.2082828888274638e-9, 1.1898370286565306e-9, 1.1563789006800766e-9, 1.1407967497459179e-9,
    ];
    const expected = [
      67.19842505946102, 70.8902699120808, 72.14942774286581, 68.87841578214442, 63.27481088221458,
      60.7942092628607,
    ];
    const out = Array.from(rsi(closes, 14).subarray(14));
    out.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 9);
    });
  });

  it('is 100 on a rising series and 0 on a falling one', () => {
    expect(rsi([1, 2, 3, 4, 5], 3)[4]).toBe(100);
    expect(rsi([5, 4, 3, 2, 1], 3)[4]).toBe(0);
  });

  it.each([1, 0, 2.5, Number.NaN, 100_001])('refuses period %s with a clear error', (period) => {
    expect(() => rsi([1, 2, 3], period)).toThrow(/period must be a whole number from 2/);
    expect(() => new RsiStream(period)).toThrow(/period must be a whole number from 2/);
  });
});
