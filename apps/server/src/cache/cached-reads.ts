/**
 * Read-through on top of the ReadCache port, for services: the cached answer of a read, or the
 * loader's, stored under the read's tags. Concurrent misses of one key share one load, so a burst of
 * requests at expiry costs one query rather than one per connection.
 */
import type { CacheTag, ReadCache } from './read-cache.js';

/** Short: a safety net for writers that do not invalidate (e.g. another process writing the DB). */
export const DEFAULT_READ_TTL_MS = 2_000;

interface Pending {
  readonly promise: Promise<unknown>;
  readonly generation: number;
}

export class CachedReads {
  private readonly inflight = new Map<string, Pending>();

  constructor(
    private readonly cache: ReadCache,
    readonly ttlMs = DEFAULT_READ_TTL_MS,
  ) {}

  /**
   * Cached values are frozen: every caller of a key receives the same object, so a caller changing
   * it would change everyone's answer. The key must name the read (see cacheKey): the loader of a
   * key is always the one call site that builds it, which is what makes the stored value its T.
   */
  read<T extends object>(
    key: string,
    tags: readonly CacheTag[],
    load: () => Promise<T>,
  ): Promise<T> {
    const hit = this.cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit as T);
    const generation = this.cache.generation();
    const pending = this.inflight.get(key);
    // Joining a load that began before an invalidation would hand out what it invalidated.
    if (pending?.generation === generation) return pending.promise as Promise<T>;
    const promise = load().then((value) => {
      deepFreeze(value);
      this.cache.set(key, value, { ttlMs: this.ttlMs, tags, readSince: generation });
      return value;
    });
    const entry = { promise, generation };
    this.inflight.set(key, entry);
    const done = () => {
      if (this.inflight.get(key) === entry) this.inflight.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  invalidate(tag: CacheTag): Promise<void> {
    return this.cache.invalidate(tag);
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  // A typed array with elements cannot be frozen (freeze throws); answers are plain JSON shapes.
  if (ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
