import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandleCsv } from '../../src/candles/index.js';
import { candleAt, type CandleSeries } from '../../src/candles/types.js';
import { ValidationError } from '../../src/errors.js';
import { computeIndicatorColumns } from '../../src/indicators/columns.js';
import {
  IndicatorBook,
  RAW_CANDLE_FIELDS,
  describeIndicatorBookNames,
  isIndicatorBookName,
} from '../../src/indicators/indicator-book.js';
import { datasetsDir } from '../support/datasets.js';

const FILE = 'market/binance_usdt_2021/SOL_USDT-1h.csv';
const series: CandleSeries = parseCandleCsv(readFileSync(datasetsDir + FILE, 'utf8'), FILE);

// Every column kind of columns.ts: each periodic prefix (two periods for some, to check that
// streams of one prefix stay apart), the ADX family sharing one stream, and every fixed group.
const COLUMNS = [
  'sma20', 'sma50', 'ema12', 'ema26', 'wma20', 'rsi14', 'rsi7', 'atr14', 'adx14', 'plus_di14',
  'minus_di14', 'adx7', 'cci20', 'mfi14', 'willr14', 'roc10', 'macd', 'macd_signal', 'macd_hist',
  'bb_upper', 'bb_middle', 'bb_lower', 'stoch_k', 'stoch_d', 'stochrsi_k', 'stochrsi_d', 'obv',
  'vwap', 'kc_upper', 'kc_middle', 'kc_lower', 'dc_upper', 'dc_middle', 'dc_lower', 'psar',
  'supertrend', 'supertrend_dir',
]; // prettier-ignore

/** The first index where the two differ (Object.is: NaN equals NaN, 0 differs from −0), or -1. */
function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) return i;
  return -1;
}

describe('IndicatorBook matches computeIndicatorColumns bit for bit', () => {
  it(`on ${FILE}, every column kind, at every index`, () => {
    const batch = computeIndicatorColumns(series, COLUMNS);
    const book = new IndicatorBook([...COLUMNS, ...RAW_CANDLE_FIELDS]);
    const streamed = new Map([...book.names].map((n) => [n, new Float64Array(series.length)]));
    for (let i = 0; i < series.length; i++) {
      book.update(candleAt(series, i));
      for (const [name, out] of streamed) out[i] = book.value(name);
    }
    expect(series.length).toBeGreaterThan(2000);
    for (const name of COLUMNS) {
      const expected = batch.get(name)!;
      expect({ name, mismatch: firstMismatch(streamed.get(name)!, expected) }).toEqual({
        name,
        mismatch: -1,
      });
      // Sanity: the column has a warm-up and real values after it.
      expect(expected.some((x) => Number.isFinite(x))).toBe(true);
    }
    for (const field of RAW_CANDLE_FIELDS) {
      expect(firstMismatch(streamed.get(field)!, series[field])).toBe(-1);
    }
  });

  it('names added later warm up from that moment; names sharing a fed stream do not', () => {
    const start = 500;
    const book = new IndicatorBook(['macd']);
    for (let i = 0; i < start; i++) book.update(candleAt(series, i));
    book.add(['macd_signal', 'rsi14', 'close']);
    expect(book.value('close')).toBe(series.close[start - 1]); // raw fields: served at once
    expect(book.value('rsi14')).toBeNaN(); // a new stream: nothing fed yet
    const tail: CandleSeries = {
      length: series.length - start,
      ts: series.ts.subarray(start),
      open: series.open.subarray(start),
      high: series.high.subarray(start),
      low: series.low.subarray(start),
      close: series.close.subarray(start),
      volume: series.volume.subarray(start),
    };
    const whole = computeIndicatorColumns(series, ['macd_signal']).get('macd_signal')!;
    const fromStart = computeIndicatorColumns(tail, ['rsi14']).get('rsi14')!;
    for (let i = start; i < series.length; i++) {
      book.update(candleAt(series, i));
      // macd_signal reads the MACD stream fed since candle 0: it matches the whole-series column.
      expect(Object.is(book.value('macd_signal'), whole[i])).toBe(true);
      // rsi14 started at `start`: it matches the column computed over the tail only.
      expect(Object.is(book.value('rsi14'), fromStart[i - start])).toBe(true);
    }
  });
});

describe('IndicatorBook API', () => {
  it('is NaN before the first candle, raw fields included', () => {
    const book = new IndicatorBook(['close', 'sma2']);
    expect(book.value('close')).toBeNaN();
    expect(book.value('sma2')).toBeNaN();
  });

  it('registers a name once and keeps the registration order', () => {
    const book = new IndicatorBook(['sma20', 'close', 'sma20']);
    book.add(['close', 'bb_lower']);
    expect(book.names).toEqual(['sma20', 'close', 'bb_lower']);
  });

  it.each([
    // names                      what the message must contain
    [['sma20', 'smaa20'], 'unknown indicator name: smaa20'],
    [['foo', 'bar'], 'unknown indicator names: foo, bar'],
    [['constructor'], 'unknown indicator name: constructor'],
    [['__proto__'], 'unknown indicator name: __proto__'],
    [['CLOSE'], 'unknown indicator name: CLOSE'], // names are case-sensitive
    [['sma0'], 'indicator "sma0": period must be a whole number from 1 to 100000, got 0'],
    [['rsi1'], 'indicator "rsi1": period must be a whole number from 2 to 100000, got 1'],
  ])('refuses %j', (names, message) => {
    expect(() => new IndicatorBook(names)).toThrow(ValidationError);
    expect(() => new IndicatorBook(names)).toThrow(message);
  });

  it('lists the accepted forms in the unknown-name error', () => {
    expect(() => new IndicatorBook(['nope'])).toThrow(
      /Accepted: open, high, low, close, volume: .*sma<N>: simple moving average/,
    );
  });

  it('is all-or-nothing on add()', () => {
    const book = new IndicatorBook(['close']);
    expect(() => {
      book.add(['sma20', 'nope']);
    }).toThrow(ValidationError);
    expect(book.names).toEqual(['close']);
  });

  it('refuses to read a name that was never registered', () => {
    const book = new IndicatorBook(['macd']);
    expect(() => book.value('macd_signal')).toThrow(/not registered/);
  });

  it('exposes the vocabulary', () => {
    expect(isIndicatorBookName('volume')).toBe(true);
    expect(isIndicatorBookName('plus_di14')).toBe(true);
    expect(isIndicatorBookName('toString')).toBe(false);
    expect(describeIndicatorBookNames()[0]).toMatch(/^open, high, low, close, volume/);
  });
});
