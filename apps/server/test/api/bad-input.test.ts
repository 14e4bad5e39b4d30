/**
 * Bad input gets a 4xx in the documented shape `{error: {code, message}}`, never a 500, and changes
 * nothing: wrong types, unknown fields, oversized and malformed bodies, SQL-like filter strings, roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.js';
import {
  Client,
  adminClient,
  startTestServer,
  userClient,
  type TestServer,
} from '../support/server.js';

describe.each(BACKENDS)('bad input on $name', (backend) => {
  let t: TestServer;
  let admin: Client;
  let viewer: Client;
  beforeAll(async () => {
    t = await startTestServer(backend);
    admin = await adminClient(t);
    viewer = await userClient(t, admin, 'vera', 'viewer');
  });
  afterAll(async () => {
    await t.close();
  });

  const shape = {
    error: { code: expect.any(String) as unknown, message: expect.any(String) as unknown },
  };

  it.each([
    ['unknown field', { username: 'admin', password: 'x', admin: true }, /unknown field "admin"/],
    ['wrong type', { username: 'admin', password: 42 }, /password/],
    ['missing field', { username: 'admin' }, /password/],
    ['empty object', {}, /username|password/],
  ])('login body, %s: 400 VALIDATION_ERROR', async (_name, body, message) => {
    const r = await new Client(t.api).request('POST', '/auth/login', { body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    expect((r.body['error'] as { message: string }).message).toMatch(message);
  });

  it('malformed JSON: 400; wrong content type: 415; oversized body: 413', async () => {
    const c = new Client(t.api);
    const bad = await c.request('POST', '/auth/login', { rawBody: '{"username": "admin",' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject(shape);
    const text = await c.request('POST', '/auth/login', {
      rawBody: 'username=admin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject(shape);
    const huge = await c.request('POST', '/auth/login', {
      body: { username: 'admin', password: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject(shape);
  });

  it.each(["' OR 1=1 --", 'admin"; drop table users; --', '%', '\u0000'])(
    'SQL-like filter %j: 400 or an empty answer, and the tables are intact',
    async (evil) => {
      const q = encodeURIComponent(evil);
      for (const path of [
        `/audit?action=${q}`,
        `/audit?actorId=${q}`,
        `/audit?cursor=${q}`,
        `/audit?limit=${q}`,
      ]) {
        const r = await admin.request('GET', path);
        expect(r.status, path).toBe(400);
        expect(r.body).toMatchObject(shape);
      }
      const login = await new Client(t.api).login(evil, evil);
      expect([400, 401]).toContain(login.status);
      expect((await admin.request('GET', '/users')).status).toBe(200);
    },
  );

  it('bounded limit and unknown query fields are refused', async () => {
    expect((await admin.request('GET', '/audit?limit=0')).status).toBe(400);
    expect((await admin.request('GET', '/audit?limit=100000')).status).toBe(400);
    expect((await admin.request('GET', '/audit?sort=id')).status).toBe(400);
    const page = await admin.request('GET', '/audit?limit=2');
    expect(page.status).toBe(200);
    expect(page.body['items']).toHaveLength(2);
    const next = await admin.request(
      'GET',
      `/audit?limit=2&cursor=${String(page.body['nextCursor'])}`,
    );
    const ids = [
      ...(page.body['items'] as { id: number }[]),
      ...(next.body['items'] as { id: number }[]),
    ].map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('a viewer calling admin endpoints: 403 FORBIDDEN, nothing created', async () => {
    const r = await viewer.request('POST', '/users', {
      body: { username: 'mallory', password: 'long-enough-password', role: 'admin' },
    });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await viewer.request('GET', '/audit')).status).toBe(403);
    const users = await admin.request('GET', '/users');
    expect((users.body['items'] as { username: string }[]).map((u) => u.username)).not.toContain(
      'mallory',
    );
  });

  it('user admin: weak password, taken username, bad role, self-demotion are 4xx', async () => {
    const weak = await admin.request('POST', '/users', {
      body: { username: 'walt', password: 'short', role: 'viewer' },
    });
    expect(weak.status).toBe(400);
    const taken = await admin.request('POST', '/users', {
      body: { username: 'vera', password: 'long-enough-password', role: 'viewer' },
    });
    expect(taken.status).toBe(409);
    const role = await admin.request('POST', '/users', {
      body: { username: 'walt', password: 'long-enough-password', role: 'root' },
    });
    expect(role.status).toBe(400);
    const me = (await admin.request('GET', '/auth/me')).body['id'] as number;
    const demote = await admin.request('PATCH', `/users/${me}`, { body: { role: 'viewer' } });
    expect(demote.status).toBe(409);
    expect(
      (await admin.request('PATCH', '/users/999999', { body: { role: 'viewer' } })).status,
    ).toBe(404);
    expect((await admin.request('PATCH', '/users/abc', { body: { role: 'viewer' } })).status).toBe(
      400,
    );
  });

  it('two admins creating the same username at once: one 201, the other 409, never a 500', async () => {
    const body = { username: 'twin', password: 'long-enough-password', role: 'viewer' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => admin.request('POST', '/users', { body })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
  });

  it('unknown routes: 404 in the same shape', async () => {
    const r = await admin.request('GET', '/nope');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
