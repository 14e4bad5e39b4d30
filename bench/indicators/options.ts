// Command line of the indicators part (readFlag is shared with the backtest part).
import { fileURLToPath } from 'node:url';
import type { MeasureSettings } from '../measure.js';

export interface Options {
  readonly quick: boolean;
  readonly candles: number;
  readonly only: readonly string[] | null;
  readonly out: string;
  readonly settings: MeasureSettings;
  readonly streamPeers: boolean;
}

/** The value of `--name=value` ('' for a bare `--name`), undefined when absent. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit === undefined) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
}

export function parseArgs(argv: readonly string[]): Options {
  const flag = (name: string): string | undefined => readFlag(argv, name);
  const quick = flag('quick') !== undefined;
  const candlesArg = flag('candles');
  const candles = candlesArg ? Number(candlesArg) : quick ? 100_000 : 1_000_000;
  if (!Number.isInteger(candles) || candles < 1000)
    throw new Error(`--candles must be a whole number ≥ 1000`);
  const only = flag('only');
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  return {
    quick,
    candles,
    only: only ? only.split(',').map((s) => s.trim()) : null,
    out: flag('out') ?? `${resultsDir}${quick ? 'indicators.quick.json' : 'indicators.json'}`,
    settings: quick
      ? {
          minReps: 3,
          maxReps: 3,
          repBudgetMs: 500,
          extraRepsBudgetMs: 0,
          maxWarmups: 5,
          warmupBudgetMs: 200,
          capMs: 20_000,
          probeSize: 100_000,
        }
      : {
          minReps: 5,
          maxReps: 21,
          repBudgetMs: 3000,
          extraRepsBudgetMs: 500,
          maxWarmups: 10,
          warmupBudgetMs: 300,
          capMs: 20_000,
          probeSize: 100_000,
        },
    streamPeers: true,
  };
}
