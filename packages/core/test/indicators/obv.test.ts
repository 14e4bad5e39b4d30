import { describe, expect, it } from 'vitest';
import { ObvStream, obv } from '../../src/indicators/obv.js';
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

function streamAll(series: CandleSeries): Float64Array {
  const stream = new ObvStream();
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

describe.each(goldenSets)('OBV against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('obv matches TA-Lib within 1e-9, starting at +volume[0]', () => {
    const r = compareToReference(obv(series.close, series.volume), column(table, 'obv'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series), obv(series.close, series.volume))).toBeUndefined();
  });
});

describe('OBV on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-obv.csv) exactly", () => {
    const t = readChartSchool('cs-obv.csv');
    // Row 0 has a close but no volume and no OBV: ChartSchool starts counting at row 1. From row 1
    // on, TA-Lib's start (+volume of the first candle) equals ChartSchool's 0 + 8200, because row 1
    // closed up; every later row then follows the same rule.
    const close = t.num('Close').subarray(1);
    const volume = t.num('Volume').subarray(1);
    expect(compareToPrinted(obv(close, volume), t.text('OBV').slice(1))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches, zero-range candles and zero volume', () => {
    const series = edgeSeries();
    expect(firstDifference(streamAll(series), obv(series.close, series.volume))).toBeUndefined();
  });

  it('next(close, volume) is the same as update(candle)', () => {
    const a = new ObvStream();
    const b = new ObvStream();
    for (const c of candlesOf(edgeSeries(50))) {
      expect(a.next(c.close, c.volume)).toBe(b.update(c));
    }
  });
});

describe('OBV by hand', () => {
  it.each([
    // close            volume               expected
    // 100 = volume[0]; 11 > 10: +20; 11 = 11: unchanged; 9 < 11: −40; 10 > 9: +5
    [
      [10, 11, 11, 9, 10],
      [100, 20, 30, 40, 5],
      [100, 120, 120, 80, 85],
    ],
    [[5], [7], [7]], // a single candle: its volume
    [[], [], []], // no candles
  ])('obv(%j, %j) = %j', (close, volume, expected) => {
    expect(Array.from(obv(close, volume))).toEqual(expected);
  });
});
