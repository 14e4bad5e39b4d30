/**
 * The promise in real time: a client whose network drops for 30 seconds gets what it missed
 * when it comes back (the recovery window is 2 minutes). Kept in its own file so its wait runs in
 * parallel with the other suites.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Backend } from '../support/backends.js';
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

const SQLITE: Backend = { name: 'sqlite', postgres: false, redis: false };
let t: TestServer;
let admin: Client;

beforeAll(async () => {
  t = await startTestServer(SQLITE);
  admin = await adminClient(t);
});
afterAll(async () => {
  closeSockets();
  await t.close();
});

async function alert(message: string): Promise<void> {
  const r = await admin.request('POST', '/system/alerts', { body: { level: 'info', message } });
  expect(r.status).toBe(202);
}

it('after a 30 s drop the client receives what it missed, in order', async () => {
  const socket = connect(t.url, admin.accessToken);
  await connected(socket);
  const first = next(socket, 'system:alert');
  await alert('before the drop');
  await first;

  const gone = disconnection(socket);
  socket.io.engine.close();
  expect(await gone).toBe('forced close');
  await eventually('the server saw the socket go', () => t.server.realtime.connectedCount() === 0);

  const alerts = collect(socket, 'system:alert');
  await alert('missed 1');
  await new Promise((r) => setTimeout(r, 30_000));
  await alert('missed 2');

  socket.connect();
  await connected(socket);
  expect(socket.recovered).toBe(true);
  await eventually('the missed events arrived', () => alerts.length === 2);
  expect(alerts.map((a) => a.message)).toEqual(['missed 1', 'missed 2']);
}, 60_000);
