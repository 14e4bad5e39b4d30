import { describe, expect, it } from 'vitest';
import { MfiStream, mfi } from '../../src/indicators/mfi.js';
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
  const stream = new MfiStream(period);
  return Float64Array.from(candlesOf(series), (c) => stream.update(c));
}

describe.each(goldenSets)('MFI against TA-Lib on $golden', ({ golden, ohlcv }) => {
  const table = readNumericCsv(golden);
  const series = readOhlcv(ohlcv);

  it('mfi14 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(mfi(series, 14), column(table, 'mfi14'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('the streaming form gives bit-identical numbers to the batch form', () => {
    expect(firstDifference(streamAll(series, 14), mfi(series, 14))).toBeUndefined();
    expect(firstDifference(streamAll(series, 3), mfi(series, 3))).toBeUndefined();
  });
});

describe('MFI on ChartSchool and edge cases', () => {
  it("matches ChartSchool's worked example (cs-mfi.csv) to its 5 printed decimals", () => {
    const t = readChartSchool('cs-mfi.csv');
    const candles = {
      high: t.num('High'),
      low: t.num('Low'),
      close: t.num('Close'),
      volume: t.num('Volume'),
    };
    expect(compareToPrinted(mfi(candles, 14), t.text('MFI'))).toEqual([]);
  });

  it('streaming is bit-identical on flat stretches, zero-range candles and zero volume', () => {
    const series = edgeSeries();
    for (const period of [2, 5, 14]) {
      expect(firstDifference(streamAll(series, period), mfi(series, period))).toBeUndefined();
    }
  });

  it('stays within [0, 100] up to running-sum residue (as TA-Lib) on the edge series', () => {
    const out = mfi(edgeSeries(), 14);
    expect(out.slice(14).every((v) => v >= -1e-9 && v <= 100 + 1e-9)).toBe(true);
    // Candles 80..89 have volume 0.001: over changes 85..89 the flow is ~5 × 100 × 0.001 < 1 → 0.
    expect(mfi(edgeSeries(), 5)[89]).toBe(0);
  });
});

describe('MFI by hand', () => {
  it('100 × positive flow / (positive + negative flow) over the last `period` changes', () => {
    // high = low = close, so TP = close; period 2. Flows: i1 TP 10→11 up, 11·2 = 22 positive;
    // i2 11→11 unchanged, in neither sum; i3 11→10 down, 10·4 = 40 negative; i4 10→12 up, 12·1 = 12.
    const tp = [10, 11, 11, 10, 12];
    const expected = [
      NaN, // no change yet
      NaN, // one change: warm-up until `period` changes
      100, // changes i1, i2: pos 22, neg 0 → 100·22/22
      0, // changes i2, i3: pos 0, neg 40 → 0
      (100 * 12) / 52, // changes i3, i4: pos 12, neg 40 → 23.0769...
    ];
    const out = mfi({ high: tp, low: tp, close: tp, volume: [5, 2, 3, 4, 1] }, 2);
    expect(compareToReference(out, Float64Array.from(expected), 1e-12).mismatches).toEqual([]);
  });

  it('gives 0 when pos + neg < 1.0, as TA-Lib does (not only when it is 0)', () => {
    // i1 1→1.1 up: 1.1·0.5 = 0.55 positive; i2 1.1→1 down: 1·0.3 = 0.3 negative.
    // pos + neg = 0.85 < 1 → TA-Lib writes 0 (the ratio would be 64.7).
    const tp = [1, 1.1, 1];
    const candles = { high: tp, low: tp, close: tp, volume: [1, 0.5, 0.3] };
    expect(Array.from(mfi(candles, 2))).toEqual([NaN, NaN, 0]);
    // Ten times the volume: 5.5 + 3 ≥ 1 → 100·5.5/8.5
    const big = { ...candles, volume: [10, 5, 3] };
    expect(mfi(big, 2)[2]).toBeCloseTo((100 * 5.5) / 8.5, 12);
  });

  it.each([1, 0, 2.5, Number.NaN])('refuses period %s with a clear error', (period) => {
    const candles = { high: [1], low: [1], close: [1], volume: [1] };
    expect(() => mfi(candles, period)).toThrow(/period must be a whole number from 2/);
    expect(() => new MfiStream(period)).toThrow(/period must be a whole number from 2/);
  });

  it('returns an empty array for no candles', () => {
    expect(mfi({ high: [], low: [], close: [], volume: [] }).length).toBe(0);
  });
});
