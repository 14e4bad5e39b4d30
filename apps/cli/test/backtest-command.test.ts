import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../packages/core/test/support/datasets.js';
import { runCli } from './run-cli.js';

const sol = join(datasetsDir, 'market/yanniedog-binance/SOL_USDT-1h.csv');
const dir = mkdtempSync(join(tmpdir(), 'numerusx-backtest-'));

describe('numerusx backtest', () => {
  it('prints the summary, writes JSON whose final equity is cash + positions, identically twice', async () => {
    const out = [join(dir, 'a.json'), join(dir, 'b.json')];
    for (const file of out) {
      const r = await runCli(['backtest', '--data', sol, '--strategy', 'momentum', '--json', file]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/momentum on SOL\/USDT 1h, 2020-08-11 06:00 → 2026-01-06 09:00 UTC/);
      expect(r.stdout).toMatch(/Total return .* %/);
      expect(r.stdout).toMatch(/Decisions: \d+ proposed/);
    }
    const [a, b] = out.map((f) => readFileSync(f, 'utf8'));
    expect(a).toBe(b);
    const result = JSON.parse(a!) as {
      final: { cash: number; equity: number; positions: { qty: number; mark: number }[] };
      metrics: Record<string, unknown>;
      trades: unknown[];
      equity: unknown[];
    };
    const held = result.final.positions.reduce((s, p) => s + p.qty * p.mark, 0);
    expect(result.final.equity).toBe(result.final.cash + held);
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining([
        'totalReturn',
        'cagr',
        'sharpe',
        'sortino',
        'calmar',
        'maxDrawdown',
        'winRate',
      ]),
    );
    expect(result.equity).toHaveLength(47_360);
  });

  const bad = join(dir, 'SOL_USDT-1h.csv');
  writeFileSync(
    bad,
    'timestamp,open,high,low,close,volume\n60000,1,2,0.5,1,10\n60000,1,2,0.5,1,10\n',
  );
  const empty = join(dir, 'ETH_USDT-1h.csv');
  writeFileSync(empty, '');
  it.each([
    // what is wrong              arguments                                         message
    ['unknown strategy', ['--data', sol, '--strategy', 'magic'], /unknown strategy "magic"/],
    [
      'parameter out of range',
      ['--data', sol, '--strategy', 'momentum', '--param', 'rsiPeriod=500'],
      /rsiPeriod must be an integer/,
    ],
    [
      'from after to',
      ['--data', sol, '--strategy', 'momentum', '--from', '2024-01-01', '--to', '2023-01-01'],
      /is after --to/,
    ],
    ['malformed data', ['--data', bad, '--strategy', 'momentum'], /:3: duplicate/],
    ['empty data', ['--data', empty, '--strategy', 'momentum'], /empty/],
    [
      'unnamed pair',
      [
        '--data',
        join(datasetsDir, 'oracles/talib-golden/ETH_USDT-1d_talib.csv'),
        '--strategy',
        'momentum',
      ],
      /header|pair/,
    ],
  ])('%s: a clear error and a non-zero exit', async (_what, args, message) => {
    const r = await runCli(['backtest', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
