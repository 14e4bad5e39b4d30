import { describe, expect, it } from 'vitest';
import {
  YEAR_MS,
  buyAndHold,
  buyAndHoldColumns,
  computeCurveMetrics,
  computeMetrics,
} from '../../src/backtest/metrics.js';
import { toPoints, type EquityColumns } from '../../src/backtest/equity-columns.js';
import type { EquityPoint } from '../../src/ledger/types.js';

const HOUR = 3_600_000;

/** A deterministic random walk (LCG), with a wipe-out to 0 and a recovery, so skipped bars occur. */
function walk(n: number): EquityPoint[] {
  let seed = 42;
  let equity = 10_000;
  const out: EquityPoint[] = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    equity *= 1 + (seed / 2 ** 31 - 0.5) * 0.02;
    out.push({ ts: 1_600_000_000_000 + i * HOUR, equity: i === n >> 1 ? 0 : equity });
  }
  return out;
}

/** The reductions the column statistics replaced, verbatim, as the reference. */
function reference(points: readonly EquityPoint[]) {
  const r: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!.equity;
    if (prev > 0) r.push(points[i]!.equity / prev - 1);
  }
  const n = r.length;
  const mean = r.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const downside = Math.sqrt(r.reduce((a, x) => a + Math.min(x, 0) ** 2, 0) / n);
  const perYear = Math.sqrt(YEAR_MS / HOUR);
  return { sharpe: (mean / std) * perYear, sortino: (mean / downside) * perYear };
}

const columnsOf = (points: readonly EquityPoint[]): EquityColumns => ({
  ts: Float64Array.from(points, (p) => p.ts),
  values: Float64Array.from(points, (p) => p.equity),
  scale: 1,
  lastEquity: points.at(-1)!.equity,
});

describe('metrics from columns', () => {
  const points = walk(5_000);
  const base = { trades: [], initialCapital: 10_000, barMs: HOUR, exposedBars: 0, totalBars: 0 };

  it('are bit-for-bit the reductions over points they replaced', () => {
    const m = computeCurveMetrics({ ...base, curve: columnsOf(points) });
    const ref = reference(points);
    expect(m.sharpe).toBe(ref.sharpe);
    expect(m.sortino).toBe(ref.sortino);
    expect(m).toEqual(computeMetrics({ ...base, equity: points }));
  });

  it('read scale × value, and lastEquity for the last point', () => {
    //        ts  value  × scale 2   (last point: lastEquity)
    const c: EquityColumns = {
      ts: Float64Array.of(0, HOUR, 2 * HOUR),
      values: Float64Array.of(10, 20, 30),
      scale: 2,
      lastEquity: 5,
    };
    expect(toPoints(c)).toEqual([
      { ts: 0, equity: 20 },
      { ts: HOUR, equity: 40 },
      { ts: 2 * HOUR, equity: 5 }, // not 60: the settled last point
    ]);
    const asPoints = computeMetrics({ ...base, initialCapital: 20, equity: toPoints(c) });
    expect(computeCurveMetrics({ ...base, initialCapital: 20, curve: c })).toEqual(asPoints);
  });

  it('refuses columns of different lengths', () => {
    const c = { ...columnsOf(points), ts: new Float64Array(3) };
    expect(() => computeCurveMetrics({ ...base, curve: c })).toThrow(/ts has 3 values/);
  });
});

describe('buyAndHoldColumns', () => {
  it('gives the metrics and curve of buyAndHold without the point objects', () => {
    const close = Float64Array.from(walk(2_000), (p) => p.equity / 100 + 1);
    const ts = Float64Array.from({ length: close.length }, (_, i) => i * HOUR);
    const input = { ts, close, initialCapital: 1_000, feeBps: 10, barMs: HOUR };
    const cols = buyAndHoldColumns(input);
    const objects = buyAndHold(input);
    expect(cols.metrics).toEqual(objects.metrics);
    expect(toPoints(cols.curve)).toEqual(objects.equity);
    expect(cols.curve.values).toBe(close); // the closes are read in place, not copied
  });
});
