import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { parseCandleCsv } from '../../src/candles/parse.js';
import {
  detectTimeframe,
  findGaps,
  parseTimeframe,
  timeframeLabel,
  TIMEFRAMES,
} from '../../src/candles/timeframe.js';
import { datasetsDir } from '../support/datasets.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function tsOf(relativePath: string): Float64Array {
  return parseCandleCsv(readFileSync(datasetsDir + relativePath, 'utf8'), relativePath).ts;
}

describe('detectTimeframe on the shipped datasets', () => {
  it.each([
    // file                                              label   ms      (gaps in the file)
    ['market/freqtrade/UNITTEST_BTC-1m.csv', '1m', MIN], // 538 gaps: the mode still wins
    ['market/binance_usdt_2021/SOL_USDT-5m.csv', '5m', 5 * MIN], // 2 maintenance gaps
    ['market/binance_usdt_2021/SOL_USDT-15m.csv', '15m', 15 * MIN],
    ['market/binance_usdt_2021/SOL_USDT-30m.csv', '30m', 30 * MIN],
    ['market/yanniedog-binance/SOL_USDT-1h.csv', '1h', HOUR], // 10 gaps
    ['market/binance_usdt_2021/SOL_USDT-4h.csv', '4h', 4 * HOUR],
    ['market/yanniedog-binance/BTC_USDT-4h.csv', '4h', 4 * HOUR], // 8 gaps
    ['market/yanniedog-binance/ETH_USDT-1d.csv', '1d', DAY],
    ['market/binance_usdt_2021/SOL_USDT-1d.csv', '1d', DAY],
  ])('%s is %s', (file, label, ms) => {
    expect(detectTimeframe(tsOf(file))).toEqual({ label, ms });
  });
});

describe('detectTimeframe by hand', () => {
  it.each([
    // timestamps (minutes)               expected         why
    [[0, 1, 2, 10, 11], { label: '1m', ms: MIN }], // one 8-minute gap does not decide
    [[0, 5, 10, 11], { label: '5m', ms: 5 * MIN }], // one short spacing does not decide either
    [[0, 1, 3], { label: '1m', ms: MIN }], // tie 1m/2m → the smallest
    [[0, 7, 14], { label: '7m', ms: 7 * MIN }], // not a standard interval: still named
    [[0, 1.5, 3], { label: '90s', ms: 1.5 * MIN }],
    [[0, 1440 * 3], { label: '3d', ms: 3 * DAY }], // two candles are enough
    [[0, 10_080, 20_160], { label: '1w', ms: 7 * DAY }],
  ])('%j → %j', (minutes, expected) => {
    expect(detectTimeframe(Float64Array.from(minutes, (m) => m * MIN))).toEqual(expected);
  });

  it.each([[[]], [[1000]]])('refuses %j: fewer than 2 candles', (ts) => {
    expect(() => detectTimeframe(Float64Array.from(ts))).toThrow(ValidationError);
    expect(() => detectTimeframe(Float64Array.from(ts))).toThrow(/at least 2 candles/);
  });

  it('refuses timestamps that are not ascending', () => {
    expect(() => detectTimeframe(Float64Array.of(2000, 1000))).toThrow(/not ascending at index 1/);
  });
});

describe('parseTimeframe and timeframeLabel', () => {
  it.each(Object.entries(TIMEFRAMES))('%s = %i ms and back', (label, ms) => {
    expect(parseTimeframe(label)).toBe(ms);
    expect(timeframeLabel(ms)).toBe(label);
  });

  it.each(['1M', '2d', '60m', '1H', '', 'toString', '__proto__'])(
    'refuses %j, listing the valid labels',
    (label) => {
      expect(() => parseTimeframe(label)).toThrow(ValidationError);
      expect(() => parseTimeframe(label)).toThrow(
        `unknown timeframe '${label}'; valid: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w`,
      );
    },
  );

  it.each([
    // ms               label
    [2 * 7 * DAY, '2w'],
    [2 * DAY, '2d'],
    [10 * HOUR, '10h'],
    [10 * MIN, '10m'],
    [1000, '1s'],
    [1500, '1500ms'],
  ])('%i ms is named %s', (ms, label) => {
    expect(timeframeLabel(ms)).toBe(label);
  });
});

describe('findGaps by hand', () => {
  it.each([
    // timestamps (minutes)  tf   gaps
    [[0, 1, 2, 3], 1, []], // regular: nothing to report
    [[0, 1, 4, 5], 1, [{ after: 1, before: 4, missing: 2 }]], // minutes 2 and 3 absent
    [
      [0, 5, 20, 25, 40],
      5,
      [
        { after: 5, before: 20, missing: 2 }, // 10, 15
        { after: 25, before: 40, missing: 2 }, // 30, 35
      ],
    ],
    [[0, 5, 17, 22], 5, [{ after: 5, before: 17, missing: 1, misaligned: true }]], // 12 min = 2.4 candles
    [[0, 5, 8, 13], 5, [{ after: 5, before: 8, missing: 0, misaligned: true }]], // shorter than one candle
    [[0], 5, []], // a single candle has no spacing
  ])('%j at %i min → %j', (minutes, tf, expected) => {
    const gaps = findGaps(
      Float64Array.from(minutes, (m) => m * MIN),
      tf * MIN,
    );
    expect(gaps).toEqual(
      expected.map((g) => ({ ...g, after: g.after * MIN, before: g.before * MIN })),
    );
  });

  it('never adds a candle: the series passed in is left as it is', () => {
    const ts = Float64Array.of(0, MIN, 4 * MIN);
    findGaps(ts, MIN);
    expect(Array.from(ts)).toEqual([0, MIN, 4 * MIN]);
  });

  it.each([0, -MIN, 1.5, Number.NaN])('refuses timeframe %s', (tf) => {
    expect(() => findGaps(Float64Array.of(0, MIN), tf)).toThrow(ValidationError);
  });
});
