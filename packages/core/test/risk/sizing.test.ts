import { describe, expect, it } from 'vitest';
import { atrSize, fixedFractionSize, kellySize, kellyStats } from '../../src/risk/sizing.js';
import { history } from './fixtures.js';

const kellyConfig = {
  kellyFraction: 0.5,
  kellyMinTrades: 5,
  maxPositionPct: 0.25,
  riskFraction: 0.1,
};

describe('fixedFractionSize', () => {
  it.each([
    // equity  fraction  size
    [10_000, 0.1, 1_000], // 10 000 × 0.1
    [2_500, 0.02, 50], // 2 500 × 0.02
    [0, 0.1, 0], // nothing to risk
    [-100, 0.1, 0], // negative equity never gives a negative size
  ])('%d × %d → %d', (equity, fraction, size) => {
    expect(fixedFractionSize(equity, fraction).sizeUsd).toBeCloseTo(size, 9);
  });
});

describe('atrSize', () => {
  it.each([
    // equity  price  atr  risk   k    size
    [10_000, 100, 2, 0.01, 2, 2_500], // 100 risk / (2×2) = 25 units × 100
    [10_000, 100, 5, 0.01, 2, 1_000], // 100 / 10 = 10 × 100
    [10_000, 20, 0.5, 0.02, 3, 2_666.6666666667], // 200 / 1.5 = 133.33 × 20
    [10_000, 100, Number.NaN, 0.01, 2, 0], // warm-up: no ATR, no size
    [10_000, 100, 0, 0.01, 2, 0], // a flat market has no stop distance
  ])('equity %d price %d atr %d → %d', (equity, price, atr, riskFraction, stopMultiple, size) => {
    const r = atrSize({ equity, price, atr, riskFraction, stopMultiple });
    expect(r.sizeUsd).toBeCloseTo(size, 6);
    expect(r.reasons[0]?.rule).toBe(size > 0 ? 'sizing-atr' : 'atr-unavailable');
  });
});

describe('kellyStats', () => {
  it.each([
    // pnls                                    W     R          f* = W − (1 − W)/R
    [[30, 30, 30, -20, -20], 0.6, 1.5, 1 / 3], // 0.6 − 0.4/1.5
    [[10, -10, 10, -10], 0.5, 1, 0], // coin flip at even odds: no edge
    [[40, -10, -10, -10], 0.25, 4, 0.0625], // 0.25 − 0.75/4
    [[10, 0, -10, 0], 0.25, 1, -0.5], // breakevens lower W: 0.25 − 0.75/1
    [[10, 20], 1, Number.POSITIVE_INFINITY, 1], // no loss: f* = W
    [[-10, -20], 0, 0, -1], // no win: no edge
    [[], 0, 0, -1], // nothing known
  ])('%o → W %d R %d f* %d', (pnls, winRate, payoff, kelly) => {
    const s = kellyStats(history(pnls));
    expect(s.winRate).toBeCloseTo(winRate, 12);
    expect(s.payoff).toBeCloseTo(payoff, 12);
    expect(s.kelly).toBeCloseTo(kelly, 12);
  });
});

describe('kellySize', () => {
  it.each([
    // pnls                         size                                rules
    [[30, 30, 30, -20, -20], 10_000 / 6, ['sizing-kelly']], // f* 1/3 × 0.5 = 1/6 of 10 000
    [[40, -10, -10, -10, 40], 1_250, ['sizing-kelly']], // W 0.4, R 40/10 = 4, f* 0.4 − 0.6/4 = 0.25, × 0.5 = 0.125
    [[10, 10, 10, 10, 10], 2_500, ['sizing-kelly']], // f* 1 × 0.5 = 0.5, clamped to 0.25
    [[10, -10, 10, -10, 10, -10], 0, ['kelly-no-edge']], // f* 0.5 − 0.5/1 = 0
    [[10, 10, -10, -10], 1_000, ['sizing-fixed-fraction', 'kelly-fallback']], // 4 < 5 trades: 0.1 × 10 000
  ])('%o → %d', (pnls, size, rules) => {
    const r = kellySize({ equity: 10_000, trades: history(pnls), config: kellyConfig });
    expect(r.sizeUsd).toBeCloseTo(size, 6);
    expect(r.reasons.map((x) => x.rule)).toEqual(rules);
  });
});
