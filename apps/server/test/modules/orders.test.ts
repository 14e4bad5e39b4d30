/**
 * /orders: lists from the database; POST validates every order type in full (400 with the reason)
 * before it needs the running bot (409 while stopped); DELETE distinguishes 404 and 409. Orders on a
 * running bot are in runtime/manual-orders.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  DB_BACKENDS,
  HOSTILE,
  auditOf,
  clientsFor,
  expectError,
  qs,
  type Clients,
} from './helpers.js';

const FUTURE = Date.now() + 86_400_000;

/** One valid request of every type: each passes validation, then meets the stopped bot. */
const VALID: Record<string, unknown>[] = [
  { type: 'market', pair: 'SOL/USDC', side: 'buy', quoteAmount: 100 },
  { type: 'market', pair: 'SOL/USDC', side: 'sell', qty: 'all', reason: 'manual' },
  {
    type: 'limit',
    pair: 'SOL/USDC',
    side: 'buy',
    qty: 1.5,
    price: 90,
    tif: 'GTD',
    expiresAt: FUTURE,
  },
  { type: 'stop-loss', pair: 'SOL/USDC', stopPrice: 80 },
  { type: 'take-profit', pair: 'SOL/USDC', price: 150, qty: 0.5 },
  { type: 'trailing-stop', pair: 'SOL/USDC', trail: { percent: 5 } },
  { type: 'trailing-stop', pair: 'SOL/USDC', trail: { atrMultiple: 2, atrPeriod: 14 } },
  {
    type: 'bracket',
    pair: 'SOL/USDC',
    quoteAmount: 100,
    entryPrice: 100,
    stopPrice: 95,
    takeProfitPrice: 110,
  },
  { type: 'dca', mode: 'schedule', pair: 'SOL/USDC', quoteAmount: 50, count: 4, everyBars: 24 },
  {
    type: 'dca',
    mode: 'safety',
    pair: 'SOL/USDC',
    quoteAmount: 50,
    stepPct: 2,
    scale: 1.5,
    maxSafetyOrders: 3,
  },
  {
    type: 'conditional',
    pair: 'SOL/USDC',
    side: 'buy',
    quoteAmount: 100,
    condition: 'close > sma200 * 1.02 and rsi14 < 70',
  },
];

/** Bad requests and a fragment of the message that must explain them. */
const INVALID: [string, unknown, string][] = [
  ['no type', { pair: 'SOL/USDC', side: 'buy', qty: 1 }, 'type must be one of'],
  ['unknown type', { type: 'iceberg', pair: 'SOL/USDC' }, 'type must be one of'],
  ['not an object', [1, 2], 'must be an object'],
  ['dca without mode', { type: 'dca', pair: 'SOL/USDC', quoteAmount: 5 }, 'mode'],
  ['limit without price', { type: 'limit', pair: 'SOL/USDC', side: 'buy', qty: 1 }, 'body.price'],
  [
    'unknown field',
    { type: 'market', pair: 'SOL/USDC', side: 'buy', qty: 1, leverage: 10 },
    'unknown field "leverage"',
  ],
  ['qty as a string', { type: 'market', pair: 'SOL/USDC', side: 'buy', qty: '1' }, 'body.qty'],
  [
    'negative price',
    { type: 'limit', pair: 'SOL/USDC', side: 'buy', qty: 1, price: -5 },
    'body.price',
  ],
  [
    'injected pair',
    { type: 'market', pair: "SOL/USDC' OR 1=1 --", side: 'buy', qty: 1 },
    'body.pair',
  ],
  ['bad side', { type: 'market', pair: 'SOL/USDC', side: 'short', qty: 1 }, 'body.side'],
  [
    'buy with qty and quoteAmount',
    { type: 'market', pair: 'SOL/USDC', side: 'buy', qty: 1, quoteAmount: 5 },
    'exactly one of qty',
  ],
  ['buy without size', { type: 'market', pair: 'SOL/USDC', side: 'buy' }, 'exactly one of qty'],
  ['buy all', { type: 'market', pair: 'SOL/USDC', side: 'buy', qty: 'all' }, 'for sells'],
  [
    'sell by quote',
    { type: 'market', pair: 'SOL/USDC', side: 'sell', quoteAmount: 5 },
    'not quoteAmount',
  ],
  [
    'reason on a buy',
    { type: 'market', pair: 'SOL/USDC', side: 'buy', qty: 1, reason: 'manual' },
    'sells only',
  ],
  ['dust qty', { type: 'market', pair: 'SOL/USDC', side: 'sell', qty: 1e-12 }, 'rounds down to 0'],
  [
    'stop-loss as a buy',
    { type: 'stop-loss', pair: 'SOL/USDC', side: 'buy', stopPrice: 80 },
    'body.side',
  ],
  [
    'GTD without expiry',
    { type: 'limit', pair: 'SOL/USDC', side: 'buy', qty: 1, price: 90, tif: 'GTD' },
    'GTD needs expiresAt',
  ],
  [
    'GTD in the past',
    {
      type: 'limit',
      pair: 'SOL/USDC',
      side: 'buy',
      qty: 1,
      price: 90,
      tif: 'GTD',
      expiresAt: 1000,
    },
    'GTD needs expiresAt',
  ],
  [
    'expiry without GTD',
    { type: 'limit', pair: 'SOL/USDC', side: 'buy', qty: 1, price: 90, expiresAt: FUTURE },
    'only for tif GTD',
  ],
  [
    'bracket stop above target',
    { type: 'bracket', pair: 'SOL/USDC', quoteAmount: 100, stopPrice: 120, takeProfitPrice: 110 },
    'stop < target',
  ],
  [
    'bracket entry outside',
    {
      type: 'bracket',
      pair: 'SOL/USDC',
      quoteAmount: 100,
      entryPrice: 130,
      stopPrice: 95,
      takeProfitPrice: 110,
    },
    'stop < entry < target',
  ],
  [
    'bracket market entry with tif',
    { type: 'bracket', pair: 'SOL/USDC', qty: 1, tif: 'IOC', stopPrice: 95, takeProfitPrice: 110 },
    'limit entry',
  ],
  [
    'trail of 100 %',
    { type: 'trailing-stop', pair: 'SOL/USDC', trail: { percent: 100 } },
    'body.trail',
  ],
  [
    'dca count 0',
    { type: 'dca', mode: 'schedule', pair: 'SOL/USDC', quoteAmount: 5, count: 0, everyBars: 1 },
    'body.count',
  ],
  [
    'condition syntax',
    { type: 'conditional', pair: 'SOL/USDC', side: 'buy', qty: 1, condition: 'close >' },
    'column',
  ],
  [
    'condition unknown name',
    {
      type: 'conditional',
      pair: 'SOL/USDC',
      side: 'buy',
      qty: 1,
      condition: 'price > 5; DROP TABLE orders',
    },
    'condition',
  ],
];

describe.each(DB_BACKENDS)('orders on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  let openId: number;
  let filledId: number;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'ord');
    const rows = await t.server.db.kysely
      .insertInto('orders')
      .values([order('c-1', 'open', 'SOL/USDC'), order('c-2', 'filled', 'ETH/USDC')])
      .returning('id')
      .execute();
    [openId, filledId] = rows.map((r) => r.id) as [number, number];
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /orders: newest first, filtered by status, pair and side', async () => {
    const all = await c.viewer.request('GET', '/orders');
    expect(all.body).toMatchObject({ items: [{ id: filledId }, { id: openId }], nextCursor: null });
    const open = await c.viewer.request('GET', `/orders${qs({ status: 'open' })}`);
    expect(open.body['items']).toMatchObject([
      { id: openId, clientId: 'c-1', type: 'limit', limitPrice: 95, source: 'manual' },
    ]);
    expect(
      (await c.viewer.request('GET', `/orders${qs({ pair: 'ETH/USDC' })}`)).body['items'],
    ).toMatchObject([{ id: filledId }]);
    expect((await c.viewer.request('GET', `/orders${qs({ side: 'sell' })}`)).body['items']).toEqual(
      [],
    );
  });

  it.each([
    ...HOSTILE.map((pair) => ({ pair })),
    { status: 'OPEN' },
    { status: "open' OR '1'='1" },
    { limit: -1 },
    { owner: 'me' },
  ])('GET /orders refuses %o with a 400', async (q) => {
    expectError(await c.viewer.request('GET', `/orders${qs(q)}`), 400, 'VALIDATION_ERROR');
  });

  it.each(VALID)(
    'POST /orders %o: valid, but the bot is stopped: 409 saying so, and an audited attempt',
    async (body) => {
      const r = await c.trader.request('POST', '/orders', { body });
      expectError(r, 409, 'CONFLICT');
      expect((r.body['error'] as { message: string }).message).toMatch(/start it first/);
      const [latest] = await auditOf(c.admin, 'order.create');
      expect(latest).toMatchObject({
        outcome: 'failed',
        actorName: 'ord-trader',
        details: { request: body, error: 'CONFLICT' },
      });
    },
  );

  it.each(INVALID)('POST /orders refuses %s with a 400 that says why', async (_name, body, why) => {
    const r = await c.trader.request('POST', '/orders', { body });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(['VALIDATION_ERROR', 'INVALID_ORDER']).toContain(
      (r.body['error'] as { code: string }).code,
    );
    expect((r.body['error'] as { message: string }).message).toContain(why);
  });

  it('POST /orders: a viewer is refused before validation; malformed JSON is a 400', async () => {
    expectError(await c.viewer.request('POST', '/orders', { body: VALID[0] }), 403, 'FORBIDDEN');
    expect((await c.viewer.request('POST', '/orders', { body: {} })).status).toBe(403);
    const broken = await c.trader.request('POST', '/orders', { rawBody: '{"type": "market",' });
    expect(broken.status).toBe(400);
  });

  it('DELETE /orders/:id: 404 unknown, 409 final, 409 for a working order of a stopped bot', async () => {
    expectError(await c.viewer.request('DELETE', `/orders/${openId}`), 403, 'FORBIDDEN');
    expectError(await c.trader.request('DELETE', '/orders/999999'), 404, 'NOT_FOUND');
    expectError(await c.trader.request('DELETE', '/orders/abc'), 400, 'VALIDATION_ERROR');
    const filled = await c.trader.request('DELETE', `/orders/${filledId}`);
    expectError(filled, 409, 'CONFLICT');
    expect((filled.body['error'] as { message: string }).message).toContain('filled');
    const working = await c.trader.request('DELETE', `/orders/${openId}`);
    expectError(working, 409, 'CONFLICT');
    expect((working.body['error'] as { message: string }).message).toMatch(/bot is stopped/);
  });
});

function order(clientId: string, status: string, pair: string) {
  return {
    client_id: clientId,
    bot_id: 'default',
    pair,
    side: 'buy' as const,
    type: 'limit',
    status,
    qty: 1,
    quote_size: null,
    limit_price: 95,
    stop_price: null,
    filled_qty: status === 'filled' ? 1 : 0,
    avg_fill_price: status === 'filled' ? 95 : null,
    fee: 0,
    source: 'manual' as const,
    decision_id: null,
    created_by: 1,
    details: null,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  };
}
