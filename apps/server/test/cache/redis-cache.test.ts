/**
 * Read caches of instances sharing one Redis: entries stay in each process, invalidations travel
 * over pub/sub. Two servers on one database: a write invalidated on A is on B's very next answer
 * (with a TTL of a minute, so it cannot be the TTL); and the broadcast cache itself — channels kept
 * apart by the key prefix, stray messages ignored, a lost subscription recovered empty.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReadCache } from '../../src/cache/read-cache.js';
import { createReadCache } from '../../src/cache/redis-invalidation.js';
import { openRedis } from '../../src/server.js';
import { BACKENDS, HAS_REDIS, REDIS_TEST_URL } from '../support/backends.js';
import { adminClient, Client, startTestServer, type TestServer } from '../support/server.js';
import { HOUR, JAN_1_2024 } from '../modules/helpers.js';

const shared = BACKENDS.filter((b) => b.redis);
const MINUTE = 60_000;

describe.skipIf(!HAS_REDIS)('read cache across instances on one Redis', () => {
  describe.each(shared)('two servers on $name', (backend) => {
    let a: TestServer;
    let b: TestServer;
    let onA: Client;
    let onB: Client;
    beforeAll(async () => {
      a = await startTestServer(backend, { readCacheTtlMs: MINUTE });
      b = await startTestServer(backend, { shareWith: a, readCacheTtlMs: MINUTE });
      onA = await adminClient(a);
      onB = new Client(b.api);
      onB.accessToken = onA.accessToken;
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    const tradeCount = async (c: Client) =>
      ((await c.request('GET', '/trades')).body['items'] as unknown[]).length;
    const hasData = async (c: Client) =>
      (await c.request('GET', '/portfolio/overview')).body['hasData'];

    it('rows written directly, then invalidate("trades") on A: B’s next GET /trades has them', async () => {
      expect(await tradeCount(onB)).toBe(0);
      expect(await tradeCount(onA)).toBe(0);
      await a.server.db.kysely
        .insertInto('trades')
        .values([trade(1), trade(2)])
        .execute();
      // Both still answer from their caches: a minute of TTL is left.
      expect(await tradeCount(onB)).toBe(0);
      await a.server.services.trades.invalidate();
      expect(await tradeCount(onB)).toBe(2);
      expect(await tradeCount(onA)).toBe(2);
    });

    it('tags stay apart across instances: invalidating trades keeps B’s portfolio answers', async () => {
      expect(await hasData(onB)).toBe(false);
      await a.server.db.kysely
        .insertInto('portfolio_snapshots')
        .values({
          bot_id: 'default',
          ts: JAN_1_2024,
          cash: 10_000,
          positions_value: 0,
          equity: 10_000,
          realized_pnl: 0,
          unrealized_pnl: 0,
          fees: 0,
        })
        .execute();
      await a.server.services.trades.invalidate();
      expect(await hasData(onB)).toBe(false);
      await a.server.services.portfolio.invalidate();
      expect(await hasData(onB)).toBe(true);
    });
  });

  describe('the broadcast cache', () => {
    const prefix = `nxt-${randomBytes(5).toString('hex')}:`;
    const clock = { now: () => Date.now() };
    const opened: { redis: Redis; cache: ReadCache }[] = [];
    async function open(keyPrefix = prefix) {
      const redis = await openRedis(REDIS_TEST_URL, keyPrefix);
      const cache = await createReadCache({ clock, redis, keyPrefix });
      opened.push({ redis, cache });
      return { redis, cache };
    }
    afterAll(async () => {
      for (const { redis, cache } of opened) {
        await cache.close();
        redis.disconnect();
      }
    });
    const entry = { ttlMs: MINUTE, tags: ['trades'] as const };

    it('an invalidation reaches the instances under the same prefix only', async () => {
      const [one, two, elsewhere] = [await open(), await open(), await open(`${prefix}other:`)];
      for (const c of [one, two, elsewhere]) c.cache.set('k', 'v', entry);
      await one.cache.invalidate('trades');
      expect(one.cache.get('k')).toBeUndefined(); // at once, before any message comes back
      await vi.waitFor(
        () => {
          expect(two.cache.get('k')).toBeUndefined();
        },
        { timeout: 2000 },
      );
      expect(elsewhere.cache.get('k')).toBe('v');
      // Its own message coming back does not drop what was read after the invalidation.
      one.cache.set('k', 'fresh', entry);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(one.cache.get('k')).toBe('fresh');
    });

    it('messages that are not ours are ignored', async () => {
      const { redis, cache } = await open();
      cache.set('k', 'v', entry);
      const channel = `${prefix}nx:cache:inv`;
      for (const junk of ['not json', '42', 'null', '{"tag":"users"}', '{"tag":["trades"]}'])
        await redis.publish(channel, junk);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(cache.get('k')).toBe('v');
    });

    it('a lost subscription: nothing served meanwhile; back subscribed, empty and listening', async () => {
      const lost = `${prefix}lost:`;
      const { redis, cache } = await open(lost);
      // Its subscriber, found by name before a second cache on the channel takes the same name.
      const line = String(await redis.call('CLIENT', 'LIST'))
        .split('\n')
        .filter((l) => l.includes(` name=${lost}nx:cache:inv:sub `));
      expect(line).toHaveLength(1);
      const id = /\bid=(\d+)/.exec(line[0] ?? '')?.[1] ?? '0';
      const peer = await open(lost);
      cache.set('before', 'v', entry);
      await redis.call('CLIENT', 'KILL', 'ID', id);
      // While the subscription is down nothing is served…
      await vi.waitFor(
        () => {
          expect(cache.get('before')).toBeUndefined();
        },
        { timeout: 2000 },
      );
      // …ioredis reconnects by itself, and the cache goes live again once resubscribed.
      await vi.waitFor(
        () => {
          cache.set('after', 'v2', entry);
          expect(cache.get('after')).toBe('v2');
        },
        { timeout: 5000 },
      );
      // What it held before is gone: an invalidation may have been sent while it was not listening.
      expect(cache.get('before')).toBeUndefined();
      await peer.cache.invalidate('trades');
      await vi.waitFor(
        () => {
          expect(cache.get('after')).toBeUndefined();
        },
        { timeout: 2000 },
      );
    });
  });
});

function trade(entryH: number) {
  return {
    bot_id: 'default',
    pair: 'SOL/USDC',
    side: 'buy' as const,
    entry_ts: JAN_1_2024 + entryH * HOUR,
    entry_price: 100,
    exit_ts: null,
    exit_price: null,
    qty: 1,
    fee: 0,
    pnl: null,
    exit_reason: null,
    order_id: null,
    decision_id: null,
    created_at: JAN_1_2024,
  };
}
