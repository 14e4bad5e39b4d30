/** Health, metrics, OpenAPI, security headers, and that every API route declares who may call it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.js';
import { adminClient, startTestServer, type TestServer } from '../support/server.js';

const sqlite = BACKENDS[0]!;

describe('system routes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(sqlite);
  });
  afterAll(async () => {
    await t.close();
  });

  it('health: live and ready without auth', async () => {
    expect(await (await fetch(`${t.api}/health/live`)).json()).toEqual({ status: 'live' });
    const ready = await fetch(`${t.api}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true, redis: null },
    });
  });

  it('metrics in Prometheus text: process, request durations by route and status', async () => {
    await fetch(`${t.api}/health/live`);
    const res = await fetch(`${t.api}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/numerusx_process_cpu_user_seconds_total/);
    expect(text).toMatch(
      /numerusx_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/health\/live"[^}]*status="200"/,
    );
    expect(text).toMatch(/numerusx_sockets_connected/);
  });

  it('system info for a logged-in user says what storage and mode run', async () => {
    const admin = await adminClient(t);
    const r = await admin.request('GET', '/system/info');
    expect(r.body).toMatchObject({
      mode: 'paper',
      aiProvider: 'rules',
      database: 'sqlite',
      redis: false,
    });
  });

  it('OpenAPI document and browsable page at /api/docs', async () => {
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    const doc = (await (await fetch(`${t.url}/api/docs/json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/health/ready',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('security headers on every answer; no CORS for an origin outside the allow-list', async () => {
    const res = await fetch(`${t.api}/health/live`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('every documented route but the public ones answers 401 without a token', async () => {
    const doc = (await (await fetch(`${t.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const PUBLIC = [
      '/health/live',
      '/health/ready',
      '/metrics',
      '/auth/login',
      '/auth/refresh',
      '/auth/logout',
    ];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const rel = path.replace(/^\/api\/v1/, '');
      if (PUBLIC.includes(rel)) continue;
      for (const method of Object.keys(methods)) {
        const url = `${t.url}${path.replace(/\{[^}]+\}/g, '1')}`;
        const res = await fetch(url, { method: method.toUpperCase() });
        expect(res.status, `${method} ${path}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
});
