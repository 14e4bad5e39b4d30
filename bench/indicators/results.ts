// Result shaping: what one contender's measurement becomes in the JSON, and the JSON document.
import os from 'node:os';
import type { Correctness } from '../compare.js';
import type { Measurement } from '../measure.js';
import { packageVersion, type TalibLoad } from '../peers.js';
import type { Series } from '../series.js';
import type { Options } from './options.js';

export interface ContenderResult {
  readonly candlesPerSec: number;
  readonly medianMs: number;
  readonly size: number;
  readonly reps: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
  readonly note?: string;
}

export interface IndicatorResult {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly contenders: Record<string, ContenderResult | null>;
  readonly unavailable: Record<string, string>;
  readonly ratios: Record<string, number>;
  readonly fastestPeer: string | null;
  readonly oursVsFastestPeer: number | null;
  readonly reference: string | null;
  readonly correctness: Record<string, Correctness | null>;
}

export interface StreamingResult {
  readonly id: string;
  readonly nsPerUpdate: Record<string, number | null>;
  readonly size: Record<string, number>;
  readonly unavailable: Record<string, string>;
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

export function toResult(m: Measurement, note: string | undefined): ContenderResult {
  return {
    candlesPerSec: m.candlesPerSec,
    medianMs: m.medianMs,
    size: m.size,
    reps: m.reps,
    minMs: Math.min(...m.samplesMs),
    samplesMs: m.samplesMs.map((x) => Math.round(x * 1000) / 1000),
    ...(note ? { note } : {}),
  };
}

export function fmtRate(cps: number): string {
  return `${(cps / 1e6).toFixed(cps >= 1e7 ? 0 : 2)}M/s`;
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The JSON document bench/report.mjs renders. */
export function report(r: {
  readonly opts: Options;
  readonly durationSec: number;
  readonly series: Series;
  readonly talibLoad: TalibLoad;
  readonly indicators: readonly IndicatorResult[];
  readonly streaming: readonly StreamingResult[];
}) {
  const { opts, durationSec, series, talibLoad, indicators, streaming } = r;
  const talib = talibLoad.ok ? talibLoad.talib : null;
  return {
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
        'warm-up: one call, repeated (up to maxWarmups) while under warmupBudgetMs; timed calls: ' +
        'stop once repBudgetMs is spent, else after minReps once extraRepsBudgetMs is spent, else at ' +
        'maxReps; median reported. A contender projected (from a probeSize-candle probe) to take ' +
        'longer than capMs per call is measured on the first probeSize candles and reported as ' +
        'candles/s with that size. Peers get number[] inputs (trading-signals: its class fed every ' +
        'number / candle object in a loop, outputs collected in Float64Arrays), NumerusX gets ' +
        'Float64Arrays. Streaming: a fresh instance fed every candle object, ns per update. GC ' +
        '(--expose-gc) runs before each contender and before its timed calls.',
    },
    correctness: {
      tolerance: 1e-9,
      method:
        'each output column aligned to the END of the golden series (peers drop warm-up values), ' +
        'relative error |a - e| / |e| (|a| where e = 0) over rows where both have a value; ' +
        'warm-up = count of leading rows without a value, compared with TA-Lib; correct = both hold',
    },
    versions: {
      numerusx: packageVersion('@numerusx/core'),
      technicalindicators: packageVersion('technicalindicators'),
      'trading-signals': packageVersion('trading-signals'),
      '@ixjb94/indicators': packageVersion('@ixjb94/indicators'),
      talib: talib ? (packageVersion('talib') ?? talib.version) : null,
    },
    talib: talibLoad.ok ? { available: true } : { available: false, reason: talibLoad.reason },
    indicators,
    streaming,
  };
}
