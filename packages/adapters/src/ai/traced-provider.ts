import type { Clock, Decision, DecisionInput } from '@numerusx/core';
import { DailyBudget } from './budget.js';
import { CallGuard } from './call-guard.js';
import type { ResolvedAiOptions } from './config.js';
import { decideInOneStep, decideInThreeSteps, type Outcome } from './decision-flows.js';
import { holdDecision } from './hold.js';
import { ModelSession } from './model-session.js';
import type {
  BudgetExhaustedEvent,
  CircuitState,
  DecisionTrace,
  ModelCallTrace,
  ModelTransport,
  TracedDecision,
  TracedDecisionProvider,
} from './types.js';

/** What a model provider needs from the runtime besides its settings. */
export interface AiProviderDeps {
  /** Dates: the budget's day is the UTC day of clock.now(). */
  readonly clock: Clock;
  /**
   * Called once per UTC day, the first time a decision is refused for the budget. The runtime
   * switches to the rules provider and raises a system:alert. An error it throws is ignored.
   */
  readonly onBudgetExhausted?: (event: BudgetExhaustedEvent) => void;
  /** Breaker transitions, for alerts and /bot/status. An error it throws is ignored. */
  readonly onCircuitStateChange?: (state: CircuitState) => void;
  /** A budget shared with other providers on the same account; default one from options.budget. */
  readonly budget?: DailyBudget;
  /**
   * Monotonic milliseconds for latencies, default performance.now(). A duration is not a date, so
   * it does not come from the Clock: a simulated clock would report every call as instant.
   */
  readonly stopwatch?: () => number;
}

/**
 * Builds a TracedDecisionProvider around one model transport (gemini.ts, openai.ts): budget,
 * breaker, retries and deadline, prompt, validation and sanity rules, single or multi-step. Every
 * path ends in a Decision and a trace; decide() and decideTraced() never reject.
 */
export function createTracedProvider(
  transport: ModelTransport,
  options: ResolvedAiOptions,
  deps: AiProviderDeps,
): TracedDecisionProvider {
  const id = transport.provider;
  const stopwatch = deps.stopwatch ?? (() => performance.now());
  const budget = deps.budget ?? new DailyBudget(deps.clock, options.budget);
  const guard = new CallGuard(
    {
      name: `${id}:${options.model}`,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      minBackoffMs: options.minBackoffMs,
      maxBackoffMs: options.maxBackoffMs,
      breaker: options.breaker,
    },
    (state) => {
      quietly(() => deps.onCircuitStateChange?.(state));
    },
  );

  const onBudgetRefusal = (limit: 'tokens' | 'cost'): void => {
    if (deps.onBudgetExhausted === undefined || !budget.claimNotice()) return;
    const event: BudgetExhaustedEvent = {
      ...budget.snapshot(),
      provider: id,
      model: options.model,
      limit,
    };
    const notify = deps.onBudgetExhausted;
    quietly(() => {
      notify(event);
    });
  };
  const context = { transport, options, guard, budget, stopwatch, onBudgetRefusal };

  async function decideTraced(input: DecisionInput): Promise<TracedDecision> {
    const started = stopwatch();
    const session = new ModelSession(context);
    let outcome: Outcome;
    try {
      outcome =
        options.mode === 'multi-step'
          ? await decideInThreeSteps(session, input)
          : await decideInOneStep(session, input);
    } catch (error) {
      // Only a bug gets here (every expected failure is a StepFailure); it must still not trade.
      const message = error instanceof Error ? error.message : String(error);
      const why = `${id} failed unexpectedly: ${message}`;
      outcome = {
        decision: holdDecision(input.pair, why),
        validation: { ok: false, reason: 'no-answer', issues: [why] },
        fallback: 'internal-error',
        error: { code: 'INTERNAL_ERROR', message },
      };
    }
    return {
      decision: outcome.decision,
      trace: traceOf(id, options, session.calls, outcome, stopwatch() - started),
    };
  }

  return {
    id,
    model: options.model,
    decideTraced,
    async decide(input: DecisionInput): Promise<Decision> {
      return (await decideTraced(input)).decision;
    },
    status() {
      return { circuit: guard.state, budget: budget.snapshot() };
    },
    close() {
      guard.close();
    },
  };
}

/** Totals over the calls; texts joined under a `### step` header when there are several. */
function traceOf(
  provider: string,
  options: ResolvedAiOptions,
  calls: readonly ModelCallTrace[],
  outcome: Outcome,
  latencyMs: number,
): DecisionTrace {
  const join = (pick: (c: ModelCallTrace) => string): string =>
    calls.length === 1
      ? pick(calls[0]!)
      : calls.map((c) => `### ${c.step}\n${pick(c)}`).join('\n\n');
  let tokensIn = 0;
  let tokensOut = 0;
  let costUsd = 0;
  let attempts = 0;
  for (const c of calls) {
    tokensIn += c.tokensIn;
    tokensOut += c.tokensOut;
    costUsd += c.costUsd;
    attempts += c.attempts;
  }
  return {
    provider,
    model: options.model,
    mode: options.mode,
    prompt: join((c) => c.prompt),
    rawResponse: join((c) => c.rawResponse),
    tokensIn,
    tokensOut,
    costUsd,
    latencyMs,
    validation: outcome.validation,
    attempts,
    ...(outcome.fallback === undefined ? {} : { fallback: outcome.fallback }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    calls,
  };
}

/** Runs a runtime callback; its failure is the runtime's problem, never the decision's. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Deliberately ignored: see AiProviderDeps.
  }
}
