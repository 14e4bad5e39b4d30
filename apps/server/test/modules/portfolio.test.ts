/**
 * /portfolio from stored snapshots and positions: an explicit empty state first, then fixtures whose
 * overview, history buckets and performance metrics are worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  DAY,
  DB_BACKENDS,
  HOSTILE,
  HOUR,
  JAN_1_2024,
  clientsFor,
  expectError,
  qs,
  type Clients,
} from './helpers.js';

/** Snapshots at fixed 2024 dates (daily buckets must not depend on when the test runs). */
//       time                 equity  positions value
const HISTORY: [number, number, number][] = [
  [JAN_1_2024 + 1 * HOUR, 10_000, 0], //     Jan 1 01:00  the first snapshot: initial capital
  [JAN_1_2024 + 20 * HOUR, 10_100, 5_000], // Jan 1 20:00  Jan 1 close (exposed)
  [JAN_1_2024 + DAY + 12 * HOUR, 9_900, 5_000], // Jan 2 12:00  Jan 2 close (exposed), the trough
  [JAN_1_2024 + 2 * DAY + 6 * HOUR, 10_200, 0], // Jan 3 06:00
  [JAN_1_2024 + 2 * DAY + 18 * HOUR, 10_400, 0], // Jan 3 18:00  Jan 3 close
];
const JAN_4 = JAN_1_2024 + 3 * DAY;

describe.each(DB_BACKENDS)('portfolio on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'pf');
  });
  afterAll(async () => {
    await t.close();
  });

  it('before the bot has run: hasData false and nulls, not zeros', async () => {
    const overview = await c.viewer.request('GET', '/portfolio/overview');
    expect(overview.status).toBe(200);
    expect(overview.body).toEqual({
      botId: 'default',
      hasData: false,
      asOf: null,
      equity: null,
      cash: null,
      positionsValue: null,
      realizedPnl: null,
      unrealizedPnl: null,
      fees: null,
      change24h: null,
      positions: [],
    });
    expect((await c.viewer.request('GET', '/portfolio/performance')).body).toEqual({
      hasData: false,
      from: null,
      to: null,
      days: 0,
      startEquity: null,
      endEquity: null,
      metrics: null,
    });
    expect((await c.viewer.request('GET', '/portfolio/history')).body).toEqual({
      interval: 'raw',
      items: [],
      nextCursor: null,
    });
    expect((await c.viewer.request('GET', '/portfolio/positions')).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await c.viewer.request('GET', '/portfolio/overview', { token: null })).status).toBe(
      401,
    );
  });

  it('history: every snapshot oldest first, paged forward, or the last of each day/hour', async () => {
    await t.server.db.kysely
      .insertInto('portfolio_snapshots')
      .values(HISTORY.map(([ts, equity, pv]) => snapshot(ts, equity, pv)))
      .execute();
    // What the ledger does after each write: cached answers must not outlive the data they came from.
    await t.server.services.portfolio.invalidate();
    const range = { from: JAN_1_2024, to: JAN_4 };
    const p1 = await c.viewer.request('GET', `/portfolio/history${qs({ ...range, limit: 3 })}`);
    expect((p1.body['items'] as { equity: number }[]).map((p) => p.equity)).toEqual([
      10_000, 10_100, 9_900,
    ]);
    const p2 = await c.viewer.request(
      'GET',
      `/portfolio/history${qs({ ...range, limit: 3, cursor: p1.body['nextCursor'] as string })}`,
    );
    expect(p2.body).toMatchObject({ nextCursor: null });
    expect((p2.body['items'] as { equity: number }[]).map((p) => p.equity)).toEqual([
      10_200, 10_400,
    ]);
    const daily = await c.viewer.request(
      'GET',
      `/portfolio/history${qs({ ...range, interval: '1d' })}`,
    );
    // The last snapshot of Jan 1, Jan 2 and Jan 3.
    expect((daily.body['items'] as { ts: number; equity: number }[]).map((p) => p.equity)).toEqual([
      10_100, 9_900, 10_400,
    ]);
    const hourly = await c.viewer.request(
      'GET',
      `/portfolio/history${qs({ ...range, interval: '1h' })}`,
    );
    expect(hourly.body['items']).toHaveLength(5); // each snapshot is in its own hour
    const jan2 = await c.viewer.request(
      'GET',
      `/portfolio/history${qs({ from: JAN_1_2024 + DAY, to: JAN_1_2024 + 2 * DAY - 1 })}`,
    );
    expect(jan2.body['items']).toMatchObject([
      { equity: 9_900, cash: 4_900, positionsValue: 5_000 },
    ]);
  });

  it('performance: the core metrics of the daily closes and the trades closed in the range', async () => {
    await t.server.db.kysely
      .insertInto('trades')
      .values([
        trade(JAN_1_2024 + 2 * HOUR, JAN_1_2024 + DAY + 2 * HOUR, 50), // closed Jan 2: win
        trade(JAN_1_2024 + DAY + 3 * HOUR, JAN_1_2024 + 2 * DAY, -20), // closed Jan 3: loss
        trade(JAN_4 + HOUR, JAN_4 + 5 * HOUR, 999), // closed after the range: left out
      ])
      .execute();
    await t.server.services.trades.invalidate();
    const r = await c.viewer.request(
      'GET',
      `/portfolio/performance${qs({ from: JAN_1_2024, to: JAN_4 })}`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      hasData: true,
      from: JAN_1_2024 + HOUR, // the first snapshot: the starting capital
      to: JAN_1_2024 + 2 * DAY + 18 * HOUR,
      days: 3,
      startEquity: 10_000, // the first snapshot of the range
      endEquity: 10_400,
    });
    const m = r.body['metrics'] as Record<string, number | null>;
    expect(m['totalReturn']).toBeCloseTo(0.04, 12); // 10 400 / 10 000 − 1
    expect(m['maxDrawdown']).toBeCloseTo(1 - 9_900 / 10_100, 12); // peak Jan 1, trough Jan 2
    expect(m['tradeCount']).toBe(2);
    expect(m['winRate']).toBe(0.5); // 1 win of 2
    expect(m['profitFactor']).toBe(2.5); // 50 / |−20|
    expect(m['expectancy']).toBe(15); // (50 − 20) / 2
    expect(m['exposure']).toBeCloseTo(2 / 3, 12); // Jan 1 and Jan 2 closed with a position
    expect(m['periodsPerYear']).toBe(365.25); // daily points

    const empty = await c.viewer.request(
      'GET',
      `/portfolio/performance${qs({ from: Date.UTC(2023, 0, 1), to: Date.UTC(2023, 1, 1) })}`,
    );
    expect(empty.body).toMatchObject({ hasData: false, days: 0, metrics: null });
  });

  it('overview: the latest snapshot, positions and the change against 24 h ago', async () => {
    const now = Date.now();
    await t.server.db.kysely
      .insertInto('portfolio_snapshots')
      .values([
        snapshot(now - 30 * HOUR, 9_900, 0), // the last one at least 24 h old
        snapshot(now - 20 * HOUR, 10_100, 0),
        snapshot(now - HOUR, 10_400, 1_100), // the latest
      ])
      .execute();
    await t.server.db.kysely
      .insertInto('positions')
      .values([position('SOL', 10, 100, 110), position('ETH', 0, 2_000, 2_100)])
      .execute();
    await t.server.services.portfolio.invalidate();
    const r = await c.viewer.request('GET', '/portfolio/overview');
    expect(r.body).toMatchObject({
      hasData: true,
      asOf: now - HOUR,
      equity: 10_400,
      cash: 9_300, // 10 400 − 1 100
      positionsValue: 1_100,
      change24h: { since: now - 30 * HOUR, abs: 500 }, // 10 400 − 9 900
      positions: [
        // ETH is flat (qty 0): not an open position.
        { asset: 'SOL', qty: 10, avgEntry: 100, mark: 110, value: 1_100, unrealizedPnl: 100 },
      ],
    });
    const change = r.body['change24h'] as { pct: number };
    expect(change.pct).toBeCloseTo(10_400 / 9_900 - 1, 12);
    const positions = await c.viewer.request('GET', `/portfolio/positions${qs({ limit: 1 })}`);
    expect(positions.body).toMatchObject({
      items: [{ asset: 'SOL', value: 1_100 }],
      nextCursor: null,
    });
  });

  it.each([
    ['/portfolio/history', { interval: 'weekly' }],
    ['/portfolio/history', { from: 10, to: 5 }],
    ['/portfolio/history', { limit: 0 }],
    ['/portfolio/history', { limit: 5000 }],
    ['/portfolio/history', { cursor: "1' OR '1'='1" }],
    ['/portfolio/history', { bucket: '1d' }],
    ['/portfolio/performance', { from: 'last week' }],
    ['/portfolio/performance', { from: 10, to: 5 }],
    ['/portfolio/performance', { from: -1 }],
    ['/portfolio/positions', { cursor: HOSTILE[0]! }],
    ['/portfolio/positions', { asset: 'SOL' }],
  ])('GET %s refuses %o with a 400', async (path, q) => {
    expectError(await c.viewer.request('GET', `${path}${qs(q)}`), 400, 'VALIDATION_ERROR');
  });
});

function snapshot(ts: number, equity: number, positionsValue: number) {
  return {
    bot_id: 'default',
    ts,
    cash: equity - positionsValue,
    positions_value: positionsValue,
    equity,
    realized_pnl: 0,
    unrealized_pnl: 0,
    fees: 0,
  };
}

function position(asset: string, qty: number, avgEntry: number, mark: number) {
  return {
    bot_id: 'default',
    asset,
    qty,
    avg_entry: avgEntry,
    mark,
    realized_pnl: 0,
    updated_at: Date.now(),
  };
}

function trade(entryTs: number, exitTs: number, pnl: number) {
  return {
    bot_id: 'default',
    pair: 'SOL/USDC',
    side: 'buy' as const,
    entry_ts: entryTs,
    entry_price: 100,
    exit_ts: exitTs,
    exit_price: 100 + pnl,
    qty: 1,
    fee: 0,
    pnl,
    exit_reason: 'signal',
    order_id: null,
    decision_id: null,
    created_at: exitTs,
  };
}
