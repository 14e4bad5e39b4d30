/**
 * Two instances sharing one database and one Redis serve one user base: a session revoked on one is
 * refused by the other at once, and rate limits count requests made to both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, HAS_REDIS } from '../support/backends.js';
import {
  Client,
  adminClient,
  startTestServer,
  userClient,
  type TestServer,
} from '../support/server.js';

const shared = BACKENDS.filter((b) => b.redis);

describe.skipIf(!HAS_REDIS)('two instances on one Redis', () => {
  describe.each(shared)('$name', (backend) => {
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      a = await startTestServer(backend, { rateLimitPerMinute: 1000 });
      b = await startTestServer(backend, { shareWith: a, rateLimitPerMinute: 1000 });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('a token issued by A works on B; logged out on A, it is refused by B on the next request', async () => {
      const onA = await adminClient(a);
      const onB = new Client(b.api);
      onB.accessToken = onA.accessToken;
      expect((await onB.request('GET', '/auth/me')).status).toBe(200);
      expect((await onA.request('POST', '/auth/logout', { csrf: true })).status).toBe(204);
      const after = await onB.request('GET', '/auth/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: { message: 'access token revoked' } });
    });

    it('failed logins count across instances: 3 on A and 2 on B, then B answers 429', async () => {
      const admin = await adminClient(a);
      const name = `sam${backend.name.replace(/\W/g, '')}`;
      await userClient(a, admin, name, 'viewer');
      for (let i = 0; i < 3; i++)
        expect((await new Client(a.api).login(name, 'wrong-password')).status).toBe(401);
      for (let i = 0; i < 2; i++)
        expect((await new Client(b.api).login(name, 'wrong-password')).status).toBe(401);
      expect((await new Client(b.api).login(name, `${name}-password-long`)).status).toBe(429);
      expect((await new Client(a.api).login(name, `${name}-password-long`)).status).toBe(429);
    });
  });

  describe.each(shared)('API rate limit on $name', (backend) => {
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      a = await startTestServer(backend, { rateLimitPerMinute: 6 });
      b = await startTestServer(backend, { shareWith: a, rateLimitPerMinute: 6 });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('6 requests a minute per user, counted on both instances together', async () => {
      const onA = await adminClient(a); // request 1 (counted per IP before login)
      const onB = new Client(b.api);
      onB.accessToken = onA.accessToken;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await onA.request('GET', '/auth/me')).status);
      for (let i = 0; i < 3; i++) statuses.push((await onB.request('GET', '/auth/me')).status);
      const blocked = await onB.request('GET', '/auth/me');
      // 6 allowed for this user across A and B, the 7th refused.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
