import { describe, expect, it } from 'vitest';
import { tickPath, tickTime } from '../../src/index.js';

interface PathCase {
  readonly name: string;
  readonly ohlc: readonly [number, number, number, number];
  readonly count: number;
  readonly path: readonly number[];
}

const cases: PathCase[] = [
  {
    name: 'low nearer the open: open → low → high → close',
    ohlc: [100, 110, 95, 105], // open−low 5 < high−open 10
    count: 4,
    path: [100, 95, 110, 105],
  },
  {
    name: 'high nearer the open: open → high → low → close',
    ohlc: [105, 106, 90, 92], // high−open 1 < open−low 15
    count: 4,
    path: [105, 106, 90, 92],
  },
  {
    name: 'open midway, up candle: the dip comes first (away from the close)',
    ohlc: [92, 93, 91, 92.5],
    count: 4,
    path: [92, 91, 93, 92.5],
  },
  {
    name: 'open midway, down candle: the spike comes first',
    ohlc: [92, 93, 91, 91.5],
    count: 4,
    path: [92, 93, 91, 91.5],
  },
  {
    name: '4 extra ticks spread by leg length: legs 5, 15, 5 → 0.8, 2.4, 0.8 → 1, 2, 1',
    ohlc: [100, 110, 95, 105],
    count: 8,
    //      leg 1 (+1)   leg 2 (+2)          leg 3 (+1)
    path: [100, 97.5, 95, 100, 105, 110, 107.5, 105],
  },
  {
    name: 'flat candle: every tick at the one price',
    ohlc: [50, 50, 50, 50],
    count: 6,
    path: [50, 50, 50, 50, 50, 50],
  },
];

describe('tickPath', () => {
  it.each(cases)('$name', ({ ohlc: [open, high, low, close], count, path }) => {
    const got = tickPath({ ts: 0, open, high, low, close, volume: 1 }, count);
    expect(got).toEqual(path);
    expect(got).toHaveLength(count);
  });

  it('always shows both extremes, whatever the tick count', () => {
    const c = { ts: 0, open: 10, high: 13.7, low: 8.1, close: 12.2, volume: 1 };
    for (let n = 4; n < 40; n++) {
      const p = tickPath(c, n);
      expect(Math.max(...p)).toBe(13.7);
      expect(Math.min(...p)).toBe(8.1);
      expect([p[0], p[n - 1]]).toEqual([10, 12.2]);
    }
  });

  it('refuses fewer than 4 ticks: open, two extremes and close need four', () => {
    const c = { ts: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 };
    expect(() => tickPath(c, 3)).toThrow(/≥ 4/);
  });

  it('spaces tick times evenly from the open', () => {
    expect([0, 1, 2, 3].map((k) => tickTime(1000, 3_600_000, k, 4))).toEqual([
      1000, 901_000, 1_801_000, 2_701_000,
    ]);
  });
});
