import { ValidationError } from '../errors.js';
import { describeIndicatorBookNames, isIndicatorBookName } from '../indicators/indicator-book.js';

/**
 * Conditional-order triggers, e.g. `close > sma200 * 1.02 and rsi14 < 70` or
 * `crosses_above(ema12, ema26) or (close - bb_lower) / close < 0.01`.
 *
 * Grammar (lowest precedence first; whitespace is free; keywords and names are case-sensitive):
 *
 *     condition  := or
 *     or         := and (("or" | "||") and)*
 *     and        := not (("and" | "&&") not)*
 *     not        := ("not" | "!") not | comparison
 *     comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?     (no chaining: a < b < c)
 *     sum        := product (("+" | "-") product)*
 *     product    := unary (("*" | "/") unary)*
 *     unary      := ("-" | "+") unary | primary
 *     primary    := number | name | "(" or ")" | ("crosses_above" | "crosses_below") "(" sum "," sum ")"
 *     number     := digits ["." digits] [("e" | "E") ["+" | "-"] digits]   (or "." digits ...)
 *     name       := an IndicatorBook name: open, high, low, close, volume, sma20, macd_signal, ...
 *
 * Parentheses group either a condition or an arithmetic value; the parser types each node and
 * refuses a value where a condition is expected (`close and rsi14`) and the reverse (`(a < b) + 1`).
 *
 * Semantics, evaluated once per closed candle:
 * - `crosses_above(a, b)`: a ≤ b at the previous evaluation and a > b now; `crosses_below(a, b)`:
 *   a ≥ b before and a < b now. The Condition keeps the previous operand values itself, so one
 *   instance follows one market and `evaluate` must be called exactly once per closed candle (a
 *   fresh or `reset()` instance has no previous values: the first evaluation never crosses).
 *   Every node is evaluated at each call (no short-circuit) so that no cross misses a candle.
 * - A comparison or cross with an operand that is not a finite number (NaN while an indicator
 *   warms up, a division by zero) is UNKNOWN, and so are `not` of an unknown, `unknown and true`,
 *   `unknown or false` (three-valued logic, as SQL's NULL); `evaluate` returns false for unknown.
 *   So a warming indicator never fires an order, even under `not`.
 * - `==` and `!=` compare numbers exactly.
 *
 * Limits: 500 characters, 32 nested levels (parentheses, calls, `not`, signs). Errors are
 * ValidationErrors giving the 1-based column and what was expected there.
 *
 * The parser is a small hand-written recursive descent: a parser-combinator or generator library
 * is not worth a dependency for a grammar of this size. Nothing is ever passed to eval/Function:
 * names are looked up in the IndicatorBook vocabulary and read through the caller's `value`.
 */
export interface Condition {
  readonly text: string;
  /** The distinct indicator names read, in order of first use: register them in an IndicatorBook. */
  readonly identifiers: readonly string[];
  /** True when the condition holds for the latest candle; advances the crosses' memory. */
  evaluate(value: (name: string) => number): boolean;
  /** Forgets the previous operand values of the crosses (a new market or a gap in the feed). */
  reset(): void;
}

export const MAX_CONDITION_LENGTH = 500;
export const MAX_CONDITION_DEPTH = 32;

type Lookup = (name: string) => number;
/** Three-valued truth: null is unknown. */
type Truth = boolean | null;
type Node =
  | { readonly type: 'num'; readonly run: (v: Lookup) => number }
  | { readonly type: 'bool'; readonly run: (v: Lookup) => Truth };

/** A token; `at` is its 0-based offset in the text. */
interface Token {
  readonly kind: 'num' | 'name' | 'op' | 'end';
  readonly text: string;
  readonly at: number;
}

// Longer operators first, so that `<=` is not read as `<` then `=`.
const OPERATORS = '<= >= == != && || < > + - * / ( ) , !'.split(' ');
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s*/y;
const FUNCTIONS = ['crosses_above', 'crosses_below'];
const EXPECT_OPERAND = 'a number, an indicator or "("';

type Op<T> = (a: number, b: number) => T;
const COMPARE = new Map<string, Op<boolean>>([
  ['<', (a, b) => a < b],
  ['<=', (a, b) => a <= b],
  ['>', (a, b) => a > b],
  ['>=', (a, b) => a >= b],
  ['==', (a, b) => a === b],
  ['!=', (a, b) => a !== b],
]);
const ARITHMETIC = new Map<string, Op<number>>([
  ['+', (a, b) => a + b],
  ['-', (a, b) => a - b],
  ['*', (a, b) => a * b],
  ['/', (a, b) => a / b],
]);
// Three-valued `and` / `or`: false (true) wins over unknown, unknown over true (false).
const and = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a && b);
const or = (a: Truth, b: Truth): Truth =>
  a === true || b === true ? true : a === null || b === null ? null : false;
const finite = Number.isFinite;

class Parser {
  private pos = 0;
  private depth = 0;
  private tok: Token;
  readonly identifiers: string[] = [];
  readonly resets: (() => void)[] = [];

  constructor(private readonly text: string) {
    this.tok = this.lex();
  }

  fail(at: number, message: string): never {
    const { text } = this;
    const column = at + 1;
    throw new ValidationError(`condition ${JSON.stringify(text)} column ${column}: ${message}`, {
      text,
      column,
    });
  }

  private expected(what: string): never {
    const { kind, text, at } = this.tok;
    this.fail(at, `expected ${what} but found ${kind === 'end' ? 'end of input' : `"${text}"`}`);
  }

  private lex(): Token {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    const at = SPACE.lastIndex;
    if (at >= this.text.length) return { kind: 'end', text: '', at };
    for (const [kind, re] of [['num', NUMBER] as const, ['name', NAME] as const]) {
      re.lastIndex = at;
      const m = re.exec(this.text);
      if (!m) continue;
      this.pos = re.lastIndex;
      if (kind === 'num' && /^[\w.]/.test(this.text.slice(this.pos))) {
        this.fail(at, `malformed number "${this.text.slice(at, this.pos + 1)}"`);
      }
      return { kind, text: m[0], at };
    }
    const rest = this.text.slice(at);
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) {
      const hint = rest[0] === '=' ? ' (compare with ==)' : '';
      this.fail(at, `unexpected character ${JSON.stringify(rest[0])}${hint}`);
    }
    this.pos = at + op.length;
    return { kind: 'op', text: op, at };
  }

  private is(...texts: string[]): boolean {
    return this.tok.kind !== 'num' && texts.includes(this.tok.text);
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lex();
    return t;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_CONDITION_DEPTH) {
      this.fail(at, `nested deeper than ${MAX_CONDITION_DEPTH} levels`);
    }
  }

  /** A condition where one is required; a bare value is refused where the comparison should be. */
  private bool(node: Node): (v: Lookup) => Truth {
    if (node.type === 'bool') return node.run;
    return this.expected('a comparison operator (<, <=, >, >=, ==, !=)');
  }

  private num(node: Node, at: number): (v: Lookup) => number {
    if (node.type === 'num') return node.run;
    return this.fail(at, 'expected a number, not a condition, as an operand');
  }

  parse(): (v: Lookup) => Truth {
    const root = this.bool(this.or());
    if (this.tok.kind !== 'end') this.expected('"and", "or" or end of input');
    return root;
  }

  private or(): Node {
    return this.logic(['or', '||'], () => this.and(), or);
  }

  private and(): Node {
    return this.logic(['and', '&&'], () => this.not(), and);
  }

  private logic(ops: string[], operand: () => Node, f: (a: Truth, b: Truth) => Truth): Node {
    let left = operand();
    while (this.is(...ops)) {
      const l = this.bool(left);
      this.advance();
      const r = this.bool(operand());
      // Both sides always run (no short-circuit): a cross must see every candle.
      left = { type: 'bool', run: (v) => f(l(v), r(v)) };
    }
    return left;
  }

  private not(): Node {
    if (!this.is('not', '!')) return this.comparison();
    this.enter(this.advance().at);
    const arg = this.bool(this.not());
    this.depth--;
    return {
      type: 'bool',
      run: (v) => {
        const a = arg(v);
        return a === null ? null : !a;
      },
    };
  }

  private comparison(): Node {
    const at = this.tok.at;
    const left = this.sum();
    const f = this.tok.kind === 'op' ? COMPARE.get(this.tok.text) : undefined;
    if (!f) return left;
    const l = this.num(left, at);
    this.advance();
    const rightAt = this.tok.at;
    const r = this.num(this.sum(), rightAt);
    return {
      type: 'bool',
      run: (v) => {
        const a = l(v);
        const b = r(v);
        return finite(a) && finite(b) ? f(a, b) : null;
      },
    };
  }

  private sum(): Node {
    return this.binary(['+', '-'], () => this.product());
  }

  private product(): Node {
    return this.binary(['*', '/'], () => this.unary());
  }

  private binary(ops: string[], operand: () => Node): Node {
    const at = this.tok.at;
    let left = operand();
    while (this.is(...ops)) {
      const l = this.num(left, at);
      const f = ARITHMETIC.get(this.advance().text)!;
      const rightAt = this.tok.at;
      const r = this.num(operand(), rightAt);
      left = { type: 'num', run: (v) => f(l(v), r(v)) };
    }
    return left;
  }

  private unary(): Node {
    if (!this.is('-', '+')) return this.primary();
    const sign = this.advance();
    this.enter(sign.at);
    const argAt = this.tok.at;
    const arg = this.num(this.unary(), argAt);
    this.depth--;
    return sign.text === '-' ? { type: 'num', run: (v) => -arg(v) } : { type: 'num', run: arg };
  }

  private primary(): Node {
    const t = this.tok;
    if (t.kind === 'num') {
      this.advance();
      const x = Number(t.text);
      if (!finite(x)) this.fail(t.at, `number ${t.text} is out of range`);
      return { type: 'num', run: () => x };
    }
    if (this.is('(')) {
      this.enter(this.advance().at);
      const inner = this.or();
      if (!this.is(')'))
        this.expected(inner.type === 'bool' ? '"and", "or" or ")"' : 'an operator or ")"');
      this.advance();
      this.depth--;
      return inner;
    }
    if (t.kind !== 'name' || ['and', 'or', 'not'].includes(t.text)) this.expected(EXPECT_OPERAND);
    // Names are checked before the next token is read, so `process.exit()` fails on `process`.
    if (!FUNCTIONS.includes(t.text) && !isIndicatorBookName(t.text)) {
      const what = /^\s*\(/.test(this.text.slice(this.pos)) ? 'function' : 'indicator';
      this.fail(
        t.at,
        `unknown ${what} "${t.text}". Accepted: functions ${FUNCTIONS.map((f) => `${f}(a, b)`).join(', ')}; indicators ${describeIndicatorBookNames().join('; ')}`,
      );
    }
    this.advance();
    if (FUNCTIONS.includes(t.text)) return this.cross(t);
    const name = t.text;
    if (!this.identifiers.includes(name)) this.identifiers.push(name);
    return { type: 'num', run: (v) => v(name) };
  }

  private cross(fn: Token): Node {
    if (!this.is('(')) this.expected('"("');
    this.enter(this.advance().at);
    const aAt = this.tok.at;
    const a = this.num(this.sum(), aAt);
    if (!this.is(',')) this.expected('an operator or ","');
    this.advance();
    const bAt = this.tok.at;
    const b = this.num(this.sum(), bAt);
    if (!this.is(')')) this.expected('an operator or ")"');
    this.advance();
    this.depth--;
    const above = fn.text === 'crosses_above';
    let prevA = Number.NaN;
    let prevB = Number.NaN;
    this.resets.push(() => {
      prevA = Number.NaN;
      prevB = Number.NaN;
    });
    return {
      type: 'bool',
      run: (v) => {
        const x = a(v);
        const y = b(v);
        const known = finite(x) && finite(y) && finite(prevA) && finite(prevB);
        const crossed = above ? prevA <= prevB && x > y : prevA >= prevB && x < y;
        prevA = x;
        prevB = y;
        return known ? crossed : null;
      },
    };
  }
}

/** Parses a trigger condition (grammar and semantics above); refuses bad input with a ValidationError. */
export function parseCondition(text: string): Condition {
  if (typeof text !== 'string') throw new ValidationError('condition must be a string');
  if (text.length > MAX_CONDITION_LENGTH) {
    throw new ValidationError(
      `condition is ${text.length} characters long; the maximum is ${MAX_CONDITION_LENGTH}`,
      { length: text.length },
    );
  }
  const parser = new Parser(text);
  const root = parser.parse();
  const { identifiers, resets } = parser;
  return Object.freeze({
    text,
    identifiers: Object.freeze([...identifiers]),
    evaluate: (value: Lookup) => root(value) === true,
    reset: () => {
      for (const r of resets) r();
    },
  });
}
