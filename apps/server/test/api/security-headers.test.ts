/**
 * The security headers computed once at start-up are exactly what @fastify/helmet sends with our
 * options, on every kind of answer: public, refused, unknown route, and a cached API read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADER_OPTIONS } from '../../src/app.js';
import { helmetHeaders } from '../../src/http/security-headers.js';
import { adminClient, startTestServer, type TestServer } from '../support/server.js';

const SQLITE = { name: 'sqlite', postgres: false, redis: false };

describe('security headers', () => {
  let t: TestServer;
  let token: string;
  let expected: Readonly<Record<string, string>>;
  beforeAll(async () => {
    t = await startTestServer(SQLITE);
    token = (await adminClient(t)).accessToken ?? '';
    expected = await helmetHeaders(SECURITY_HEADER_OPTIONS);
  });
  afterAll(async () => {
    await t.close();
  });

  it('helmet’s set for our options: our CSP directives and its defaults', () => {
    expect(expected['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(expected['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(expected).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
    });
    // Only helmet's own headers: nothing the framework sets per answer.
    for (const name of ['date', 'content-length', 'content-type', 'connection'])
      expect(expected).not.toHaveProperty(name);
  });

  it.each([
    ['public', '/api/v1/health/live', false, 200],
    ['refused', '/api/v1/trades', false, 401],
    // Under the API prefix: outside it, a page path is the dashboard's (SPA fallback, 200) once built.
    ['unknown route', '/api/v1/no/such/route', false, 404],
    ['cached API read (twice)', '/api/v1/trades', true, 200],
  ])('%s: every header, same value', async (_kind, path, auth, status) => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${t.url}${path}`, {
        headers: auth ? { authorization: `Bearer ${token}` } : {},
      });
      expect(res.status).toBe(status);
      for (const [name, value] of Object.entries(expected))
        expect(res.headers.get(name), name).toBe(value);
    }
  });
});
