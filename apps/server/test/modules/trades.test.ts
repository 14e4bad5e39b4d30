/** /trades: filtered pages, one trade, and statistics computed in SQL over fixture trades. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  DB_BACKENDS,
  HOSTILE,
  JAN_1_2024,
  HOUR,
  clientsFor,
  expectError,
  qs,
  type Clients,
} from './helpers.js';

//          pair        entry (h)  exit (h)  pnl   fee
const TRADES: [string, number, number | null, number | null, number][] = [
  ['SOL/USDC', 1, 5, 30, 2], //    win
  ['SOL/USDC', 6, 9, -10, 1], //   loss
  ['ETH/USDC', 2, 8, 20, 1.5], //  win
  ['SOL/USDC', 10, null, null, 0.5], // still open
];

describe.each(DB_BACKENDS)('trades on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  let ids: number[];
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'tr');
  });
  afterAll(async () => {
    await t.close();
  });

  it('no trades: empty list and stats with null ratios', async () => {
    expect((await c.viewer.request('GET', '/trades')).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await c.viewer.request('GET', '/trades/stats')).body).toEqual({
      closed: 0,
      open: 0,
      wins: 0,
      losses: 0,
      breakeven: 0,
      winRate: null,
      totalPnl: 0,
      grossProfit: 0,
      grossLoss: 0,
      fees: 0,
      profitFactor: null,
      expectancy: null,
      bestTrade: null,
      worstTrade: null,
    });
    expect((await c.viewer.request('GET', '/trades', { token: null })).status).toBe(401);
  });

  it('stats over all closed trades', async () => {
    const rows = await t.server.db.kysely
      .insertInto('trades')
      .values(TRADES.map(([pair, entry, exit, pnl, fee]) => trade(pair, entry, exit, pnl, fee)))
      .returning('id')
      .execute();
    ids = rows.map((r) => r.id);
    // What the bot's ledger does after each write: the empty answers cached above must go.
    await t.server.services.trades.invalidate();
    const r = await c.viewer.request('GET', '/trades/stats');
    expect(r.body).toMatchObject({
      closed: 3,
      open: 1,
      wins: 2,
      losses: 1,
      breakeven: 0,
      totalPnl: 40, // 30 − 10 + 20
      grossProfit: 50, // 30 + 20
      grossLoss: 10,
      fees: 4.5, // 2 + 1 + 1.5 (closed trades only)
      profitFactor: 5, // 50 / 10
      bestTrade: 30,
      worstTrade: -10,
    });
    expect(r.body['winRate']).toBeCloseTo(2 / 3, 12);
    expect(r.body['expectancy']).toBeCloseTo(40 / 3, 12);
  });

  it('stats by pair and by exit time', async () => {
    const sol = await c.viewer.request('GET', `/trades/stats${qs({ pair: 'SOL/USDC' })}`);
    expect(sol.body).toMatchObject({
      closed: 2,
      open: 1,
      wins: 1,
      losses: 1,
      winRate: 0.5, // 1 / 2
      totalPnl: 20, // 30 − 10
      profitFactor: 3, // 30 / 10
    });
    // Exits at hours 5 and 8 fall in [4 h, 8 h]; the exit at 9 h does not.
    const early = await c.viewer.request(
      'GET',
      `/trades/stats${qs({ from: JAN_1_2024 + 4 * HOUR, to: JAN_1_2024 + 8 * HOUR })}`,
    );
    expect(early.body).toMatchObject({
      closed: 2,
      wins: 2,
      losses: 0,
      profitFactor: null,
      totalPnl: 50,
    });
  });

  it('lists newest first, filters, pages with the cursor', async () => {
    const all = await c.viewer.request('GET', '/trades');
    expect((all.body['items'] as { id: number }[]).map((x) => x.id)).toEqual([...ids].reverse());
    const open = await c.viewer.request('GET', `/trades${qs({ status: 'open' })}`);
    expect(open.body['items']).toMatchObject([
      { id: ids[3], status: 'open', exitTs: null, pnl: null },
    ]);
    const eth = await c.viewer.request('GET', `/trades${qs({ pair: 'ETH/USDC' })}`);
    expect(eth.body['items']).toMatchObject([{ pair: 'ETH/USDC', pnl: 20, status: 'closed' }]);
    expect((await c.viewer.request('GET', `/trades${qs({ side: 'sell' })}`)).body['items']).toEqual(
      [],
    );
    const entries = await c.viewer.request(
      'GET',
      `/trades${qs({ from: JAN_1_2024 + 2 * HOUR, to: JAN_1_2024 + 6 * HOUR })}`,
    );
    expect((entries.body['items'] as { id: number }[]).map((x) => x.id)).toEqual([ids[2], ids[1]]); // entries at 6 h and 2 h, newest id first
    const p1 = await c.viewer.request('GET', `/trades${qs({ limit: 3 })}`);
    expect(p1.body['items']).toHaveLength(3);
    const p2 = await c.viewer.request(
      'GET',
      `/trades${qs({ limit: 3, cursor: p1.body['nextCursor'] as string })}`,
    );
    expect(p2.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
  });

  it('GET /trades/:id: the trade, 404 when unknown, 400 when not an id', async () => {
    const r = await c.viewer.request('GET', `/trades/${ids[0]}`);
    expect(r.body).toMatchObject({
      id: ids[0],
      pair: 'SOL/USDC',
      entryPrice: 100,
      exitPrice: 132, // 100 + pnl 30 + fee 2
      fee: 2,
    });
    expectError(await c.viewer.request('GET', '/trades/999999'), 404, 'NOT_FOUND');
    expectError(await c.viewer.request('GET', '/trades/abc'), 400, 'VALIDATION_ERROR');
    expectError(await c.viewer.request('GET', '/trades/0'), 400, 'VALIDATION_ERROR');
    expectError(
      await c.viewer.request('GET', `/trades/${encodeURIComponent('1 OR 1=1')}`),
      400,
      'VALIDATION_ERROR',
    );
  });

  it.each([
    ...HOSTILE.map((pair) => ['/trades', { pair }] as const),
    ...HOSTILE.map((pair) => ['/trades/stats', { pair }] as const),
    ['/trades', { side: "buy' --" }],
    ['/trades', { status: 'pending' }],
    ['/trades', { pair: 'sol/usdc' }],
    ['/trades', { cursor: '-1' }],
    ['/trades', { limit: 201 }],
    ['/trades', { from: 'now' }],
    ['/trades', { from: 10, to: 5 }],
    ['/trades', { sort: 'pnl' }],
    ['/trades/stats', { side: 'buy' }],
    ['/trades/stats', { from: 10, to: 5 }],
  ] as const)('GET %s refuses %o with a 400', async (path, q) => {
    expectError(await c.viewer.request('GET', `${path}${qs(q)}`), 400, 'VALIDATION_ERROR');
  });
});

function trade(
  pair: string,
  entryH: number,
  exitH: number | null,
  pnl: number | null,
  fee: number,
) {
  const exit = exitH === null ? null : JAN_1_2024 + exitH * HOUR;
  return {
    bot_id: 'default',
    pair,
    side: 'buy' as const,
    entry_ts: JAN_1_2024 + entryH * HOUR,
    entry_price: 100,
    exit_ts: exit,
    exit_price: pnl === null ? null : 100 + pnl + fee,
    qty: 1,
    fee,
    pnl,
    exit_reason: exit === null ? null : 'signal',
    order_id: null,
    decision_id: null,
    created_at: JAN_1_2024,
  };
}
