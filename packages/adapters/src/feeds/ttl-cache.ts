import type { Clock } from '@numerusx/core';
import type { TtlCache } from './types.js';

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/**
 * The in-process TtlCache: a Map in least-recently-used order, bounded by entry count, expiry read
 * from the injected clock (so a test expires an entry by moving its clock, not by sleeping). The
 * server passes a Redis one when REDIS_URL is set, so several instances share one upstream budget.
 */
export class MemoryTtlCache implements TtlCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    /** A feed keeps a handful of keys (one price query, one OHLCV query per pair and timeframe). */
    readonly maxEntries = 256,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    this.entries.delete(key);
    if (entry.expiresAt <= this.clock.now()) return Promise.resolve(undefined);
    this.entries.set(key, entry); // re-inserted: now the most recently used
    return Promise.resolve(entry.value);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    if (ttlMs > 0) {
      this.entries.set(key, { value, expiresAt: this.clock.now() + ttlMs });
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= this.maxEntries) break;
        this.entries.delete(oldest);
      }
    }
    return Promise.resolve();
  }
}
