/**
 * The read cache port: answers of hot reads (trade pages, statistics, the portfolio overview…) kept
 * for a short time so a dashboard polled by many users does not turn every request into database
 * work. Entries are tagged by the tables they were read from; a writer of a table invalidates its
 * tag and every entry read from it is dropped — on every instance when Redis is configured.
 */

/** The tables (groups of tables) cached answers depend on; a writer invalidates the ones it wrote. */
export const CACHE_TAGS = ['trades', 'portfolio'] as const;
export type CacheTag = (typeof CACHE_TAGS)[number];

export function isCacheTag(value: unknown): value is CacheTag {
  return CACHE_TAGS.some((tag) => tag === value);
}

export interface CacheSetOptions {
  /** Time to live: the bound on staleness when a writer does not invalidate. */
  readonly ttlMs: number;
  /** The tags whose invalidation drops this entry. */
  readonly tags: readonly CacheTag[];
  /**
   * generation() taken before the value was read. A value read before an invalidation of one of its
   * tags and stored after it would be stale until its TTL: such a value is not stored.
   */
  readonly readSince?: number | undefined;
}

export interface ReadCache {
  /** The live value under `key`, or undefined when absent, expired or invalidated. */
  get(key: string): unknown;
  set(key: string, value: unknown, options: CacheSetOptions): void;
  /**
   * Drops every entry tagged `tag` here at once and, when Redis is configured, on every other
   * instance: resolves when Redis has pushed the message to their subscriptions. This instance has
   * dropped its entries even if the broadcast fails (the promise rejects); others then expire theirs
   * within the TTL.
   */
  invalidate(tag: CacheTag): Promise<void>;
  /** A counter that moves on every invalidation (see CacheSetOptions.readSince). */
  generation(): number;
  /** Releases connections (the Redis subscription). */
  close(): Promise<void>;
}

/**
 * A cache key from a name and the normalized parameters of a read. JSON of an array is injective,
 * so no filter value (a pair with a separator in it, say) can make two reads share a key; absent
 * parameters are null in a fixed position, so `{pair}` and `{side}` never collide either.
 */
export function cacheKey(
  name: string,
  ...params: readonly (string | number | boolean | undefined)[]
): string {
  return JSON.stringify([name, ...params.map((p) => p ?? null)]);
}
