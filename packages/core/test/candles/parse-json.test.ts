import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandleCsv, parseCandleJson } from '../../src/candles/parse.js';
import { firstDifference, datasetsDir } from '../support/datasets.js';
import { refusal } from './refusal.js';

describe('parseCandleJson reads both common shapes', () => {
  // prettier-ignore
  it.each([
    // case                                   JSON text
    ['freqtrade/ccxt array of arrays',        '[[1000,10,12,9,11,5],[2000,11,13,10,12,6]]'],
    ['arrays with numeric strings (Binance)', '[["1000","10","12","9","11","5"],[2000,"11.0","13","10","12","6"]]'],
    ['objects with timestamp',                '[{"timestamp":1000,"open":10,"high":12,"low":9,"close":11,"volume":5},{"timestamp":2000,"open":11,"high":13,"low":10,"close":12,"volume":6}]'],
    ['objects with ts, extra keys ignored',   '[{"ts":1000,"open":"10","high":12,"low":9,"close":11,"volume":5,"trades":3},{"ts":2000,"open":11,"high":13,"low":10,"close":12,"volume":6}]'],
    ['whitespace and newlines',               ' \n[\n [1000, 10, 12, 9, 11, 5],\n [2000, 11, 13, 10, 12, 6]\n]\n'],
    ['byte-order mark',                       '\uFEFF[[1000,10,12,9,11,5],[2000,11,13,10,12,6]]'], // JSON.parse alone refuses it
  ])('%s', (_case, json) => {
    const series = parseCandleJson(json, 'ok.json');
    expect(Array.from(series.ts)).toEqual([1000, 2000]);
    expect(Array.from(series.open)).toEqual([10, 11]);
    expect(Array.from(series.high)).toEqual([12, 13]);
    expect(Array.from(series.low)).toEqual([9, 10]);
    expect(Array.from(series.close)).toEqual([11, 12]);
    expect(Array.from(series.volume)).toEqual([5, 6]);
  });

  it('reads the SOL/USDT 5m dataset written as freqtrade JSON identically to the CSV', () => {
    const csv = parseCandleCsv(
      readFileSync(datasetsDir + 'market/binance_usdt_2021/SOL_USDT-5m.csv', 'utf8'),
      'SOL_USDT-5m.csv',
    );
    const rows = Array.from(csv.ts, (t, i) => [
      t,
      csv.open[i],
      csv.high[i],
      csv.low[i],
      csv.close[i],
      csv.volume[i],
    ]);
    const json = parseCandleJson(JSON.stringify(rows), 'SOL_USDT-5m.json');
    expect(json.length).toBe(25_968);
    for (const key of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(firstDifference(json[key], csv[key])).toBeUndefined();
    }
  });
});

describe('parseCandleJson refuses malformed JSON and wrong shapes clearly', () => {
  // prettier-ignore
  it.each([
    // case                          JSON text                                                                  line       rule         the message says
    ['not JSON',                     '[[1000,10,12,9,11,5],',                                                   undefined, 'json',      'not valid JSON'],
    ['a CSV given as JSON',          'timestamp,open,high,low,close,volume',                                    undefined, 'json',      'not valid JSON'],
    ['an object, not an array',      '{"candles":[]}',                                                          undefined, 'shape',     'expected an array of candles, found an object'],
    ['a number',                     '42',                                                                      undefined, 'shape',     'found number 42'],
    ['empty array',                  '[]',                                                                      undefined, 'empty',     'no candles'],
    ['5 values',                     '[[1000,10,12,9,11,5],[2000,10,12,9,11]]',                                 1,         'shape',     'item 1: expected [timestamp, open, high, low, close, volume], found 5 values'],
    ['12 values (raw Binance kline)','[[1000,"10","12","9","11","5",1999,"0",1,"0","0","0"]]',                  0,         'shape',     'found 12 values'], // strict: only the 6-value OHLCV shape
    ['item is a number',             '[[1000,10,12,9,11,5],7]',                                                 1,         'shape',     'item 1: expected an array or an object, found number 7'],
    ['item is null',                 '[null]',                                                                  0,         'shape',     'found null'],
    ['object missing volume',        '[{"ts":1000,"open":10,"high":12,"low":9,"close":11}]',                    0,         'shape',     "item 0: missing key 'volume'"],
    ['object missing the time',      '[{"open":10,"high":12,"low":9,"close":11,"volume":1}]',                   0,         'shape',     "missing key 'timestamp' (or 'ts')"],
    ['object with ts and timestamp', '[{"ts":1,"timestamp":1,"open":10,"high":12,"low":9,"close":11,"volume":1}]', 0,      'shape',     "both 'timestamp' and 'ts'"], // ambiguous: refuse rather than pick
    ['text in a number',             '[[1000,10,"abc",9,11,5]]',                                                0,         'number',    "item 0: high is not a number: found 'abc'"],
    ['empty string',                 '[[1000,10,12,9,"",5]]',                                                   0,         'number',    "close is not a number: found ''"], // Number('') would be 0
    ['hex string',                   '[[1000,"0x10",12,9,11,5]]',                                               0,         'number',    "open is not a number: found '0x10'"],
    ['"Infinity" string',            '[[1000,10,"Infinity",9,11,5]]',                                           0,         'number',    "found 'Infinity'"],
    ['null value',                   '[[1000,10,12,9,11,null]]',                                                0,         'number',    'volume is not a number: found null'],
    ['boolean value',                '[{"ts":1000,"open":true,"high":12,"low":9,"close":11,"volume":1}]',       0,         'number',    'open is not a number: found boolean true'],
    ['date string as timestamp',     '[["2021-01-01",10,12,9,11,5]]',                                           0,         'number',    "timestamp is not a number: found '2021-01-01'"],
    ['unsorted',                     '[[2000,10,12,9,11,5],[1000,10,12,9,11,5]]',                               1,         'order',     "timestamp 1000 is before the previous line's 2000"],
    ['duplicate',                    '[[1000,10,12,9,11,5],[1000,10,12,9,11,5]]',                               1,         'duplicate', 'repeats'],
    ['high < close',                 '[[1000,10,12,9,13,5]]',                                                   0,         'high',      'high 12 is below close 13'],
    ['negative volume',              '[[1000,10,12,9,11,-5]]',                                                  0,         'volume',    'volume -5'],
    ['fractional timestamp',         '[[1000.25,10,12,9,11,5]]',                                                0,         'timestamp', '1000.25'],
  ])('%s', (_case, json, line, rule, named) => {
    const error = refusal(() => parseCandleJson(json, 'bad.json'));
    expect([error.source, error.line, error.rule]).toEqual(['bad.json', line, rule]);
    const where = line === undefined ? 'bad.json' : `bad.json:${line}`;
    expect(error.message.startsWith(`${where}: ${rule}: `)).toBe(true);
    expect(error.message).toContain(named);
  });
});
