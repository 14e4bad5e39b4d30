import { CandleDataError } from '../errors.js';
import type { CandleSeries } from './types.js';
import { buildCandleSeries, CandleColumns, checkCandle, type CandleRow } from './validate.js';

/** The one CSV layout NumerusX reads: every shipped dataset and freqtrade's CSV export use it. */
export const CANDLE_CSV_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

type Field = (typeof CANDLE_CSV_COLUMNS)[number];

/**
 * Whether text[start, end) is a plain decimal: optional sign, digits with an optional point, an
 * optional exponent. Stricter than `Number()`, which reads '' and '  ' as 0, '0x10' as 16 and
 * 'Infinity' as a number: in a price file each of those is a broken export, not a value. A char
 * scanner rather than a regex because it runs 280,000 times for a 47k-line file.
 */
function isDecimal(text: string, start: number, end: number): boolean {
  let i = start;
  let c = text.charCodeAt(i);
  if (i < end && (c === 43 || c === 45)) c = text.charCodeAt(++i); // + -
  let digits = 0;
  while (i < end && c >= 48 && c <= 57) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (i < end && c === 46) {
    // .
    c = text.charCodeAt(++i);
    while (i < end && c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (i < end && (c === 101 || c === 69)) {
    // e E
    c = text.charCodeAt(++i);
    if (i < end && (c === 43 || c === 45)) c = text.charCodeAt(++i);
    let exponent = 0;
    while (i < end && c >= 48 && c <= 57) {
      exponent++;
      c = text.charCodeAt(++i);
    }
    if (exponent === 0) return false;
  }
  return i === end;
}

/** The number in `text`, or undefined when it is not a plain decimal (whitespace around is fine). */
function strictNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return isDecimal(trimmed, 0, trimmed.length) ? Number(trimmed) : undefined;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Reads `timestamp,open,high,low,close,volume` CSV (header required, any case, CRLF or LF) and
 * validates it with the rules of {@link buildCandleSeries}. Line numbers in errors are 1-based
 * file lines (the header is line 1) so they match what an editor shows. One pass over the text
 * straight into typed arrays: no per-line strings or row objects.
 */
export function parseCandleCsv(text: string, source: string): CandleSeries {
  // A byte-order mark is what spreadsheet exports put in front of the header.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.length;
  // Trailing blank lines are what editors and `echo >>` leave; blank lines inside are refused.
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end === start) throw new CandleDataError(source, undefined, 'empty', 'the file is empty');
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  checkHeader(text.slice(start, lineEnd), source);

  let capacity = 0;
  for (let p = lineEnd; p >= 0 && p < end; p = text.indexOf('\n', p + 1)) capacity++;
  const columns = new CandleColumns(capacity);
  const values = new Float64Array(6);
  const commas = new Int32Array(6);
  let count = 0;
  let lineNo = 1;
  let previous = Number.NaN;
  let pos = lineEnd + 1;
  while (pos <= end && lineEnd < end) {
    lineNo++;
    lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const stop = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd; // CR of CRLF
    // Find the five commas first, so a short or long line is reported as such, not as a bad number.
    let cellStart = pos;
    for (let c = 0; c < 5; c++) {
      const comma = text.indexOf(',', cellStart);
      if (comma < 0 || comma >= stop) throwCells(text, pos, stop, lineNo, source);
      commas[c] = comma;
      cellStart = comma + 1;
    }
    const extra = text.indexOf(',', cellStart);
    if (extra >= 0 && extra < stop) throwCells(text, pos, stop, lineNo, source);
    commas[5] = stop;
    cellStart = pos;
    for (let c = 0; c < 6; c++) {
      let a = cellStart;
      let b = commas[c]!;
      cellStart = b + 1;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      if (!isDecimal(text, a, b)) {
        const found = a === b ? 'an empty cell' : `'${text.slice(a, b)}'`;
        throw new CandleDataError(
          source,
          lineNo,
          'number',
          `${CANDLE_CSV_COLUMNS[c]!} is not a number: found ${found}`,
        );
      }
      values[c] = Number(text.slice(a, b));
    }
    const ts = values[0]!;
    checkCandle(
      source,
      lineNo,
      ts,
      values[1]!,
      values[2]!,
      values[3]!,
      values[4]!,
      values[5]!,
      previous,
    );
    columns.set(count++, ts, values[1]!, values[2]!, values[3]!, values[4]!, values[5]!);
    previous = ts;
    pos = lineEnd + 1;
  }
  if (count === 0) {
    throw new CandleDataError(source, undefined, 'empty', 'no candles after the header');
  }
  return columns.series(count);
}

function throwCells(text: string, from: number, to: number, lineNo: number, source: string): never {
  const line = text.slice(from, to);
  const found = line.trim() === '' ? 'a blank line' : `${line.split(',').length} cells`;
  throw new CandleDataError(
    source,
    lineNo,
    'columns',
    `expected 6 cells (${CANDLE_CSV_COLUMNS.join(',')}), found ${found}`,
  );
}

function checkHeader(headerLine: string, source: string): void {
  const names = headerLine.split(',').map((name) => name.trim().toLowerCase());
  const missing = CANDLE_CSV_COLUMNS.filter((name) => !names.includes(name));
  const extra = names.filter((name) => !(CANDLE_CSV_COLUMNS as readonly string[]).includes(name));
  const expected = CANDLE_CSV_COLUMNS.join(',');
  let problem: string | undefined;
  if (strictNumber(names[0]!) !== undefined) {
    problem = 'no header: the first line holds numbers';
  } else if (missing.length > 0) {
    const found = extra.length > 0 ? ` (found ${extra.map((n) => `'${n}'`).join(', ')})` : '';
    problem = `missing column ${missing.map((n) => `'${n}'`).join(', ')}${found}`;
  } else if (extra.length > 0) {
    problem = `unexpected column ${extra.map((n) => `'${n}'`).join(', ')}`;
  } else if (names.length > CANDLE_CSV_COLUMNS.length) {
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    problem = `duplicate column ${twice.map((n) => `'${n}'`).join(', ')}`;
  } else if (names.join(',') !== expected) {
    problem = `columns out of order: found ${names.join(',')}`;
  }
  if (problem !== undefined) {
    throw new CandleDataError(source, 1, 'header', `${problem}; expected ${expected}`);
  }
}

/**
 * Reads candles from JSON: an array of `[ts, open, high, low, close, volume]` (freqtrade and ccxt
 * OHLCV) or of objects `{timestamp | ts, open, high, low, close, volume}` (extra keys ignored).
 * Values may be numbers or numeric strings (Binance sends prices as strings). The `line` of an
 * error is the 0-based array index, said as "item N" in the message.
 */
export function parseCandleJson(text: string, source: string): CandleSeries {
  let data: unknown;
  try {
    // JSON.parse refuses the byte-order mark some Windows tools write first.
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CandleDataError(source, undefined, 'json', `not valid JSON: ${reason}`);
  }
  if (!Array.isArray(data)) {
    throw new CandleDataError(
      source,
      undefined,
      'shape',
      `expected an array of candles, found ${describe(data)}`,
    );
  }
  if (data.length === 0) throw new CandleDataError(source, undefined, 'empty', 'no candles');
  const rows: CandleRow[] = new Array<CandleRow>(data.length);
  for (let i = 0; i < data.length; i++) rows[i] = jsonRow(data[i] as unknown, i, source);
  return buildCandleSeries(rows, source);
}

function jsonRow(item: unknown, index: number, source: string): CandleRow {
  const fail = (rule: string, problem: string): never => {
    throw new CandleDataError(source, index, rule, `item ${index}: ${problem}`);
  };
  const read = (field: Field, value: unknown): number => {
    if (typeof value === 'number') return value;
    if (typeof value === 'string') {
      const parsed = strictNumber(value.trim());
      if (parsed !== undefined) return parsed;
      return fail('number', `${field} is not a number: found '${value}'`);
    }
    return fail('number', `${field} is not a number: found ${describe(value)}`);
  };
  if (Array.isArray(item)) {
    const cells = item as unknown[];
    if (cells.length !== 6) {
      fail(
        'shape',
        `expected [timestamp, open, high, low, close, volume], found ${cells.length} values`,
      );
    }
    return {
      line: index,
      ts: read('timestamp', cells[0]),
      open: read('open', cells[1]),
      high: read('high', cells[2]),
      low: read('low', cells[3]),
      close: read('close', cells[4]),
      volume: read('volume', cells[5]),
    };
  }
  if (typeof item === 'object' && item !== null) {
    const record = item as Record<string, unknown>;
    const hasTimestamp = Object.hasOwn(record, 'timestamp');
    const hasTs = Object.hasOwn(record, 'ts');
    if (hasTimestamp && hasTs) fail('shape', "has both 'timestamp' and 'ts': which one is meant?");
    for (const field of CANDLE_CSV_COLUMNS) {
      if (field === 'timestamp' ? !hasTimestamp && !hasTs : !Object.hasOwn(record, field)) {
        fail('shape', `missing key '${field}'${field === 'timestamp' ? " (or 'ts')" : ''}`);
      }
    }
    return {
      line: index,
      ts: read('timestamp', hasTs ? record['ts'] : record['timestamp']),
      open: read('open', record['open']),
      high: read('high', record['high']),
      low: read('low', record['low']),
      close: read('close', record['close']),
      volume: read('volume', record['volume']),
    };
  }
  return fail('shape', `expected an array or an object, found ${describe(item)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  if (typeof value === 'boolean' || typeof value === 'number') return `${typeof value} ${value}`;
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : typeof value;
}
