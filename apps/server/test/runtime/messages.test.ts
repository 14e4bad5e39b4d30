/**
 * Texts for people as data, end to end on every database: the bot runs on the replay feed, then
 * every decision, log line and status the API (and the socket) answers with carries its message
 * beside its English, the message renders to exactly that English, and every key it uses (nested
 * ones included) is in the English catalog. A stored message that was corrupted reads back as null
 * beside its English text, never as an error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EN_MESSAGES, english, hasTemplate, type Msg, type MsgParam } from '@numerusx/core';
import { closeSockets, collect, connect, connected, request } from '../realtime/sockets.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DB_BACKENDS, clientsFor, type Clients } from '../modules/helpers.js';
import { allPages, eventually } from './runtime-helpers.js';

const FAST = { NUMERUSX_REPLAY_PACE_MS: '5' };
/** Trades often on SOL/USDT 1h: buys, sells and vetoes all show up within seconds. */
const ACTIVE_CONFIG = {
  strategy: { id: 'momentum' },
  pairs: ['SOL/USDT'],
  risk: { minConfidence: 0.3 },
};

type Doc = Record<string, unknown>;

const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `v` as a message, checked all the way down: a key the English catalog has, parameters that are
 * strings, numbers, messages or lists of messages. Fails the test naming where it went wrong.
 */
function checkedMsg(v: unknown, where: string): Msg {
  expect(isDoc(v), `${where}: a message object`).toBe(true);
  const doc = v as Doc;
  const key = doc['key'];
  expect(typeof key, `${where}.key`).toBe('string');
  expect(hasTemplate(EN_MESSAGES, key as string), `${where}: ${String(key)} in EN_MESSAGES`).toBe(
    true,
  );
  const raw = doc['params'];
  if (raw === undefined) return { key: key as string };
  expect(isDoc(raw), `${where}.params`).toBe(true);
  const params: Record<string, MsgParam> = {};
  for (const [name, p] of Object.entries(raw as Doc)) {
    const at = `${where}.params.${name}`;
    if (typeof p === 'string' || typeof p === 'number') params[name] = p;
    else if (Array.isArray(p)) params[name] = p.map((x, i) => checkedMsg(x, `${at}[${i}]`));
    else params[name] = checkedMsg(p, at);
  }
  return { key: key as string, params };
}

/** `m` is a message whose English is exactly `text`. */
function expectSays(m: unknown, text: unknown, where: string): Msg {
  expect(m, `${where}: message present beside "${String(text)}"`).not.toBeNull();
  expect(m, `${where}: message present`).toBeDefined();
  const checked = checkedMsg(m, where);
  expect(english(checked), where).toBe(text);
  return checked;
}

describe.each(DB_BACKENDS)('messages on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend, { env: FAST });
    c = await clientsFor(t, 'msg');
    expect((await c.admin.request('PUT', '/bot/config', { body: ACTIVE_CONFIG })).status).toBe(200);
  });
  afterEach(() => {
    closeSockets();
  });
  afterAll(async () => {
    await t.close();
  });

  it('decisions, log lines, statuses and labels carry messages that render to their English', async () => {
    const socket = connect(t.url, c.trader.accessToken);
    await connected(socket);
    for (const channel of ['logs', 'bot:default']) {
      expect(await request(socket, 'subscribe', { channel })).toMatchObject({ ok: true });
    }
    const lines = collect(socket, 'log:entry');
    const statuses = collect(socket, 'bot:status');
    const decided = collect(socket, 'ai:decision');

    const started = await c.trader.request('POST', '/bot/start', { body: { reason: 'messages' } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const runningMsg = expectSays(started.body['messageMsg'], started.body['message'], 'status');
    expect(runningMsg.key).toBe('runtime.status.runningOn');
    const feed = started.body['feed'] as Doc;
    expectSays(feed['labelMsg'], feed['label'], 'feed label');

    await eventually(
      async () => (await c.viewer.request('GET', '/market/ticker?pair=SOL/USDT')).status === 200,
    );
    const ticker = await c.viewer.request('GET', '/market/ticker?pair=SOL/USDT');
    expectSays(ticker.body['labelMsg'], ticker.body['label'], 'ticker label');
    const placed = await c.trader.request('POST', '/orders', {
      body: { type: 'market', pair: 'SOL/USDT', side: 'buy', quoteAmount: 50 },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    // Run until a decision became an order, so order lines and risk reasons exist too.
    await eventually(
      async () => {
        const r = await c.viewer.request('GET', '/ai/decisions?status=EXECUTED&limit=1');
        return (r.body['items'] as Doc[]).length > 0;
      },
      60_000,
      'an executed decision',
    );
    const stopped = await c.trader.request('POST', '/bot/stop');
    expect(stopped.body).toMatchObject({ state: 'stopped', message: 'stopped by the owner' });
    expectSays(stopped.body['messageMsg'], stopped.body['message'], 'stopped status');

    // Decisions: the rules provider's reasoning, its steps, the signals and the risk reasons.
    const decisions = await allPages(c.viewer, '/ai/decisions');
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      expectSays(d['reasoningMsg'], d['reasoning'], `decision ${String(d['id'])} reasoning`);
    }
    const gated = decisions.filter((d) => d['status'] === 'EXECUTED' || d['status'] === 'VETOED');
    for (const d of gated.slice(0, 10)) {
      const detail = (await c.viewer.request('GET', `/ai/decisions/${String(d['id'])}`)).body;
      const where = `decision ${String(d['id'])}`;
      expectSays(detail['reasoningMsg'], detail['reasoning'], `${where} detail`);
      // The rules provider writes every step as messages (a model's steps may be free text).
      expect(detail['provider']).toBe('rules');
      for (const [i, step] of (detail['steps'] as Doc[]).entries()) {
        expectSays(step['titleMsg'], step['title'], `${where} step ${i} title`);
        expectSays(step['detailMsg'], step['detail'], `${where} step ${i} detail`);
      }
      const validation = detail['validation'] as Doc;
      expectSays(validation['reasonMsg'], validation['reason'], `${where} validation`);
      for (const s of (detail['inputs'] as { signals: { signal: Doc }[] }).signals) {
        expectSays(s.signal['reasonMsg'], s.signal['reason'], `${where} signal`);
      }
      const verdict = detail['riskVerdict'] as { reasons: Doc[] };
      expect(verdict.reasons.length).toBeGreaterThan(0);
      for (const r of verdict.reasons) {
        expectSays(r['messageMsg'], r['message'], `${where} risk reason ${String(r['rule'])}`);
      }
    }
    for (const d of decided) expectSays(d.reasoningMsg, d.reasoning, `ai:decision ${d.id}`);

    // Every line the bot wrote, over the API and as streamed.
    const logs = await allPages(c.trader, '/bot/logs');
    const keys = new Set<string>();
    for (const l of logs) {
      keys.add(expectSays(l['messageMsg'], l['message'], `log ${String(l['id'])}`).key);
    }
    for (const k of [
      'runtime.log.started',
      'runtime.log.stopped',
      'runtime.log.manualOrder',
      'runtime.log.orderPlaced',
    ]) {
      expect(keys, `a ${k} line`).toContain(k);
    }
    expect(logs.find((l) => l['message'] === 'manual market buy SOL/USDT by msg-trader')).toEqual(
      expect.objectContaining({
        messageMsg: {
          key: 'runtime.log.manualOrder',
          params: {
            type: { key: 'runtime.orderType.market' },
            side: { key: 'runtime.side.buy' },
            pair: 'SOL/USDT',
            user: 'msg-trader',
          },
        },
      }),
    );
    await eventually(async () => Promise.resolve(lines.length > 0), 5_000, 'log:entry');
    for (const l of lines) expectSays(l.messageMsg, l.message, `log:entry ${l.id}`);
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expectSays(s.messageMsg, s.message, `bot:status ${s.state}`);
  });

  it('an emergency stop keeps its reason as a message, the user name as a plain name', async () => {
    const halted = await c.trader.request('POST', '/bot/emergency-stop', {
      body: { reason: 'drill' },
    });
    expect(halted.body).toMatchObject({ message: 'emergency stop by msg-trader: drill' });
    expect(halted.body['messageMsg']).toEqual({
      key: 'runtime.status.emergencyByReason',
      params: { who: 'msg-trader', reason: 'drill' },
    });
    // Read back from the stored row, as another instance (or a restarted server) would.
    const row = await t.server.db.kysely
      .selectFrom('bot_runtime')
      .select(['state_reason', 'state_reason_msg'])
      .executeTakeFirstOrThrow();
    expect(row.state_reason).toBe('emergency stop by msg-trader: drill');
    expectSays(JSON.parse(row.state_reason_msg ?? 'null'), row.state_reason, 'stored reason');
    expect((await c.admin.request('POST', '/bot/rearm')).body).toMatchObject({
      state: 'stopped',
      messageMsg: { key: 'runtime.status.rearmedReady' },
    });
  });

  it('a corrupted stored message reads back as null beside its English, not as an error', async () => {
    const db = t.server.db.kysely;
    const decision = await db
      .selectFrom('ai_decisions')
      .select(['id', 'reasoning'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const line = await db
      .selectFrom('logs')
      .select(['id', 'message'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    for (const bad of ['{not json', '{"key": 5}', '[1,2]', '{"key":"x","extra":1}']) {
      await db
        .updateTable('ai_decisions')
        .set({ reasoning_msg: bad })
        .where('id', '=', decision.id)
        .execute();
      await db.updateTable('logs').set({ message_msg: bad }).where('id', '=', line.id).execute();

      const detail = await c.viewer.request('GET', `/ai/decisions/${decision.id}`);
      expect(detail.status, bad).toBe(200);
      expect(detail.body).toMatchObject({ reasoning: decision.reasoning, reasoningMsg: null });
      const listed = await c.viewer.request('GET', '/ai/decisions?limit=1');
      expect(listed.status, bad).toBe(200);
      expect((listed.body['items'] as Doc[])[0]).toMatchObject({ reasoningMsg: null });
      const logs = await c.trader.request('GET', '/bot/logs?limit=1');
      expect(logs.status, bad).toBe(200);
      expect((logs.body['items'] as Doc[])[0]).toMatchObject({
        id: line.id,
        message: line.message,
        messageMsg: null,
      });
    }

    // The status's stored reason, as left by an emergency stop made elsewhere.
    await db
      .updateTable('bot_runtime')
      .set({
        desired_state: 'emergency-stopped',
        state_reason: 'halted elsewhere',
        state_reason_msg: '{oops',
      })
      .execute();
    const status = await c.viewer.request('GET', '/bot/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      state: 'emergency-stopped',
      message: 'halted elsewhere',
      messageMsg: null,
    });
    expect((await c.admin.request('POST', '/bot/rearm')).status).toBe(200);
  });
});
