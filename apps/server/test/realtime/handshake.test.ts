/**
 * The Socket.io handshake (DESIGN §3): no or bad token → `unauthorized`, expired → `token_expired`;
 * a valid token connects and receives `system:alert` sent through POST /system/alerts; a socket is
 * dropped when its token expires.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../support/backends.js';
import {
  adminClient,
  startTestServer,
  userClient,
  type Client,
  type TestServer,
} from '../support/server.js';
import {
  closeSockets,
  connect,
  connectError,
  connected,
  disconnection,
  eventually,
  next,
} from './sockets.js';

const SQLITE: Backend = { name: 'sqlite', postgres: false, redis: false };

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Ways a token can be wrong, each refused with `unauthorized`. */
const badTokens: { name: string; token: (valid: string) => string | undefined }[] = [
  { name: 'no token at all', token: () => undefined },
  { name: 'an empty string', token: () => '' },
  { name: 'not a JWT', token: () => 'hello' },
  {
    name: 'payload edited after signing (name changed)',
    token: (valid) => {
      const [header, payload, signature] = valid.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
      return [header, b64url({ ...claims, name: 'mallory' }), signature].join('.');
    },
  },
  {
    name: 'unsigned (alg: none)',
    token: (valid) => {
      const payload = valid.split('.')[1]!;
      return `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    },
  },
  { name: 'far too long', token: () => 'a'.repeat(5000) },
];

describe('socket handshake', () => {
  let t: TestServer;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestServer(SQLITE);
    admin = await adminClient(t);
  });
  afterEach(closeSockets);
  afterAll(() => t.close());

  it.each(badTokens)('refuses $name: unauthorized', async ({ token }) => {
    const socket = connect(t.url, token(admin.accessToken!));
    expect(await connectError(socket)).toBe('unauthorized');
  });

  it('refuses an expired token: token_expired', async () => {
    t.clock.offsetMs = 16 * 60_000; // past the 15-minute access-token lifetime
    try {
      expect(await connectError(connect(t.url, admin.accessToken))).toBe('token_expired');
    } finally {
      t.clock.offsetMs = 0;
    }
  });

  it('connects with a valid token (polling, then WebSocket) and receives an admin alert', async () => {
    const socket = connect(t.url, admin.accessToken, { transports: ['polling', 'websocket'] });
    await connected(socket);
    const alert = next(socket, 'system:alert');
    const sent = await admin.request('POST', '/system/alerts', {
      body: { level: 'warning', message: 'maintenance at 18:00 UTC' },
    });
    expect(sent.status).toBe(202);
    expect(await alert).toEqual({
      ts: sent.body['ts'],
      level: 'warning',
      message: 'maintenance at 18:00 UTC',
      code: 'admin',
    });

    const audit = await admin.request('GET', '/audit?action=system.alert');
    expect(audit.body['items']).toEqual([
      expect.objectContaining({
        actorName: 'admin',
        outcome: 'ok',
        details: { level: 'warning', message: 'maintenance at 18:00 UTC' },
      }),
    ]);
  });

  it('counts connected sockets and emitted events in /metrics', async () => {
    const metrics = async () => (await fetch(`${t.api}/metrics`)).text();
    const socket = connect(t.url, admin.accessToken);
    await connected(socket);
    await eventually('the gauge shows one socket', async () =>
      (await metrics()).includes('numerusx_sockets_connected 1'),
    );
    socket.disconnect();
    await eventually('the gauge is back to zero', async () =>
      (await metrics()).includes('numerusx_sockets_connected 0'),
    );
    expect(await metrics()).toMatch(
      /numerusx_socket_events_emitted_total\{event="system:alert"\} \d+/,
    );
  });

  it('the alert route is for admins only and checks its body', async () => {
    const viewer = await userClient(t, admin, 'vic', 'viewer');
    const body = { level: 'info', message: 'hello' };
    expect((await viewer.request('POST', '/system/alerts', { body })).status).toBe(403);
    expect((await admin.request('POST', '/system/alerts', { body, token: null })).status).toBe(401);
    for (const bad of [
      { level: 'panic', message: 'x' }, // unknown level
      { level: 'info', message: '' }, // empty message
      { level: 'info', message: 'x'.repeat(501) }, // over 500 characters
      { level: 'info', message: 'x', code: 'token_expired' }, // clients cannot forge a code
    ]) {
      expect((await admin.request('POST', '/system/alerts', { body: bad })).status).toBe(400);
    }
  });
});

describe('token expiry while connected', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(SQLITE, { accessTokenTtlMs: 3_000 });
  });
  afterEach(closeSockets);
  afterAll(() => t.close());

  it('tells the client, then disconnects it when its token expires', async () => {
    const admin = await adminClient(t);
    const socket = connect(t.url, admin.accessToken);
    await connected(socket);
    const notice = next(socket, 'system:alert');
    const gone = disconnection(socket);
    expect(await notice).toMatchObject({ code: 'token_expired', level: 'warning' });
    expect(await gone).toBe('io server disconnect');
    expect(await connectError(connect(t.url, admin.accessToken))).toBe('token_expired');
  });
});
