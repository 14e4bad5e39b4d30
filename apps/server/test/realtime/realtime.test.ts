/**
 * createRealtime on a bare HTTP server, its ports passed in: revocations made by another process
 * (the CLI writing to the shared store) are found by the sweep, and a payload that breaks its
 * schema is logged instead of sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import { TokenRevocation } from '../../src/auth/revocation.js';
import { migrate, openDatabase, type Db } from '../../src/db/database.js';
import { MemoryKvStore } from '../../src/kv/kv-store.js';
import { createRealtime, type Realtime } from '../../src/realtime/realtime.js';
import type { RealtimeLogger } from '../../src/realtime/types.js';
import { Metrics } from '../../src/system/metrics.js';
import { closeSockets, connect, connected, disconnection, next } from './sockets.js';

describe('createRealtime on a bare HTTP server', () => {
  const clock = { now: () => Date.now() };
  const kv = new MemoryKvStore(clock); // stands for the Redis every process shares
  const logged: { level: string; msg: string; obj: object }[] = [];
  const record =
    (level: string) =>
    (obj: object, msg: string): void => {
      logged.push({ level, msg, obj });
    };
  const logger: RealtimeLogger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  let db: Db;
  let tokens: AccessTokens;
  let realtime: Realtime;
  let url: string;

  beforeAll(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrate(db);
    tokens = new AccessTokens('a-test-secret-that-is-long-enough-for-hs256', clock);
    realtime = await createRealtime({
      accessTokens: tokens,
      revocation: new TokenRevocation(kv, db.kysely, clock),
      metrics: new Metrics(),
      clock,
      revocationSweepMs: 50,
    });
    const http: Server = createServer();
    realtime.attach(http, logger);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(closeSockets);
  afterAll(async () => {
    await realtime.close(); // closes the HTTP server too
    await db.close();
  });

  it('disconnects a socket whose token another process revoked, on the next sweep', async () => {
    const issued = await tokens.issue({ id: 1, username: 'alice', role: 'viewer' });
    const socket = connect(url, issued.token);
    await connected(socket);
    const notice = next(socket, 'system:alert');
    const gone = disconnection(socket);
    // The CLI builds its own services over the shared store: no listener of ours is called.
    const cli = new TokenRevocation(kv, db.kysely, clock);
    await cli.revoke([{ jti: issued.jti, expiresAt: issued.expiresAt }]);
    expect(await notice).toMatchObject({ code: 'session_revoked', level: 'warning' });
    expect(await gone).toBe('io server disconnect');
  });

  it('logs and drops a payload that breaks its schema', () => {
    const tick = { ts: Date.now(), pair: 'SOL-USDC', price: 1, source: 'replay' };
    expect(realtime.emit(null, 'market:tick', tick)).toBe(false);
    expect(logged).toContainEqual({
      level: 'error',
      msg: 'dropped a socket event that does not match its schema',
      obj: expect.objectContaining({ event: 'market:tick', path: '/pair' }) as object,
    });
  });
});
