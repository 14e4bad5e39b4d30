import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { VwapStream, vwap } from '../../src/indicators/vwap.js';
import type { VwapAnchor } from '../../src/indicators/vwap.js';
import { compareToPrinted, readChartSchool } from '../support/chartschool.js';
import { firstDifference, goldenSets } from '../support/datasets.js';
import { candlesOf, edgeSeries, readOhlcv } from '../support/indicator-inputs.js';
import type { CandleSeries } from '../../src/candles/types.js';

function streamAll(series: CandleSeries, anchor: VwapAnchor): Float64Array {
  const stream = new VwapStream({ anchor });
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

const DAY = 86_400_000;
const H = 3_600_000;

describe('VWAP', () => {
  it("matches the cumulative rows of ChartSchool's example (cs-vwap.csv) to full precision", () => {
    const t = readChartSchool('cs-vwap.csv');
    const candles = {
      high: t.num('High'),
      low: t.num('Low'),
      close: t.num('Close'),
      volume: t.num('Volume'),
    };
    // The `ta` library computed this sheet with a rolling 14-candle window (its default), not a
    // cumulative sum: rows 0..13 are cumulative from the first candle either way and match; from
    // row 14 on the sheet drops its oldest candles, a rolling VWAP we do not provide.
    const out = vwap(candles, { anchor: 'none' });
    expect(compareToPrinted(out.subarray(0, 14), t.text('vwap').slice(0, 14))).toEqual([]);
  });

  it.each(goldenSets)('streaming is bit-identical to the batch on $ohlcv', ({ ohlcv }) => {
    const series = readOhlcv(ohlcv);
    expect(firstDifference(streamAll(series, 'day'), vwap(series))).toBeUndefined();
    expect(
      firstDifference(streamAll(series, 'none'), vwap(series, { anchor: 'none' })),
    ).toBeUndefined();
  });

  it('streaming is bit-identical on flat stretches, zero-range candles and zero volume', () => {
    const series = edgeSeries();
    for (const anchor of ['day', 'none'] as const) {
      expect(firstDifference(streamAll(series, anchor), vwap(series, { anchor }))).toBeUndefined();
    }
  });

  it('anchor day restarts at each UTC midnight of the open time', () => {
    const candles = {
      ts: [DAY - 2 * H, DAY - H, DAY, DAY + H],
      high: [12, 22, 40, 30],
      low: [8, 18, 20, 30],
      close: [10, 20, 30, 30],
      volume: [1, 3, 2, 2],
    };
    expect(Array.from(vwap(candles))).toEqual([
      10, // TP (12+8+10)/3 = 10
      17.5, // (10·1 + 20·3) / (1+3) = 70/4; the 23:00 candle still belongs to day 0
      30, // new UTC day: TP (40+20+30)/3 = 30, alone
      30, // (30·2 + 30·2) / 4
    ]);
    // Without an anchor the sums run on: (10 + 60 + 60 + 60) / 8 = 23.75
    expect(vwap(candles, { anchor: 'none' })[3]).toBe(23.75);
  });

  it('is NaN while the session has no volume (0/0), then the volume-weighted price', () => {
    const candles = {
      ts: [0, H, 2 * H],
      high: [5, 7, 9],
      low: [5, 7, 9],
      close: [5, 7, 9],
      volume: [0, 0, 4],
    };
    expect(Array.from(vwap(candles))).toEqual([NaN, NaN, 9]); // zero-volume candles weigh nothing
    const out = vwap(edgeSeries());
    // Index 43 opens a UTC day inside a zero-volume flat stretch (candles 40..54).
    expect(out[43]).toBeNaN();
    expect(out[42]).not.toBeNaN();
  });

  it('refuses anchor day without ts, and an unknown anchor', () => {
    const candles = { high: [1], low: [1], close: [1], volume: [1] };
    expect(() => vwap(candles)).toThrow(ValidationError);
    expect(() => vwap(candles)).toThrow(/needs the candles' ts/);
    expect(() => new VwapStream().update({ high: 1, low: 1, close: 1, volume: 1 })).toThrow(
      /needs the candles' ts/,
    );
    expect(vwap(candles, { anchor: 'none' })[0]).toBe(1);
    const bad = { anchor: 'week' } as unknown as { anchor: VwapAnchor };
    expect(() => vwap(candles, bad)).toThrow(/anchor must be 'day' or 'none'/);
    expect(() => new VwapStream(bad)).toThrow(/anchor must be 'day' or 'none'/);
  });
});
