/**
 * GET/PUT /bot/config: the core's defaults as version 0, then validated, complete, audited versions;
 * every kind of bad configuration refused with a 400 that names what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, listStrategies, paramDefaults } from '@numerusx/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { DB_BACKENDS, auditOf, clientsFor, expectError, type Clients } from './helpers.js';

describe.each(DB_BACKENDS)('bot config on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'cfg');
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /bot/config: the core defaults as version 0, with the risk schema for forms', async () => {
    const r = await c.viewer.request('GET', '/bot/config');
    expect(r.status).toBe(200);
    const momentum = listStrategies()[0]!;
    expect(r.body).toMatchObject({
      version: 0,
      isDefault: true,
      createdAt: null,
      config: {
        strategy: { id: momentum.id, params: { ...paramDefaults(momentum.params) } },
        risk: { ...DEFAULT_RISK_CONFIG },
        pairs: ['SOL/USDT'],
        timeframe: '1h',
      },
    });
    const riskParams = r.body['riskParams'] as { name: string }[];
    expect(riskParams.map((p) => p.name)).toEqual(Object.keys(DEFAULT_RISK_CONFIG));
  });

  it('PUT /bot/config: admin only; each save is a new complete version, audited before/after', async () => {
    const body = {
      strategy: { id: 'momentum', params: { rsiPeriod: 10 } },
      risk: { maxOpenPositions: 2 },
      pairs: ['SOL/USDC', 'ETH/USDC'],
    };
    expectError(await c.trader.request('PUT', '/bot/config', { body }), 403, 'FORBIDDEN');
    const first = await c.admin.request('PUT', '/bot/config', { body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 1,
      isDefault: false,
      config: {
        // Omitted values are written out with their defaults.
        strategy: { id: 'momentum', params: { rsiPeriod: 10, macdFast: 12, macdSlow: 26 } },
        risk: { maxOpenPositions: 2, maxPositionPct: 0.25 },
        pairs: ['SOL/USDC', 'ETH/USDC'],
        timeframe: '1h',
      },
    });
    const second = await c.admin.request('PUT', '/bot/config', {
      body: { strategy: { id: 'breakout' }, pairs: ['SOL/USDC'], timeframe: '4h' },
    });
    expect(second.body).toMatchObject({ version: 2, config: { strategy: { id: 'breakout' } } });
    expect((await c.viewer.request('GET', '/bot/config')).body).toMatchObject({ version: 2 });
    expect((await c.viewer.request('GET', '/bot/status')).body).toMatchObject({
      configVersion: 2,
      strategy: 'breakout',
      pairs: ['SOL/USDC'],
    });
    const [latest] = await auditOf(c.admin, 'bot.config.update');
    expect(latest).toMatchObject({
      outcome: 'ok',
      details: {
        version: 2,
        before: { strategy: { id: 'momentum' } },
        after: { strategy: { id: 'breakout' }, timeframe: '4h' },
      },
    });
  });

  const badConfigs: [string, unknown, string][] = [
    ['unknown strategy', { strategy: { id: 'martingale' }, pairs: ['SOL/USDC'] }, 'martingale'],
    [
      'param out of range',
      { strategy: { id: 'momentum', params: { rsiPeriod: 500 } }, pairs: ['SOL/USDC'] },
      'rsiPeriod',
    ],
    [
      'unknown param',
      { strategy: { id: 'momentum', params: { rsiPeriode: 14 } }, pairs: ['SOL/USDC'] },
      'rsiPeriode',
    ],
    [
      'cross-param rule',
      { strategy: { id: 'momentum', params: { macdFast: 30, macdSlow: 20 } }, pairs: ['SOL/USDC'] },
      'macdFast',
    ],
    [
      'risk out of range',
      { strategy: { id: 'momentum' }, risk: { maxPositionPct: 2 }, pairs: ['SOL/USDC'] },
      'maxPositionPct',
    ],
    [
      'unknown risk key',
      { strategy: { id: 'momentum' }, risk: { leverage: 10 }, pairs: ['SOL/USDC'] },
      'leverage',
    ],
    [
      'bad enum',
      { strategy: { id: 'momentum' }, risk: { sizingMethod: 'yolo' }, pairs: ['SOL/USDC'] },
      'sizingMethod',
    ],
    ['pairs not a list', { strategy: { id: 'momentum' }, pairs: 'SOL/USDC' }, 'pairs'],
    ['bad pair', { strategy: { id: 'momentum' }, pairs: ["SOL' OR 1=1 --"] }, 'pairs'],
    ['duplicate pair', { strategy: { id: 'momentum' }, pairs: ['SOL/USDC', 'SOL/USDC'] }, 'pairs'],
    [
      'unknown timeframe',
      { strategy: { id: 'momentum' }, pairs: ['SOL/USDC'], timeframe: '7m' },
      '7m',
    ],
    [
      'unknown field',
      { strategy: { id: 'momentum' }, pairs: ['SOL/USDC'], leverage: 5 },
      'leverage',
    ],
    [
      'number as string',
      { strategy: { id: 'momentum' }, pairs: ['SOL/USDC'], timeframe: 1 },
      'timeframe',
    ],
  ];
  it.each(badConfigs)(
    'PUT /bot/config refuses %s with a 400 naming it',
    async (_name, body, named) => {
      const r = await c.admin.request('PUT', '/bot/config', { body });
      expectError(r, 400, 'VALIDATION_ERROR');
      expect(JSON.stringify(r.body)).toContain(named);
    },
  );
});
