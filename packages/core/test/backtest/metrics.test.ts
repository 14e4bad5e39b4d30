import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { ClosedTrade } from '../../src/ledger/types.js';
import {
  YEAR_MS,
  buyAndHold,
  computeMetrics,
  type BacktestMetrics,
  type MetricsInput,
} from '../../src/backtest/metrics.js';

const DAY = 86_400_000;
/** Quarterly bars: 4 periods per year, so four points span exactly one year (3 gaps + one bar). */
const QUARTER = YEAR_MS / 4;

const curve = (values: readonly number[], barMs = DAY) =>
  values.map((equity, i) => ({ ts: 1_700_000_000_000 + i * barMs, equity }));

const trade = (pnl: number): ClosedTrade => ({
  pair: 'SOL/USDC',
  side: 'long',
  entryTs: 0,
  entryPrice: 100,
  exitTs: DAY,
  exitPrice: 100 + pnl,
  qty: 1,
  fee: 0,
  pnl,
  exitReason: 'signal',
});

function metrics(over: Partial<MetricsInput>): BacktestMetrics {
  return computeMetrics({
    equity: [],
    trades: [],
    initialCapital: 100,
    barMs: DAY,
    exposedBars: 0,
    totalBars: 0,
    ...over,
  });
}

describe('computeMetrics on a hand-computed curve', () => {
  // equity 100 → 110 → 99 → 108.9, quarterly bars (periodsPerYear 4)
  // r = +0.1, −0.1, +0.1; mean = 0.1/3 = 1/30
  // sample var = ((1/15)² + (−2/15)² + (1/15)²) / 2 = (6/225)/2 = 1/75; std = 0.11547
  // downside dev = sqrt((0 + 0.01 + 0) / 3) = 0.057735
  const m = metrics({
    equity: curve([100, 110, 99, 108.9], QUARTER),
    barMs: QUARTER,
    exposedBars: 3,
    totalBars: 4,
  });

  it.each([
    ['periodsPerYear', 4], // 365.25 d / 91.3125 d
    ['totalReturn', 0.089], // 108.9 / 100 − 1
    ['cagr', 0.089], // years = (3 + 1) bars / 4 = 1 → (1.089)^1 − 1
    ['sharpe', 1 / Math.sqrt(3)], // (1/30) / sqrt(1/75) × √4 = 0.57735
    ['sortino', 2 / Math.sqrt(3)], // (1/30) / sqrt(0.01/3) × √4 = 1.1547
    ['maxDrawdown', 0.1], // 1 − 99/110
    ['calmar', 0.89], // 0.089 / 0.1
    ['maxDrawdownDuration', 2 * QUARTER], // peak at bar 1, still under water at bar 3 (the end)
    ['exposure', 0.75], // 3 of 4 bars
  ] as const)('%s = %d', (key, expected) => {
    expect(m[key]).toBeCloseTo(expected, 12);
  });

  it('annualises by 365.25-day years of bars (crypto trades 24/7)', () => {
    expect(metrics({ barMs: DAY }).periodsPerYear).toBe(365.25);
    expect(metrics({ barMs: 3_600_000 }).periodsPerYear).toBe(8766); // 365.25 × 24
    expect(metrics({ barMs: 300_000 }).periodsPerYear).toBe(105_192); // 8766 × 12
  });
});

describe('trade statistics', () => {
  it.each([
    {
      name: 'mixed, with a breakeven',
      pnls: [30, -10, 20, -20, 0],
      // W 2/5; PF (30 + 20)/(10 + 20); expectancy 20/5; avg win 50/2; avg loss −30/2
      expect: {
        tradeCount: 5,
        winRate: 0.4,
        profitFactor: 50 / 30,
        expectancy: 4,
        averageWin: 25,
        averageLoss: -15,
        bestTrade: 30,
        worstTrade: -20,
      },
    },
    {
      name: 'only wins: profit factor undefined (null, not Infinity)',
      pnls: [10, 20],
      expect: {
        tradeCount: 2,
        winRate: 1,
        profitFactor: null,
        expectancy: 15,
        averageWin: 15,
        averageLoss: null,
        bestTrade: 20,
        worstTrade: 10,
      },
    },
    {
      name: 'only losses: profit factor 0 / 20 = 0',
      pnls: [-5, -15],
      expect: {
        tradeCount: 2,
        winRate: 0,
        profitFactor: 0,
        expectancy: -10,
        averageWin: null,
        averageLoss: -10,
        bestTrade: -5,
        worstTrade: -15,
      },
    },
    {
      name: 'no trades: every trade ratio null',
      pnls: [],
      expect: {
        tradeCount: 0,
        winRate: null,
        profitFactor: null,
        expectancy: null,
        averageWin: null,
        averageLoss: null,
        bestTrade: null,
        worstTrade: null,
      },
    },
  ])('$name', (c) => {
    expect(metrics({ trades: c.pnls.map(trade) })).toMatchObject(c.expect);
  });
});

describe('edge cases', () => {
  it.each([
    {
      name: 'empty curve: nothing happened',
      equity: [],
      expect: {
        totalReturn: 0,
        cagr: null,
        sharpe: null,
        sortino: null,
        calmar: null,
        maxDrawdown: 0,
        maxDrawdownDuration: 0,
      },
    },
    {
      name: 'one point: one bar, no return',
      equity: [100],
      expect: {
        totalReturn: 0,
        cagr: 0,
        sharpe: null,
        sortino: null,
        calmar: null,
        maxDrawdown: 0,
        maxDrawdownDuration: 0,
      },
    },
    {
      name: 'flat: std 0 and no downside → null ratios, no time under water',
      equity: [100, 100, 100],
      expect: {
        totalReturn: 0,
        cagr: 0,
        sharpe: null,
        sortino: null,
        calmar: null,
        maxDrawdown: 0,
        maxDrawdownDuration: 0,
      },
    },
    {
      name: 'steady +1 %: std 0 → Sharpe null',
      equity: [100, 101, 102.01],
      expect: { sharpe: null, sortino: null, maxDrawdown: 0 },
    },
    {
      name: 'wiped out: CAGR −1, drawdown 100 %, the bar after 0 has no return',
      equity: [100, 50, 0, 0],
      // r = −0.5, −1 (0 → 0 skipped); mean −0.75, sample std 0.353553; downside sqrt((0.25 + 1)/2)
      expect: {
        totalReturn: -1,
        cagr: -1,
        maxDrawdown: 1,
        maxDrawdownDuration: 3 * DAY,
        calmar: -1,
      },
    },
    {
      name: 'longest time under water, not the deepest dip',
      equity: [100, 90, 75, 100, 95],
      // dip 1: day 0 → day 3 (recovered at 100); dip 2: day 3 → day 4 (the end); max DD 1 − 75/100
      expect: { maxDrawdown: 0.25, maxDrawdownDuration: 3 * DAY },
    },
  ])('$name', (c) => {
    expect(metrics({ equity: curve(c.equity) })).toMatchObject(c.expect);
  });

  it('wiped out: Sharpe and Sortino from the defined returns only', () => {
    const m = metrics({ equity: curve([100, 50, 0, 0]) });
    expect(m.sharpe).toBeCloseTo((-0.75 / Math.sqrt(0.125)) * Math.sqrt(365.25), 9);
    expect(m.sortino).toBeCloseTo((-0.75 / Math.sqrt(0.625)) * Math.sqrt(365.25), 9);
  });

  it('no bars → exposure 0; every result survives JSON', () => {
    const m = metrics({ equity: curve([100, 120]), trades: [trade(20)] });
    expect(m.exposure).toBe(0);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    const huge = metrics({ equity: curve([100, 1e300]) });
    expect(huge.cagr).toBeNull(); // (1e298)^(365.25/2) overflows: null, not Infinity
    expect(JSON.parse(JSON.stringify(huge))).toEqual(huge);
  });

  it.each([
    [{ initialCapital: 0 }, 'initialCapital > 0'],
    [{ barMs: 0 }, 'barMs > 0'],
  ])('refuses %o', (over, message) => {
    expect(() => metrics(over)).toThrow(ValidationError);
    expect(() => metrics(over)).toThrow(message);
  });
});

describe('buyAndHold', () => {
  // 1 000 at 10 bps: fee 1 → 999 / 100 = 9.99 units; marked 999, 1 198.8, 899.1;
  // sold at 110: 1 098.9 − 1.0989 fee = 1 097.8011
  const r = buyAndHold({
    ts: [0, QUARTER, 2 * QUARTER, 3 * QUARTER],
    close: [100, 120, 90, 110],
    initialCapital: 1_000,
    feeBps: 10,
    barMs: QUARTER,
    pair: 'SOL/USDT',
  });

  it('marks the held quantity at each close and pays both fees', () => {
    const expected = [999, 1198.8, 899.1, 1097.8011];
    expect(r.equity.map((p) => p.ts)).toEqual([0, QUARTER, 2 * QUARTER, 3 * QUARTER]);
    r.equity.forEach((p, i) => {
      expect(p.equity).toBeCloseTo(expected[i]!, 9);
    });
    expect(r.trade).toMatchObject({
      pair: 'SOL/USDT',
      qty: 9.99,
      entryPrice: 100,
      exitPrice: 110,
      exitReason: 'end-of-data',
    });
    expect(r.trade?.fee).toBeCloseTo(2.0989, 9); // 1 + 1.0989
    expect(r.trade?.pnl).toBeCloseTo(97.8011, 9); // 1 097.8011 − 1 000
  });

  it.each([
    ['totalReturn', 0.0978011], // 1 097.8011 / 1 000 − 1
    ['cagr', 0.0978011], // one year of quarterly bars
    ['maxDrawdown', 0.25], // 1 − 899.1 / 1 198.8 = 1 − 90/120
    ['exposure', 1],
    ['tradeCount', 1],
    ['winRate', 1],
  ] as const)('%s = %d', (key, expected) => {
    expect(r.metrics[key]).toBeCloseTo(expected, 9);
  });

  it('no candles: no trade, empty curve; mismatched columns are refused', () => {
    const empty = buyAndHold({ ts: [], close: [], initialCapital: 1_000, feeBps: 10, barMs: DAY });
    expect([empty.trade, empty.equity, empty.metrics.totalReturn]).toEqual([null, [], 0]);
    expect(() =>
      buyAndHold({ ts: [0], close: [], initialCapital: 1_000, feeBps: 10, barMs: DAY }),
    ).toThrow(ValidationError);
  });
});
