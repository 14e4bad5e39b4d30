import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  CandleDataError,
  parseCandleCsv,
  parseCandleJson,
  type CandleSeries,
} from '@numerusx/core';

/**
 * Reads a candle file (.csv or .json; any other name is sniffed) and validates it with core's
 * parsers. Errors carry `path` as given, so they point at the file the user named.
 */
export async function loadCandles(path: string): Promise<CandleSeries> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseCandleText(text, path);
}

/** The synchronous twin of {@link loadCandles}, for CLI start-up and tests. */
export function loadCandlesSync(path: string): CandleSeries {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseCandleText(text, path);
}

/**
 * Picks the parser from the extension, else from the first non-blank character: a JSON candle
 * file starts with '[' and a CSV one with its header, so a misnamed export still loads.
 */
export function parseCandleText(text: string, path: string): CandleSeries {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return parseCandleCsv(text, path);
  if (ext === '.json') return parseCandleJson(text, path);
  const first = /\S/.exec(text)?.[0]; // \s covers a byte-order mark
  return first === '[' || first === '{' ? parseCandleJson(text, path) : parseCandleCsv(text, path);
}

function unreadable(path: string, error: unknown): CandleDataError {
  const reason = error instanceof Error ? error.message : String(error);
  return new CandleDataError(path, undefined, 'file', `cannot read: ${reason}`);
}
