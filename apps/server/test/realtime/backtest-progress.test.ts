/**
 * A backtest runs in a worker thread and reports `backtest:progress` to whoever asked: running
 * with a growing fraction, then done; the API answers while it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, startTestServer, type Client, type TestServer } from '../support/server.js';
import { closeSockets, collect, connect, connected } from './sockets.js';

describe('backtest progress over the socket', () => {
  let t: TestServer;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestServer({ name: 'sqlite', postgres: false, redis: false });
    admin = await adminClient(t);
  });
  afterAll(async () => {
    closeSockets();
    await t.close();
  });

  it('running 0 → … → done 1, to the requester’s room, while the API keeps answering', async () => {
    const socket = connect(t.url, admin.accessToken);
    await connected(socket);
    const events = collect(socket, 'backtest:progress');
    // The whole SOL/USDT 1h history (tens of thousands of candles): long enough to report often.
    const accepted = await admin.request('POST', '/backtests', {
      body: { strategy: 'momentum', pair: 'SOL/USDT', timeframe: '1h' },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const id = accepted.body['id'] as number;
    let answeredWhileRunning = false;
    for (;;) {
      const r = await admin.request('GET', `/backtests/${id}`);
      expect(r.status).toBe(200);
      if (r.body['status'] === 'running') answeredWhileRunning = true;
      if (r.body['status'] === 'done' || r.body['status'] === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the last event's delivery
    const mine = events.filter((e) => e.backtestId === id);
    expect(mine[0]).toMatchObject({ status: 'running', progress: 0 });
    expect(mine.at(-1)).toMatchObject({ status: 'done', progress: 1, message: null });
    const fractions = mine.map((e) => e.progress);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions); // never goes back
    const total = mine.at(-1)?.candlesTotal ?? 0;
    expect(total).toBeGreaterThan(10_000);
    expect(mine.filter((e) => e.status === 'running').length).toBeGreaterThan(1);
    expect(answeredWhileRunning).toBe(true);
  });
});
