import { ConfigurationError, SimulatedClock, TemporaryError } from '@numerusx/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LiveFeed,
  ManualScheduler,
  type FeedEvent,
  type LiveFeedOptions,
} from '../../src/index.js';
import { onlyLoopback, startFake, type FakeHandler, type FakeServer } from '../ai/fake-http.js';
import {
  POOL,
  SOL,
  USDC,
  type OhlcvRow,
  isOhlcv,
  isPrice,
  ohlcvBody,
  priceBody,
  route,
} from './fake-markets.js';
import { flush } from './helpers.js';

onlyLoopback();

const NOW = Date.UTC(2025, 5, 1, 12, 30); // 12:30 UTC: the 12:00 hourly candle is forming
const at = (hour: number) => Date.UTC(2025, 5, 1, hour) / 1000; // GeckoTerminal sends seconds
const good = () => ({ json: priceBody({ [SOL]: 147.48, [USDC]: 0.9999 }) });

let fake: FakeServer | undefined;
let feed: LiveFeed | undefined;
afterEach(async () => {
  await feed?.close();
  await fake?.close();
  feed = undefined;
  fake = undefined;
});

interface Setup {
  readonly fake: FakeServer;
  readonly feed: LiveFeed;
  readonly clock: SimulatedClock;
  readonly scheduler: ManualScheduler;
  readonly events: FeedEvent[];
  readonly warnings: string[];
}

async function setup(handler: FakeHandler, opts: Partial<LiveFeedOptions> = {}): Promise<Setup> {
  fake = await startFake(handler);
  const clock = new SimulatedClock(NOW);
  const scheduler = new ManualScheduler();
  const warnings: string[] = [];
  feed = new LiveFeed(
    {
      jupiterBaseUrl: fake.url,
      geckoBaseUrl: fake.url,
      timeoutMs: 500, // generous: a loaded CI machine must not time out a healthy loopback answer
      retries: 1,
      minBackoffMs: 1,
      maxBackoffMs: 2,
      settleMs: 0,
      priceTtlMs: 0,
      candleTtlMs: 0,
      ...opts,
    },
    {
      clock,
      scheduler,
      logger: { warn: (fields, message) => warnings.push(`${message}: ${JSON.stringify(fields)}`) },
    },
  );
  const events: FeedEvent[] = [];
  const it = feed.events();
  void (async () => {
    for await (const e of it) events.push(e);
  })();
  await feed.start();
  return { fake, feed, clock, scheduler, events, warnings };
}

const ticks = (events: FeedEvent[]) => events.filter((e) => e.type === 'tick');

describe('live feed: Jupiter prices', () => {
  it('polls on the scheduler and turns usdPrice(base) / usdPrice(quote) into ticks', async () => {
    const s = await setup(route(good), { jupiterApiKey: 'jup-secret', pricePollMs: 10_000 });
    s.scheduler.advance(0); // first polls at once
    await s.feed.pollPrices();
    await flush(); // …and one awaited here, so the test knows when it is done
    expect(ticks(s.events)).toEqual([
      {
        type: 'tick',
        pair: 'SOL/USDC',
        ts: NOW,
        price: 147.48 / 0.9999,
        source: 'jupiter:price-v3',
      },
    ]);
    const req = s.fake.requests.find(isPrice)!;
    expect(req.path).toBe(`/price/v3?ids=${USDC},${SOL}`); // sorted mints: one cache key
    expect(req.headers['x-api-key']).toBe('jup-secret');
    expect(s.warnings.join()).not.toContain('jup-secret');
    expect(s.feed.status()).toMatchObject({ state: 'running', lastTick: { 'SOL/USDC': NOW } });
  });

  it('retries a request that outlives its deadline', async () => {
    const s = await setup(route((i) => (i === 0 ? { ...good(), delayMs: 4_000 } : good())));
    await s.feed.pollPrices();
    await flush();
    expect(s.fake.requests.filter(isPrice)).toHaveLength(2); // timed out, then answered
    expect(ticks(s.events)).toHaveLength(1);
    expect(s.feed.status().state).toBe('running');
  });

  it('opens the breaker in a 429 storm, reports degraded and keeps running', async () => {
    const s = await setup(
      route(() => ({ status: 429, json: { error: 'Too Many Requests' } })),
      {
        breaker: { minCalls: 2, errorRatePct: 50, cooldownMs: 60_000 },
      },
    );
    await s.feed.pollPrices();
    await flush(); // 2 requests (1 retry), fails
    expect(s.feed.status()).toMatchObject({
      state: 'degraded',
      reason: /rate limited \(HTTP 429\)/,
    });
    await s.feed.pollPrices();
    await flush(); // 2 more; the breaker's 2nd failed call: it opens
    expect(s.feed.status().circuits.prices).toBe('open');
    await s.feed.pollPrices();
    await flush(); // refused by the open breaker: no request
    expect(s.fake.requests.filter(isPrice)).toHaveLength(4);
    expect(s.feed.status()).toMatchObject({ state: 'degraded', reason: /circuit open/ });
    expect(ticks(s.events)).toEqual([]);
    await flush();
    expect(s.events.filter((e) => e.type === 'status').map((e) => e.state)).toEqual([
      'running',
      'degraded',
      'degraded',
    ]); // the reason changed to circuit-open
    expect(s.warnings.filter((w) => w.startsWith('feed poll failed'))).toHaveLength(3);
  });

  it('skips malformed JSON with a logged reason, then recovers', async () => {
    const s = await setup(
      route((i) => (i === 0 ? { raw: `{"${SOL}": {"usdPrice": 14` } : good())),
      {
        retries: 0,
      },
    );
    await s.feed.pollPrices();
    await flush();
    expect(ticks(s.events)).toEqual([]);
    expect(s.feed.status()).toMatchObject({
      state: 'degraded',
      reason: /malformed answer: not JSON/,
    });
    expect(s.warnings[0]).toMatch(/feed poll failed.*TEMPORARY_ERROR.*malformed/);
    s.clock.set(NOW + 10_000);
    await s.feed.pollPrices();
    await flush();
    expect(ticks(s.events)).toHaveLength(1);
    expect(s.feed.status().state).toBe('running');
  });

  it.each([
    { name: 'a negative price', prices: { [SOL]: -147, [USDC]: 1 }, why: /is -147, not a finite/ },
    { name: 'a price as a string', prices: { [SOL]: '147', [USDC]: 1 }, why: /the string '147'/ },
    { name: 'a mint left out', prices: { [USDC]: 1 }, why: /no price for So111/ },
  ])('skips $name for that pair only, logging why', async ({ prices, why }) => {
    const s = await setup(route(() => ({ json: priceBody(prices) })));
    await s.feed.pollPrices();
    await flush();
    expect(ticks(s.events)).toEqual([]);
    expect(s.feed.status()).toMatchObject({
      state: 'running',
      skipped: 1,
      lastSkip: { reason: why },
    });
    expect(s.warnings[0]).toMatch(/price skipped/);
  });

  it('answers from the cache within its TTL: one request, no repeated tick', async () => {
    const s = await setup(route(good), { priceTtlMs: 5_000 });
    await s.feed.pollPrices();
    await flush();
    s.clock.set(NOW + 4_999);
    await s.feed.pollPrices();
    await flush();
    expect(s.fake.requests.filter(isPrice)).toHaveLength(1);
    expect(ticks(s.events)).toHaveLength(1); // same answer, same time: no news
    s.clock.set(NOW + 5_000);
    await s.feed.pollPrices();
    await flush();
    expect(s.fake.requests.filter(isPrice)).toHaveLength(2);
    expect(ticks(s.events).map((e) => e.ts)).toEqual([NOW, NOW + 5_000]);
  });
});

describe('live feed: GeckoTerminal candles', () => {
  // newest first, as GeckoTerminal sends them; volume in USD
  const LIST = [
    [at(12), 150, 151, 149, 150.5, 1_505], // 12:00, forming at 12:30
    [at(11), 148, 150.2, 147.5, 150, 3_000], // 11:00
    [at(10), 147, 148.5, 146, 148, 2_960], // 10:00
  ] as const;

  it('reorders newest-first candles, converts units and leaves out the forming one', async () => {
    const s = await setup(route(good, () => ({ json: ohlcvBody(LIST) })));
    const got = await s.feed.history('SOL/USDC', '1h', 10);
    expect(got).toEqual([
      { ts: at(10) * 1000, open: 147, high: 148.5, low: 146, close: 148, volume: 20 }, // 2960 / 148
      { ts: at(11) * 1000, open: 148, high: 150.2, low: 147.5, close: 150, volume: 20 }, // 3000 / 150
    ]);
    const req = s.fake.requests.find(isOhlcv)!;
    expect(req.path).toBe(
      `/api/v2/networks/solana/pools/${POOL}/ohlcv/hour` +
        `?aggregate=1&limit=11&currency=token&token=${SOL}`,
    );
  });

  it('emits each candle once, once closed; the first poll gives only the latest', async () => {
    let list: readonly OhlcvRow[] = LIST;
    const s = await setup(route(good, () => ({ json: ohlcvBody(list) })));
    await s.feed.pollCandles();
    await flush();
    s.clock.set(Date.UTC(2025, 5, 1, 13, 1)); // 12:00 closed; 13:00 forming
    list = [[at(13), 150.5, 151, 150, 150.8, 151], ...LIST];
    await s.feed.pollCandles();
    await flush();
    await s.feed.pollCandles();
    await flush(); // nothing new
    const candles = s.events.filter((e) => e.type === 'candle');
    expect(candles.map((e) => [e.candle.ts, e.candle.close])).toEqual([
      [at(11) * 1000, 150],
      [at(12) * 1000, 150.5],
    ]);
    expect(candles[0]).toMatchObject({ timeframe: '1h', source: 'geckoterminal:ohlcv' });
  });

  it('refuses an answer with an impossible candle, naming the rule', async () => {
    const broken: OhlcvRow[] = [[at(11), 148, 147, 149, 148, 10]]; // high below low
    const s = await setup(
      route(good, () => ({ json: ohlcvBody(broken) })),
      { retries: 0 },
    );
    await expect(s.feed.history('SOL/USDC', '1h', 5)).rejects.toThrow(/high-low/);
    await s.feed.pollCandles();
    await flush();
    expect(s.feed.status()).toMatchObject({ state: 'degraded', reason: /malformed answer/ });
  });

  it('serves history from the cache within its TTL', async () => {
    const s = await setup(
      route(good, () => ({ json: ohlcvBody(LIST) })),
      { candleTtlMs: 30_000 },
    );
    const first = await s.feed.history('SOL/USDC', '1h', 10);
    expect(await s.feed.history('SOL/USDC', '1h', 10)).toEqual(first);
    expect(s.fake.requests.filter(isOhlcv)).toHaveLength(1);
  });

  it('a 5xx is a TemporaryError after the retries', async () => {
    const s = await setup(route(good, () => ({ status: 503, json: {} })));
    const error: unknown = await s.feed.history('SOL/USDC', '1h', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect(s.fake.requests.filter(isOhlcv)).toHaveLength(2);
  });

  it('an unknown pool is a ConfigurationError: the feed fails and its listeners end', async () => {
    const s = await setup(route(good, () => ({ status: 404, json: { errors: [] } })));
    const error: unknown = await s.feed.history('SOL/USDC', '1h', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(s.fake.requests.filter(isOhlcv)).toHaveLength(1); // not retried
    await s.feed.pollCandles();
    await flush();
    expect(s.events.at(-1)).toMatchObject({
      type: 'status',
      state: 'failed',
      error: { code: 'CONFIGURATION_ERROR', message: /not found \(HTTP 404\)/ },
    });
    expect(s.scheduler.pending).toBe(0); // polling stopped
  });

  it('refuses settings GeckoTerminal or Solana cannot serve', () => {
    expect(() => new LiveFeed({ timeframe: '2h' })).toThrow(/no 2h candles/);
    const bad = { pair: 'SOL/USDC', baseMint: 'nope', quoteMint: USDC, pool: POOL };
    expect(() => new LiveFeed({ markets: [bad] })).toThrow(/baseMint is not a Solana address/);
    expect(() => new LiveFeed({ pairs: ['BONK/USDC'] })).toThrow(/no market BONK\/USDC/);
  });
});
