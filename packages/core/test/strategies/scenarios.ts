// Test-only price paths, one per built-in strategy, each shaped so that strategy's buy and sell
// setups happen at known candles (the comments give the index ranges of each leg).
import { flat, geometric, sine } from './synthetic.js';

const last = (a: readonly number[]): number => a[a.length - 1]!;

/**
 * Momentum: 0–59 sideways (±2 % waves of 10), 60–71 a dip of −1.5 % a candle (RSI ≈ 13),
 * 72–86 a rebound of +2 % a candle (RSI back through 30 at 74, overbought by ~80), 87–106 a
 * slide of −1 % a candle (RSI back under 70 at 90, MACD below signal at 94).
 */
export function momentumPath(): number[] {
  const base = sine(60, 100, 2, 10);
  const dip = geometric(12, last(base), -0.015);
  const rebound = geometric(15, last(dip), 0.02);
  const slide = geometric(20, last(rebound), -0.01);
  return [...base, ...dip, ...rebound, ...slide];
}

/**
 * Mean reversion: 0–39 ±1 % waves of 10, then 40–47 a two-candle drop to 94 (41, below the lower
 * band), a close back inside at 96 (42), a recovery through the middle band (45), then 48–57
 * waves again.
 */
export function meanReversionPath(): number[] {
  return [
    ...sine(40, 100, 1, 10),
    97,
    94,
    96,
    97.5,
    98.5,
    99.5,
    100.5,
    101,
    ...sine(10, 100, 1, 10),
  ];
}

/**
 * Trend following: 0–79 ±1 % waves of 10 (no trend), 80–119 +0.6 % a candle (the setup completes
 * when ADX reaches 20 at 87), 120–169 −0.6 % a candle (−DI over +DI at 129, MAs cross at 144).
 */
export function trendPath(): number[] {
  const base = sine(80, 100, 1, 10);
  const up = geometric(40, last(base), 0.006);
  const down = geometric(50, last(up), -0.006);
  return [...base, ...up, ...down];
}

/**
 * Breakout: 0–39 ±2 % waves of 10 (20-candle high ≈ 102.4), 40–44 a jump to 103 then 110 (the close
 * at 40 clears the channel by 0.3 ATR), 45–59 a fade of −1 % a candle (under the 10-candle low at 52).
 */
export function breakoutPath(): number[] {
  return [...sine(40, 100, 2, 10), 103, 106, 108, 109, 110, ...geometric(15, 110, -0.01)];
}

/** A flat market: no setup anywhere (RSI 0, bands and channels collapsed, ADX undefined). */
export function flatPath(n = 120): number[] {
  return flat(n, 100);
}
