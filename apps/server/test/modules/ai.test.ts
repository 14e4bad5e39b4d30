/**
 * /ai: decision lists and filters, prompts for admins only, and performance aggregated from the
 * outcomes of fixture decisions (arithmetic beside each expected number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { DAY, DB_BACKENDS, HOSTILE, clientsFor, expectError, qs, type Clients } from './helpers.js';

//             provider   regime          confidence outcome              action  status
const DECISIONS: [string, string | null, number, string | null, 'buy' | 'hold', string][] = [
  ['rules', 'trending-up', 0.65, '{"pnl": 12, "decisionReturn": 0.03}', 'buy', 'EXECUTED'], // d1 win
  ['rules', 'trending-up', 0.72, '{"pnl": -4, "decisionReturn": -0.01}', 'buy', 'EXECUTED'], // d2 loss
  ['gemini', 'ranging', 0.95, '{"pnl": 8}', 'buy', 'EXECUTED'], //      d3 win, no return stored
  ['gemini', null, 1.0, '{"note": "closed"}', 'buy', 'EXECUTED'], //    d4 outcome without pnl
  ['rules', 'ranging', 0.3, null, 'hold', 'HOLD'], //                   d5 no outcome yet
];
const T0 = 1_700_000_000_000;

describe.each(DB_BACKENDS)('ai on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  let ids: number[];
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'ai');
  });
  afterAll(async () => {
    await t.close();
  });

  it('nothing stored: empty page and empty aggregates', async () => {
    expect((await c.viewer.request('GET', '/ai/decisions')).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await c.viewer.request('GET', '/ai/performance')).body).toEqual({
      evaluated: 0,
      unreadable: 0,
      unscored: 0,
      byProvider: [],
      byRegime: [],
      byConfidence: [],
      costByDay: [],
    });
    expect((await c.viewer.request('GET', '/ai/decisions', { token: null })).status).toBe(401);
  });

  it('performance by provider, regime and confidence bucket', async () => {
    const rows = await t.server.db.kysely
      .insertInto('ai_decisions')
      .values(DECISIONS.map((d, i) => decision(i, ...d)))
      .returning('id')
      .execute();
    ids = rows.map((r) => r.id);
    const r = await c.viewer.request('GET', '/ai/performance');
    expect(r.body).toMatchObject({ evaluated: 3, unreadable: 1 }); // d1–d3; d4 has no pnl
    // Spend per UTC day counts every decision, with an outcome or not (all five on T0's day).
    expect(r.body['costByDay']).toEqual([
      {
        day: Math.floor(T0 / DAY) * DAY,
        costUsd: expect.closeTo(0.0005, 12) as number,
        decisions: 5,
      },
    ]);
    expect(r.body['byProvider']).toEqual([
      group('gemini', 1, 1, 0, 8, 0.95, null), // d3
      group('rules', 2, 1, 1, 8, (0.65 + 0.72) / 2, (0.03 - 0.01) / 2), // d1 + d2: 12 − 4 = 8
    ]);
    expect(r.body['byRegime']).toEqual([
      group('ranging', 1, 1, 0, 8, 0.95, null),
      group('trending-up', 2, 1, 1, 8, (0.65 + 0.72) / 2, (0.03 - 0.01) / 2),
    ]);
    expect(r.body['byConfidence']).toEqual([
      group('0.6-0.7', 1, 1, 0, 12, 0.65, 0.03),
      group('0.7-0.8', 1, 0, 1, -4, 0.72, -0.01),
      group('0.9-1.0', 1, 1, 0, 8, 0.95, null),
    ]);
    const gemini = await c.viewer.request('GET', `/ai/performance${qs({ provider: 'gemini' })}`);
    expect(gemini.body).toMatchObject({ evaluated: 1, unreadable: 1 });
    const none = await c.viewer.request('GET', `/ai/performance${qs({ provider: 'openai' })}`);
    expect(none.body).toMatchObject({
      evaluated: 0,
      byProvider: [],
      byRegime: [],
      byConfidence: [],
    });
  });

  it('lists newest first with every filter', async () => {
    const ofIds = (b: Record<string, unknown>) => (b['items'] as { id: number }[]).map((x) => x.id);
    const [d1, d2, d3, d4, d5] = ids as [number, number, number, number, number];
    expect(ofIds((await c.viewer.request('GET', '/ai/decisions')).body)).toEqual([
      d5,
      d4,
      d3,
      d2,
      d1,
    ]);
    const list = await c.viewer.request('GET', `/ai/decisions${qs({ limit: 1 })}`);
    expect(list.body['items']).toMatchObject([
      { id: d5, action: 'hold', outcome: null, confidence: 0.3 },
    ]);
    // The list leaves the large and sensitive documents out.
    const [first] = list.body['items'] as Record<string, unknown>[];
    for (const key of ['prompt', 'rawResponse', 'inputs', 'steps'])
      expect(first).not.toHaveProperty(key);
    const q = async (f: Record<string, string | number>) =>
      ofIds((await c.viewer.request('GET', `/ai/decisions${qs(f)}`)).body);
    expect(await q({ minConfidence: 0.7 })).toEqual([d4, d3, d2]);
    expect(await q({ provider: 'gemini' })).toEqual([d4, d3]);
    expect(await q({ action: 'hold' })).toEqual([d5]);
    expect(await q({ status: 'EXECUTED', pair: 'SOL/USDC' })).toEqual([d4, d3, d2, d1]);
    expect(await q({ pair: 'ETH/USDC' })).toEqual([]);
    expect(await q({ from: T0 + 60_000, to: T0 + 180_000 })).toEqual([d4, d3, d2]); // minutes 1–3
    expect(await q({ limit: 2, cursor: String(d4) })).toEqual([d3, d2]);
  });

  it('GET /ai/decisions/:id: full record; prompt and raw answer for admins only', async () => {
    const id = ids[0]!;
    const admin = await c.admin.request('GET', `/ai/decisions/${id}`);
    expect(admin.body).toMatchObject({
      id,
      steps: [{ title: 'signal', detail: 'RSI crossed 30' }],
      inputs: { price: 100 },
      outcome: { pnl: 12 },
      prompt: 'the prompt 0',
      rawResponse: '{"action":"buy"}',
      redacted: false,
    });
    const viewer = await c.viewer.request('GET', `/ai/decisions/${id}`);
    expect(viewer.body).toMatchObject({ id, prompt: null, rawResponse: null, redacted: true });
    const trader = await c.trader.request('GET', `/ai/decisions/${id}`);
    expect(trader.body).toMatchObject({ prompt: null, redacted: true });
    expectError(await c.viewer.request('GET', '/ai/decisions/999999'), 404, 'NOT_FOUND');
    expectError(await c.viewer.request('GET', '/ai/decisions/1.5'), 400, 'VALIDATION_ERROR');
  });

  it.each([
    ...HOSTILE.map((provider) => ['/ai/decisions', { provider }] as const),
    ...HOSTILE.map((pair) => ['/ai/performance', { pair }] as const),
    ['/ai/decisions', { minConfidence: 2 }],
    ['/ai/decisions', { minConfidence: 'high' }],
    ['/ai/decisions', { status: 'executed' }],
    ['/ai/decisions', { action: 'short' }],
    ['/ai/decisions', { from: 9, to: 1 }],
    ['/ai/decisions', { regime: 'ranging' }],
    ['/ai/performance', { minConfidence: 0.5 }],
    ['/ai/performance', { from: 9, to: 1 }],
  ] as const)('GET %s refuses %o with a 400', async (path, q) => {
    expectError(await c.viewer.request('GET', `${path}${qs(q)}`), 400, 'VALIDATION_ERROR');
  });
});

function group(
  key: string,
  n: number,
  wins: number,
  losses: number,
  pnl: number,
  conf: number,
  averageReturn: number | null,
) {
  return {
    key,
    decisions: n,
    wins,
    losses,
    winRate: wins / n,
    totalPnl: pnl,
    averagePnl: pnl / n,
    averageConfidence: expect.closeTo(conf, 12) as number,
    averageReturn: averageReturn === null ? null : (expect.closeTo(averageReturn, 12) as number),
    costUsd: expect.closeTo(n * 0.0001, 12) as number, // every stored decision cost $0.0001
  };
}

function decision(
  i: number,
  provider: string,
  regime: string | null,
  confidence: number,
  outcome: string | null,
  action: 'buy' | 'hold',
  status: string,
) {
  return {
    bot_id: 'default',
    ts: T0 + i * 60_000,
    pair: 'SOL/USDC',
    action,
    size_usd: action === 'hold' ? 0 : 100,
    stop_loss: action === 'hold' ? null : 95,
    take_profit: action === 'hold' ? null : 110,
    confidence,
    reasoning: 'RSI recovered from oversold',
    steps: JSON.stringify([{ title: 'signal', detail: 'RSI crossed 30' }]),
    inputs: JSON.stringify({ price: 100 }),
    prompt: `the prompt ${i}`,
    raw_response: '{"action":"buy"}',
    provider,
    model: provider === 'gemini' ? 'gemini-2.0-flash' : null,
    regime,
    tokens_in: 100,
    tokens_out: 20,
    cost_usd: 0.0001,
    latency_ms: 120,
    validation: '{"ok":true}',
    status: status as 'EXECUTED' | 'HOLD',
    risk_verdict: null,
    order_id: null,
    outcome,
  };
}
