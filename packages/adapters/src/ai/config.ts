import { ConfigurationError } from '@numerusx/core';
import type { ProviderMode } from './types.js';

/** When the circuit breaker opens and how long it stays open. */
export interface BreakerOptions {
  /** Calls in the window before the error rate may open the breaker, 1..1000, default 5. */
  readonly minCalls?: number;
  /** Opens when more than this percentage of calls in the window failed, 1..99, default 50. */
  readonly errorRatePct?: number;
  /** Time open before one trial call is let through (half-open), 10 ms..1 h, default 60 s. */
  readonly cooldownMs?: number;
  /** Rolling window the error rate is measured over, 1 s..1 day, default 10 min. */
  readonly windowMs?: number;
}

/** Settings shared by every model provider; each has a default except the model. */
export interface AiProviderOptions {
  readonly model: string;
  /** Sampling temperature, 0..2, default 0.2: a trading decision wants consistency, not flair. */
  readonly temperature?: number;
  /**
   * Most tokens one answer may use, 16..65,536, default 2048: thinking models (Gemini 2.5) spend
   * part of it on thoughts before the JSON, and an answer cut short is an invalid answer.
   */
  readonly maxOutputTokens?: number;
  /** Per-attempt deadline, 10 ms..10 min, default 30 s. */
  readonly timeoutMs?: number;
  /** Retries after a 429, 5xx, 408, timeout or lost connection, 0..10, default 2. */
  readonly retries?: number;
  /** First backoff delay, 0..60 s, default 500 ms; doubled per retry with 1–2× random jitter. */
  readonly minBackoffMs?: number;
  /** Longest backoff delay, minBackoffMs..5 min, default 8 s. */
  readonly maxBackoffMs?: number;
  readonly breaker?: BreakerOptions;
  /** USD per million tokens; default 0 (a local model). */
  readonly pricing?: {
    readonly inputUsdPerMillion?: number;
    readonly outputUsdPerMillion?: number;
  };
  /** Limits per UTC day; unset means unlimited. */
  readonly budget?: { readonly maxTokensPerDay?: number; readonly maxCostUsdPerDay?: number };
  /** `single` (default) or `multi-step` (analyse → propose → critique, up to three calls). */
  readonly mode?: ProviderMode;
}

const MODES: readonly ProviderMode[] = ['single', 'multi-step'];

export interface ResolvedAiOptions {
  readonly model: string;
  readonly temperature: number;
  readonly maxOutputTokens: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly breaker: Required<BreakerOptions>;
  readonly pricing: { readonly inputUsdPerMillion: number; readonly outputUsdPerMillion: number };
  readonly budget: {
    readonly maxTokensPerDay: number | null;
    readonly maxCostUsdPerDay: number | null;
  };
  readonly mode: ProviderMode;
}

/**
 * Validates the shared settings once, at start-up: a wrong value is a ConfigurationError naming
 * `<provider>.<setting>`, so the bot never starts with a model it cannot use or a budget it cannot
 * keep. Every value is frozen: a running bot's limits cannot change under it.
 */
export function resolveAiOptions(provider: string, opts: AiProviderOptions): ResolvedAiOptions {
  const at = (name: string): string => `${provider}.${name}`;
  if (typeof opts.model !== 'string' || opts.model.trim() === '') {
    throw new ConfigurationError(`${at('model')} must be a non-empty model name`, {
      setting: at('model'),
    });
  }
  const minBackoffMs = range(at('minBackoffMs'), opts.minBackoffMs ?? 500, 0, 60_000);
  const mode = opts.mode ?? 'single';
  // Settings come from JSON and env at run time: the union type is a hope until checked.
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new ConfigurationError(`${at('mode')} must be "single" or "multi-step"`, {
      setting: at('mode'),
      value: mode,
    });
  }
  const b = opts.breaker ?? {};
  const limits = opts.budget ?? {};
  return Object.freeze({
    model: opts.model.trim(),
    temperature: range(at('temperature'), opts.temperature ?? 0.2, 0, 2),
    maxOutputTokens: range(at('maxOutputTokens'), opts.maxOutputTokens ?? 2048, 16, 65_536, true),
    timeoutMs: range(at('timeoutMs'), opts.timeoutMs ?? 30_000, 10, 600_000),
    retries: range(at('retries'), opts.retries ?? 2, 0, 10, true),
    minBackoffMs,
    maxBackoffMs: range(at('maxBackoffMs'), opts.maxBackoffMs ?? 8_000, minBackoffMs, 300_000),
    breaker: {
      minCalls: range(at('breaker.minCalls'), b.minCalls ?? 5, 1, 1000, true),
      errorRatePct: range(at('breaker.errorRatePct'), b.errorRatePct ?? 50, 1, 99),
      cooldownMs: range(at('breaker.cooldownMs'), b.cooldownMs ?? 60_000, 10, 3_600_000),
      windowMs: range(at('breaker.windowMs'), b.windowMs ?? 600_000, 1_000, 86_400_000),
    },
    pricing: {
      inputUsdPerMillion: range(
        at('pricing.inputUsdPerMillion'),
        opts.pricing?.inputUsdPerMillion ?? 0,
        0,
        1e6,
      ),
      outputUsdPerMillion: range(
        at('pricing.outputUsdPerMillion'),
        opts.pricing?.outputUsdPerMillion ?? 0,
        0,
        1e6,
      ),
    },
    budget: {
      maxTokensPerDay: optionalLimit(at('budget.maxTokensPerDay'), limits.maxTokensPerDay),
      maxCostUsdPerDay: optionalLimit(at('budget.maxCostUsdPerDay'), limits.maxCostUsdPerDay),
    },
    mode,
  });
}

/** A number within [min, max] (an integer when asked), else a ConfigurationError naming it. */
export function range(
  setting: string,
  value: number,
  min: number,
  max: number,
  integer = false,
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    throw new ConfigurationError(
      `${setting} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${String(value)}`,
      { setting, value },
    );
  }
  return value;
}

/** A budget limit: unset is unlimited; 0 is allowed and means "never call the model". */
function optionalLimit(setting: string, value: number | undefined): number | null {
  return value === undefined ? null : range(setting, value, 0, Number.MAX_SAFE_INTEGER);
}
