import type { EquityColumns } from './equity-columns.js';

/**
 * The equity-curve statistics behind the metrics, read straight from the columns: a backtest's curve
 * has a point per bar (a million for a long run), so these neither build a returns array nor touch
 * an object per point. Each sum runs oldest first from 0 over the same values as the reductions
 * over `{ts, equity}` points they replaced, so every metric is bit-for-bit what it was. Squares are
 * written x · x: exactly what `x ** 2` returned (V8's pow gives x · x, one correctly rounded
 * product, for the exponent 2), without the call. Point i's equity is `scale × values[i]`, the
 * last one `lastEquity`.
 */

/** Sums over the per-bar simple returns r = e[i] / e[i − 1] − 1 (bars starting at equity ≤ 0 skipped). */
export interface ReturnStats {
  /** How many returns are defined. */
  readonly count: number;
  /** Σ r / count; 0 without returns. */
  readonly mean: number;
  /** Σ (r − mean)², for the sample variance. */
  readonly sumSqDev: number;
  /** Σ min(r, 0)², for the downside deviation. */
  readonly sumSqDown: number;
}

export function returnStats(c: EquityColumns): ReturnStats {
  const { values, scale } = c;
  const last = values.length - 1;
  let count = 0;
  let sum = 0;
  let sumSqDown = 0;
  let prev = last >= 1 ? scale * values[0]! : 0;
  for (let i = 1; i <= last; i++) {
    const e = i === last ? c.lastEquity : scale * values[i]!;
    if (prev > 0) {
      const r = e / prev - 1;
      sum += r;
      const down = Math.min(r, 0);
      sumSqDown += down * down;
      count++;
    }
    prev = e;
  }
  const mean = count === 0 ? 0 : sum / count;
  // A second pass recomputes each return (the same division, so the same value) rather than keeping
  // an array of them: the deviations need the mean first.
  let sumSqDev = 0;
  if (count >= 2) {
    prev = scale * values[0]!;
    for (let i = 1; i <= last; i++) {
      const e = i === last ? c.lastEquity : scale * values[i]!;
      if (prev > 0) {
        const dev = e / prev - 1 - mean;
        sumSqDev += dev * dev;
      }
      prev = e;
    }
  }
  return { count, mean, sumSqDev, sumSqDown };
}

/** Max drawdown (fraction) and the longest under-water span (ms), in one pass. */
export function drawdownOfColumns(c: EquityColumns): {
  maxDrawdown: number;
  maxDrawdownDuration: number;
} {
  const { ts, values, scale } = c;
  const n = values.length;
  let maxDrawdown = 0;
  let longest = 0;
  let peak = Number.NEGATIVE_INFINITY;
  let peakTs = 0;
  let underwater = false;
  for (let i = 0; i < n; i++) {
    const e = i === n - 1 ? c.lastEquity : scale * values[i]!;
    if (e >= peak) {
      // Back at (or above) the peak: the under-water span, if any, ends here.
      if (underwater) longest = Math.max(longest, ts[i]! - peakTs);
      underwater = false;
      peak = e;
      peakTs = ts[i]!;
    } else {
      underwater = true;
      if (peak > 0) maxDrawdown = Math.max(maxDrawdown, 1 - e / peak);
    }
  }
  if (underwater && n > 0) longest = Math.max(longest, ts[n - 1]! - peakTs);
  return { maxDrawdown, maxDrawdownDuration: longest };
}
