import { describe, expect, it } from 'vitest';
import { dailyPnl, drawdownFromPeak } from '../../src/lib/portfolio-math';

const DAY = 86_400_000;

describe('drawdown from peak', () => {
  it('is null without any equity', () => {
    expect(drawdownFromPeak([], null)).toBeNull();
  });

  it('compares the current equity with the highest point recorded', () => {
    const points = [
      { ts: 0, equity: 10_000 },
      { ts: DAY, equity: 12_000 },
      { ts: 2 * DAY, equity: 11_000 },
    ];
    const dd = drawdownFromPeak(points, { ts: 3 * DAY, equity: 9_000 });
    expect(dd).toEqual({ peak: 12_000, peakTs: DAY, current: 9_000, abs: -3_000, pct: -0.25 });
  });

  it('is zero at a new high, and uses the last point when there is no current value', () => {
    expect(drawdownFromPeak([{ ts: 0, equity: 100 }], { ts: 1, equity: 120 })?.pct).toBe(0);
    expect(
      drawdownFromPeak(
        [
          { ts: 0, equity: 100 },
          { ts: 1, equity: 90 },
        ],
        null,
      )?.pct,
    ).toBeCloseTo(-0.1, 12);
  });
});

describe('PnL by day', () => {
  it('is each day’s equity change against the previous day, newest first', () => {
    const days = dailyPnl([
      { ts: 0, equity: 1_000 },
      { ts: DAY, equity: 1_100 },
      { ts: 2 * DAY, equity: 990 },
    ]);
    expect(days.map((d) => d.ts)).toEqual([2 * DAY, DAY, 0]);
    expect(days[0]!.change).toBeCloseTo(-110, 9);
    expect(days[0]!.changePct).toBeCloseTo(-0.1, 12);
    expect(days[1]!.change).toBe(100);
    expect(days[2]!.change).toBeNull();
    expect(days[2]!.changePct).toBeNull();
  });
});
