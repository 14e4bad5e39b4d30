import { describe, expect, it } from 'vitest';
import { EmaStream, ema } from '../../src/indicators/ema.js';
import { SmaStream, sma } from '../../src/indicators/sma.js';
import {
  column,
  compareToReference,
  firstDifference,
  goldenSets,
  readNumericCsv,
} from '../support/datasets.js';
import type { ScalarStream } from '../../src/indicators/types.js';

function streamAll(stream: ScalarStream, values: Float64Array): Float64Array {
  return Float64Array.from(values, (v) => stream.next(v));
}

describe.each(goldenSets)('SMA and EMA against TA-Lib on $golden', ({ golden }) => {
  const table = readNumericCsv(golden);
  const close = column(table, 'close');

  it('sma20 matches TA-Lib within 1e-9 with the same warm-up', () => {
    const r = compareToReference(sma(close, 20), column(table, 'sma20'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('ema20 matches TA-Lib (SMA-seeded) within 1e-9 with the same warm-up', () => {
    const r = compareToReference(ema(close, 20), column(table, 'ema20'), 1e-9);
    expect(r.mismatches).toEqual([]);
  });

  it('streaming forms give bit-identical numbers to the batch forms', () => {
    expect(firstDifference(streamAll(new SmaStream(20), close), sma(close, 20))).toBeUndefined();
    expect(firstDifference(streamAll(new EmaStream(20), close), ema(close, 20))).toBeUndefined();
  });
});

describe('SMA and EMA by hand', () => {
  it.each([
    // values            period  expected
    [[1, 2, 3, 4, 5], 3, [NaN, NaN, 2, 3, 4]], // (1+2+3)/3, (2+3+4)/3, (3+4+5)/3
    [[10, 10, 10], 1, [10, 10, 10]], // period 1 is the series itself
    [[1, 2], 3, [NaN, NaN]], // shorter than the period: nothing but warm-up
  ])('sma(%j, %i) = %j', (values, period, expected) => {
    expect(Array.from(sma(values, period))).toEqual(expected);
  });

  it('ema seeds with the SMA of the first period, then x·k + prev·(1−k)', () => {
    // period 3 → k = 0.5; seed = (1+2+3)/3 = 2; then (4−2)·0.5+2 = 3; (5−3)·0.5+3 = 4
    expect(Array.from(ema([1, 2, 3, 4, 5], 3))).toEqual([NaN, NaN, 2, 3, 4]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses period %s with a clear error', (period) => {
    expect(() => sma([1, 2, 3], period)).toThrow(/period must be a whole number/);
    expect(() => new EmaStream(period)).toThrow(/period must be a whole number/);
  });
});
