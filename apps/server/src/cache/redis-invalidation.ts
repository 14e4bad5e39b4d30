/**
 * The read cache of an instance that shares its database with others (REDIS_URL set): entries stay
 * in process — a hit costs no round trip — and invalidations travel over Redis pub/sub, so a write
 * seen by one instance empties that tag on all of them at once instead of after the TTL.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '@numerusx/core';
import type { Redis } from 'ioredis';
import { MemoryReadCache } from './memory-cache.js';
import { isCacheTag, type CacheSetOptions, type CacheTag, type ReadCache } from './read-cache.js';

export interface ReadCacheOptions {
  readonly clock: Clock;
  readonly maxEntries?: number | undefined;
  /** When set, invalidations are broadcast to every instance subscribed under the same prefix. */
  readonly redis?: Redis | undefined;
  /** Prefix of this server's Redis keys; the channel lives under it so test servers stay apart. */
  readonly keyPrefix?: string | undefined;
}

/** The cache for a server: in process, plus the Redis broadcast when Redis is configured. */
export async function createReadCache(options: ReadCacheOptions): Promise<ReadCache> {
  const local = new MemoryReadCache(options.clock, options.maxEntries);
  if (options.redis === undefined) return local;
  return RedisBroadcastCache.open(local, options.redis, `${options.keyPrefix ?? ''}nx:cache:inv`);
}

export class RedisBroadcastCache implements ReadCache {
  /** Our own messages come back to us; the entries they name are already gone. */
  private readonly origin = randomUUID();
  /**
   * False while the subscription is down: an invalidation sent then is never received, so nothing
   * is served or stored until it is back (then everything held before is dropped).
   */
  private live = false;

  private constructor(
    private readonly local: MemoryReadCache,
    private readonly publisher: Redis,
    /** Pub/sub needs a connection of its own: a subscribed connection can send nothing else. */
    private readonly subscriber: Redis,
    readonly channel: string,
  ) {}

  static async open(local: MemoryReadCache, redis: Redis, channel: string): Promise<ReadCache> {
    // Resubscribed by hand on reconnect: ioredis announces 'ready' before its own resubscription
    // has been confirmed, and the cache must not go live in between.
    const subscriber = redis.duplicate({
      autoResubscribe: false,
      lazyConnect: true,
      // Named so an operator (or a test) can tell it in CLIENT LIST.
      connectionName: `${channel}:sub`,
    });
    const cache = new RedisBroadcastCache(local, redis, subscriber, channel);
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) cache.receive(message);
    });
    subscriber.on('close', () => {
      cache.live = false;
    });
    try {
      await subscriber.connect();
      await cache.subscribe();
    } catch (error) {
      subscriber.disconnect();
      throw error;
    }
    subscriber.on('ready', () => {
      // A failed attempt leaves the cache bypassed; the next reconnection tries again.
      cache.subscribe().catch(() => undefined);
    });
    return cache;
  }

  get(key: string): unknown {
    return this.live ? this.local.get(key) : undefined;
  }

  set(key: string, value: unknown, options: CacheSetOptions): void {
    if (this.live) this.local.set(key, value, options);
  }

  async invalidate(tag: CacheTag): Promise<void> {
    this.local.invalidateLocal(tag);
    await this.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, tag }));
  }

  generation(): number {
    return this.local.generation();
  }

  async close(): Promise<void> {
    this.live = false;
    this.subscriber.disconnect();
    await this.local.close();
  }

  private async subscribe(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
    // Whatever was invalidated while we were not listening is unknown: start empty.
    this.local.clear();
    this.live = true;
  }

  private receive(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return; // not ours: the channel is namespaced, but Redis lets anyone publish
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { origin, tag } = parsed as { origin?: unknown; tag?: unknown };
    if (origin !== this.origin && isCacheTag(tag)) this.local.invalidateLocal(tag);
  }
}
