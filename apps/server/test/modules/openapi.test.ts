/** The OpenAPI document lists every API v1 module route of DESIGN §3 with its schemas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { DB_BACKENDS } from './helpers.js';

const ROUTES: [string, string][] = [
  ['get', '/bot/status'],
  ['post', '/bot/start'],
  ['post', '/bot/stop'],
  ['post', '/bot/emergency-stop'],
  ['get', '/bot/config'],
  ['put', '/bot/config'],
  ['get', '/bot/logs'],
  ['get', '/portfolio/overview'],
  ['get', '/portfolio/positions'],
  ['get', '/portfolio/history'],
  ['get', '/portfolio/performance'],
  ['get', '/trades'],
  ['get', '/trades/{id}'],
  ['get', '/trades/stats'],
  ['get', '/orders'],
  ['post', '/orders'],
  ['delete', '/orders/{id}'],
  ['get', '/ai/decisions'],
  ['get', '/ai/decisions/{id}'],
  ['get', '/ai/performance'],
  ['get', '/market/pairs'],
  ['get', '/market/candles'],
  ['get', '/market/ticker'],
  ['post', '/backtests'],
  ['get', '/backtests'],
  ['get', '/backtests/{id}'],
  ['get', '/strategies'],
];

describe.each(DB_BACKENDS.slice(0, 1))('OpenAPI on $name', (backend) => {
  let t: TestServer;
  let doc: { paths: Record<string, Record<string, { summary?: string; responses?: object }>> };
  beforeAll(async () => {
    t = await startTestServer(backend);
    doc = (await (await fetch(`${t.url}/api/docs/json`)).json()) as typeof doc;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(ROUTES)('%s %s is documented with a summary and its answers', (method, path) => {
    const op = doc.paths[`/api/v1${path}`]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(op?.summary).toBeTruthy();
    // Every route needs a login, so every one documents the 401; the ticker has no 200 on purpose.
    const codes = Object.keys(op?.responses ?? {});
    expect(codes).toContain('401');
    expect(codes.some((code) => /^(200|201|202)$/.test(code))).toBe(true);
  });
});
