/**
 * The in-process read cache: the first (and, without Redis, only) level. A Map in least recently
 * used order bounded by entry count, a time to live per entry read from the injected clock, and tags
 * dropped eagerly on invalidation.
 */
import type { Clock } from '@numerusx/core';
import type { CacheSetOptions, CacheTag, ReadCache } from './read-cache.js';

/**
 * Bounded by count, not bytes: the largest answers (a 200-trade page) are ~70 KB of JSON plus its
 * objects, so 256 entries stay within a few tens of MB while a dashboard's working set is a handful.
 */
export const DEFAULT_MAX_ENTRIES = 256;

interface Entry {
  readonly value: unknown;
  readonly expiresAt: number;
  readonly tags: readonly CacheTag[];
}

export class MemoryReadCache implements ReadCache {
  /** Map iteration follows insertion order: re-inserting on use keeps the least recent first. */
  private readonly entries = new Map<string, Entry>();
  private readonly invalidatedAt = new Map<CacheTag, number>();
  private clearedAt = 0;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: unknown, options: CacheSetOptions): void {
    if (options.ttlMs <= 0 || this.isStale(options)) return;
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      expiresAt: this.clock.now() + options.ttlMs,
      tags: options.tags,
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(tag: CacheTag): Promise<void> {
    this.invalidateLocal(tag);
    return Promise.resolve();
  }

  /** Drops the tag's entries in this process only (what a broadcast received from Redis does). */
  invalidateLocal(tag: CacheTag): void {
    this.invalidatedAt.set(tag, ++this.counter);
    // Linear in the entries (≤ maxEntries), and writes are far rarer than reads.
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) this.entries.delete(key);
    }
  }

  /** Drops everything, e.g. after invalidations may have been missed while Redis was unreachable. */
  clear(): void {
    this.clearedAt = ++this.counter;
    this.entries.clear();
  }

  generation(): number {
    return this.counter;
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  private isStale(options: CacheSetOptions): boolean {
    const since = options.readSince;
    if (since === undefined) return false;
    if (this.clearedAt > since) return true;
    return options.tags.some((tag) => (this.invalidatedAt.get(tag) ?? 0) > since);
  }
}
