import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import {
  listStrategies,
  marketSpec,
  runBacktest,
  ValidationError,
  type BacktestMarket,
} from '@numerusx/core';
import { loadCandles } from '@numerusx/adapters';
import { formatSummary } from '../backtest-summary.js';

interface BacktestOptions {
  data: string[];
  strategy: string;
  param: string[];
  capital: string;
  feeBps: string;
  slippageBps: string;
  from?: string;
  to?: string;
  json?: string;
  progress: boolean;
}

/** `numerusx backtest`: the engine loop over candle files, a summary table, and JSON for machines. */
export function registerBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .description(
      'Backtest a strategy on candle files with the offline rules provider and the risk gate',
    )
    .requiredOption(
      '--data <files...>',
      'candle files named like SOL_USDT-1h.csv (BASE_QUOTE-timeframe)',
    )
    .requiredOption(
      '--strategy <id>',
      `strategy id (${listStrategies()
        .map((s) => s.id)
        .join(', ')})`,
    )
    .option('--param <key=value>', 'strategy parameter, repeatable', collect, [])
    .option('--capital <amount>', 'starting cash in the quote currency', '10000')
    .option('--fee-bps <bps>', 'fee per fill in basis points', '10')
    .option('--slippage-bps <bps>', 'fixed slippage per fill in basis points', '5')
    .option('--from <date>', 'first candle (ISO date or ms UTC)')
    .option('--to <date>', 'last candle (ISO date or ms UTC)')
    .option('--json <file>', 'write the full result as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (options: BacktestOptions) => {
      const markets: BacktestMarket[] = [];
      for (const file of options.data) {
        markets.push({
          spec: marketSpec(pairFromFileName(file)),
          candles: await loadCandles(file),
        });
      }
      const bar =
        options.progress && process.stderr.isTTY
          ? new SingleBar({
              format: 'backtest [{bar}] {percentage}% | {value}/{total} candles',
              stream: process.stderr,
            })
          : undefined;
      const result = runBacktest({
        markets,
        strategyId: options.strategy,
        params: Object.fromEntries(options.param.map(parseParam)),
        capital: parseNumber('--capital', options.capital),
        fillModel: {
          feeBps: parseNumber('--fee-bps', options.feeBps),
          slippageBps: parseNumber('--slippage-bps', options.slippageBps),
        },
        ...(options.from === undefined ? {} : { from: parseDate('--from', options.from) }),
        ...(options.to === undefined ? {} : { to: parseDate('--to', options.to) }),
        onProgress: (done, total) => {
          if (done === 0 || !bar) return;
          if (bar.getTotal() !== total) bar.start(total, 0);
          bar.update(done);
        },
      });
      bar?.stop();
      process.stdout.write(formatSummary(result));
      if (options.json !== undefined) {
        await writeFile(options.json, JSON.stringify(result, null, 2) + '\n');
        process.stdout.write(`\nFull result written to ${options.json}\n`);
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseParam(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ValidationError(`--param must look like key=value, got "${text}"`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

function parseNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new ValidationError(`${flag} must be a number, got "${text}"`);
  }
  return value;
}

function parseDate(flag: string, text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new ValidationError(`${flag} must be an ISO date (2024-01-31) or ms UTC, got "${text}"`);
  }
  return ms;
}

/** `SOL_USDT-1h.csv` → `SOL/USDT`: the shipped files' naming, which freqtrade uses too. */
function pairFromFileName(file: string): string {
  const match = /^([A-Za-z0-9]+)_([A-Za-z0-9]+)(?:[-_].*)?\.(csv|json)$/i.exec(basename(file));
  if (!match) {
    throw new ValidationError(
      `${file}: cannot tell the pair from the file name; name it like SOL_USDT-1h.csv`,
    );
  }
  return `${match[1]!.toUpperCase()}/${match[2]!.toUpperCase()}`;
}
