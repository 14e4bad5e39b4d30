import type { Decision } from '../decisions/types.js';
import type { RiskVerdict } from '../risk/risk-gate.js';

/**
 * Counts what the AI layer proposed and what the risk gate made of it over a backtest, so a user can
 * see why a strategy traded less than its signals suggest (e.g. 40 buys vetoed by `cooldown`).
 */
export class DecisionTally {
  private proposed = 0;
  private approved = 0;
  private resized = 0;
  private vetoed = 0;
  private readonly vetoRules = new Map<string, number>();
  private readonly strategyErrors = new Map<string, number>();

  record(decision: Decision, verdict: RiskVerdict): void {
    if (decision.action === 'hold') return;
    this.proposed++;
    if (verdict.verdict === 'approve') this.approved++;
    else if (verdict.verdict === 'resize') this.resized++;
    else {
      this.vetoed++;
      for (const r of verdict.reasons) {
        this.vetoRules.set(r.rule, (this.vetoRules.get(r.rule) ?? 0) + 1);
      }
    }
  }

  strategyError(message: string): void {
    this.strategyErrors.set(message, (this.strategyErrors.get(message) ?? 0) + 1);
  }

  summary(): {
    proposed: number;
    approved: number;
    resized: number;
    vetoed: number;
    vetoReasons: Record<string, number>;
    strategyErrors: Record<string, number>;
  } {
    return {
      proposed: this.proposed,
      approved: this.approved,
      resized: this.resized,
      vetoed: this.vetoed,
      vetoReasons: Object.fromEntries([...this.vetoRules].sort(([a], [b]) => a.localeCompare(b))),
      strategyErrors: Object.fromEntries(this.strategyErrors),
    };
  }
}
