import { CandleDataError } from '../errors.js';
import type { CandleSeries } from './types.js';

/**
 * One candle as read from a file, numbers already parsed, before any rule is checked. `line` is
 * where it came from (1-based file line for CSV, array index for JSON) so an error can point at it.
 */
export interface CandleRow {
  readonly line: number;
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * Checks every rule of a candle series and returns it in columnar form. The first broken rule
 * refuses the whole input (a backtest on a silently patched file would be a lie), so the caller
 * either gets every row or an error naming the source, the line and the rule.
 */
export function buildCandleSeries(rows: readonly CandleRow[], source: string): CandleSeries {
  const n = rows.length;
  if (n === 0) throw new CandleDataError(source, undefined, 'empty', 'no candles');
  const columns = new CandleColumns(n);
  let previous = Number.NaN;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    checkCandle(source, r.line, r.ts, r.open, r.high, r.low, r.close, r.volume, previous);
    columns.set(i, r.ts, r.open, r.high, r.low, r.close, r.volume);
    previous = r.ts;
  }
  return columns.series(n);
}

/** The largest time a JS Date can hold: anything beyond is not a millisecond timestamp. */
const MAX_TIME_MS = 8.64e15;

/**
 * The rules of one candle, given the previous candle's open time (NaN for the first). Shared by
 * {@link buildCandleSeries} and the CSV reader, which checks each line as soon as it is read so
 * the error reported is always the first one in the file.
 *
 * Order: timestamp, number (open, high, low, close), volume, high-low, high, low, order,
 * duplicate. `high-low` runs before `high`/`low` because once those two pass, high ≥ low holds
 * already: checked last it could never fire, and "high is below low" is the clearest message for
 * a row with swapped columns.
 */
export function checkCandle(
  source: string,
  line: number,
  ts: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  previous: number,
): void {
  if (!Number.isInteger(ts) || ts < 0 || ts > MAX_TIME_MS) {
    refuse(source, line, 'timestamp', `${ts} is not a whole number of ms since 1970 UTC`);
  }
  if (!(open > 0 && open < Infinity)) refuse(source, line, 'number', notPrice('open', open));
  if (!(high > 0 && high < Infinity)) refuse(source, line, 'number', notPrice('high', high));
  if (!(low > 0 && low < Infinity)) refuse(source, line, 'number', notPrice('low', low));
  if (!(close > 0 && close < Infinity)) refuse(source, line, 'number', notPrice('close', close));
  if (!(volume >= 0 && volume < Infinity)) {
    refuse(source, line, 'volume', `volume ${volume} is not a finite number ≥ 0`);
  }
  if (high < low) refuse(source, line, 'high-low', `high ${high} is below low ${low}`);
  if (high < open) refuse(source, line, 'high', `high ${high} is below open ${open}`);
  if (high < close) refuse(source, line, 'high', `high ${high} is below close ${close}`);
  if (low > open) refuse(source, line, 'low', `low ${low} is above open ${open}`);
  if (low > close) refuse(source, line, 'low', `low ${low} is above close ${close}`);
  if (ts < previous) {
    refuse(source, line, 'order', `timestamp ${ts} is before the previous line's ${previous}`);
  }
  if (ts === previous)
    refuse(source, line, 'duplicate', `timestamp ${ts} repeats the previous line's`);
}

function notPrice(name: string, value: number): string {
  return `${name} ${value} is not a finite price > 0`;
}

function refuse(source: string, line: number, rule: string, problem: string): never {
  throw new CandleDataError(source, line, rule, problem);
}

/** Growable typed-array columns, so a reader can fill them without building row objects first. */
export class CandleColumns {
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.ts = new Float64Array(size);
    this.open = new Float64Array(size);
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.close = new Float64Array(size);
    this.volume = new Float64Array(size);
  }

  set(
    i: number,
    ts: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
  ): void {
    if (i >= this.ts.length) this.grow(i + 1);
    this.ts[i] = ts;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
  }

  /** The first `length` rows as a series; copies only when the capacity was larger. */
  series(length: number): CandleSeries {
    const cut = (a: Float64Array) => (a.length === length ? a : a.slice(0, length));
    return {
      length,
      ts: cut(this.ts),
      open: cut(this.open),
      high: cut(this.high),
      low: cut(this.low),
      close: cut(this.close),
      volume: cut(this.volume),
    };
  }

  private grow(minimum: number): void {
    const size = Math.max(minimum, this.ts.length * 2);
    const bigger = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.ts = bigger(this.ts);
    this.open = bigger(this.open);
    this.high = bigger(this.high);
    this.low = bigger(this.low);
    this.close = bigger(this.close);
    this.volume = bigger(this.volume);
  }
}
