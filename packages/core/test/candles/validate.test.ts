import { describe, expect, it } from 'vitest';
import { buildCandleSeries, type CandleRow } from '../../src/candles/validate.js';
import { refusal } from './refusal.js';

const row = (line: number, ts: number, o = 10, h = 12, l = 9, c = 11, v = 5): CandleRow => ({
  line,
  ts,
  open: o,
  high: h,
  low: l,
  close: c,
  volume: v,
});

describe('buildCandleSeries', () => {
  it('returns typed-array columns in input order', () => {
    const series = buildCandleSeries([row(2, 1000), row(3, 2000, 11, 13, 10, 12, 0)], 's');
    expect(series.length).toBe(2);
    for (const column of [series.ts, series.open, series.high, series.low, series.close]) {
      expect(column).toBeInstanceOf(Float64Array);
      expect(column).toHaveLength(2);
    }
    expect(Array.from(series.close)).toEqual([11, 12]);
    expect(Array.from(series.volume)).toEqual([5, 0]);
  });

  it.each([
    // case                          rows (the last one is the bad one)                     rule          message names
    ['NaN timestamp', [row(7, Number.NaN)], 'timestamp', 'NaN is not a whole number of ms'],
    ['negative timestamp', [row(7, -1)], 'timestamp', '-1 is not a whole number'],
    ['timestamp past Date range', [row(7, 9e15)], 'timestamp', 'is not a whole number of ms'],
    ['infinite open', [row(7, 1000, Infinity, Infinity)], 'number', 'open Infinity'],
    ['NaN low', [row(7, 1000, 10, 12, Number.NaN)], 'number', 'low NaN is not a finite price > 0'],
    ['negative close', [row(7, 1000, 10, 12, 9, -11)], 'number', 'close -11'],
    ['NaN volume', [row(7, 1000, 10, 12, 9, 11, Number.NaN)], 'volume', 'volume NaN'],
    ['infinite volume', [row(7, 1000, 10, 12, 9, 11, Infinity)], 'volume', 'volume Infinity'],
    ['high < low', [row(7, 1000, 10, 9, 12, 10)], 'high-low', 'high 9 is below low 12'],
    ['high < open', [row(7, 1000, 13)], 'high', 'high 12 is below open 13'],
    ['low > close', [row(7, 1000, 10, 12, 9, 8)], 'low', 'low 9 is above close 8'],
    [
      'order',
      [row(6, 1800), row(7, 1700)],
      'order',
      "timestamp 1700 is before the previous line's 1800",
    ],
    ['duplicate', [row(6, 1800), row(7, 1800)], 'duplicate', 'timestamp 1800 repeats'],
  ])('%s → %s', (_case, rows, rule, named) => {
    const error = refusal(() => buildCandleSeries(rows, 'src'));
    expect([error.source, error.line, error.rule]).toEqual(['src', 7, rule]);
    expect(error.message.startsWith(`src:7: ${rule}: `)).toBe(true);
    expect(error.message).toContain(named);
  });

  it('checks the rules in order: a row breaking several reports the first', () => {
    // bad timestamp AND bad price AND high < low: 'timestamp' wins
    expect(refusal(() => buildCandleSeries([row(2, 1.5, -1, 1, 2)], 's')).rule).toBe('timestamp');
    // bad price AND bad volume: 'number' wins
    expect(refusal(() => buildCandleSeries([row(2, 0, -1, 12, 9, 11, -1)], 's')).rule).toBe(
      'number',
    );
    // out of order AND high < close: the candle's own rules come before the order between lines
    const rows = [row(2, 2000), row(3, 1000, 10, 12, 9, 13)];
    expect(refusal(() => buildCandleSeries(rows, 's')).rule).toBe('high');
  });

  it('refuses empty input without a line', () => {
    const error = refusal(() => buildCandleSeries([], 'src'));
    expect([error.rule, error.line, error.message]).toEqual([
      'empty',
      undefined,
      'src: empty: no candles',
    ]);
  });

  it('is a ValidationError with the fields in details (for transports)', () => {
    const error = refusal(() => buildCandleSeries([row(4, 1000, 13)], 'src'));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual({ source: 'src', line: 4, rule: 'high' });
  });
});
