// Test-only builders of synthetic candle series: shapes (ramps, waves, shocks) that make a regime or
// a strategy setup obvious, so each table row can say what it expects and why.
import type { Candle } from '../../src/candles/types.js';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2024, 0, 1);

/**
 * Candles from closes: open = previous close (the first opens at its close), high/low `spread`
 * (a fraction, default 0.5 %) beyond the body, hourly from T0. `spreads` overrides per candle.
 */
export function candlesFromCloses(
  closes: readonly number[],
  spread: number | readonly number[] = 0.005,
): Candle[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!;
    const s = typeof spread === 'number' ? spread : (spread[i] ?? 0.005);
    return {
      ts: T0 + i * HOUR,
      open,
      high: Math.max(open, close) * (1 + s),
      low: Math.min(open, close) * (1 - s),
      close,
      volume: 1000,
    };
  });
}

/** `n` closes growing (or shrinking) by `rate` per candle from `from`: constant ATR% ramps. */
export function geometric(n: number, from: number, rate: number): number[] {
  return Array.from({ length: n }, (_, i) => from * (1 + rate) ** i);
}

/** `n` closes going linearly from `from` to `to` (inclusive of `from`, exclusive of `to`). */
export function linear(n: number, from: number, to: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / n);
}

/** `n` closes of a sine wave around `mid` with amplitude `amp` and `period` candles. */
export function sine(n: number, mid: number, amp: number, period: number, phase = 0): number[] {
  return Array.from(
    { length: n },
    (_, i) => mid + amp * Math.sin((2 * Math.PI * (i + phase)) / period),
  );
}

/** `n` copies of `value`. */
export function flat(n: number, value: number): number[] {
  return Array.from({ length: n }, () => value);
}

/** Deterministic pseudo-random walk (LCG), for long series and lookahead tests. */
export function randomWalk(n: number, from: number, stepPct: number, seed = 7): number[] {
  let s = seed;
  let price = from;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    price *= 1 + (s / 2147483648 - 0.5) * 2 * stepPct;
    out.push(price);
  }
  return out;
}
