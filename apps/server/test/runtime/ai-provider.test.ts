/**
 * A model provider inside the running bot, against a local server that answers like an
 * OpenAI-compatible endpoint (the real `openai` SDK talks to it): a malformed answer is stored as a
 * HOLD with the cause, a valid one as the model's decision with its tokens and cost, and when the
 * daily token budget is spent the offline rules take over and a `system:alert` says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openaiBody,
  startFake,
  type FakeServer,
} from '../../../../packages/adapters/test/ai/fake-http.js';
import { closeSockets, collect, connect, connected } from '../realtime/sockets.js';
import { BACKENDS } from '../support/backends.js';
import { adminClient, type Client, type TestServer, startTestServer } from '../support/server.js';
import { allPages, eventually } from './runtime-helpers.js';

const USAGE = { prompt_tokens: 250, completion_tokens: 50 };

function hold(pair: string): string {
  return JSON.stringify({
    action: 'hold',
    pair,
    sizeUsd: 0,
    stopLoss: null,
    takeProfit: null,
    confidence: 0.55,
    reasoning: 'Range-bound market without a clear edge; waiting.',
    steps: [{ title: 'Regime', detail: 'ADX low, price inside the bands.' }],
  });
}

describe('an OpenAI-compatible model deciding for the bot', () => {
  let model: FakeServer;
  let t: TestServer;
  let admin: Client;
  beforeAll(async () => {
    model = await startFake((_req, i) =>
      i === 0
        ? { json: openaiBody('{"action": "buy", "pair": ', USAGE) } // cut off mid-answer
        : { json: openaiBody(hold('SOL/USDT'), USAGE) },
    );
    t = await startTestServer(BACKENDS[0]!, {
      env: {
        NUMERUSX_REPLAY_PACE_MS: '20',
        NUMERUSX_AI_PROVIDER: 'openai',
        OPENAI_BASE_URL: `${model.url}/v1`,
        NUMERUSX_AI_MODEL: 'local-test-model',
        // Four answers' worth of tokens: the fifth decision finds the budget spent.
        NUMERUSX_AI_MAX_TOKENS_PER_DAY: '1200',
        NUMERUSX_AI_USD_PER_MILLION_IN: '1',
        NUMERUSX_AI_USD_PER_MILLION_OUT: '4',
      },
    });
    admin = await adminClient(t);
  });
  afterAll(async () => {
    closeSockets();
    await t.close();
    await model.close();
  });

  it('malformed → HOLD with the cause; valid → the model’s decision with cost; budget spent → rules + system:alert', async () => {
    const socket = connect(t.url, admin.accessToken);
    await connected(socket);
    const alerts = collect(socket, 'system:alert');
    expect((await admin.request('POST', '/bot/start')).status).toBe(200);
    await eventually(() => Promise.resolve(alerts.length > 0), 20_000, 'the budget alert');
    await eventually(
      async () => {
        const d = await admin.request('GET', '/ai/decisions?provider=rules&limit=1');
        return (d.body['items'] as unknown[]).length > 0;
      },
      10_000,
      'a decision by the rules',
    );
    const status = await admin.request('GET', '/bot/status');
    expect(status.body).toMatchObject({ provider: 'openai', activeProvider: 'rules' });
    expect((await admin.request('POST', '/bot/stop')).status).toBe(200);

    expect(alerts[0]).toMatchObject({ level: 'warning', code: 'system' });
    expect(alerts[0]?.message).toMatch(/openai daily tokens budget spent.*rules decide/);

    const decisions = (await allPages(admin, '/ai/decisions')).reverse(); // oldest first
    const byModel = decisions.filter((d) => d['provider'] === 'openai');
    expect(byModel.length).toBeGreaterThanOrEqual(4);
    const first = await admin.request('GET', `/ai/decisions/${String(byModel[0]!['id'])}`);
    expect(first.body).toMatchObject({
      action: 'hold',
      status: 'HOLD',
      model: 'local-test-model',
      validation: { ok: false },
    });
    expect(JSON.stringify(first.body['validation'])).toMatch(/json|parse|invalid/i);
    const valid = await admin.request('GET', `/ai/decisions/${String(byModel[1]!['id'])}`);
    expect(valid.body).toMatchObject({
      action: 'hold',
      confidence: 0.55,
      reasoning: 'Range-bound market without a clear edge; waiting.',
      validation: { ok: true },
      tokensIn: 250,
      tokensOut: 50,
      rawResponse: hold('SOL/USDT'),
    });
    // 250 in at $1/M + 50 out at $4/M
    expect(valid.body['costUsd']).toBeCloseTo(0.00045, 9);
    expect(String(valid.body['prompt'])).toContain('SOL/USDT');
    const afterFallback = decisions.slice(decisions.findIndex((d) => d['provider'] === 'rules'));
    expect(afterFallback.every((d) => d['provider'] === 'rules')).toBe(true);
  });
});
