/**
 * The in-process read cache on a clock the test moves: time to live, the least-recently-used bound,
 * tags, and the read-through on top (shared loads, stale loads not stored, frozen answers).
 */
import { describe, expect, it } from 'vitest';
import { CachedReads } from '../../src/cache/cached-reads.js';
import { MemoryReadCache } from '../../src/cache/memory-cache.js';
import { cacheKey, type CacheTag } from '../../src/cache/read-cache.js';

class ManualClock {
  constructor(public ms = 1_000_000) {}
  now(): number {
    return this.ms;
  }
}

const TRADES: readonly CacheTag[] = ['trades'];
const PORTFOLIO: readonly CacheTag[] = ['portfolio'];

function cacheAt(maxEntries = 10) {
  const clock = new ManualClock();
  return { clock, cache: new MemoryReadCache(clock, maxEntries) };
}

describe('MemoryReadCache', () => {
  it('serves an entry until its time to live is over, by the injected clock', () => {
    const { clock, cache } = cacheAt();
    cache.set('k', { v: 1 }, { ttlMs: 2_000, tags: TRADES });
    clock.ms += 1_999; // 1 ms before expiry
    expect(cache.get('k')).toEqual({ v: 1 });
    clock.ms += 1; // exactly at expiry: gone
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0); // dropped on access, not kept around
  });

  it('a non-positive TTL stores nothing', () => {
    const { cache } = cacheAt();
    cache.set('k', 1, { ttlMs: 0, tags: TRADES });
    expect(cache.get('k')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const { cache } = cacheAt(3);
    for (const k of ['a', 'b', 'c']) cache.set(k, k, { ttlMs: 10_000, tags: TRADES });
    expect(cache.get('a')).toBe('a'); // a is now the most recent: b is the oldest
    cache.set('d', 'd', { ttlMs: 10_000, tags: TRADES });
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k))).toEqual(['a', 'c', 'd']);
    cache.set('c', 'c2', { ttlMs: 10_000, tags: TRADES }); // replacing is no growth
    expect(cache.size).toBe(3);
    expect(cache.get('c')).toBe('c2');
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new MemoryReadCache(new ManualClock(), 0)).toThrow(RangeError);
  });

  it('invalidating a tag drops its entries only, entries with several tags included', async () => {
    const { cache } = cacheAt();
    cache.set('list', 1, { ttlMs: 10_000, tags: TRADES });
    cache.set('overview', 2, { ttlMs: 10_000, tags: PORTFOLIO });
    cache.set('performance', 3, { ttlMs: 10_000, tags: ['portfolio', 'trades'] });
    await cache.invalidate('trades');
    expect(cache.get('list')).toBeUndefined();
    expect(cache.get('performance')).toBeUndefined();
    expect(cache.get('overview')).toBe(2);
    await cache.invalidate('portfolio');
    expect(cache.size).toBe(0);
  });

  it('a value read before an invalidation of its tag is not stored after it', async () => {
    const { cache } = cacheAt();
    const before = cache.generation();
    await cache.invalidate('trades'); // a writer commits while the read is in flight
    cache.set('stale', 'old rows', { ttlMs: 10_000, tags: TRADES, readSince: before });
    cache.set('other', 'fine', { ttlMs: 10_000, tags: PORTFOLIO, readSince: before });
    expect(cache.get('stale')).toBeUndefined();
    expect(cache.get('other')).toBe('fine'); // another tag's write does not make it stale
    cache.clear(); // e.g. invalidations were missed: nothing read before is trusted
    cache.set('other', 'fine', { ttlMs: 10_000, tags: PORTFOLIO, readSince: before });
    expect(cache.get('other')).toBeUndefined();
  });
});

describe('CachedReads', () => {
  it('concurrent misses of one key share one load; the answer is then served and frozen', async () => {
    const { cache } = cacheAt();
    const reads = new CachedReads(cache, 2_000);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await Promise.resolve();
      return { items: [{ id: 1 }] };
    };
    const answers = await Promise.all([1, 2, 3].map(() => reads.read('k', TRADES, load)));
    expect(loads).toBe(1);
    expect(answers[1]).toBe(answers[0]);
    expect(await reads.read('k', TRADES, load)).toBe(answers[0]);
    expect(loads).toBe(1);
    // Frozen all the way down: one caller cannot change another's answer.
    expect(Object.isFrozen(answers[0])).toBe(true);
    expect(Object.isFrozen(answers[0]?.items[0])).toBe(true);
  });

  it('a read after an invalidation does not join a load that began before it', async () => {
    const { cache } = cacheAt();
    const reads = new CachedReads(cache, 2_000);
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = reads.read('k', TRADES, async () => {
      await gate;
      return { rows: 'old' };
    });
    await reads.invalidate('trades');
    const fresh = reads.read('k', TRADES, () => Promise.resolve({ rows: 'new' }));
    release?.();
    expect(await slow).toEqual({ rows: 'old' }); // its caller asked before the write
    expect(await fresh).toEqual({ rows: 'new' });
    // The old load finished last but must not have replaced the fresh answer.
    expect(await reads.read('k', TRADES, () => Promise.resolve({ rows: 'reloaded' }))).toEqual({
      rows: 'new',
    });
  });

  it('a failed load is not cached: the next read tries again', async () => {
    const { cache } = cacheAt();
    const reads = new CachedReads(cache, 2_000);
    await expect(
      reads.read('k', TRADES, () => Promise.reject(new Error('not found'))),
    ).rejects.toThrow('not found');
    expect(await reads.read('k', TRADES, () => Promise.resolve({ ok: true }))).toEqual({
      ok: true,
    });
  });
});

describe('cacheKey', () => {
  it.each([
    // Absent parameters keep their position: {pair} and {side} never share a key.
    [
      ['trades.list', 'SOL/USDC', undefined],
      ['trades.list', undefined, 'SOL/USDC'],
    ],
    // A separator inside a value cannot shift the parameters.
    [
      ['trades.list', 'a|b', 'c'],
      ['trades.list', 'a', 'b|c'],
    ],
    [
      ['trades.list', '1', 2],
      ['trades.list', 1, '2'],
    ],
  ] as const)('%o and %o are different keys', (a, b) => {
    const [nameA, ...restA] = a;
    const [nameB, ...restB] = b;
    expect(cacheKey(nameA, ...restA)).not.toBe(cacheKey(nameB, ...restB));
  });
});
