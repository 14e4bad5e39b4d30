import type { Decision, DecisionInput, DecisionProvider } from '@numerusx/core';
import type { AnswerSchema } from './schema.js';

/**
 * Why a provider answered HOLD instead of the model's proposal. Every one of them is a hold, never a
 * trade and never a thrown error: the bot loop keeps running and the trace says what happened.
 */
export type FallbackReason =
  /** The UTC day's token or cost budget is spent; no request was sent. */
  | 'budget-exhausted'
  /** The circuit breaker is open after repeated failures; no request was sent. */
  | 'circuit-open'
  /** Every attempt outlived `timeoutMs`. */
  | 'timeout'
  /** HTTP 429 until the retries ran out. */
  | 'rate-limited'
  /** 5xx, 408 or a lost connection until the retries ran out. */
  | 'unavailable'
  /** The endpoint refused the request itself (400, 401, 403, 404…): a setting to fix, not retried. */
  | 'rejected'
  /** The model declined to answer (a safety block or an explicit refusal). */
  | 'refused'
  /** The answer failed JSON parsing, the decision schema or the sanity rules. */
  | 'invalid-answer'
  /** A fault in the provider itself (a bug): caught so that decide() still holds instead of throwing. */
  | 'internal-error';

/** Where validation stopped: nothing to read, unreadable JSON, wrong shape, or a shape that makes no sense. */
export type ValidationReason = 'no-answer' | 'malformed-json' | 'schema' | 'sanity';

/**
 * The validation result stored with every decision. `adjustments` lists what was changed on a valid
 * answer (a size clipped to maxPositionUsd, a sell sized to the whole position).
 */
export type Validation =
  | { readonly ok: true; readonly adjustments: readonly string[] }
  | {
      readonly ok: false;
      readonly reason: ValidationReason;
      readonly issues: readonly string[];
    };

/** One request-and-answer exchange with the model (one per step in multi-step mode). */
export type CallStep = 'decide' | 'analyse' | 'propose' | 'critique';

export interface ModelCallTrace {
  readonly step: CallStep;
  /** The full text sent: the system text and the user text, each under its label. */
  readonly prompt: string;
  /** The model's text as received ('' when no answer came back). */
  readonly rawResponse: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly costUsd: number;
  readonly latencyMs: number;
  /** HTTP requests made for this step: retries and the json_object fallback included. */
  readonly attempts: number;
}

/**
 * Everything the runtime stores with a decision (the `ai_decisions` row): totals over all calls, with
 * each call kept in `calls` for the multi-step timeline. `prompt` and `rawResponse` join the calls'
 * texts under a `### step` header when there is more than one, and are '' when nothing was sent.
 */
export interface DecisionTrace {
  readonly provider: string;
  readonly model: string;
  readonly mode: ProviderMode;
  readonly prompt: string;
  readonly rawResponse: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly costUsd: number;
  /** Wall time of the whole decideTraced() call, retries and backoff included. */
  readonly latencyMs: number;
  readonly validation: Validation;
  readonly attempts: number;
  readonly fallback?: FallbackReason;
  /** The translated error behind a fallback (code from core's error hierarchy); message only, no stack. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly calls: readonly ModelCallTrace[];
}

export interface TracedDecision {
  readonly decision: Decision;
  readonly trace: DecisionTrace;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BudgetSnapshot {
  /** The UTC day the counters belong to, `YYYY-MM-DD`. */
  readonly day: string;
  readonly tokens: number;
  readonly costUsd: number;
  readonly maxTokensPerDay: number | null;
  readonly maxCostUsdPerDay: number | null;
  readonly exhausted: boolean;
}

export interface BudgetExhaustedEvent extends BudgetSnapshot {
  readonly provider: string;
  readonly model: string;
  /** Which limit was reached first. */
  readonly limit: 'tokens' | 'cost';
}

/**
 * A DecisionProvider that also returns what it sent, what came back and what it cost. decide()
 * delegates to decideTraced() and drops the trace; neither ever rejects.
 */
export interface TracedDecisionProvider extends DecisionProvider {
  readonly model: string;
  decideTraced(input: DecisionInput): Promise<TracedDecision>;
  decide(input: DecisionInput): Promise<Decision>;
  /** For /bot/status and alerts: breaker state and today's spend. */
  status(): { readonly circuit: CircuitState; readonly budget: BudgetSnapshot };
  /** Stops the breaker's statistics timer; later decisions still hold safely. */
  close(): void;
}

/** `single`: one call that answers the decision. `multi-step`: analyse → propose → self-critique. */
export type ProviderMode = 'single' | 'multi-step';

/** What one call asks of the model: a system text, a user text and the JSON shape of the answer. */
export interface ModelRequest {
  readonly system: string;
  readonly user: string;
  readonly schema: AnswerSchema;
  /** Aborted when the attempt's timeout fires. */
  readonly signal: AbortSignal;
  /** Called once per HTTP request the transport sends, so retries and fallbacks are counted. */
  readonly onRequest: () => void;
}

export interface ModelReply {
  /** The answer text ('' when the model sent none). */
  readonly text: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** Set when the model declined to answer; the text is then not used. */
  readonly refusal?: string;
  /** True when the answer stopped at maxOutputTokens (its JSON is then usually cut short). */
  readonly truncated?: boolean;
}

/**
 * One model API behind one SDK. It sends one request (or two, for a documented format fallback)
 * and throws the SDK's errors as they come; the call guard translates, retries and counts them.
 */
export interface ModelTransport {
  readonly provider: string;
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelReply>;
}
