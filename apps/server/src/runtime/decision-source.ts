/**
 * The AI layer as the loop sees it: the configured provider (offline rules by default, a model when
 * NUMERUSX_AI_PROVIDER says so) with the fallback the issue asks for: once a model's daily budget
 * is spent, the rules provider decides until the budget's day turns, and a `system:alert` says so.
 */
import { createRulesProvider, type DecisionInput, type DecisionProvider } from '@numerusx/core';
import type { BudgetExhaustedEvent, TracedDecisionProvider } from '@numerusx/adapters';
import type { Answer } from './decision-record.js';

export interface DecisionSourceEvents {
  /** The model's budget ran out: the rules provider takes over. */
  onFallback(event: BudgetExhaustedEvent): void;
  /** The model's budget is available again (a new UTC day). */
  onRecovered(provider: string): void;
}

export class DecisionSource {
  private readonly rules: DecisionProvider = createRulesProvider();
  private fallingBack = false;

  constructor(
    private readonly model: TracedDecisionProvider | undefined,
    private readonly events: DecisionSourceEvents,
  ) {}

  /** Which provider decides now. */
  get active(): string {
    return this.model === undefined || this.fallingBack ? this.rules.id : this.model.id;
  }

  get usingFallback(): boolean {
    return this.fallingBack;
  }

  /** The model's `onBudgetExhausted`: wire it when building the model provider. */
  budgetExhausted(event: BudgetExhaustedEvent): void {
    if (this.fallingBack) return;
    this.fallingBack = true;
    this.events.onFallback(event);
  }

  async decide(input: DecisionInput): Promise<Answer> {
    if (this.model !== undefined && this.fallingBack && !this.model.status().budget.exhausted) {
      this.fallingBack = false;
      this.events.onRecovered(this.model.id);
    }
    if (this.model !== undefined && !this.fallingBack) {
      const { decision, trace } = await this.model.decideTraced(input);
      // A refusal for the budget arrives as a hold; from the next decision on the rules decide.
      return {
        decision,
        trace,
        provider: this.model.id,
        model: this.model.model,
        latencyMs: trace.latencyMs,
      };
    }
    const started = performance.now();
    const decision = await this.rules.decide(input);
    return {
      decision,
      trace: undefined,
      provider: this.rules.id,
      model: null,
      latencyMs: performance.now() - started,
    };
  }

  close(): void {
    this.model?.close();
  }
}
