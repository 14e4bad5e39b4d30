import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  column,
  compareToReference,
  datasetsDir,
  goldenSets,
  readNumericCsv,
} from '../../../packages/core/test/support/datasets.js';
import { runCli } from './run-cli.js';

function parseCsv(text: string): { header: string[]; columns: Map<string, Float64Array> } {
  const lines = text.trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns = new Map<string, Float64Array>();
  header.forEach((name, c) => {
    columns.set(
      name,
      Float64Array.from(rows, (r) => (r[c] === '' ? Number.NaN : Number(r[c]))),
    );
  });
  return { header, columns };
}

describe.each(goldenSets)('numerusx indicators $ohlcv', ({ golden, ohlcv }) => {
  it('reproduces all 19 TA-Lib columns within 1e-9, with the same warm-up', async () => {
    const result = await runCli(['indicators', join(datasetsDir, ohlcv)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = readNumericCsv(golden);
    const actual = parseCsv(result.stdout);
    expect(actual.header).toEqual(expected.header);
    expect(Array.from(actual.columns.get('timestamp')!)).toEqual(
      Array.from(column(expected, 'timestamp')),
    );
    for (const name of expected.header.slice(1)) {
      const r = compareToReference(actual.columns.get(name)!, column(expected, name), 1e-9);
      expect(r.mismatches, name).toEqual([]);
    }
  });
});

describe('numerusx indicators options and errors', () => {
  const sol = join(datasetsDir, 'market/binance_usdt_2021/SOL_USDT-1h.csv');

  it('--only prints just the asked columns, in the asked order', async () => {
    const result = await runCli(['indicators', sol, '--only', 'rsi14,sma50,obv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('timestamp,close,rsi14,sma50,obv');
    expect(lines).toHaveLength(2167); // header + 2,166 candles
    // sma50 warms up over 49 candles: row 49 (line 50) is its first value.
    expect(lines[49]!.split(',')[3]).toBe('');
    expect(lines[50]!.split(',')[3]).not.toBe('');
  });

  it('refuses an unknown column before printing anything', async () => {
    const result = await runCli(['indicators', sol, '--only', 'rsi14,magic7']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown indicator column: magic7/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'numerusx-cli-'));
  const header = 'timestamp,open,high,low,close,volume';
  it.each([
    // name, file content, what the message must say
    ['missing column', 'timestamp,open,high,low,close\n1,1,1,1,1', /:1: header: .*volume/],
    ['text in a number', `${header}\n0,1,2,0.5,1,10\n60000,1,2,abc,1,10`, /:3: number: .*abc/],
    ['unsorted timestamps', `${header}\n120000,1,2,0.5,1,10\n60000,1,2,0.5,1,10`, /:3: order/],
    ['duplicate timestamps', `${header}\n60000,1,2,0.5,1,10\n60000,1,2,0.5,1,10`, /:3: duplicate/],
    ['high below low', `${header}\n60000,1,0.5,2,1,10`, /:2: high/],
  ])('%s: exits non-zero naming the line and the rule', async (name, content, message) => {
    const file = join(dir, `${name.replaceAll(' ', '-')}.csv`);
    writeFileSync(file, content);
    const result = await runCli(['indicators', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(message);
  });

  it('a missing file is a clear error, not a stack trace', async () => {
    const result = await runCli(['indicators', join(dir, 'nope.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nope\.csv.*cannot read/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
