// Timing: warm-up calls (at least one; more for a fast call, so that the optimising compiler has
// finished with it before timing starts), then timed calls, median reported. A call projected to
// exceed `capMs` on the full series is measured on a `probeSize` prefix instead and reported as
// throughput with the size used.
import type { Series, SeriesView } from './series.js';

export interface MeasureSettings {
  /** Timed calls stop once `repBudgetMs` is spent (a slow contender may get fewer than `minReps`),
   * else after `minReps` once `extraRepsBudgetMs` is spent, else at `maxReps` (a fast call gets
   * more samples for the same small cost, which steadies its median). */
  readonly minReps: number;
  readonly maxReps: number;
  readonly repBudgetMs: number;
  readonly extraRepsBudgetMs: number;
  /** Warm-up: one call, repeated (up to `maxWarmups`) while under `warmupBudgetMs`. */
  readonly maxWarmups: number;
  readonly warmupBudgetMs: number;
  readonly capMs: number;
  readonly probeSize: number;
}

export interface Measurement {
  /** Candles processed per call (the full series, or the prefix for a too-slow contender). */
  readonly size: number;
  readonly reps: number;
  readonly medianMs: number;
  readonly candlesPerSec: number;
  readonly samplesMs: readonly number[];
}

/** Results land here so the optimiser cannot drop a call whose output is unused. */
let sink: unknown;
export function lastSink(): unknown {
  return sink;
}

export function gc(): void {
  globalThis.gc?.();
}

function timeOnce(run: (v: SeriesView) => unknown, v: SeriesView): number {
  const t0 = process.hrtime.bigint();
  sink = run(v);
  const t1 = process.hrtime.bigint();
  return Number(t1 - t0) / 1e6;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function measure(
  run: (v: SeriesView) => unknown,
  series: Series,
  settings: MeasureSettings,
): Measurement {
  gc();
  let size = series.length;
  let warmupMs = 0;
  let warmups = 0;
  if (size > settings.probeSize) {
    // Probe on the prefix first: a contender that would take longer than the cap on the full
    // series stays on the prefix (and the probe is its warm-up call).
    const probeMs = timeOnce(run, series.view(settings.probeSize));
    if ((probeMs * size) / settings.probeSize > settings.capMs) {
      size = settings.probeSize;
      warmupMs = probeMs;
      warmups = 1;
    }
  }
  let view = series.view(size);
  while (warmups === 0 || (warmups < settings.maxWarmups && warmupMs < settings.warmupBudgetMs)) {
    const ms = timeOnce(run, view);
    warmups++;
    warmupMs += ms;
    if (ms > settings.capMs && size > settings.probeSize) {
      size = settings.probeSize;
      view = series.view(size);
      break;
    }
  }
  sink = undefined;
  gc();
  const samples: number[] = [];
  let spent = 0;
  for (;;) {
    const ms = timeOnce(run, view);
    samples.push(ms);
    spent += ms;
    if (spent >= settings.repBudgetMs) break; // a slow contender: fewer reps, bounded time
    if (samples.length >= settings.maxReps) break;
    if (samples.length >= settings.minReps && spent >= settings.extraRepsBudgetMs) break;
  }
  const medianMs = median(samples);
  return {
    size,
    reps: samples.length,
    medianMs,
    candlesPerSec: medianMs > 0 ? (size * 1000) / medianMs : Number.POSITIVE_INFINITY,
    samplesMs: samples,
  };
}
