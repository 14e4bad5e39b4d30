/**
 * The bot runtime through the API and Socket.io, on every database: start → decisions arrive live
 * and are listed with their reasoning and status → executed ones link to their orders and trades →
 * the portfolio agrees with the trades; emergency stop and re-arm; manual orders through the same
 * risk gate. The replay runs fast (5 ms per candle) so a test sees hundreds of cycles.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeSockets, collect, connect, connected, next, request } from '../realtime/sockets.js';
import { startTestServer, type Client, type TestServer } from '../support/server.js';
import { DB_BACKENDS, clientsFor, expectError, type Clients } from '../modules/helpers.js';
import { allPages, eventually, tradesAgreeWithPortfolio } from './runtime-helpers.js';

const FAST = { NUMERUSX_REPLAY_PACE_MS: '5' };
/** Trades often enough on SOL/USDT 1h for a test to see entries and exits within seconds. */
const ACTIVE_CONFIG = {
  strategy: { id: 'momentum' },
  pairs: ['SOL/USDT'],
  risk: { minConfidence: 0.3 },
};

describe.each(DB_BACKENDS)('bot runtime on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend, { env: FAST });
    c = await clientsFor(t, 'rt');
    expect((await c.admin.request('PUT', '/bot/config', { body: ACTIVE_CONFIG })).status).toBe(200);
  });
  afterEach(() => {
    closeSockets();
  });
  afterAll(async () => {
    await t.close();
  });

  it('start → ai:decision over the socket → listed with reasoning and status → linked orders and trades → portfolio agrees', async () => {
    const socket = connect(t.url, c.trader.accessToken);
    await connected(socket);
    expect(await request(socket, 'subscribe', { channel: 'bot:default' })).toMatchObject({
      ok: true,
    });
    const decisions = collect(socket, 'ai:decision');
    const first = next(socket, 'ai:decision');
    const started = await c.trader.request('POST', '/bot/start', { body: { reason: 'test' } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ state: 'running', runtimeAvailable: true });
    expect(started.body['feed']).toMatchObject({ source: 'replay:binance-spot' });
    expect((started.body['feed'] as { label: string }).label).toMatch(/Binance spot .* replayed/);
    const d = await first; // the issue asks for 30 s; it comes within the socket helper's 5 s
    expect(d).toMatchObject({ botId: 'default', pair: 'SOL/USDT', provider: 'rules' });
    expect(d.reasoning.length).toBeGreaterThan(0);

    // Run until a trade has closed, so entries, exits, orders and pnl all exist.
    await eventually(async () => {
      const r = await c.viewer.request('GET', '/trades?status=closed&limit=1');
      return (r.body['items'] as unknown[]).length > 0;
    }, 60_000);
    expect((await c.trader.request('POST', '/bot/start')).status).toBe(409); // already running
    expect((await c.trader.request('POST', '/bot/stop')).body).toMatchObject({ state: 'stopped' });

    const listed = await allPages(c.viewer, '/ai/decisions');
    expect(listed.length).toBeGreaterThanOrEqual(
      decisions.filter((x) => x.status !== 'PENDING').length,
    );
    for (const x of listed) {
      expect(x['reasoning']).toEqual(expect.any(String));
      expect(['HOLD', 'EXECUTED', 'VETOED', 'FAILED']).toContain(x['status']);
    }
    // A buy or sell is announced twice: PENDING, then its final status.
    const acted = decisions.filter((x) => x.action !== 'hold');
    expect(acted.some((x) => x.status === 'PENDING')).toBe(true);
    const executed = listed.filter((x) => x['status'] === 'EXECUTED');
    expect(executed.length).toBeGreaterThan(0);
    const orders = await allPages(c.viewer, '/orders');
    const trades = await allPages(c.viewer, '/trades');
    for (const x of executed) {
      const order = orders.find((o) => o['id'] === x['orderId']);
      expect(order, `order of decision ${String(x['id'])}`).toMatchObject({
        decisionId: x['id'],
        source: 'bot',
      });
    }
    const entry = executed.find((x) => x['action'] === 'buy');
    expect(trades.some((tr) => tr['decisionId'] === entry?.['id'])).toBe(true);
    // The decision detail's links: its order by id, its trades and orders by decisionId.
    const byId = await c.viewer.request('GET', `/orders/${String(entry?.['orderId'])}`);
    expect(byId.body).toMatchObject({ id: entry?.['orderId'], decisionId: entry?.['id'] });
    const linked = await c.viewer.request('GET', `/trades?decisionId=${String(entry?.['id'])}`);
    expect((linked.body['items'] as unknown[]).length).toBeGreaterThan(0);
    for (const tr of linked.body['items'] as Record<string, unknown>[]) {
      expect(tr['decisionId']).toBe(entry?.['id']);
    }
    const ordersOf = await c.viewer.request('GET', `/orders?decisionId=${String(entry?.['id'])}`);
    expect(ordersOf.body['items']).toMatchObject([{ id: entry?.['orderId'] }]);
    expect((await c.viewer.request('GET', '/orders/999999')).status).toBe(404);
    // Its detail shows the risk gate's verdict and the inputs the provider saw.
    const detail = await c.viewer.request('GET', `/ai/decisions/${String(entry?.['id'])}`);
    expect(detail.body).toMatchObject({
      riskVerdict: { verdict: expect.stringMatching(/approve|resize/) as string },
      inputs: { price: expect.any(Number) as number, strategy: 'momentum' },
    });
    await tradesAgreeWithPortfolio(c.viewer, 10_000);
    // Decisions older than the horizon (24 candles) have their outcome, and the hub aggregates them.
    const settled = listed.filter((x) => x['outcome'] !== null);
    expect(settled.length).toBeGreaterThan(0);
    for (const x of settled) {
      const o = x['outcome'] as Record<string, number | boolean | null>;
      expect(o['horizonMs']).toBe(24 * 3_600_000);
      expect(o['marketReturn']).toBeCloseTo(
        Number(o['priceAfter']) / Number(o['priceAtDecision']) - 1,
        12,
      );
      expect(o['scored']).toBe(x['action'] !== 'hold');
    }
    const perf = await c.viewer.request('GET', '/ai/performance');
    expect(perf.body['unscored']).toBe(settled.filter((x) => x['action'] === 'hold').length);
    const status = await c.viewer.request('GET', '/bot/status');
    expect(status.body['lastDecisionAt']).toEqual(expect.any(Number));
    const metrics = await (await fetch(`${t.api}/metrics`)).text();
    const cycles = /^numerusx_bot_cycle_seconds_count (\d+)/m.exec(metrics);
    expect(Number(cycles?.[1])).toBeGreaterThan(0);
  });

  it('manual orders: idempotent by clientId, refused by the risk gate with what it allows, cancellable', async () => {
    expect((await c.trader.request('POST', '/bot/start')).status).toBe(200);
    await eventually(
      async () => (await c.viewer.request('GET', '/market/ticker?pair=SOL/USDT')).status === 200,
    );
    const ticker = await c.viewer.request('GET', '/market/ticker?pair=SOL/USDT');
    expect(ticker.body).toMatchObject({ pair: 'SOL/USDT', source: 'replay:binance-spot' });
    const price = ticker.body['price'] as number;

    const limit = {
      type: 'limit',
      pair: 'SOL/USDT',
      side: 'buy',
      quoteAmount: 50,
      price: price / 2,
      clientId: 'far-below',
    };
    const placed = await c.trader.request('POST', '/orders', { body: limit });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ clientId: 'far-below', source: 'manual', type: 'limit' });
    const again = await c.trader.request('POST', '/orders', { body: limit });
    expect(again.body['id']).toBe(placed.body['id']); // the same order, not a second one
    const working = await c.viewer.request('GET', '/orders?status=open');
    expect(
      (working.body['items'] as { clientId: string }[]).filter((o) => o.clientId === 'far-below'),
    ).toHaveLength(1);

    const cancelled = await c.trader.request('DELETE', `/orders/${String(placed.body['id'])}`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });

    const huge = await c.trader.request('POST', '/orders', {
      body: { type: 'market', pair: 'SOL/USDT', side: 'buy', quoteAmount: 9_000 },
    });
    expectError(huge, 422, 'RISK_VETOED');
    expect(
      (huge.body['error'] as { details: { allowedUsd: number } }).details.allowedUsd,
    ).toBeLessThan(9_000);
    expect((await c.viewer.request('POST', '/orders', { body: limit })).status).toBe(403);
    expect((await c.trader.request('POST', '/bot/stop')).status).toBe(200);
  });

  it('emergency stop: halts, sells positions when asked, refuses start until an admin re-arms', async () => {
    expect((await c.trader.request('POST', '/bot/start')).status).toBe(200);
    await eventually(
      async () => (await c.viewer.request('GET', '/market/ticker?pair=SOL/USDT')).status === 200,
    );
    const buy = await c.trader.request('POST', '/orders', {
      body: { type: 'market', pair: 'SOL/USDT', side: 'buy', quoteAmount: 200 },
    });
    expect(buy.status, JSON.stringify(buy.body)).toBe(201);
    await eventually(async () => {
      const p = await c.viewer.request('GET', '/portfolio/positions');
      return (p.body['items'] as unknown[]).length > 0;
    });
    const halted = await c.trader.request('POST', '/bot/emergency-stop', {
      body: { closePositions: true, reason: 'drill' },
    });
    expect(halted.status, JSON.stringify(halted.body)).toBe(200);
    expect(halted.body).toMatchObject({ state: 'emergency-stopped', openPositions: 0 });
    expect((await c.viewer.request('GET', '/portfolio/positions')).body['items']).toEqual([]);
    const trades = await allPages(c.viewer, '/trades');
    expect(trades.some((tr) => tr['exitReason'] === 'emergency')).toBe(true);

    const refused = await c.trader.request('POST', '/bot/start');
    expectError(refused, 409, 'CONFLICT');
    expect((refused.body['error'] as { message: string }).message).toMatch(/re-arm/);
    expect((await c.trader.request('POST', '/bot/rearm')).status).toBe(403);
    expect((await c.admin.request('POST', '/bot/rearm')).body).toMatchObject({ state: 'stopped' });
    expect((await c.trader.request('POST', '/bot/start')).status).toBe(200);
    expect((await c.trader.request('POST', '/bot/stop')).status).toBe(200);
    await tradesAgreeWithPortfolio(c.viewer, 10_000);
  });

  it('a viewer sees the status but cannot control the bot', async () => {
    expect((await c.viewer.request('GET', '/bot/status')).status).toBe(200);
    for (const action of ['start', 'stop', 'emergency-stop']) {
      expectError(await c.viewer.request('POST', `/bot/${action}`), 403, 'FORBIDDEN');
    }
  });
});

describe.each(DB_BACKENDS)('one running bot across two instances on $name', (backend) => {
  let a: TestServer;
  let b: TestServer;
  let admin: Client;
  beforeAll(async () => {
    const env = { ...FAST, NUMERUSX_LEASE_TTL_MS: '1000' };
    a = await startTestServer(backend, { env });
    b = await startTestServer(backend, { env, shareWith: a });
    admin = (await clientsFor(a, 'lease')).admin;
    // A strategy that almost never signals: the position bought by hand below stays open until
    // the emergency stop sells it (the bot would otherwise sell it on its own exit signal).
    const quiet = {
      strategy: { id: 'breakout', params: { entryPeriod: 200, exitPeriod: 200 } },
      pairs: ['SOL/USDT'],
    };
    expect((await admin.request('PUT', '/bot/config', { body: quiet })).status).toBe(200);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('the lease keeps the second instance out; when the first dies the second resumes the bot', async () => {
    expect((await admin.request('POST', '/bot/start')).status).toBe(200);
    const onB = new (admin.constructor as typeof Client)(b.api);
    onB.accessToken = admin.accessToken;
    const refused = await onB.request('POST', '/bot/start');
    expectError(refused, 409, 'CONFLICT');
    expect((refused.body['error'] as { message: string }).message).toMatch(/another instance/);
    const seenFromB = await onB.request('GET', '/bot/status');
    expect(seenFromB.body['state']).toBe('running');
    const holderA = seenFromB.body['instance'];
    expect(holderA).toEqual(expect.any(String));

    // An emergency stop sent to B reaches the bot running on A: halted, positions sold.
    const onA = admin;
    await eventually(
      async () => (await onA.request('GET', '/market/ticker?pair=SOL/USDT')).status === 200,
    );
    const buy = await onA.request('POST', '/orders', {
      body: { type: 'market', pair: 'SOL/USDT', side: 'buy', quoteAmount: 100 },
    });
    expect(buy.status, JSON.stringify(buy.body)).toBe(201);
    await eventually(async () => {
      const p = await onB.request('GET', '/portfolio/positions');
      return (p.body['items'] as unknown[]).length > 0;
    });
    const halted = await onB.request('POST', '/bot/emergency-stop', {
      body: { closePositions: true },
    });
    expect(halted.status).toBe(200);
    await eventually(async () => {
      const s = await onA.request('GET', '/bot/status');
      const p = await onA.request('GET', '/portfolio/positions');
      return s.body['state'] === 'emergency-stopped' && (p.body['items'] as unknown[]).length === 0;
    });
    expect((await onB.request('GET', '/bot/status')).body['state']).toBe('emergency-stopped');
    expect((await onB.request('POST', '/bot/rearm')).status).toBe(200);
    expect((await onA.request('GET', '/bot/status')).body['state']).toBe('stopped');
    expect((await onA.request('POST', '/bot/start')).status).toBe(200);

    await a.server.close(); // the owner left it running: B takes over once A's lease is free
    await eventually(async () => {
      const s = await onB.request('GET', '/bot/status');
      return (
        s.body['state'] === 'running' && s.body['instance'] !== holderA && s.body['cycles'] !== 0
      );
    }, 15_000);
    expect((await onB.request('POST', '/bot/stop')).status).toBe(200);
  });
});
