/**
 * A small key-value port for counters and flags that must be shared by every instance when Redis is
 * configured (login failure counters, revoked token ids), and that live in process otherwise.
 */
import type { Clock } from '@numerusx/core';
import type { Redis } from 'ioredis';

export interface KvStore {
  /** Adds 1 to `key` (created with the given time to live) and returns the new count and ms left. */
  increment(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Sets `key` for `ttlMs`. */
  set(key: string, ttlMs: number): Promise<void>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** In-process store for a single instance; expired keys are dropped on access and on a sweep. */
export class MemoryKvStore implements KvStore {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  increment(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }> {
    const now = this.clock.now();
    const entry = this.live(key, now) ?? { count: 0, expiresAt: now + ttlMs };
    entry.count += 1;
    this.entries.set(key, entry);
    this.sweep(now);
    return Promise.resolve({ count: entry.count, ttlMs: entry.expiresAt - now });
  }

  set(key: string, ttlMs: number): Promise<void> {
    const now = this.clock.now();
    this.entries.set(key, { count: 1, expiresAt: now + ttlMs });
    this.sweep(now);
    return Promise.resolve();
  }

  has(key: string): Promise<boolean> {
    return Promise.resolve(this.live(key, this.clock.now()) !== undefined);
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private live(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private lastSweep = 0;
  private sweep(now: number): void {
    // Bounded memory: drop expired keys at most once a minute.
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/** Redis-backed store: every instance sees the same counters and flags. */
export class RedisKvStore implements KvStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'nx:',
  ) {}

  async increment(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }> {
    const k = this.prefix + key;
    // One round trip, atomic: INCR, set the expiry only when the key is new, read what is left.
    const result = await this.redis.multi().incr(k).pexpire(k, ttlMs, 'NX').pttl(k).exec();
    const count = Number(result?.[0]?.[1] ?? 1);
    const left = Number(result?.[2]?.[1] ?? ttlMs);
    return { count, ttlMs: left > 0 ? left : ttlMs };
  }

  async set(key: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
