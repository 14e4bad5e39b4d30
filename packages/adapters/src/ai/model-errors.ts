import {
  ConfigurationError,
  NumerusError,
  RateLimited,
  TemporaryError,
  ValidationError,
} from '@numerusx/core';
import type { FallbackReason } from './types.js';

/**
 * Translates whatever a model SDK threw into core's error hierarchy, at the boundary:
 *
 * - our own deadline fired → TemporaryError {cause: 'timeout'} (the SDK's abort error says only
 *   "aborted", so the guard tells us whether it was the deadline);
 * - 429 → RateLimited; 408 and 5xx → TemporaryError {cause: 'unavailable'}: retried with backoff;
 * - 401, 403, 404 → ConfigurationError: a wrong key or model name, which no retry will fix;
 * - any other 4xx → ValidationError: the request was refused as sent, not retried;
 * - no status at all (refused connection, DNS, reset socket) → TemporaryError {cause: 'unavailable'}.
 *
 * Both SDKs put the HTTP status on their error as `status` (@google/genai's ApiError, openai's
 * APIError), which is all this reads, so neither SDK's classes leak past the transports.
 */
export function translateModelError(error: unknown, timedOutAfterMs: number | null): NumerusError {
  if (timedOutAfterMs !== null) {
    return new TemporaryError(`no answer within ${timedOutAfterMs} ms`, { cause: 'timeout' });
  }
  if (error instanceof NumerusError) return error;
  const message = describe(error);
  const status = statusOf(error);
  if (status === undefined) return new TemporaryError(message, { cause: 'unavailable' });
  if (status === 429) return new RateLimited(message, retryAfterSec(error));
  if (status === 408 || status >= 500) {
    return new TemporaryError(message, { cause: 'unavailable', status });
  }
  if (status === 401 || status === 403 || status === 404) {
    return new ConfigurationError(message, { status });
  }
  return new ValidationError(message, { status });
}

/** Worth another attempt: a busy or briefly broken endpoint, not a refused request. */
export function isRetryable(error: NumerusError): boolean {
  return error instanceof RateLimited || error instanceof TemporaryError;
}

/** The fallback a final (post-retry) error is recorded under. */
export function fallbackOf(error: NumerusError): FallbackReason {
  if (error instanceof RateLimited) return 'rate-limited';
  if (error instanceof TemporaryError) {
    const cause = error.details?.['cause'];
    if (cause === 'timeout') return 'timeout';
    if (cause === 'circuit-open') return 'circuit-open';
    return 'unavailable';
  }
  return 'rejected';
}

/** The HTTP status an SDK error carries, if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = error.status;
  return typeof status === 'number' && status >= 100 && status < 600 ? status : undefined;
}

function retryAfterSec(error: unknown): number {
  // openai's APIError keeps the response headers; @google/genai's ApiError does not.
  if (typeof error !== 'object' || error === null || !('headers' in error)) return 0;
  const headers = error.headers;
  if (!(headers instanceof Headers)) return 0;
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * A short message for the trace: SDK errors embed the response body, which can be long, and hide the
 * useful part of a network failure in `cause` ("fetch failed" / "Connection error." alone say little).
 */
function describe(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  // openai: APIConnectionError → TypeError "fetch failed" → Error "connect ECONNREFUSED …".
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if (cause.message !== '' && !text.includes(cause.message)) text += ` (${cause.message})`;
    cause = cause.cause;
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
