import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CandleDataError } from '@numerusx/core';
import { loadCandles, loadCandlesSync } from '../src/index.js';

const datasets = fileURLToPath(new URL('../../../datasets/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'numerusx-load-candles-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

function tempFile(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

/** The CandleDataError a promise rejects with (fails the test on anything else). */
async function rejection(promise: Promise<unknown>): Promise<CandleDataError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CandleDataError) return error;
    throw error;
  }
  throw new Error('expected a CandleDataError');
}

function thrown(read: () => unknown): CandleDataError {
  try {
    read();
  } catch (error) {
    if (error instanceof CandleDataError) return error;
    throw error;
  }
  throw new Error('expected a CandleDataError');
}

const JSON_ROWS = '[[1000,10,12,9,11,5],[2000,11,13,10,12,6]]';
const CSV_ROWS = 'timestamp,open,high,low,close,volume\n1000,10,12,9,11,5\n2000,11,13,10,12,6\n';

describe('loadCandles', () => {
  it('loads a shipped CSV (SOL/USDT 1h, 47,360 candles)', async () => {
    const series = await loadCandles(datasets + 'market/yanniedog-binance/SOL_USDT-1h.csv');
    expect(series.length).toBe(47_360);
    expect(series.ts[0]).toBe(1_597_125_600_000);
  });

  it.each([
    // file name           contents   how the parser is chosen
    ['candles.json', JSON_ROWS], // by extension
    ['CANDLES.JSON', JSON_ROWS], // extension in any case
    ['candles.csv', CSV_ROWS],
    ['candles.txt', `  \n${JSON_ROWS}`], // sniffed: first non-blank char is '['
    ['candles', CSV_ROWS], // sniffed: no extension, starts with the header
  ])('loads %s (async and sync alike)', async (name, text) => {
    const path = tempFile(name, text);
    for (const series of [await loadCandles(path), loadCandlesSync(path)]) {
      expect(Array.from(series.ts)).toEqual([1000, 2000]);
      expect(Array.from(series.close)).toEqual([11, 12]);
    }
  });

  it('refuses a missing file with rule "file", naming the path and ENOENT', async () => {
    const path = join(temp, 'no-such-file.csv');
    for (const error of [await rejection(loadCandles(path)), thrown(() => loadCandlesSync(path))]) {
      expect([error.source, error.line, error.rule]).toEqual([path, undefined, 'file']);
      expect(error.message).toContain(`${path}: file: cannot read: ENOENT`);
    }
  });

  it('refuses a directory with rule "file" (EISDIR)', async () => {
    const error = await rejection(loadCandles(temp));
    expect(error.rule).toBe('file');
    expect(error.message).toContain('EISDIR');
  });

  it('refuses a malformed CSV, naming the file path and the line', async () => {
    const path = tempFile(
      'bad.csv',
      'timestamp,open,high,low,close,volume\n1000,10,12,9,11,5\n2000,10,12,9,13,5\n',
    );
    const error = await rejection(loadCandles(path));
    expect([error.source, error.line, error.rule]).toEqual([path, 3, 'high']);
    expect(error.message).toBe(`${path}:3: high: high 12 is below close 13`);
  });

  it('refuses a malformed JSON file, naming the path and the item', async () => {
    const path = tempFile('bad.json', '[[1000,10,12,9,11,5],[2000,"x",12,9,11,5]]');
    const error = await rejection(loadCandles(path));
    expect(error.message).toBe(`${path}:1: number: item 1: open is not a number: found 'x'`);
  });
});
