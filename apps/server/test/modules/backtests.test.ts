/**
 * /backtests and /strategies: a backtest requested over HTTP runs in the background with the core's
 * runBacktest on the replayed candles and stores exactly what the core returns; bad requests are
 * refused before anything is queued; runs a stopped server left behind are marked failed.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCandles } from '@numerusx/adapters';
import { listStrategies, marketSpec, runBacktest } from '@numerusx/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { DB_BACKENDS, auditOf, clientsFor, expectError, qs, type Clients } from './helpers.js';

// Binance SOL/USDT 1h over the May 2021 crash quarter: small enough to keep the suite fast.
const SOL_1H_2021 = fileURLToPath(
  new URL('../../../../datasets/market/binance_usdt_2021/SOL_USDT-1h.csv', import.meta.url),
);
const FROM = Date.UTC(2021, 3, 1);
const TO = Date.UTC(2021, 5, 10);
const REQUEST = {
  strategy: 'breakout', // trades 40 times in the quarter (momentum's buys are all vetoed there)
  pair: 'SOL/USDT',
  timeframe: '1h',
  dataset: 'binance_usdt_2021/SOL_USDT-1h',
  from: FROM,
  to: TO,
};

interface Result {
  capital: number;
  period: { candles: number };
  metrics: { tradeCount: number; totalReturn: number };
  trades: unknown[];
  equity: { ts: number; equity: number }[];
  final: { cash: number; positions: { qty: number; mark: number }[]; equity: number };
}

async function waitDone(c: Clients['viewer'], id: number): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const r = await c.request('GET', `/backtests/${id}`);
    if (r.body['status'] === 'done' || r.body['status'] === 'failed') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`backtest ${id} did not finish`);
}

describe.each(DB_BACKENDS)('backtests on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'bt');
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /strategies: the core registry with its parameter schemas', async () => {
    const r = await c.viewer.request('GET', '/strategies');
    const items = r.body['items'] as { id: string; params: { name: string }[] }[];
    expect(items.map((s) => s.id)).toEqual(listStrategies().map((s) => s.id));
    const momentum = items.find((s) => s.id === 'momentum')!;
    expect(momentum.params).toContainEqual({
      name: 'rsiPeriod',
      type: 'integer',
      default: 14,
      min: 2,
      max: 100,
      step: 1,
      description: 'RSI period.',
    });
    expect((await c.viewer.request('GET', '/strategies', { token: null })).status).toBe(401);
  });

  it('POST → 202, queued → done; the stored result is the core’s, and final equity adds up', async () => {
    expectError(await c.viewer.request('POST', '/backtests', { body: REQUEST }), 403, 'FORBIDDEN');
    const accepted = await c.trader.request('POST', '/backtests', { body: REQUEST });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', queuePosition: 0 });
    const id = accepted.body['id'] as number;
    const done = await waitDone(c.viewer, id);
    expect(done).toMatchObject({
      id,
      status: 'done',
      strategy: 'breakout',
      error: null,
      request: {
        ...REQUEST,
        capital: 10_000, // the defaults
        feeBps: 10,
        slippageBps: 5,
      },
    });
    const result = done['result'] as Result;
    // equity = cash + Σ qty × mark (DESIGN §2's ledger invariant, on the final portfolio).
    const held = result.final.positions.reduce((s, p) => s + p.qty * p.mark, 0);
    expect(result.final.equity).toBeCloseTo(result.final.cash + held, 6);
    expect(result.equity[result.equity.length - 1]!.equity).toBeCloseTo(result.final.equity, 6);
    expect(result.metrics.tradeCount).toBe(result.trades.length);
    expect(result.trades.length).toBeGreaterThan(0); // the strategy did trade in the crash quarter
    expect(result.metrics.totalReturn).toBeCloseTo(result.final.equity / 10_000 - 1, 12);

    // The same candles through the core directly give the same document.
    const direct = runBacktest({
      markets: [{ spec: marketSpec('SOL/USDT'), candles: await loadCandles(SOL_1H_2021) }],
      strategyId: 'breakout',
      params: {},
      risk: {},
      capital: 10_000,
      fillModel: { feeBps: 10, slippageBps: 5 },
      from: FROM,
      to: TO,
    });
    expect(result).toEqual(JSON.parse(JSON.stringify(direct)));
    const market = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'SOL/USDT', dataset: REQUEST.dataset, from: FROM, to: TO, limit: 5000 })}`,
    );
    expect(result.period.candles).toBe((market.body['candles'] as unknown[]).length);

    const list = await c.viewer.request('GET', `/backtests${qs({ strategy: 'breakout' })}`);
    const [first] = list.body['items'] as Record<string, unknown>[];
    expect(first).toMatchObject({ id, status: 'done' });
    expect(first).not.toHaveProperty('result'); // lists stay small
    expect(
      (await c.viewer.request('GET', `/backtests${qs({ status: 'failed' })}`)).body['items'],
    ).toEqual([]);
    const [audit] = await auditOf(c.admin, 'backtest.create');
    expect(audit).toMatchObject({
      outcome: 'ok',
      target: `backtest:${id}`,
      actorName: 'bt-trader',
    });
  });

  const M = { ...REQUEST, strategy: 'momentum' }; // its parameters are named below
  const bad: [string, Record<string, unknown>, number, string][] = [
    ['unknown strategy', { ...M, strategy: 'martingale' }, 400, 'martingale'],
    ['bad param', { ...M, params: { rsiPeriod: 1 } }, 400, 'rsiPeriod'],
    ['cross-param rule', { ...M, params: { macdFast: 40, macdSlow: 20 } }, 400, 'macdFast'],
    ['bad risk', { ...M, risk: { maxOpenPositions: 0 } }, 400, 'maxOpenPositions'],
    ['capital as text', { ...M, capital: 'lots' }, 400, 'capital'],
    ['negative capital', { ...M, capital: -5 }, 400, 'capital'],
    ['fee too high', { ...M, feeBps: 5000 }, 400, 'feeBps'],
    ['unknown field', { ...M, leverage: 3 }, 400, 'leverage'],
    ['injected pair', { ...M, pair: "SOL/USDT' OR 1=1 --" }, 400, 'pair'],
    ['pair without data', { ...M, pair: 'DOGE/USDT' }, 404, 'DOGE/USDT'],
    ['timeframe finer than data', { ...M, timeframe: '1m' }, 400, '1m'],
    ['from after to', { ...M, from: TO, to: FROM }, 400, 'after'],
    ['no candle in period', { ...M, from: 0, to: 1000 }, 400, 'needs 2 or more'],
    [
      'dataset of another pair',
      { ...M, dataset: 'yanniedog-binance/BTC_USDT-4h' },
      400,
      'BTC/USDT',
    ],
  ];
  it.each(bad)(
    'POST /backtests refuses %s before queueing anything',
    async (_n, body, status, named) => {
      const before = (await c.viewer.request('GET', `/backtests${qs({ limit: 200 })}`)).body[
        'items'
      ];
      const r = await c.trader.request('POST', '/backtests', { body });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(JSON.stringify(r.body)).toContain(named);
      expect(
        (await c.viewer.request('GET', `/backtests${qs({ limit: 200 })}`)).body['items'],
      ).toEqual(before);
    },
  );

  it.each([
    ['/backtests', { status: 'finished' }],
    ['/backtests', { strategy: "x' OR 1=1 --" }],
    ['/backtests', { cursor: 'abc' }],
    ['/backtests/abc', {}],
  ] as const)('GET %s %o is a 400', async (path, q) => {
    expectError(await c.viewer.request('GET', `${path}${qs(q)}`), 400, 'VALIDATION_ERROR');
  });

  it('GET /backtests/:id of an unknown id is a 404', async () => {
    expectError(await c.viewer.request('GET', '/backtests/999999'), 404, 'NOT_FOUND');
  });

  it('a run a stopped server left unfinished is marked failed at the next start', async () => {
    const stale = await t.server.db.kysely
      .insertInto('backtests')
      .values({
        created_at: Date.now() - 2 * 3_600_000,
        created_by: null,
        status: 'running',
        strategy: 'momentum',
        request: JSON.stringify(REQUEST),
        result: null,
        error: null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const next = await startTestServer(backend, { shareWith: t });
    try {
      const r = await c.viewer.request('GET', `/backtests/${stale.id}`);
      expect(r.body).toMatchObject({ status: 'failed', result: null });
      expect(r.body['error']).toMatch(/interrupted/);
    } finally {
      await next.close();
    }
  });
});
