import { NumerusError, TemporaryError } from '@numerusx/core';
import CircuitBreaker from 'opossum';
import pRetry, { AbortError } from 'p-retry';
import type { BreakerOptions } from './config.js';
import { isRetryable, translateModelError } from './model-errors.js';
import type { CircuitState, ModelReply } from './types.js';

export interface GuardSettings {
  readonly name: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly breaker: Required<BreakerOptions>;
}

type Call<T> = (signal: AbortSignal) => Promise<T>;

/**
 * The safeguards around one remote call (a model call, a market-data request), outermost first:
 *
 * 1. a circuit breaker (opossum): once more than errorRatePct % of at least minCalls calls in the
 *    window failed, calls fail at once, without a request, for cooldownMs; then one trial call
 *    decides between closing and staying open. A breaker "call" is the whole retry sequence, so
 *    `minCalls` failed decisions open it, not `minCalls` failed HTTP requests;
 * 2. retries (p-retry) of RateLimited and TemporaryError, with exponential backoff from
 *    minBackoffMs, doubled per retry, capped at maxBackoffMs and multiplied by a random 1–2 (jitter,
 *    so several bots behind one key do not retry in step). Both SDKs' own retries are switched off
 *    in the transports: one policy, configured here, and every HTTP request counted in the trace;
 * 3. a deadline per attempt: the SDK request is aborted after timeoutMs, and the attempt fails even
 *    if an SDK ignored the abort, so a decision can never hang the bot loop.
 *
 * Everything that leaves run() as an error is a NumerusError (see model-errors.ts).
 */
export class CallGuard<T = ModelReply> {
  private readonly breaker: CircuitBreaker<[() => Promise<T>], T>;

  constructor(
    private readonly settings: GuardSettings,
    onStateChange?: (state: CircuitState) => void,
  ) {
    const b = settings.breaker;
    this.breaker = new CircuitBreaker((attempts: () => Promise<T>) => attempts(), {
      name: settings.name,
      // Deadlines are per attempt (below); opossum's own timeout would cut retries short.
      timeout: false,
      volumeThreshold: b.minCalls,
      errorThresholdPercentage: b.errorRatePct,
      resetTimeout: b.cooldownMs,
      rollingCountTimeout: b.windowMs,
      rollingCountBuckets: 10,
    });
    if (onStateChange !== undefined) {
      this.breaker.on('open', () => {
        onStateChange('open');
      });
      this.breaker.on('halfOpen', () => {
        onStateChange('half-open');
      });
      this.breaker.on('close', () => {
        onStateChange('closed');
      });
    }
  }

  get state(): CircuitState {
    if (this.breaker.halfOpen) return 'half-open';
    return this.breaker.opened || this.breaker.isShutdown ? 'open' : 'closed';
  }

  /** Runs `call` under breaker, retries and deadline; rejects only with a NumerusError. */
  async run(call: Call<T>): Promise<T> {
    try {
      return await this.breaker.fire(() => this.withRetries(call));
    } catch (error) {
      if (error instanceof Error && CircuitBreaker.isOurError(error)) {
        throw new TemporaryError(`circuit open after repeated failures of ${this.settings.name}`, {
          cause: 'circuit-open',
        });
      }
      throw error;
    }
  }

  /** Stops the breaker's statistics timer; later runs fail as circuit-open. */
  close(): void {
    this.breaker.shutdown();
  }

  private async withRetries(call: Call<T>): Promise<T> {
    const s = this.settings;
    // p-retry rejects with the most frequent error of the sequence; the trace wants the last one.
    let last: NumerusError | undefined;
    try {
      return await pRetry(
        async () => {
          try {
            return await this.attempt(call);
          } catch (error) {
            last = error instanceof NumerusError ? error : translateModelError(error, null);
            throw isRetryable(last) ? last : new AbortError(last);
          }
        },
        {
          retries: s.retries,
          factor: 2,
          minTimeout: s.minBackoffMs,
          maxTimeout: s.maxBackoffMs,
          randomize: true,
        },
      );
    } catch (error) {
      throw last ?? translateModelError(error, null);
    }
  }

  private async attempt(call: Call<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error('deadline'));
      }, this.settings.timeoutMs);
    });
    const pending = call(controller.signal);
    // After the deadline the SDK's own rejection has nobody waiting for it.
    void pending.catch(() => undefined);
    try {
      return await Promise.race([pending, deadline]);
    } catch (error) {
      throw translateModelError(error, controller.signal.aborted ? this.settings.timeoutMs : null);
    } finally {
      clearTimeout(timer);
    }
  }
}
