import { describe, expect, it } from 'vitest';
import { checkGuard, guardFor, type PositionGuard } from '../../src/risk/position-guard.js';

/** Runs a price path through the guard; returns the exit (if any) and the guard after each tick. */
function walk(g: PositionGuard, prices: readonly number[]) {
  let guard = g;
  for (const [i, price] of prices.entries()) {
    const r = checkGuard(guard, price);
    if (r.exit) return { at: i, exit: r.exit, guard };
    guard = r.guard;
  }
  return { at: -1, exit: undefined, guard };
}

describe('position guard (stop-loss, take-profit, trailing stop on ticks)', () => {
  it.each([
    // entry 100, stop 95, target 110
    // never above the entry: the trail (5 % under 100) equals the fixed stop, which is the one hit
    { path: [99, 96, 95], at: 2, reason: 'stop-loss', level: 95 },
    // a high of 101 lifts the trail to 95.95: the fall to 95.9 exits there, not at 95
    { path: [101, 99, 96, 95.9], at: 3, reason: 'trailing-stop', level: 101 * 0.95 },
    { path: [104, 108, 110.5], at: 2, reason: 'take-profit', level: 110 }, // target crossed
    // rises to 108: the trail (5 % under the high) is 102.6 > 95, so 102 exits on the trailing stop
    { path: [104, 108, 106, 102], at: 3, reason: 'trailing-stop', level: 108 * 0.95 },
    { path: [101, 102, 98, 103], at: -1, reason: undefined, level: undefined }, // nothing crossed
  ])('path $path → $reason at tick $at', ({ path, at, reason, level }) => {
    const r = walk(guardFor(100, 95, 110), path);
    expect(r.at).toBe(at);
    expect(r.exit?.reason).toBe(reason);
    if (level !== undefined) expect(r.exit?.level).toBeCloseTo(level, 9);
  });

  it('a price through both levels in one gap exits on the stop (adverse first)', () => {
    // A stop above the target cannot come from guardFor; a raised trail can meet a low target.
    const g: PositionGuard = { stopLoss: 95, takeProfit: 101, trailPct: 0.05, highWater: 110 };
    expect(checkGuard(g, 100).exit?.reason).toBe('trailing-stop');
  });

  it('ignores a stop above the entry or a target below it (nonsense levels are not armed)', () => {
    const g = guardFor(100, 105, 90);
    expect(g).toEqual({ stopLoss: null, takeProfit: null, trailPct: null, highWater: 100 });
    expect(walk(g, [50, 200]).exit).toBeUndefined();
  });

  it('raises the high-water mark only on new highs', () => {
    const g = guardFor(100, 90, null);
    expect(walk(g, [104, 103, 107, 101]).guard.highWater).toBe(107);
  });
});
