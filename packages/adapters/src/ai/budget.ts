import type { Clock } from '@numerusx/core';
import type { BudgetSnapshot } from './types.js';

const DAY_MS = 86_400_000;

export interface DailyBudgetLimits {
  readonly maxTokensPerDay: number | null;
  readonly maxCostUsdPerDay: number | null;
}

/**
 * Tokens and dollars spent on a model per UTC day, where the day is that of the injected clock (so a
 * replayed or simulated run budgets by its own calendar, and a test moves to the next day by moving
 * the clock). A call is refused once a limit is reached; calls already under way are not cut short,
 * so a day can overshoot by the calls in flight when it was reached (each bounded by its prompt
 * plus maxOutputTokens). Usage is only known from an answer, which is why the check cannot be
 * exact in advance. Counters live in memory: after a restart the runtime seeds them from its stored
 * traces with restore(), or the day starts again from zero.
 *
 * One budget may be shared by several providers (a primary and a fallback model on one account).
 */
export class DailyBudget {
  private day = Number.NaN;
  private tokens = 0;
  private costUsd = 0;
  private noticedDay = Number.NaN;

  constructor(
    private readonly clock: Clock,
    private readonly limits: DailyBudgetLimits,
  ) {}

  /** Which limit is reached today, or null when another call may be made. */
  exhaustedBy(): 'tokens' | 'cost' | null {
    this.roll();
    const { maxTokensPerDay, maxCostUsdPerDay } = this.limits;
    if (maxTokensPerDay !== null && this.tokens >= maxTokensPerDay) return 'tokens';
    if (maxCostUsdPerDay !== null && this.costUsd >= maxCostUsdPerDay) return 'cost';
    return null;
  }

  /** Adds one call's usage to today's counters. */
  record(tokens: number, costUsd: number): void {
    this.roll();
    this.tokens += tokens;
    this.costUsd += costUsd;
  }

  /**
   * True the first time it is asked on a UTC day, then false until the next day: exhaustion is
   * announced once per day (an alert per candle would drown the one that matters).
   */
  claimNotice(): boolean {
    this.roll();
    if (this.noticedDay === this.day) return false;
    this.noticedDay = this.day;
    return true;
  }

  /** Seeds today's counters (after a restart); a snapshot of another day is ignored. */
  restore(spent: {
    readonly day: string;
    readonly tokens: number;
    readonly costUsd: number;
  }): void {
    this.roll();
    if (spent.day !== isoDay(this.day)) return;
    this.tokens = Math.max(0, spent.tokens);
    this.costUsd = Math.max(0, spent.costUsd);
  }

  snapshot(): BudgetSnapshot {
    const by = this.exhaustedBy();
    return {
      day: isoDay(this.day),
      tokens: this.tokens,
      costUsd: this.costUsd,
      maxTokensPerDay: this.limits.maxTokensPerDay,
      maxCostUsdPerDay: this.limits.maxCostUsdPerDay,
      exhausted: by !== null,
    };
  }

  /** Starts a new day's counters when the clock has crossed UTC midnight. */
  private roll(): void {
    const day = Math.floor(this.clock.now() / DAY_MS);
    if (day === this.day) return;
    this.day = day;
    this.tokens = 0;
    this.costUsd = 0;
  }
}

function isoDay(day: number): string {
  // Date's own range: beyond it toISOString() throws, and a decision must never throw.
  return Math.abs(day * DAY_MS) <= 8.64e15
    ? new Date(day * DAY_MS).toISOString().slice(0, 10)
    : 'unknown';
}
