/**
 * Login, refresh rotation, reuse detection, CSRF, logout and revocation, through fetch against a real
 * server — on SQLite, and on the local PostgreSQL and Redis where they run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.js';
import {
  ADMIN_PASSWORD,
  Client,
  adminClient,
  startTestServer,
  userClient,
  type TestServer,
} from '../support/server.js';

describe.each(BACKENDS)('auth on $name', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('wrong then right password: 401, then a bearer token and the two cookies', async () => {
    const c = new Client(t.api);
    const wrong = await c.login('admin', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'wrong username or password' },
    });

    const res = await c.request('POST', '/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: 'admin', role: 'admin' },
    });
    const setCookies = res.headers.getSetCookie();
    const refresh = setCookies.find((s) => s.startsWith('nx_refresh='));
    const csrf = setCookies.find((s) => s.startsWith('nx_csrf='));
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/SameSite=Strict/);
    expect(refresh).toMatch(/Path=\/api\/v1\/auth/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
  });

  it('GET /auth/me needs a valid token', async () => {
    const c = await adminClient(t);
    expect((await c.request('GET', '/auth/me')).body).toMatchObject({
      username: 'admin',
      role: 'admin',
    });
    expect((await c.request('GET', '/auth/me', { token: null })).status).toBe(401);
    const [h, p, s] = (c.accessToken ?? '').split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: '1', role: 'admin', name: 'admin', jti: 'x', exp: 9e9 })).toString('base64url')}.${s}`;
    expect((await c.request('GET', '/auth/me', { token: tampered })).body).toMatchObject({
      error: { code: 'UNAUTHORIZED' },
    });
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await c.request('GET', '/auth/me', { token: none })).status).toBe(401);
    expect((await c.request('GET', '/auth/me', { token: 'garbage' })).status).toBe(401);
  });

  it('an expired access token is refused with TOKEN_EXPIRED, and refresh gives a new one', async () => {
    const c = await adminClient(t);
    t.clock.offsetMs = 16 * 60_000; // 15-minute tokens
    try {
      const expired = await c.request('GET', '/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
      const refreshed = await c.request('POST', '/auth/refresh', { csrf: true, token: null });
      expect(refreshed.status).toBe(200);
      c.accessToken = refreshed.body['accessToken'] as string;
      expect((await c.request('GET', '/auth/me')).status).toBe(200);
    } finally {
      t.clock.offsetMs = 0;
    }
  });

  it('refresh needs the CSRF header equal to the nx_csrf cookie', async () => {
    const c = await adminClient(t);
    const none = await c.request('POST', '/auth/refresh');
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const wrong = await c.request('POST', '/auth/refresh', {
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
    const logout = await c.request('POST', '/auth/logout');
    expect(logout.status).toBe(403);
  });

  it('rotation: each refresh spends the cookie; replaying a spent one revokes the whole family', async () => {
    const c = await adminClient(t);
    const first = c.cookies.get('nx_refresh');
    const r1 = await c.request('POST', '/auth/refresh', { csrf: true });
    expect(r1.status).toBe(200);
    const second = c.cookies.get('nx_refresh');
    expect(second).not.toBe(first);
    const tokenAfterRotation = r1.body['accessToken'] as string;

    // An attacker replays the first (spent) cookie.
    const thief = new Client(t.api);
    thief.cookies.set('nx_refresh', first ?? '');
    thief.cookies.set('nx_csrf', 'x');
    const replay = await thief.request('POST', '/auth/refresh', { csrf: true });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'REFRESH_TOKEN_REUSED' } });

    // The legitimate session is gone too: its refresh cookie and its access token.
    expect((await c.request('POST', '/auth/refresh', { csrf: true })).status).toBe(401);
    expect((await c.request('GET', '/auth/me', { token: tokenAfterRotation })).status).toBe(401);

    const audit = await (await adminClient(t)).request('GET', '/audit?action=auth.refresh_reuse');
    expect((audit.body['items'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('logout revokes the access token on the very next request and the refresh cookie', async () => {
    const c = await adminClient(t);
    const token = c.accessToken;
    const spare = new Map(c.cookies);
    expect((await c.request('POST', '/auth/logout', { csrf: true })).status).toBe(204);
    expect((await c.request('GET', '/auth/me', { token: token ?? null })).status).toBe(401);
    const again = new Client(t.api);
    for (const [k, v] of spare) again.cookies.set(k, v);
    expect((await again.request('POST', '/auth/refresh', { csrf: true })).status).toBe(401);
  });

  it('log out everywhere: every session of that user ends, on every device, others stay', async () => {
    const admin = await adminClient(t);
    const name = `fay${backend.name.replace(/\W/g, '')}`;
    const laptop = await userClient(t, admin, name, 'viewer');
    const phone = new Client(t.api);
    expect((await phone.login(name, `${name}-password-long`)).status).toBe(200);
    expect((await laptop.request('POST', '/auth/logout-all')).status).toBe(403); // CSRF first
    expect((await laptop.request('POST', '/auth/logout-all', { csrf: true })).status).toBe(204);
    expect((await phone.request('GET', '/auth/me')).status).toBe(401);
    expect((await phone.request('POST', '/auth/refresh', { csrf: true })).status).toBe(401);
    expect((await admin.request('GET', '/auth/me')).status).toBe(200);
  });

  it('an admin revoking a user’s sessions, or the user changing password, ends them at once', async () => {
    const admin = await adminClient(t);
    const bob = await userClient(t, admin, `bob${backend.name.replace(/\W/g, '')}`, 'trader');
    const me = await bob.request('GET', '/auth/me');
    expect(me.status).toBe(200);
    const id = me.body['id'] as number;
    expect((await admin.request('POST', `/users/${id}/revoke-sessions`)).status).toBe(204);
    expect((await bob.request('GET', '/auth/me')).status).toBe(401);

    const username = me.body['username'] as string;
    await bob.login(username, `${username}-password-long`);
    const changed = await bob.request('POST', '/auth/password', {
      body: { currentPassword: `${username}-password-long`, newPassword: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(204);
    expect((await bob.request('GET', '/auth/me')).status).toBe(401);
    expect((await bob.login(username, 'a-brand-new-password')).status).toBe(200);
  });

  it('brute force: the 6th failed login in 15 minutes is 429 with Retry-After, even with the right password', async () => {
    const admin = await adminClient(t);
    const name = `eve${backend.name.replace(/\W/g, '')}`;
    await userClient(t, admin, name, 'viewer');
    const c = new Client(t.api);
    for (let i = 0; i < 5; i++) expect((await c.login(name, 'wrong-password')).status).toBe(401);
    const blocked = await c.request('POST', '/auth/login', {
      body: { username: name, password: `${name}-password-long` },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    const audit = await admin.request('GET', '/audit?action=auth.login&outcome=denied');
    expect((audit.body['items'] as { actorName: string }[]).some((e) => e.actorName === name)).toBe(
      true,
    );
  });

  it('a disabled account cannot log in, and its live token stops working', async () => {
    const admin = await adminClient(t);
    const name = `dan${backend.name.replace(/\W/g, '')}`;
    const dan = await userClient(t, admin, name, 'viewer');
    const id = (await dan.request('GET', '/auth/me')).body['id'] as number;
    expect(
      (await admin.request('PATCH', `/users/${id}`, { body: { disabled: true } })).status,
    ).toBe(200);
    expect((await dan.request('GET', '/auth/me')).status).toBe(401);
    expect((await new Client(t.api).login(name, `${name}-password-long`)).status).toBe(401);
  });
});
