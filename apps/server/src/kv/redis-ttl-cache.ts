/**
 * The feeds' TtlCache port on Redis: instances behind one load balancer share the answers of the
 * price and candle APIs instead of each polling them. A Redis failure is a miss (the port's rule:
 * a cache saves requests, it is never needed for correctness).
 */
import type { Redis } from 'ioredis';
import type { TtlCache } from '@numerusx/adapters';

const PREFIX = 'feed-cache:';

export class RedisTtlCache implements TtlCache {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(PREFIX + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(PREFIX + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    } catch {
      // a miss next time: see the class doc
    }
  }
}
