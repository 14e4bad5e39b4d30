import { ValidationError, type Candle } from '@numerusx/core';

/**
 * The prices a replay shows inside one candle, `count` of them (≥ 4): open, then the extreme
 * nearer the open, then the other extreme, then close, with the remaining ticks spread over the
 * three legs in proportion to their length and placed evenly along each leg.
 *
 * Why this path: a candle only says which prices traded, not in which order. Visiting the nearer
 * extreme first is the shortest walk through all four prices, the usual assumption of bar-based
 * simulators; both extremes are always shown exactly, so a stop or target inside the candle's range
 * is crossed by the ticks as it was by the market. When open sits midway, the extreme away from the
 * close comes first (a dip before a rally), which is the longer and more cautious path.
 * Deterministic: the same candle always gives the same ticks, so a replay is reproducible.
 */
export function tickPath(candle: Candle, count: number): number[] {
  if (!Number.isInteger(count) || count < 4) {
    throw new ValidationError(`ticks per candle must be an integer ≥ 4, got ${count}`);
  }
  const { open, high, low, close } = candle;
  const upFirst = high - open < open - low || (high - open === open - low && close < open);
  const first = upFirst ? high : low;
  const second = upFirst ? low : high;
  const legs: readonly [number, number][] = [
    [open, first],
    [first, second],
    [second, close],
  ];
  const inner = spread(
    count - 4,
    legs.map(([a, b]) => Math.abs(b - a)),
  );
  const path: number[] = [open];
  legs.forEach(([from, to], leg) => {
    const n = inner[leg]!;
    for (let j = 1; j <= n; j++) path.push(from + ((to - from) * j) / (n + 1));
    path.push(to);
  });
  return path;
}

/**
 * `total` split over `weights` by largest remainder (ties to the earlier leg), so the counts add up
 * exactly; all weight zero (a flat candle) puts everything on the first leg.
 */
function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i] = counts[i]! + 1;
    left--;
  }
  return counts;
}

/** Simulated time of tick `k` of `count` in a candle opening at `ts`: evenly spaced from the open. */
export function tickTime(ts: number, timeframeMs: number, k: number, count: number): number {
  return ts + Math.floor((timeframeMs * k) / count);
}
