import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisTtlCache } from '../../src/kv/redis-ttl-cache.js';
import { HAS_REDIS, REDIS_TEST_URL } from '../support/backends.js';

// Under CI=true a missing Redis fails at import of backends.ts instead of skipping.
describe.runIf(HAS_REDIS)('the live feed’s cache on Redis', () => {
  const redis = new Redis(REDIS_TEST_URL, { keyPrefix: `nxt-${randomBytes(4).toString('hex')}:` });
  const dead = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  afterAll(() => {
    redis.disconnect();
    dead.disconnect();
  });

  it('two instances share an answer until its time to live ends', async () => {
    const a = new RedisTtlCache(redis);
    const b = new RedisTtlCache(redis);
    await a.set('price:SOL', '147.2', 150);
    expect(await b.get('price:SOL')).toBe('147.2');
    await new Promise((r) => setTimeout(r, 250));
    expect(await b.get('price:SOL')).toBeUndefined();
  });

  it('a Redis that does not answer is a miss, never an error', async () => {
    const c = new RedisTtlCache(dead);
    await c.set('k', 'v', 1000);
    expect(await c.get('k')).toBeUndefined();
  });
});
