import { ConfigurationError, TemporaryError, type Clock } from '@numerusx/core';
import type { CallGuard } from '../ai/call-guard.js';
import type { FeedLogger, TtlCache } from './types.js';

/** A parsed answer and when it was fetched: a cached answer keeps its fetch time, not its read time. */
export interface Fetched<T> {
  readonly fetchedAt: number;
  readonly value: T;
}

/** What a GET needs besides its URL. */
export interface GetContext {
  readonly guard: CallGuard<string>;
  readonly cache: TtlCache;
  readonly clock: Clock;
  readonly logger: FeedLogger | undefined;
}

/**
 * GET `url` through the TTL cache, then through the guard (breaker, retries, per-attempt deadline;
 * see ai/call-guard.ts), and `parse` the body. Only a 2xx body that parses is cached, so a
 * malformed answer is not served again for a whole TTL; a cached body is parsed again on the way
 * out, so an entry written by another version or process cannot slip past validation. `what` names
 * the API in errors. The URL is the cache key: it never holds a secret (keys travel in headers).
 */
export async function cachedGet<T>(
  ctx: GetContext,
  request: { readonly what: string; readonly url: string; readonly ttlMs: number },
  headers: Readonly<Record<string, string>>,
  parse: (body: string) => T,
): Promise<Fetched<T>> {
  const { what, url, ttlMs } = request;
  const hit = await cacheRead(ctx, url);
  if (hit !== undefined) {
    try {
      return { fetchedAt: hit.fetchedAt, value: parse(hit.body) };
    } catch {
      // not what this version expects: fetch afresh
    }
  }
  const body = await ctx.guard.run((signal) => getText(url, headers, signal, what));
  const fetched = { fetchedAt: ctx.clock.now(), value: parse(body) };
  try {
    await ctx.cache.set(url, JSON.stringify({ fetchedAt: fetched.fetchedAt, body }), ttlMs);
  } catch (error) {
    ctx.logger?.warn({ key: url, error: messageOf(error) }, 'feed cache write failed');
  }
  return fetched;
}

/** A cache that fails or holds something else is a miss: it saves requests, nothing more. */
async function cacheRead(
  ctx: GetContext,
  key: string,
): Promise<{ fetchedAt: number; body: string } | undefined> {
  let text: string | undefined;
  try {
    text = await ctx.cache.get(key);
  } catch (error) {
    ctx.logger?.warn({ key, error: messageOf(error) }, 'feed cache read failed');
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && 'fetchedAt' in v && 'body' in v) {
      const { fetchedAt, body } = v;
      if (typeof fetchedAt === 'number' && typeof body === 'string') return { fetchedAt, body };
    }
  } catch {
    // fall through: an entry written by something else
  }
  return undefined;
}

async function getText(
  url: string,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
  what: string,
): Promise<string> {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...headers },
    signal,
  });
  const text = await response.text();
  if (response.ok) return text;
  throw httpError(what, response.status, response.headers.get('retry-after'));
}

/**
 * An HTTP status in core's terms, at the boundary:
 * - 429, 408 and 5xx → TemporaryError: the guard retries it with backoff and the feed polls again;
 *   429 is a TemporaryError too (not RateLimited, which means *we* limit a caller);
 * - 401 and 403 → ConfigurationError: a missing or refused API key;
 * - 404 and any other 4xx → ConfigurationError: a wrong base URL, pool or parameter, which no retry
 *   will fix. The runtime stops the bot and asks for a human.
 * Other failures (refused connection, reset socket) reach the guard as they are and it makes them
 * TemporaryErrors; our own deadline becomes TemporaryError {cause: 'timeout'}.
 */
export function httpError(what: string, status: number, retryAfter: string | null): Error {
  if (status === 429) {
    const seconds = Number(retryAfter);
    return new TemporaryError(`${what}: rate limited (HTTP 429)`, {
      cause: 'rate-limited',
      status,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterSec: seconds } : {}),
    });
  }
  if (status === 408 || status >= 500) {
    return new TemporaryError(`${what}: unavailable (HTTP ${status})`, {
      cause: 'unavailable',
      status,
    });
  }
  if (status === 401 || status === 403) {
    return new ConfigurationError(`${what}: access refused (HTTP ${status}); check the API key`, {
      status,
    });
  }
  if (status === 404) {
    return new ConfigurationError(`${what}: not found (HTTP 404); check the base URL and address`, {
      status,
    });
  }
  return new ConfigurationError(`${what}: request refused (HTTP ${status})`, { status });
}

/** A body that is not the JSON the API documents: skipped, logged, tried again at the next poll. */
export function malformed(what: string, problem: string): TemporaryError {
  return new TemporaryError(`${what}: malformed answer: ${problem}`, { cause: 'malformed' });
}

/** Parses a body as JSON, or a malformed-answer TemporaryError. */
export function parseBody(what: string, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw malformed(what, `not JSON (${messageOf(error)})`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
