/**
 * Rooms and channels (DESIGN §3): `subscribe` / `unsubscribe` answer by ack, refuse what they must
 * (bad payloads, `logs` for viewers), never crash on junk; events reach their room and no other.
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
  connected,
  fireAndForget,
  next,
  request,
  requestWithoutPayload,
  type TestSocket,
} from './sockets.js';

const SQLITE: Backend = { name: 'sqlite', postgres: false, redis: false };

/** Payloads `subscribe` must refuse with VALIDATION_ERROR, each for its reason. */
const badPayloads: { name: string; payload: unknown }[] = [
  { name: 'null', payload: null },
  { name: 'a bare string', payload: 'market:SOL/USDC' },
  { name: 'an empty object', payload: {} },
  { name: 'a number as channel', payload: { channel: 42 } },
  { name: 'a lower-case pair', payload: { channel: 'market:sol/usdc' } },
  { name: 'a pair without quote', payload: { channel: 'market:SOLUSDC' } },
  { name: 'someone else’s user room', payload: { channel: 'user:1' } },
  { name: 'an internal session room', payload: { channel: 'jti:abc' } },
  { name: 'an unknown channel', payload: { channel: 'orders' } },
  { name: 'an extra field', payload: { channel: 'logs', also: true } },
  { name: 'a bot id over 64 characters', payload: { channel: `bot:${'x'.repeat(65)}` } },
];

describe('socket channels', () => {
  let t: TestServer;
  let admin: Client;
  let viewer: Client;
  let trader: Client;
  beforeAll(async () => {
    t = await startTestServer(SQLITE);
    admin = await adminClient(t);
    viewer = await userClient(t, admin, 'vera', 'viewer');
    trader = await userClient(t, admin, 'tom', 'trader');
  });
  afterEach(closeSockets);
  afterAll(() => t.close());

  async function open(client: Client): Promise<TestSocket> {
    const socket = connect(t.url, client.accessToken);
    await connected(socket);
    return socket;
  }

  /** Everything emitted before this reached the sockets: one connection delivers in order. */
  async function fence(...sockets: TestSocket[]): Promise<void> {
    const seen = sockets.map((s) => next(s, 'system:alert'));
    const alert = { ts: Date.now(), level: 'info', message: 'fence', code: 'system' } as const;
    expect(t.server.realtime.emit(null, 'system:alert', alert)).toBe(true);
    await Promise.all(seen);
  }

  it.each(badPayloads)('refuses $name with VALIDATION_ERROR', async ({ payload }) => {
    const socket = await open(viewer);
    expect(await request(socket, 'subscribe', payload)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    expect(await request(socket, 'unsubscribe', payload)).toMatchObject({ ok: false });
  });

  it('answers an ack-only request, and ignores requests without an ack', async () => {
    const socket = await open(viewer);
    expect(await requestWithoutPayload(socket, 'subscribe')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    fireAndForget(socket, 'subscribe', { channel: 'logs' }); // forbidden, and nobody to tell
    fireAndForget(socket, 'subscribe', 'junk');
    fireAndForget(socket, 'unsubscribe');
    fireAndForget(socket, 'no-such-event', { x: 1 });
    expect(await request(socket, 'subscribe', { channel: 'bot:default' })).toEqual({
      ok: true,
      channel: 'bot:default',
    });
    expect(socket.connected).toBe(true);
  });

  it('logs is for traders and admins: a viewer gets FORBIDDEN', async () => {
    const [v, tr, ad] = await Promise.all([open(viewer), open(trader), open(admin)]);
    expect(await request(v, 'subscribe', { channel: 'logs' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'the logs channel needs the trader role; you are viewer',
      },
    });
    expect(await request(tr, 'subscribe', { channel: 'logs' })).toEqual({
      ok: true,
      channel: 'logs',
    });
    expect(await request(ad, 'subscribe', { channel: 'logs' })).toEqual({
      ok: true,
      channel: 'logs',
    });

    const [lv, lt, la] = [v, tr, ad].map((s) => collect(s, 'log:entry'));
    const line = {
      id: 1,
      ts: Date.now(),
      level: 'info',
      source: 'engine',
      message: 'tick',
      botId: null,
      details: null,
    } as const;
    expect(t.server.realtime.emit(rooms.logs, 'log:entry', line)).toBe(true);
    await fence(v, tr, ad);
    expect([lv, lt, la]).toEqual([[], [line], [line]]);
  });

  it('market:<pair> events reach its subscribers only, until they unsubscribe', async () => {
    const [a, b] = await Promise.all([open(viewer), open(admin)]);
    const channel = 'market:SOL/USDC';
    expect(await request(a, 'subscribe', { channel })).toEqual({ ok: true, channel });
    expect(await request(a, 'subscribe', { channel })).toEqual({ ok: true, channel }); // idempotent
    const [ticksA, ticksB] = [collect(a, 'market:tick'), collect(b, 'market:tick')];
    const tick = { ts: Date.now(), pair: 'SOL/USDC', price: 142.5, source: 'replay' };
    t.server.realtime.emit(rooms.market('SOL/USDC'), 'market:tick', tick);
    t.server.realtime.emit(rooms.market('BTC/USDC'), 'market:tick', { ...tick, pair: 'BTC/USDC' });
    await fence(a, b);
    expect(ticksA).toEqual([tick]);
    expect(ticksB).toEqual([]);

    expect(await request(a, 'unsubscribe', { channel })).toEqual({ ok: true, channel });
    t.server.realtime.emit(rooms.market('SOL/USDC'), 'market:tick', tick);
    await fence(a, b);
    expect(ticksA).toHaveLength(1);
  });

  it('user:<id> events reach that user only', async () => {
    const me = await viewer.request('GET', '/auth/me');
    const [v, a] = await Promise.all([open(viewer), open(admin)]);
    const [pv, pa] = [collect(v, 'backtest:progress'), collect(a, 'backtest:progress')];
    const progress = {
      ts: Date.now(),
      backtestId: 7,
      status: 'running',
      progress: 0.25, // 250 of 1000 candles
      candlesProcessed: 250,
      candlesTotal: 1000,
      message: null,
    } as const;
    t.server.realtime.emit(rooms.user(me.body['id'] as number), 'backtest:progress', progress);
    await fence(v, a);
    expect([pv, pa]).toEqual([[progress], []]);
  });

  it('drops a payload that breaks its schema instead of sending it', async () => {
    const socket = await open(admin);
    await request(socket, 'subscribe', { channel: 'market:SOL/USDC' });
    const ticks = collect(socket, 'market:tick');
    const room = rooms.market('SOL/USDC');
    const tick = { ts: Date.now(), pair: 'SOL/USDC', price: 142.5, source: 'replay' };
    expect(t.server.realtime.emit(room, 'market:tick', { ...tick, price: -1 })).toBe(false);
    expect(t.server.realtime.emit(room, 'market:tick', { ...tick, price: Number.NaN })).toBe(false);
    await fence(socket);
    expect(ticks).toEqual([]);
  });

  it('caps the channels of one connection at 64', async () => {
    const socket = await open(viewer);
    for (let i = 0; i < 64; i++) {
      const ack = await request(socket, 'subscribe', { channel: `market:T${i}/USDC` });
      expect(ack.ok).toBe(true);
    }
    expect(await request(socket, 'subscribe', { channel: 'market:ONEMORE/USDC' })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED' },
    });
    // Already joined channels still answer ok, and leaving one makes room again.
    expect((await request(socket, 'subscribe', { channel: 'market:T0/USDC' })).ok).toBe(true);
    await request(socket, 'unsubscribe', { channel: 'market:T0/USDC' });
    expect((await request(socket, 'subscribe', { channel: 'market:ONEMORE/USDC' })).ok).toBe(true);
  });
});
