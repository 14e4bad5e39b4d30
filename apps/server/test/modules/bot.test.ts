/**
 * /bot: status answers truthfully from the database while stopped, control actions check roles and
 * bodies, logs are paged. A running bot is in runtime/*.test.ts. The configuration has its own suite (bot-config.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStrategies } from '@numerusx/core';
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

describe.each(DB_BACKENDS)('bot on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'bot');
  });
  afterAll(async () => {
    await t.close();
  });

  it('status: stopped, defaults as version 0, nothing invented', async () => {
    const r = await c.viewer.request('GET', '/bot/status');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      botId: 'default',
      state: 'stopped',
      mode: 'paper',
      provider: 'rules',
      runtimeAvailable: true,
      configVersion: 0,
      activeProvider: 'rules',
      instance: null,
      cycles: 0,
      marketTime: null,
      feed: null,
      strategy: listStrategies()[0]!.id,
      lastDecisionAt: null,
      lastTradeAt: null,
      openPositions: 0,
    });
    expect(r.body['since']).toBeTypeOf('number');
    expect((await c.viewer.request('GET', '/bot/status', { token: null })).status).toBe(401);
  });

  it('status reads the latest decision, trade and open positions from the database', async () => {
    const k = t.server.db.kysely;
    await k
      .insertInto('ai_decisions')
      .values([decision(1_700_000_000_000), decision(1_700_000_500_000)])
      .execute();
    await k
      .insertInto('trades')
      .values({
        bot_id: 'default',
        pair: 'SOL/USDC',
        side: 'buy',
        entry_ts: 1_700_000_100_000,
        entry_price: 100,
        exit_ts: 1_700_000_900_000,
        exit_price: 101,
        qty: 1,
        fee: 0.2,
        pnl: 0.8,
        exit_reason: 'signal',
        order_id: null,
        decision_id: null,
        created_at: 1_700_000_900_000,
      })
      .execute();
    await k
      .insertInto('positions')
      .values([position('SOL', 2), position('ETH', 0)]) // a flat position is not open
      .execute();
    const r = await c.viewer.request('GET', '/bot/status');
    expect(r.body).toMatchObject({
      lastDecisionAt: 1_700_000_500_000, // the later of the two decisions
      lastTradeAt: 1_700_000_900_000, // the exit is later than the entry
      openPositions: 1,
    });
  });

  it.each(['start', 'stop', 'emergency-stop', 'rearm'])(
    'POST /bot/%s: 403 for a viewer; an unknown body field is a 400',
    async (action) => {
      expectError(await c.viewer.request('POST', `/bot/${action}`), 403, 'FORBIDDEN');
      expectError(
        await c.trader.request('POST', `/bot/${action}`, { body: { force: true } }),
        action === 'rearm' ? 403 : 400, // re-arming is for admins
        action === 'rearm' ? 'FORBIDDEN' : 'VALIDATION_ERROR',
      );
    },
  );

  it('stop while stopped is a no-op (200, audited); rearm without an emergency stop is a 409', async () => {
    const r = await c.trader.request('POST', '/bot/stop', { body: { reason: 'test run' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'stopped' });
    const [latest] = await auditOf(c.admin, 'bot.stop');
    expect(latest).toMatchObject({
      outcome: 'ok',
      actorName: 'bot-trader',
      details: { reason: 'test run' },
    });
    expectError(await c.admin.request('POST', '/bot/rearm'), 409, 'CONFLICT');
  });

  it('GET /bot/logs: trader and admin only, newest first, filtered and paged', async () => {
    await t.server.db.kysely
      .insertInto('logs')
      .values([
        log(1_000, 'info', 'engine', 'started'),
        log(2_000, 'warn', 'risk', 'vetoed a buy'),
        log(3_000, 'error', 'exchange', 'timeout'),
        log(4_000, 'info', 'engine', 'tick'),
        { ...log(5_000, 'debug', 'engine', 'odd details'), details: 'not json' },
      ])
      .execute();
    expectError(await c.viewer.request('GET', '/bot/logs'), 403, 'FORBIDDEN');
    const all = await c.trader.request('GET', `/bot/logs${qs({ from: 1_000, to: 4_000 })}`);
    expect((all.body['items'] as { message: string }[]).map((l) => l.message)).toEqual([
      'tick',
      'timeout',
      'vetoed a buy',
      'started',
    ]);
    const odd = await c.trader.request('GET', `/bot/logs${qs({ level: 'debug' })}`);
    expect(odd.body['items']).toMatchObject([
      { message: 'odd details', details: { text: 'not json' } },
    ]);
    const info = await c.trader.request('GET', `/bot/logs${qs({ level: 'info', to: 4_000 })}`);
    expect((info.body['items'] as { message: string }[]).map((l) => l.message)).toEqual([
      'tick',
      'started',
    ]);
    const p1 = await c.trader.request('GET', `/bot/logs${qs({ limit: 3, to: 4_000 })}`);
    expect(p1.body['items']).toHaveLength(3);
    const p2 = await c.trader.request(
      'GET',
      `/bot/logs${qs({ limit: 3, to: 4_000, cursor: p1.body['nextCursor'] as string })}`,
    );
    expect(p2.body).toMatchObject({ items: [{ message: 'started' }], nextCursor: null });
    const bySource = await c.admin.request('GET', `/bot/logs${qs({ source: 'risk' })}`);
    expect(bySource.body['items']).toHaveLength(1);
  });

  it.each([
    ...HOSTILE.map((v) => ({ level: v })),
    ...HOSTILE.map((v) => ({ source: v })),
    { cursor: '1 OR 1=1' },
    { limit: 0 },
    { limit: 1000 },
    { from: 'yesterday' },
    { verbose: 1 },
  ])('GET /bot/logs refuses %o with a 400', async (q) => {
    expectError(await c.trader.request('GET', `/bot/logs${qs(q)}`), 400, 'VALIDATION_ERROR');
  });
});

function decision(ts: number) {
  return {
    bot_id: 'default',
    ts,
    pair: 'SOL/USDC',
    action: 'hold' as const,
    size_usd: 0,
    stop_loss: null,
    take_profit: null,
    confidence: 0.5,
    reasoning: 'no setup',
    steps: '[]',
    inputs: '{}',
    prompt: null,
    raw_response: null,
    provider: 'rules',
    model: null,
    regime: null,
    tokens_in: null,
    tokens_out: null,
    cost_usd: null,
    latency_ms: null,
    validation: '{"ok":true}',
    status: 'HOLD' as const,
    risk_verdict: null,
    order_id: null,
    outcome: null,
  };
}

function position(asset: string, qty: number) {
  return {
    bot_id: 'default',
    asset,
    qty,
    avg_entry: 100,
    mark: 100,
    realized_pnl: 0,
    updated_at: 1_700_000_000_000,
  };
}

function log(
  ts: number,
  level: 'debug' | 'info' | 'warn' | 'error',
  source: string,
  message: string,
) {
  return { ts, level, source, message, bot_id: 'default', details: null };
}
