import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { IndicatorBook } from '../../src/indicators/indicator-book.js';
import { MAX_CONDITION_DEPTH, parseCondition } from '../../src/orders/condition.js';

type Values = Readonly<Record<string, number>>;

/** A lookup over a plain table; a name missing from it is a test bug. */
function lookup(values: Values): (name: string) => number {
  return (name) => {
    const v = values[name];
    if (v === undefined) throw new Error(`test table lacks ${name}`);
    return v;
  };
}

function holds(text: string, values: Values): boolean {
  return parseCondition(text).evaluate(lookup(values));
}

/** The ValidationError message thrown by parseCondition(text). */
function errorOf(text: string): string {
  try {
    parseCondition(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).message;
  }
  throw new Error(`no error for ${text}`);
}

const NaN_ = Number.NaN;

describe('comparisons and arithmetic', () => {
  it.each<[string, Values, boolean]>([
    ['close > 10', { close: 11 }, true], // plain comparison
    ['close > 10', { close: 10 }, false], // strict
    ['close >= 10', { close: 10 }, true],
    ['close <= 10', { close: 10.5 }, false],
    ['close == 10', { close: 10 }, true], // exact equality
    ['close != 10', { close: 10 }, false],
    ['close > sma200 * 1.02', { close: 103, sma200: 100 }, true], // * before >
    ['close > sma200 * 1.02', { close: 101, sma200: 100 }, false],
    ['(close - bb_lower) / close < 0.01', { close: 100, bb_lower: 99.5 }, true], // (..) / ..
    ['(close - bb_lower) / close < 0.01', { close: 100, bb_lower: 98 }, false],
    ['close - bb_lower / close < 0.01', { close: 100, bb_lower: 98 }, false], // / before -
    ['1 + 2 * 3 == 7', {}, true], // * before +
    ['(1 + 2) * 3 == 9', {}, true], // parentheses
    ['10 - 4 - 3 == 3', {}, true], // left-associative -
    ['12 / 3 / 2 == 2', {}, true], // left-associative /
    ['-2 * -3 == 6', {}, true], // unary minus
    ['- -2 == +2', {}, true], // nested signs
    ['macd_hist > -0.5', { macd_hist: -0.4 }, true], // negative literal
    ['volume > 1.5e5', { volume: 150_001 }, true], // exponent
    ['atr14 / close < 2E-2', { atr14: 1, close: 100 }, true], // exponent, capital E
    ['.5 < rsi14 / 100', { rsi14: 51 }, true], // leading-dot decimal
    ['close>10&&close<20', { close: 15 }, true], // no whitespace needed
    ['  close \t>\n 10 ', { close: 11 }, true], // any whitespace
    ['close > 0 / 0', { close: 1 }, false], // 0/0 is NaN: unknown, false
    ['close / 0 > 1', { close: 1 }, false], // Infinity is not a finite operand: unknown
  ])('%s with %j → %s', (text, values, expected) => {
    expect(holds(text, values)).toBe(expected);
  });
});

describe('boolean operators and precedence', () => {
  const v = { open: 1, close: 2 }; // open < close
  it.each<[string, boolean]>([
    ['open < close and close < open', false],
    ['open < close or close < open', true],
    ['open < close && close < open', false], // && = and
    ['open > close || open < close', true], // || = or
    ['not open > close', true], // not binds to the comparison
    ['! open > close', true], // ! = not
    ['not not open < close', true],
    ['open > close and close < open or open < close', true], // (F and F) or T: and before or
    ['open < close or open < close and open > close', true], // T or (T and F): and before or
    ['(open < close or open < close) and open > close', false], // parentheses override
    ['not open < close or open < close', true], // (not T) or T: not before or
    ['not (open < close or open < close)', false],
    ['not open > close and open < close', true], // (not F) and T: not before and
    ['((open < close))', true], // redundant parentheses
    ['(open + 1) > close or (close) < open', false], // parenthesised values next to conditions
  ])('%s → %s', (text, expected) => {
    expect(holds(text, v)).toBe(expected);
  });
});

describe('warm-up: a NaN operand makes the comparison unknown, never true', () => {
  it.each<[string, Values]>([
    ['rsi14 < 30', { rsi14: NaN_ }],
    ['rsi14 != 30', { rsi14: NaN_ }], // != too (plain JS would say true)
    ['not (rsi14 < 30)', { rsi14: NaN_ }], // not of unknown stays unknown
    ['not rsi14 > 70', { rsi14: NaN_ }],
    ['rsi14 < 30 or close > 1e9', { rsi14: NaN_, close: 10 }], // unknown or false
    ['rsi14 < 30 and close > 1', { rsi14: NaN_, close: 10 }], // unknown and true
    ['close > sma200 * 1.02', { close: 10, sma200: NaN_ }], // NaN through arithmetic
  ])('%s with %j → false', (text, values) => {
    expect(holds(text, values)).toBe(false);
  });

  it.each<[string, Values, boolean]>([
    ['rsi14 < 30 or close > 1', { rsi14: NaN_, close: 10 }, true], // true wins over unknown
    ['rsi14 < 30 and close > 1e9', { rsi14: NaN_, close: 10 }, false], // false wins
    ['not (rsi14 < 30 and close > 1e9)', { rsi14: NaN_, close: 10 }, true], // not false
  ])('%s with %j → %s', (text, values, expected) => {
    expect(holds(text, values)).toBe(expected);
  });
});

describe('crosses', () => {
  // ema12 against a flat ema26 = 10: below, touching, above, above, below, NaN, above.
  const fast = [9, 10, 11, 12, 9, NaN_, 11, 12];
  it.each<[string, boolean[]]>([
    // index:                  0      1      2     3      4      5      6      7
    // the first evaluation has no previous values; a touch (10 = 10) then rising counts as ≤
    ['crosses_above(ema12, ema26)', [false, false, true, false, false, false, false, false]],
    ['crosses_below(ema12, ema26)', [false, false, false, false, true, false, false, false]],
    // after a NaN the previous value is unknown: no cross at 6 although 9 → NaN → 11
    ['not crosses_above(ema12, ema26)', [false, true, false, true, true, false, false, true]],
    // arithmetic arguments: ema12 crosses 1.05 × ema26 = 10.5 between 10 and 11
    ['crosses_above(ema12, ema26 * 1.05)', [false, false, true, false, false, false, false, false]],
  ])('%s over %j', (text, expected) => {
    const c = parseCondition(text);
    const got = fast.map((x) => c.evaluate(lookup({ ema12: x, ema26: 10 })));
    expect(got).toEqual(expected);
  });

  it('keeps its memory when the other side of and/or decides (no short-circuit)', () => {
    const c = parseCondition('close > 100 and crosses_above(ema12, ema26)');
    const steps = [
      { close: 1, ema12: 9, ema26: 10 }, // and is false on the left, the cross still records 9 ≤ 10
      { close: 200, ema12: 11, ema26: 10 }, // crossed now
    ];
    expect(steps.map((s) => c.evaluate(lookup(s)))).toEqual([false, true]);
  });

  it('instances are independent and reset() forgets', () => {
    const a = parseCondition('crosses_below(close, vwap)');
    const b = parseCondition('crosses_below(close, vwap)');
    a.evaluate(lookup({ close: 2, vwap: 1 }));
    expect(b.evaluate(lookup({ close: 0, vwap: 1 }))).toBe(false); // b has no previous value
    a.reset();
    expect(a.evaluate(lookup({ close: 0, vwap: 1 }))).toBe(false); // forgotten
    expect(a.evaluate(lookup({ close: 2, vwap: 1 }))).toBe(false); // rising: not below
    expect(a.evaluate(lookup({ close: 0, vwap: 1 }))).toBe(true);
  });
});

describe('identifiers', () => {
  it('lists the distinct names in order of first use', () => {
    const c = parseCondition('close > sma200 and (close - bb_lower) / close < 0.01 or rsi14 > 1');
    expect(c.identifiers).toEqual(['close', 'sma200', 'bb_lower', 'rsi14']);
    expect(c.text).toBe('close > sma200 and (close - bb_lower) / close < 0.01 or rsi14 > 1');
  });

  it('feeds an IndicatorBook end to end', () => {
    const c = parseCondition('crosses_above(close, sma3)');
    const book = new IndicatorBook(c.identifiers);
    const closes = [10, 9, 8, 7, 12];
    const got = closes.map((close) => {
      book.update({ ts: 0, open: close, high: close, low: close, close, volume: 1 });
      return c.evaluate((n) => book.value(n));
    });
    // sma3 exists from index 2 (9); the cross needs two known evaluations: first at index 3.
    expect(got).toEqual([false, false, false, false, true]);
  });
});

describe('malformed input', () => {
  it.each<[string, number, string]>([
    // text                       column  message after "column N: "
    ['rsi14 < ', 9, 'expected a number, an indicator or "(" but found end of input'],
    ['', 1, 'expected a number, an indicator or "(" but found end of input'],
    ['close', 6, 'expected a comparison operator (<, <=, >, >=, ==, !=) but found end of input'],
    [
      'close and rsi14 < 1',
      7,
      'expected a comparison operator (<, <=, >, >=, ==, !=) but found "and"',
    ],
    [
      'close > 1 and rsi14',
      20,
      'expected a comparison operator (<, <=, >, >=, ==, !=) but found end of input',
    ],
    ['close > 1 rsi14', 11, 'expected "and", "or" or end of input but found "rsi14"'],
    ['close > 1 < 2', 11, 'expected "and", "or" or end of input but found "<"'], // no chaining
    ['close = 1', 7, 'unexpected character "=" (compare with ==)'],
    ['close > > 1', 9, 'expected a number, an indicator or "(" but found ">"'],
    ['(close > 1', 11, 'expected "and", "or" or ")" but found end of input'],
    ['(close + 1 > 2', 15, 'expected "and", "or" or ")" but found end of input'],
    ['(close + 1', 11, 'expected an operator or ")" but found end of input'],
    ['close > 1)', 10, 'expected "and", "or" or end of input but found ")"'],
    ['(close > 1) + 1 > 2', 1, 'expected a number, not a condition, as an operand'],
    ['1 + (close > 1) > 2', 5, 'expected a number, not a condition, as an operand'],
    ['close > (close > 1)', 9, 'expected a number, not a condition, as an operand'],
    ['-(close > 1)', 2, 'expected a number, not a condition, as an operand'],
    ['close > not 1', 9, 'expected a number, an indicator or "(" but found "not"'],
    ['close > and', 9, 'expected a number, an indicator or "(" but found "and"'],
    ['crosses_above close', 15, 'expected "(" but found "close"'],
    ['crosses_above(close)', 20, 'expected an operator or "," but found ")"'],
    ['crosses_above(close, sma20', 27, 'expected an operator or ")" but found end of input'],
    ['crosses_above(close > 1, 2)', 21, 'expected an operator or "," but found ">"'],
    ['crosses_above((close > 1), 2)', 15, 'expected a number, not a condition, as an operand'],
    ['crosses_above(a, b)', 15, 'unknown indicator "a"'],
    ['close > 1.2.3', 9, 'malformed number "1.2."'],
    ['close > 1e', 9, 'malformed number "1e"'],
    ['close > 0x10', 9, 'malformed number "0x"'],
    ['close > 1e999', 9, 'number 1e999 is out of range'],
    [
      'close > smaa20',
      9,
      'unknown indicator "smaa20". Accepted: functions crosses_above(a, b), crosses_below(a, b); indicators open, high, low, close, volume',
    ],
    ['CLOSE > 1', 1, 'unknown indicator "CLOSE"'], // case-sensitive
    ['close > 1 AND rsi14 < 2', 11, 'expected "and", "or" or end of input but found "AND"'],
  ])('%j → column %i: %s', (text, column, message) => {
    expect(errorOf(text)).toContain(
      `condition ${JSON.stringify(text)} column ${column}: ${message}`,
    );
  });

  it('gives column and text in the error details', () => {
    try {
      parseCondition('rsi14 < ');
    } catch (err) {
      expect((err as ValidationError).details).toEqual({ text: 'rsi14 < ', column: 9 });
    }
  });

  it('accepts 500 characters and refuses 501 before parsing', () => {
    const ok = `close > 1${' or close > 1'.repeat(37)}`.padEnd(500); // 490 + trailing spaces
    expect(ok.length).toBe(500);
    expect(() => parseCondition(ok)).not.toThrow();
    const text = `${ok} `;
    expect(errorOf(text)).toBe('condition is 501 characters long; the maximum is 500');
  });

  it.each<[string, string]>([
    // what nests                  text at depth 33 (32 is accepted)
    ['parentheses', `${'('.repeat(33)}close > 1${')'.repeat(33)}`],
    ['not', `${'not '.repeat(33)}close > 1`],
    ['signs', `close > ${'-'.repeat(33)}1`],
    ['calls and parentheses', `crosses_above(${'('.repeat(32)}close${')'.repeat(32)}, 1)`],
  ])('refuses nesting deeper than 32: %s', (_what, text) => {
    expect(errorOf(text)).toMatch(/column \d+: nested deeper than 32 levels$/);
    const ok = text.replace('(', '').replace(')', '').replace('not ', '').replace('-', '');
    expect(() => parseCondition(ok)).not.toThrow();
  });

  it('the depth limit is 32', () => {
    expect(MAX_CONDITION_DEPTH).toBe(32);
  });
});

describe('junk and injection attempts are refused cleanly', () => {
  it.each<[string, string]>([
    ['close > 1; drop table', 'column 10: unexpected character ";"'],
    ["close > 1' or '1'='1", 'column 10: unexpected character "\'"'],
    ['close > 1 -- comment', 'column 14: unknown indicator "comment"'],
    ['constructor', 'column 1: unknown indicator "constructor"'],
    ['__proto__ > 1', 'column 1: unknown indicator "__proto__"'],
    ['toString() > 1', 'column 1: unknown function "toString"'],
    ['process.exit()', 'column 1: unknown indicator "process"'],
    ['close > 1 || process.exit(1)', 'column 14: unknown indicator "process"'],
    ['require("fs")', 'column 1: unknown function "require"'],
    ['close > `1`', 'column 9: unexpected character "`"'],
    ['close.constructor', 'column 6: unexpected character "."'],
    ['close[0] > 1', 'column 6: unexpected character "["'],
    ['close > 1 \u0000', 'column 11: unexpected character "\\u0000"'],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it('never calls the lookup with anything but the listed identifiers', () => {
    const c = parseCondition('close > sma200 or crosses_below(rsi14, 30)');
    const asked = new Set<string>();
    c.evaluate((n) => {
      asked.add(n);
      return 1;
    });
    expect([...asked].sort()).toEqual([...c.identifiers].sort());
  });
});
