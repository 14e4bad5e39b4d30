import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandleCsv } from '../../src/candles/parse.js';
import { findGaps } from '../../src/candles/timeframe.js';
import { datasetsDir } from '../support/datasets.js';
import { refusal } from './refusal.js';

const HEADER = 'timestamp,open,high,low,close,volume';
const GOOD = '1000,10,12,9,11,5';

/** A CSV text from lines, LF-joined with a final newline (the shipped files' layout). */
function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function readDataset(relativePath: string): string {
  return readFileSync(datasetsDir + relativePath, 'utf8');
}

const utc = (iso: string): number => Date.parse(iso);

describe('parseCandleCsv refuses a malformed file, naming the line and the rule', () => {
  // prettier-ignore
  it.each([
    // case                   CSV text                                                     line  rule         the message says
    ['missing column',        csv('timestamp,open,high,low,close', '1000,10,12,9,11'),       1, 'header',    "missing column 'volume'"],
    ['renamed column',        csv('time,open,high,low,close,volume', GOOD),                  1, 'header',    "missing column 'timestamp' (found 'time')"],
    ['extra column',          csv(HEADER + ',trades', GOOD + ',3'),                          1, 'header',    "unexpected column 'trades'"],
    ['duplicate column',      csv(HEADER + ',volume', GOOD + ',3'),                          1, 'header',    "duplicate column 'volume'"],
    ['columns out of order',  csv('timestamp,open,low,high,close,volume', GOOD),             1, 'header',    'out of order'], // high/low swapped would pass every other rule
    ['no header at all',      csv(GOOD, '2000,10,12,9,11,5'),                                1, 'header',    'no header'],
    ['text in a number',      csv(HEADER, GOOD, '2000,10,abc,9,11,5'),                       3, 'number',    "high is not a number: found 'abc'"],
    ['empty cell',            csv(HEADER, GOOD, '2000,10,12,9,,5'),                          3, 'number',    'close is not a number: found an empty cell'], // Number('') would be 0
    ['blank cell (spaces)',   csv(HEADER, '1000,10,12,9,11,  '),                             2, 'number',    'volume is not a number: found an empty cell'],
    ['hex number',            csv(HEADER, '1000,0x10,20,9,11,5'),                            2, 'number',    "open is not a number: found '0x10'"], // Number('0x10') would be 16
    ['Infinity',              csv(HEADER, '1000,10,Infinity,9,11,5'),                        2, 'number',    "found 'Infinity'"],
    ['NaN',                   csv(HEADER, '1000,10,12,9,11,NaN'),                            2, 'number',    "volume is not a number: found 'NaN'"],
    ['dangling exponent',     csv(HEADER, '1000,10,12,9,11e,5'),                             2, 'number',    "found '11e'"],
    ['quoted number',         csv(HEADER, '1000,"10",12,9,11,5'),                            2, 'number',    `found '"10"'`], // this format has no quoting
    ['unsorted timestamps',   csv(HEADER, '1800,10,12,9,11,5', '1700,10,12,9,11,5'),         3, 'order',     "timestamp 1700 is before the previous line's 1800"],
    ['duplicate timestamp',   csv(HEADER, GOOD, GOOD),                                       3, 'duplicate', 'timestamp 1000 repeats'],
    ['high < low',            csv(HEADER, GOOD, '2000,10,9,12,10,5'),                        3, 'high-low',  'high 9 is below low 12'],
    ['high < close',          csv(HEADER, GOOD, '2000,10,12,9,13,5'),                        3, 'high',      'high 12 is below close 13'],
    ['high < open',           csv(HEADER, '1000,13,12,9,11,5'),                              2, 'high',      'high 12 is below open 13'],
    ['low > open',            csv(HEADER, GOOD, '2000,10,12,10.5,11,5'),                     3, 'low',       'low 10.5 is above open 10'],
    ['low > close',           csv(HEADER, '1000,10,12,9,8.5,5'),                             2, 'low',       'low 9 is above close 8.5'],
    ['negative volume',       csv(HEADER, GOOD, '2000,10,12,9,11,-1'),                       3, 'volume',    'volume -1 is not a finite number ≥ 0'],
    ['zero price',            csv(HEADER, '1000,0,12,0,11,5'),                               2, 'number',    'open 0 is not a finite price > 0'],
    ['fractional timestamp',  csv(HEADER, '1000.5,10,12,9,11,5'),                            2, 'timestamp', '1000.5 is not a whole number of ms'],
    ['5 cells',               csv(HEADER, GOOD, '2000,10,12,9,11'),                          3, 'columns',   'expected 6 cells (timestamp,open,high,low,close,volume), found 5 cells'],
    ['7 cells',               csv(HEADER, GOOD, '2000,10,12,9,11,5,7'),                      3, 'columns',   'found 7 cells'],
    ['7 cells with text too', csv(HEADER, '2000,x,12,9,11,5,7'),                             2, 'columns',   'found 7 cells'], // the cell count is checked before the numbers
    ['blank line inside',     csv(HEADER, GOOD, '', '2000,10,12,9,11,5'),                    3, 'columns',   'found a blank line'], // only trailing blank lines are allowed
  ])('%s', (_case, text, line, rule, named) => {
    const error = refusal(() => parseCandleCsv(text, 'bad.csv'));
    expect({ source: error.source, line: error.line, rule: error.rule }).toEqual({
      source: 'bad.csv',
      line,
      rule,
    });
    expect(error.message).toContain(`bad.csv:${line}: ${rule}: `);
    expect(error.message).toContain(named);
  });

  it.each([
    // case          text                   message
    ['empty file', '', 'bad.csv: empty: the file is empty'],
    ['only blanks', '\n  \r\n\n', 'bad.csv: empty: the file is empty'],
    ['header only', csv(HEADER), 'bad.csv: empty: no candles after the header'],
  ])('%s is refused as empty (no line to name)', (_case, text, message) => {
    const error = refusal(() => parseCandleCsv(text, 'bad.csv'));
    expect(error.rule).toBe('empty');
    expect(error.line).toBeUndefined();
    expect(error.message).toBe(message);
  });

  it('reports the first broken line of the file, not a later one', () => {
    // line 3 breaks 'high'; line 4 would break 'number': the error is about line 3
    const error = refusal(() =>
      parseCandleCsv(csv(HEADER, GOOD, '2000,10,12,9,13,5', '3000,x,1,1,1,1'), 'f.csv'),
    );
    expect([error.line, error.rule]).toEqual([3, 'high']);
  });
});

describe('parseCandleCsv accepts the harmless variations of the format', () => {
  it.each([
    // case                       text
    ['CRLF line ends', `${HEADER}\r\n${GOOD}\r\n2000,11,13,10,12,6\r\n`],
    ['no final newline', `${HEADER}\n${GOOD}\n2000,11,13,10,12,6`],
    ['trailing blank lines', `${HEADER}\n${GOOD}\n2000,11,13,10,12,6\n\n \n\r\n`],
    [
      'header in capitals with spaces',
      ` Timestamp , OPEN,High,low,Close ,VOLUME\n${GOOD}\n2000,11,13,10,12,6\n`,
    ],
    ['byte-order mark', `\uFEFF${HEADER}\n${GOOD}\n2000,11,13,10,12,6\n`],
    ['spaces around cells', `${HEADER}\n 1000 , 10,12 ,9,11,5\n2000,11,13,10,12, 6\n`],
    ['exponents and signs', `${HEADER}\n1e3,1.0E1,+12,9.,11,5\n2000,11,13,10,12,6e0\n`],
  ])('%s', (_case, text) => {
    const series = parseCandleCsv(text, 'ok.csv');
    expect(series.length).toBe(2);
    expect(Array.from(series.ts)).toEqual([1000, 2000]);
    expect(Array.from(series.open)).toEqual([10, 11]);
    expect(Array.from(series.high)).toEqual([12, 13]);
    expect(Array.from(series.low)).toEqual([9, 10]);
    expect(Array.from(series.close)).toEqual([11, 12]);
    expect(Array.from(series.volume)).toEqual([5, 6]);
    expect(series.ts).toBeInstanceOf(Float64Array);
  });

  it('allows a zero-volume candle and a flat candle (thin markets have both)', () => {
    const series = parseCandleCsv(csv(HEADER, '1000,10,10,10,10,0'), 'ok.csv');
    expect(Array.from(series.volume)).toEqual([0]);
  });
});

describe('parseCandleCsv on the shipped datasets', () => {
  it('SOL/USDT 1h (yanniedog): 47,360 candles from 2020-08-11 06:00 UTC, the 10 gaps of its README', () => {
    const series = parseCandleCsv(
      readDataset('market/yanniedog-binance/SOL_USDT-1h.csv'),
      'SOL_USDT-1h.csv',
    );
    expect(series.length).toBe(47_360);
    expect(series.ts[0]).toBe(1_597_125_600_000);
    expect(series.ts[0]).toBe(utc('2020-08-11T06:00:00Z'));
    expect(series.open[0]).toBe(2.85); // Binance's SOLUSDT listing candle
    expect(series.ts[series.length - 1]).toBe(utc('2026-01-06T09:00:00Z'));

    const gaps = findGaps(series.ts, 3_600_000);
    expect(gaps).toEqual([
      // after (last candle before)       before (first candle after)       missing
      { after: utc('2020-11-30T05:00Z'), before: utc('2020-11-30T07:00Z'), missing: 1 },
      { after: utc('2020-12-21T13:00Z'), before: utc('2020-12-21T18:00Z'), missing: 4 },
      { after: utc('2020-12-25T01:00Z'), before: utc('2020-12-25T03:00Z'), missing: 1 },
      { after: utc('2021-02-11T03:00Z'), before: utc('2021-02-11T05:00Z'), missing: 1 },
      { after: utc('2021-03-06T01:00Z'), before: utc('2021-03-06T03:00Z'), missing: 1 },
      { after: utc('2021-04-20T01:00Z'), before: utc('2021-04-20T04:00Z'), missing: 2 },
      { after: utc('2021-04-25T04:00Z'), before: utc('2021-04-25T08:00Z'), missing: 3 },
      { after: utc('2021-08-13T01:00Z'), before: utc('2021-08-13T06:00Z'), missing: 4 },
      { after: utc('2021-09-29T06:00Z'), before: utc('2021-09-29T09:00Z'), missing: 2 },
      { after: utc('2023-03-24T12:00Z'), before: utc('2023-03-24T14:00Z'), missing: 1 },
    ]);
    expect(gaps.reduce((sum, g) => sum + g.missing, 0)).toBe(20);
    // The biggest holes: two 4-hour maintenance windows (2020-12-21 and 2021-08-13).
    const biggest = Math.max(...gaps.map((g) => g.missing));
    expect(gaps.filter((g) => g.missing === biggest).map((g) => g.after)).toEqual([
      utc('2020-12-21T13:00Z'),
      utc('2021-08-13T01:00Z'),
    ]);
  });

  it('BTC/USDT 4h (yanniedog): 16 missing bars in 8 gaps, the biggest the 2018-02-08 outage', () => {
    const series = parseCandleCsv(
      readDataset('market/yanniedog-binance/BTC_USDT-4h.csv'),
      'BTC_USDT-4h.csv',
    );
    expect(series.length).toBe(18_371);
    const gaps = findGaps(series.ts, 4 * 3_600_000);
    expect(gaps).toHaveLength(8);
    expect(gaps.reduce((sum, g) => sum + g.missing, 0)).toBe(16);
    const biggest = gaps.reduce((a, b) => (b.missing > a.missing ? b : a));
    // README.txt says "8 bars": that counts the 32 h spacing as 8 intervals. Candles absent
    // between 2018-02-08 00:00 and 2018-02-09 08:00 are 04:00 … 2018-02-09 04:00 = 7, and only
    // 7 makes the README's own total of 16 add up (7+2+1+1+1+2+1+1).
    expect(biggest).toEqual({
      after: utc('2018-02-08T00:00Z'),
      before: utc('2018-02-09T08:00Z'),
      missing: 7,
    });
  });

  it('freqtrade UNITTEST_BTC-1m: 13,681 candles and 717 missing minutes (thin market)', () => {
    const series = parseCandleCsv(
      readDataset('market/freqtrade/UNITTEST_BTC-1m.csv'),
      'UNITTEST_BTC-1m.csv',
    );
    expect(series.length).toBe(13_681);
    expect(series.ts[0]).toBe(utc('2017-11-04T23:02Z'));
    expect(series.ts[series.length - 1]).toBe(utc('2017-11-14T22:59Z'));
    const gaps = findGaps(series.ts, 60_000);
    expect(gaps.reduce((sum, g) => sum + g.missing, 0)).toBe(717);
    expect(gaps).toHaveLength(538);
    expect(gaps.some((g) => g.misaligned)).toBe(false);
    // every candle the file has, plus every one reported missing, covers the span exactly
    const span = (series.ts[series.length - 1]! - series.ts[0]!) / 60_000 + 1;
    expect(series.length + 717).toBe(span);
    const biggest = gaps.reduce((a, b) => (b.missing > a.missing ? b : a));
    expect(biggest).toEqual({
      after: utc('2017-11-05T03:12Z'),
      before: utc('2017-11-05T03:20Z'),
      missing: 7,
    });
  });
});
