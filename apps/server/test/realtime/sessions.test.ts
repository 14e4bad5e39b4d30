/**
 * Socket sessions: a revoked session is disconnected at once (logout, admin revoke), and a client
 * whose transport drops gets what it missed when it is back within the recovery window (DESIGN §3),
 * unless its session was revoked meanwhile.
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
import { rooms } from '../../src/realtime/channels.js';
import {
  closeSockets,
  collect,
  connect,
  connectError,
  connected,
  disconnection,
  eventually,
  next,
  request,
  type TestSocket,
} from './sockets.js';

const SQLITE: Backend = { name: 'sqlite', postgres: false, redis: false };

describe('socket sessions', () => {
  let t: TestServer;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestServer(SQLITE);
    admin = await adminClient(t);
  });
  afterEach(closeSockets);
  afterAll(() => t.close());

  async function open(client: Client): Promise<TestSocket> {
    const socket = connect(t.url, client.accessToken);
    await connected(socket);
    return socket;
  }

  async function alert(message: string): Promise<void> {
    const r = await admin.request('POST', '/system/alerts', { body: { level: 'info', message } });
    expect(r.status).toBe(202);
  }

  it('logout disconnects the sockets of that session and no other', async () => {
    const [first, second] = [await adminClient(t), await adminClient(t)];
    const [s1, s2] = await Promise.all([open(first), open(second)]);
    const notice = next(s1, 'system:alert');
    const gone = disconnection(s1);
    expect((await first.request('POST', '/auth/logout', { csrf: true })).status).toBe(204);
    expect(await notice).toMatchObject({ code: 'session_revoked' });
    expect(await gone).toBe('io server disconnect');
    expect(await connectError(connect(t.url, first.accessToken))).toBe('unauthorized');

    const stillThere = next(s2, 'system:alert');
    await alert('second session still connected');
    expect(await stillThere).toMatchObject({ message: 'second session still connected' });
  });

  it("an admin revoking a user's sessions disconnects that user's sockets", async () => {
    const viewer = await userClient(t, admin, 'rita', 'viewer');
    const id = (await viewer.request('GET', '/auth/me')).body['id'] as number;
    const socket = await open(viewer);
    const gone = disconnection(socket);
    const r = await admin.request('POST', `/users/${id}/revoke-sessions`);
    expect(r.status).toBeLessThan(300);
    expect(await gone).toBe('io server disconnect');
  });

  it('a client that drops for a moment gets what it missed, in its rooms', async () => {
    const socket = await open(admin);
    await request(socket, 'subscribe', { channel: 'market:SOL/USDC' });
    const first = next(socket, 'system:alert');
    await alert('before the drop'); // gives the client an offset to resume from
    await first;

    const gone = disconnection(socket);
    socket.io.engine.close(); // the network drops, as far as both ends can tell
    expect(await gone).toBe('forced close'); // the client's side of a dropped transport
    await eventually(
      'the server saw the socket go',
      () => t.server.realtime.connectedCount() === 0,
    );

    const alerts = collect(socket, 'system:alert');
    const ticks = collect(socket, 'market:tick');
    const tick = { ts: Date.now(), pair: 'SOL/USDC', price: 150, source: 'replay' };
    await alert('while away');
    t.server.realtime.emit(rooms.market('SOL/USDC'), 'market:tick', tick);
    t.server.realtime.emit(rooms.market('ETH/USDC'), 'market:tick', { ...tick, pair: 'ETH/USDC' });

    socket.connect();
    await connected(socket);
    expect(socket.recovered).toBe(true);
    await eventually('the missed events arrived', () => alerts.length === 1 && ticks.length === 1);
    expect(alerts.map((a) => a.message)).toEqual(['while away']);
    expect(ticks).toEqual([tick]);

    // The restored socket is still in its channel.
    const later = next(socket, 'market:tick');
    t.server.realtime.emit(rooms.market('SOL/USDC'), 'market:tick', { ...tick, price: 151 });
    expect(await later).toMatchObject({ price: 151 });
  });

  it('a session revoked while the client was away is not recovered, nor replayed', async () => {
    const session = await adminClient(t);
    const socket = await open(session);
    const first = next(socket, 'system:alert');
    await alert('before the drop');
    await first;
    const gone = disconnection(socket);
    socket.io.engine.close();
    await gone;
    await eventually(
      'the server saw the socket go',
      () => t.server.realtime.connectedCount() === 0,
    );

    expect((await session.request('POST', '/auth/logout', { csrf: true })).status).toBe(204);
    await alert('secret while revoked');
    // Socket.io would write missed packets before the handshake check: watch the raw packets.
    const packets: string[] = [];
    socket.io.on('packet', (p) => packets.push(JSON.stringify(p)));
    socket.connect();
    expect(await connectError(socket)).toBe('unauthorized');
    expect(packets.join('\n')).not.toContain('secret while revoked');
  });

  it('a client that comes back without a valid token is refused', async () => {
    const socket = await open(admin);
    const first = next(socket, 'system:alert');
    await alert('before the drop');
    await first;
    const gone = disconnection(socket);
    socket.io.engine.close();
    await gone;
    socket.auth = { token: 'not-a-token' };
    socket.connect();
    expect(await connectError(socket)).toBe('unauthorized');
  });

  it('a recovery with another user’s token keeps only the rooms that token allows', async () => {
    const viewer = await userClient(t, admin, 'otto', 'viewer');
    const viewerId = (await viewer.request('GET', '/auth/me')).body['id'] as number;
    const adminId = (await admin.request('GET', '/auth/me')).body['id'] as number;
    const socket = await open(admin);
    await request(socket, 'subscribe', { channel: 'logs' });
    await request(socket, 'subscribe', { channel: 'market:SOL/USDC' });
    const first = next(socket, 'system:alert');
    await alert('before the drop');
    await first;
    const gone = disconnection(socket);
    socket.io.engine.close();
    await gone;
    await eventually(
      'the server saw the socket go',
      () => t.server.realtime.connectedCount() === 0,
    );

    socket.auth = { token: viewer.accessToken! };
    socket.connect();
    await connected(socket);
    expect(socket.recovered).toBe(true);
    const [logs, ticks, progress] = [
      collect(socket, 'log:entry'),
      collect(socket, 'market:tick'),
      collect(socket, 'backtest:progress'),
    ];
    const ts = Date.now();
    const line = {
      id: 1,
      ts,
      level: 'info',
      source: 'engine',
      message: 'x',
      botId: null,
      details: null,
    } as const;
    const step = {
      ts,
      backtestId: 1,
      status: 'running',
      progress: 0.5,
      candlesProcessed: 1,
      candlesTotal: 2,
      message: null,
    } as const;
    const { realtime } = t.server;
    realtime.emit(rooms.logs, 'log:entry', line); // viewers may not read logs
    realtime.emit(rooms.user(adminId), 'backtest:progress', step); // not their user room
    realtime.emit(rooms.user(viewerId), 'backtest:progress', { ...step, backtestId: 2 });
    realtime.emit(rooms.market('SOL/USDC'), 'market:tick', {
      ts,
      pair: 'SOL/USDC',
      price: 1,
      source: 'replay',
    });
    const fence = next(socket, 'system:alert');
    await alert('fence');
    await fence;
    expect(logs).toEqual([]);
    expect(progress.map((p) => p.backtestId)).toEqual([2]);
    expect(ticks).toHaveLength(1); // any role may watch a market
  });
});
