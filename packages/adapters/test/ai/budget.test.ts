import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '@numerusx/core';
import { DailyBudget } from '../../src/index.js';

const DAY = 86_400_000;
const MIDNIGHT = Date.UTC(2024, 2, 1); // 2024-03-01 00:00 UTC

describe('DailyBudget', () => {
  it('resets at UTC midnight of the injected clock', () => {
    const clock = new SimulatedClock(MIDNIGHT + DAY - 1); // 23:59:59.999 UTC
    const budget = new DailyBudget(clock, { maxTokensPerDay: 100, maxCostUsdPerDay: null });
    budget.record(100, 0.01);
    expect(budget.exhaustedBy()).toBe('tokens');
    clock.set(MIDNIGHT + DAY); // 2024-03-02 00:00 UTC
    expect(budget.exhaustedBy()).toBeNull();
    expect(budget.snapshot()).toMatchObject({ day: '2024-03-02', tokens: 0, costUsd: 0 });
  });

  it('stops on cost as well as tokens', () => {
    const budget = new DailyBudget(new SimulatedClock(MIDNIGHT), {
      maxTokensPerDay: null,
      maxCostUsdPerDay: 0.05,
    });
    budget.record(10, 0.049);
    expect(budget.exhaustedBy()).toBeNull();
    budget.record(10, 0.001);
    expect(budget.exhaustedBy()).toBe('cost');
  });

  it('announces exhaustion once per day', () => {
    const clock = new SimulatedClock(MIDNIGHT);
    const budget = new DailyBudget(clock, { maxTokensPerDay: 0, maxCostUsdPerDay: null });
    expect([budget.claimNotice(), budget.claimNotice()]).toEqual([true, false]);
    clock.set(MIDNIGHT + DAY);
    expect(budget.claimNotice()).toBe(true);
  });

  it('restores today’s spend after a restart and ignores another day’s', () => {
    const budget = new DailyBudget(new SimulatedClock(MIDNIGHT + 5), {
      maxTokensPerDay: 1_000,
      maxCostUsdPerDay: null,
    });
    budget.restore({ day: '2024-02-29', tokens: 5_000, costUsd: 1 });
    expect(budget.exhaustedBy()).toBeNull();
    budget.restore({ day: '2024-03-01', tokens: 1_000, costUsd: 0.2 });
    expect(budget.snapshot()).toMatchObject({ tokens: 1_000, costUsd: 0.2, exhausted: true });
  });
});
