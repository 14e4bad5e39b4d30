// `npm run bench` — indicators part. NumerusX's batch indicators against technicalindicators,
// trading-signals, @ixjb94/indicators and TA-Lib's native binding, all in this one process on the
// same series, plus streaming cost per update and correctness against TA-Lib's golden columns.
//
//   node --expose-gc --import tsx bench/indicators/main.ts [--quick] [--candles=N] [--only=sma,rsi]
//                                                          [--out=bench/results/indicators.json]
//
// The indicators and their contenders are defined by family (moving-averages.ts, momentum.ts,
// oscillators.ts, volatility.ts, volume.ts, trend.ts; listed in defs.ts); run-indicator.ts measures
// one of them, results.ts shapes the JSON that bench/report.mjs renders.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadTalib } from '../peers.js';
import { loadGolden, tiledSeries, type Golden } from '../series.js';
import { DEFS } from './defs.js';
import { parseArgs } from './options.js';
import { log, report, type IndicatorResult, type StreamingResult } from './results.js';
import { runIndicator } from './run-indicator.js';

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const defs = opts.only ? DEFS.filter((d) => opts.only?.includes(d.id)) : DEFS;
  if (defs.length === 0)
    throw new Error(`--only matched no indicator; ids: ${DEFS.map((d) => d.id).join(', ')}`);

  const talibLoad = loadTalib();
  const talib = talibLoad.ok ? talibLoad.talib : null;
  const talibReason = talibLoad.ok ? '' : talibLoad.reason;
  if (!talibLoad.ok) log(`TA-Lib unavailable: ${talibLoad.reason}`);

  const series = tiledSeries(opts.candles);
  const full = series.view();
  full.candles();
  const golden: Golden = loadGolden();
  log(
    `indicators bench: ${opts.candles.toLocaleString('en-US')} candles, ${opts.quick ? 'quick' : 'full'} mode, ` +
      `node ${process.version}, gc ${globalThis.gc ? 'exposed' : 'NOT exposed (run with --expose-gc)'}`,
  );

  const indicators: IndicatorResult[] = [];
  const streaming: StreamingResult[] = [];
  const ctx = { opts, series, golden, talib, talibReason };
  for (const def of defs) {
    const r = await runIndicator(def, ctx);
    indicators.push(r.indicator);
    streaming.push(r.streaming);
  }

  const durationSec = (performance.now() - started) / 1000;
  const result = report({ opts, durationSec, series, talibLoad, indicators, streaming });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${opts.out} in ${durationSec.toFixed(1)} s`);
}

await main();
