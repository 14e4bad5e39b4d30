import { NumerusError } from '@numerusx/core';
import type { DailyBudget } from './budget.js';
import type { CallGuard } from './call-guard.js';
import type { ResolvedAiOptions } from './config.js';
import { fallbackOf, translateModelError } from './model-errors.js';
import { parseAnswer } from './parse-answer.js';
import { promptText, type Prompt } from './prompt.js';
import type { AnswerSchema } from './schema.js';
import type {
  CallStep,
  FallbackReason,
  ModelCallTrace,
  ModelTransport,
  Validation,
} from './types.js';

/** Why a step produced no usable answer, ready to become a HOLD and its trace. */
export interface StepFailure {
  readonly ok: false;
  readonly fallback: FallbackReason;
  /** One sentence for the decision's reasoning. */
  readonly why: string;
  readonly validation: Validation & { readonly ok: false };
  readonly error?: { readonly code: string; readonly message: string };
}

export type StepResult<T> = { readonly ok: true; readonly value: T } | StepFailure;

/** What a session shares with the provider that opened it. */
export interface SessionContext {
  readonly transport: ModelTransport;
  readonly options: ResolvedAiOptions;
  readonly guard: CallGuard;
  readonly budget: DailyBudget;
  readonly stopwatch: () => number;
  /** Told which limit ran out, each time a call is refused for the budget. */
  readonly onBudgetRefusal: (limit: 'tokens' | 'cost') => void;
}

/**
 * The calls of one decision. ask() checks the budget, runs the call under the guard, charges the
 * budget, records the exchange for the trace and parses the answer; it never throws. Every call
 * that sent at least one request is recorded, failed ones included (their prompt was sent).
 */
export class ModelSession {
  readonly calls: ModelCallTrace[] = [];

  constructor(private readonly ctx: SessionContext) {}

  async ask<T>(step: CallStep, prompt: Prompt, schema: AnswerSchema): Promise<StepResult<T>> {
    const { transport, options, guard, budget, stopwatch } = this.ctx;
    const limit = budget.exhaustedBy();
    if (limit !== null) {
      this.ctx.onBudgetRefusal(limit);
      return failure(
        'budget-exhausted',
        `the daily ${limit} budget of ${transport.provider} is spent, so no request was sent`,
      );
    }
    let requests = 0;
    const started = stopwatch();
    const record = (rawResponse: string, tokensIn: number, tokensOut: number): number => {
      const costUsd =
        (tokensIn * options.pricing.inputUsdPerMillion +
          tokensOut * options.pricing.outputUsdPerMillion) /
        1e6;
      this.calls.push({
        step,
        prompt: promptText(prompt),
        rawResponse,
        tokensIn,
        tokensOut,
        costUsd,
        latencyMs: stopwatch() - started,
        attempts: requests,
      });
      return costUsd;
    };
    try {
      const reply = await guard.run((signal) =>
        transport.complete({
          system: prompt.system,
          user: prompt.user,
          schema,
          signal,
          onRequest: () => {
            requests++;
          },
        }),
      );
      budget.record(
        reply.tokensIn + reply.tokensOut,
        record(reply.text, reply.tokensIn, reply.tokensOut),
      );
      if (reply.refusal !== undefined) {
        return failure('refused', `the model declined to answer (${reply.refusal})`);
      }
      const parsed = parseAnswer<T>(reply.text, schema);
      if (parsed.ok) return parsed;
      const validation =
        reply.truncated === true
          ? {
              ...parsed.validation,
              issues: [
                ...parsed.validation.issues,
                `the answer stopped at maxOutputTokens (${options.maxOutputTokens})`,
              ],
            }
          : parsed.validation;
      return {
        ok: false,
        fallback: 'invalid-answer',
        why: `the model's ${step} answer was invalid: ${validation.issues.join('; ')}`,
        validation,
      };
    } catch (thrown) {
      // Failed attempts report no usage, so nothing is charged: an aborted request may still be
      // billed by the vendor, which only the vendor's console shows.
      if (requests > 0) record('', 0, 0);
      const error = thrown instanceof NumerusError ? thrown : translateModelError(thrown, null);
      const fallback = fallbackOf(error);
      return failure(fallback, failureText(fallback, transport.provider, error.message), {
        code: error.code,
        message: error.message,
      });
    }
  }
}

export function failure(
  fallback: FallbackReason,
  why: string,
  error?: { readonly code: string; readonly message: string },
): StepFailure {
  const base = {
    ok: false as const,
    fallback,
    why,
    validation: { ok: false as const, reason: 'no-answer' as const, issues: [why] },
  };
  return error === undefined ? base : { ...base, error };
}

function failureText(fallback: FallbackReason, provider: string, message: string): string {
  switch (fallback) {
    case 'timeout':
      return `${provider} did not answer in time (${message})`;
    case 'rate-limited':
      return `${provider} kept rate-limiting the requests (429): ${message}`;
    case 'circuit-open':
      return `${provider} failed repeatedly and its circuit breaker is open, so no request was sent`;
    case 'rejected':
      return `${provider} rejected the request: ${message}`;
    default:
      return `${provider} is unavailable: ${message}`;
  }
}
