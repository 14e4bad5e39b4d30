/**
 * Two instances on one Redis (the Redis Streams adapter): an event sent through one reaches clients
 * of the other, a session revoked on one disconnects its socket on the other, and a client dropping
 * from one gets what the other sent meanwhile. Each pair uses its own stream and channels.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HAS_REDIS, REDIS_TEST_URL, type Backend } from '../support/backends.js';
import { adminClient, startTestServer, type Client, type TestServer } from '../support/server.js';
import {
  closeSockets,
  collect,
  connect,
  connected,
  disconnection,
  eventually,
  next,
} from './sockets.js';

const SQLITE_REDIS: Backend = { name: 'sqlite+redis', postgres: false, redis: true };

// Under CI=true support/backends.ts throws when Redis is missing, so this skip only happens locally.
const title = HAS_REDIS
  ? 'realtime across two instances on one Redis'
  : `realtime across two instances on one Redis — SKIPPED: no Redis answers at ${REDIS_TEST_URL}`;

describe.skipIf(!HAS_REDIS)(title, () => {
  const namespace = `nx-test-sio-${randomBytes(5).toString('hex')}`;
  let a: TestServer;
  let b: TestServer;
  let admin: Client;
  beforeAll(async () => {
    a = await startTestServer(SQLITE_REDIS, { realtimeRedisNamespace: namespace });
    b = await startTestServer(SQLITE_REDIS, { shareWith: a, realtimeRedisNamespace: namespace });
    admin = await adminClient(a);
  });
  afterEach(closeSockets);
  afterAll(async () => {
    await b.close();
    await a.close();
    // The stream and any recovery sessions of this pair (keys may carry the servers' key prefix).
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`*${namespace}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function alertFromA(message: string): Promise<void> {
    const r = await admin.request('POST', '/system/alerts', { body: { level: 'info', message } });
    expect(r.status).toBe(202);
  }

  it('an alert sent through A reaches clients of A and of B', async () => {
    const [onA, onB] = [connect(a.url, admin.accessToken), connect(b.url, admin.accessToken)];
    await Promise.all([connected(onA), connected(onB)]);
    const got = [next(onA, 'system:alert'), next(onB, 'system:alert')];
    await alertFromA('across instances');
    expect((await Promise.all(got)).map((x) => x.message)).toEqual([
      'across instances',
      'across instances',
    ]);
  });

  it('a session revoked on A disconnects its socket on B', async () => {
    const session = await adminClient(a);
    const onB = connect(b.url, session.accessToken);
    await connected(onB);
    const notice = next(onB, 'system:alert');
    const gone = disconnection(onB);
    expect((await session.request('POST', '/auth/logout', { csrf: true })).status).toBe(204);
    expect(await notice).toMatchObject({ code: 'session_revoked' });
    expect(await gone).toBe('io server disconnect');
  });

  it('a client of B that drops gets what A sent meanwhile (sessions and offsets in Redis)', async () => {
    const socket = connect(b.url, admin.accessToken);
    await connected(socket);
    const first = next(socket, 'system:alert');
    await alertFromA('before the drop');
    await first;

    const gone = disconnection(socket);
    socket.io.engine.close();
    await gone;
    await eventually('B saw the socket go', () => b.server.realtime.connectedCount() === 0);
    const alerts = collect(socket, 'system:alert');
    await alertFromA('while away');

    socket.connect();
    await connected(socket);
    expect(socket.recovered).toBe(true);
    await eventually('the missed alert arrived', () => alerts.length === 1);
    expect(alerts[0]?.message).toBe('while away');
  });
});
