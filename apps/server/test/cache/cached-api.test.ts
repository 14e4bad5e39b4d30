/**
 * The hot reads through the API with the read cache in front: one filter's answer is never served
 * for another, a cached answer is the same bytes and the same schema as the first one, and a direct
 * database write shows at once after invalidate() — or, if nobody invalidates, after the TTL.
 */
import {
  HistoryPage,
  PortfolioOverview,
  PortfolioPerformance,
  PositionsPage,
  TradeStats,
  TradeView,
  TradesPage,
} from '@numerusx/contracts';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_TTL_MS } from '../../src/cache/cached-reads.js';
import { adminClient, startTestServer, type Client, type TestServer } from '../support/server.js';
import { DB_BACKENDS, HOUR, JAN_1_2024, qs } from '../modules/helpers.js';

//           pair        entry (h)  pnl
const TRADES: [string, number, number][] = [
  ['SOL/USDC', 1, 10],
  ['ETH/USDC', 2, -5],
  ['SOL/USDC', 3, 7],
  ['ETH/USDC', 4, 3],
  ['SOL/USDC', 5, -2],
];

describe.each(DB_BACKENDS)('read cache on $name', (backend) => {
  let t: TestServer;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestServer(backend);
    admin = await adminClient(t);
    await insertTrades(t, TRADES);
    await t.server.services.trades.invalidate();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The raw answer: status, text and parsed body. */
  async function get(path: string) {
    const res = await fetch(`${t.api}${path}`, {
      headers: { authorization: `Bearer ${admin.accessToken ?? ''}` },
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
  }

  const pairsOf = (body: Record<string, unknown>) =>
    (body['items'] as { pair: string }[]).map((i) => i.pair);

  it('pair=SOL/USDC and pair=ETH/USDC never get each other’s cached page or statistics', async () => {
    for (let round = 0; round < 2; round++) {
      // Round 0 fills the cache, round 1 answers from it: the same answers either way.
      const sol = await get(`/trades${qs({ pair: 'SOL/USDC' })}`);
      const eth = await get(`/trades${qs({ pair: 'ETH/USDC' })}`);
      expect(pairsOf(sol.body)).toEqual(['SOL/USDC', 'SOL/USDC', 'SOL/USDC']);
      expect(pairsOf(eth.body)).toEqual(['ETH/USDC', 'ETH/USDC']);
      const solStats = await get(`/trades/stats${qs({ pair: 'SOL/USDC' })}`);
      const ethStats = await get(`/trades/stats${qs({ pair: 'ETH/USDC' })}`);
      expect(solStats.body).toMatchObject({ closed: 3, totalPnl: 15 }); // 10 + 7 − 2
      expect(ethStats.body).toMatchObject({ closed: 2, totalPnl: -2 }); // −5 + 3
    }
  });

  it('page size, cursor and the other filters are part of the key too', async () => {
    const all = await get('/trades');
    const one = await get(`/trades${qs({ limit: 1 })}`);
    expect(all.body['items']).toHaveLength(5);
    expect(one.body['items']).toHaveLength(1);
    const next = await get(`/trades${qs({ limit: 1, cursor: one.body['nextCursor'] as string })}`);
    expect((next.body['items'] as { id: number }[])[0]?.id).toBeLessThan(
      (one.body['items'] as { id: number }[])[0]!.id,
    );
    const early = await get(`/trades${qs({ to: JAN_1_2024 + 2 * HOUR })}`);
    expect(early.body['items']).toHaveLength(2); // entries at 1 h and 2 h
    expect((await get(`/trades${qs({ side: 'sell' })}`)).body['items']).toEqual([]);
  });

  it.each<[string, TSchema]>([
    ['/trades', TradesPage],
    ['/trades/stats', TradeStats],
    ['/portfolio/overview', PortfolioOverview],
    ['/portfolio/positions', PositionsPage],
    ['/portfolio/history', HistoryPage],
    ['/portfolio/performance', PortfolioPerformance],
  ])(
    'GET %s from the cache: the same bytes as the first answer, in its schema',
    async (path, schema) => {
      const first = await get(path);
      const cached = await get(path);
      expect(first.status).toBe(200);
      expect(cached.text).toBe(first.text);
      expect([...Value.Errors(schema, cached.body)]).toEqual([]);
    },
  );

  it('GET /trades/:id from the cache keeps its schema; an unknown id stays a 404', async () => {
    const id = (await get(`/trades${qs({ limit: 1 })}`)).body['items'] as { id: number }[];
    const first = await get(`/trades/${id[0]!.id}`);
    const cached = await get(`/trades/${id[0]!.id}`);
    expect(cached.text).toBe(first.text);
    expect([...Value.Errors(TradeView, cached.body)]).toEqual([]);
    for (let i = 0; i < 2; i++) expect((await get('/trades/999999')).status).toBe(404);
  });

  it('a direct write is served stale within the TTL, fresh after invalidate(), or after the TTL', async () => {
    const path = `/trades${qs({ pair: 'SOL/USDC' })}`;
    expect((await get(path)).body['items']).toHaveLength(3);
    await insertTrades(t, [['SOL/USDC', 6, 1]]);
    // Nobody told the cache: the TTL bounds how long the old page is served.
    expect((await get(path)).body['items']).toHaveLength(3);
    await t.server.services.trades.invalidate();
    expect((await get(path)).body['items']).toHaveLength(4);

    await insertTrades(t, [['SOL/USDC', 7, 1]]);
    expect((await get(path)).body['items']).toHaveLength(4);
    t.clock.offsetMs += DEFAULT_READ_TTL_MS; // the entry's time to live is over
    try {
      expect((await get(path)).body['items']).toHaveLength(5);
    } finally {
      t.clock.offsetMs -= DEFAULT_READ_TTL_MS;
    }
  });
});

async function insertTrades(t: TestServer, rows: readonly [string, number, number][]) {
  await t.server.db.kysely
    .insertInto('trades')
    .values(
      rows.map(([pair, entryH, pnl]) => ({
        bot_id: 'default',
        pair,
        side: 'buy' as const,
        entry_ts: JAN_1_2024 + entryH * HOUR,
        entry_price: 100,
        exit_ts: JAN_1_2024 + (entryH + 0.5) * HOUR,
        exit_price: 100 + pnl,
        qty: 1,
        fee: 0,
        pnl,
        exit_reason: 'signal',
        order_id: null,
        decision_id: null,
        created_at: JAN_1_2024,
      })),
    )
    .execute();
}
