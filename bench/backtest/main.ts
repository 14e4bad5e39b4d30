// `npm run bench` — backtest part. Throughput of the engine (runBacktest with the `momentum`
// strategy, the offline rules provider, the risk gate and the paper fill model) on the real SOL/USDT
// 1h candles tiled to ≥ 1,000,000 candles, against a bare loop over the same Float64Arrays in this
// one process (bare-loop.ts), so the ratio engine / bare loop is measured in one run.
//
//   node --expose-gc --import tsx bench/backtest/main.ts [--quick] [--candles=N]
//                                                        [--out=bench/results/backtest.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marketSpec, runBacktest, type BacktestResult } from '@numerusx/core';
import { readFlag } from '../indicators/options.js';
import { fmtRate, log, toResult } from '../indicators/results.js';
import { lastSink, measure, type MeasureSettings } from '../measure.js';
import { packageVersion } from '../peers.js';
import { tiledSeries } from '../series.js';
import { bareLoop, type BareLoopParams, type BareLoopResult } from './bare-loop.js';

/** The target: one core, the full series. */
const TARGET_CANDLES_PER_SEC = 1_000_000;
const STRATEGY = 'momentum';
const CAPITAL = 10_000;
/** The CLI's defaults (apps/cli/src/commands/backtest.ts), spelled out. */
const FILL_MODEL = { feeBps: 10, slippageBps: 5 } as const;
const BARE: BareLoopParams = {
  fast: 10,
  slow: 30,
  capital: CAPITAL,
  costBps: FILL_MODEL.feeBps + FILL_MODEL.slippageBps,
};

interface Options {
  readonly quick: boolean;
  readonly candles: number;
  readonly out: string;
  readonly settings: MeasureSettings;
}

function parseArgs(argv: readonly string[]): Options {
  const quick = readFlag(argv, 'quick') !== undefined;
  const candlesArg = readFlag(argv, 'candles');
  const candles = candlesArg ? Number(candlesArg) : quick ? 100_000 : 1_000_000;
  if (!Number.isInteger(candles) || candles < 1000)
    throw new Error(`--candles must be a whole number ≥ 1000`);
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  // One engine call over the full series takes seconds: never cut to a prefix (probeSize = the
  // series, capMs far above a call), a time budget that still gives several timed calls.
  const common = { capMs: 600_000, probeSize: candles };
  return {
    quick,
    candles,
    out: readFlag(argv, 'out') ?? `${resultsDir}${quick ? 'backtest.quick.json' : 'backtest.json'}`,
    settings: quick
      ? {
          ...common,
          minReps: 3,
          maxReps: 5,
          repBudgetMs: 3000,
          extraRepsBudgetMs: 200,
          maxWarmups: 5,
          warmupBudgetMs: 200,
        }
      : {
          ...common,
          minReps: 5,
          maxReps: 21,
          repBudgetMs: 20_000,
          extraRepsBudgetMs: 1000,
          maxWarmups: 10,
          warmupBudgetMs: 300,
        },
  };
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const series = tiledSeries(opts.candles);
  log(
    `backtest bench: ${opts.candles.toLocaleString('en-US')} candles, ${opts.quick ? 'quick' : 'full'} mode, ` +
      `node ${process.version}, gc ${globalThis.gc ? 'exposed' : 'NOT exposed (run with --expose-gc)'}`,
  );
  const spec = marketSpec('SOL/USDT');

  const bare = measure((v) => bareLoop(v, BARE), series, opts.settings);
  const bareOut = lastSink() as BareLoopResult;
  log(
    `  bare loop  ${fmtRate(bare.candlesPerSec)} (median ${bare.medianMs.toFixed(2)} ms, ${bare.reps} reps)`,
  );

  const engine = measure(
    (v) =>
      runBacktest({
        markets: [{ spec, candles: v }],
        strategyId: STRATEGY,
        capital: CAPITAL,
        fillModel: FILL_MODEL,
      }),
    series,
    opts.settings,
  );
  const run = lastSink() as BacktestResult;
  const ratio = engine.candlesPerSec / bare.candlesPerSec;
  log(
    `  engine     ${fmtRate(engine.candlesPerSec)} (median ${engine.medianMs.toFixed(0)} ms, ${engine.reps} reps), ` +
      `${run.trades.length} trades, final equity ${run.final.equity.toFixed(2)}; engine / bare loop ${ratio.toPrecision(3)}`,
  );

  const durationSec = (performance.now() - started) / 1000;
  const result = {
    part: 'backtest',
    generatedAt: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    durationSec,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    gcExposed: globalThis.gc !== undefined,
    series: series.info,
    measurement: {
      ...opts.settings,
      method:
        'bare loop first, then the engine, each: warm-up call(s), then timed calls on the full ' +
        'series until repBudgetMs is spent, else after minReps once extraRepsBudgetMs is spent, else ' +
        'at maxReps; median reported. GC (--expose-gc) runs before each contender and before its ' +
        'timed calls. One thread; the engine call includes its own setup and the result it returns ' +
        '(metrics, buy-and-hold, equity curve, trades).',
    },
    versions: { numerusx: packageVersion('@numerusx/core') },
    target: {
      candlesPerSec: TARGET_CANDLES_PER_SEC,
      met: engine.candlesPerSec >= TARGET_CANDLES_PER_SEC,
      references:
        'for scale (quoted, not measured here): jesse reports 1.05 M one-minute candles in 2.05 s on ' +
        'a Raspberry Pi 5 (~0.51 M candles/s); backtrader about 15,000 candles/s',
    },
    engine: {
      description: `runBacktest, strategy ${STRATEGY} (default parameters), offline rules provider (the default: decisions without their texts), risk gate (defaults), paper fill model`,
      strategyId: STRATEGY,
      params: run.strategy.params,
      capital: CAPITAL,
      fillModel: FILL_MODEL,
      ...toResult(engine, undefined),
      candles: run.period.candles,
      trades: run.trades.length,
      finalEquity: run.final.equity,
      totalReturn: run.metrics.totalReturn,
      maxDrawdown: run.metrics.maxDrawdown,
      exposure: run.metrics.exposure,
      decisions: run.decisions,
    },
    bareLoop: {
      description:
        `plain loop over the same Float64Arrays: SMA(${BARE.fast})/SMA(${BARE.slow}) crossover on the close, ` +
        `long-only, filled at the next open with ${BARE.costBps} bps cost, equity marked every close, max drawdown tracked`,
      params: BARE,
      ...toResult(bare, undefined),
      trades: bareOut.trades,
      finalEquity: bareOut.finalEquity,
      maxDrawdown: bareOut.maxDrawdown,
      exposure: bareOut.exposedBars / bare.size,
    },
    /** engine candles/s ÷ bare loop candles/s (1 = as fast as the bare loop). */
    ratio,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${opts.out} in ${durationSec.toFixed(1)} s`);
}

main();
