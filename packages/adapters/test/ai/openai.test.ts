import { afterEach, describe, expect, it } from 'vitest';
import {
  createOpenAIProvider,
  type OpenAIProviderOptions,
  type TracedDecisionProvider,
} from '../../src/index.js';
import {
  errorBody,
  onlyLoopback,
  openaiBody,
  startFake,
  type FakeHandler,
  type FakeServer,
} from './fake-http.js';
import { FAST, HOLDING, INPUT, answer, clockAtNoon } from './fixtures.js';

onlyLoopback();

const USAGE = { prompt_tokens: 900, completion_tokens: 150 };
const ok = (text: string) => ({ json: openaiBody(text, USAGE) });

let fake: FakeServer | undefined;
let provider: TracedDecisionProvider | undefined;
afterEach(async () => {
  provider?.close();
  await fake?.close();
  provider = undefined;
  fake = undefined;
});

async function setup(handler: FakeHandler, opts: Partial<OpenAIProviderOptions> = {}) {
  fake = await startFake(handler);
  provider = createOpenAIProvider(
    { ...FAST, model: 'qwen2.5:7b', baseURL: `${fake.url}/v1`, apiKey: 'sk-test', ...opts },
    { clock: clockAtNoon() },
  );
  return { fake, provider };
}

/** The response_format a recorded request carried. */
function formatOf(fake: FakeServer, i: number): unknown {
  const body = fake.requests[i]?.body as { response_format?: { type?: string } } | undefined;
  return body?.response_format?.type;
}

describe('openai-compatible provider', () => {
  it('asks with a strict json_schema and turns a valid answer into the decision', async () => {
    const { provider, fake } = await setup(() => ok(answer()));
    const { decision, trace } = await provider.decideTraced(INPUT);

    expect(decision).toMatchObject({ action: 'buy', pair: 'SOL/USDC', sizeUsd: 1_000 });
    expect(trace).toMatchObject({
      provider: 'openai',
      model: 'qwen2.5:7b',
      tokensIn: 900,
      tokensOut: 150,
      attempts: 1,
    });
    expect(trace.costUsd).toBeCloseTo(0.000645, 10); // (900 × 0.3 + 150 × 2.5) / 1e6
    expect(trace.prompt).toContain('Regime: trending-up');

    const req = fake.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.body).toMatchObject({
      model: 'qwen2.5:7b',
      temperature: 0.2,
      max_tokens: 2048,
      messages: [{ role: 'system' }, { role: 'user' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'trade_decision',
          strict: true,
          schema: { type: 'object', additionalProperties: false },
        },
      },
    });
  });

  it('falls back to json_object when the server rejects json_schema, and remembers it', async () => {
    const { provider, fake } = await setup((req) => {
      const format = (req.body as { response_format: { type: string } }).response_format.type;
      return format === 'json_schema'
        ? { status: 400, json: errorBody(400, "response_format 'json_schema' is not supported") }
        : ok(answer());
    });
    const first = await provider.decideTraced(INPUT);
    expect(first.decision.action).toBe('buy');
    expect(first.trace.attempts).toBe(2);
    expect([formatOf(fake, 0), formatOf(fake, 1)]).toEqual(['json_schema', 'json_object']);

    const second = await provider.decideTraced(INPUT);
    expect(second.trace.attempts).toBe(1);
    expect(formatOf(fake, 2)).toBe('json_object');
  });

  it('holds as rejected when json_object is refused too, without remembering the fallback', async () => {
    const { provider, fake } = await setup(() => ({ status: 400, json: errorBody(400, 'bad') }));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace).toMatchObject({ fallback: 'rejected', attempts: 2 });
    await provider.decideTraced(INPUT);
    expect(formatOf(fake, 2)).toBe('json_schema');
  });

  it('reads a fenced answer from a server that ignores response_format', async () => {
    const { provider } = await setup(() => ok('Here you go:\n```json\n' + answer() + '\n```'));
    expect((await provider.decideTraced(INPUT)).decision.action).toBe('buy');
  });

  it('holds on a malformed answer', async () => {
    const { provider } = await setup(() => ok('I think you should buy.'));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace.validation).toMatchObject({ ok: false, reason: 'malformed-json' });
  });

  it('holds as refused on an explicit refusal', async () => {
    const { provider } = await setup(() => ({
      json: openaiBody('', USAGE, 'I cannot give trading advice.'),
    }));
    const { trace } = await provider.decideTraced(INPUT);
    expect(trace.fallback).toBe('refused');
  });

  it('holds with cause timeout when the server is too slow', async () => {
    const { provider, fake } = await setup(() => ({ ...ok(answer()), delayMs: 3000 }), {
      // Far apart, so a loaded CI machine cannot blur a deadline with a slow request.
      timeoutMs: 250,
      retries: 0,
    });
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace.fallback).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 429 storm, then holds as rate-limited', async () => {
    const { provider, fake } = await setup(() => ({ status: 429, json: errorBody(429, 'slow') }), {
      retries: 3,
    });
    const { trace } = await provider.decideTraced(INPUT);
    expect(fake.requests).toHaveLength(4);
    expect(trace).toMatchObject({ fallback: 'rate-limited', attempts: 4 });
  });

  it('succeeds after a 500 followed by a 200', async () => {
    const { provider, fake } = await setup((_r, i) =>
      i === 0 ? { status: 500, json: errorBody(500, 'boom') } : ok(answer()),
    );
    expect((await provider.decideTraced(INPUT)).decision.action).toBe('buy');
    expect(fake.requests).toHaveLength(2);
  });

  it('holds as unavailable when nothing listens', async () => {
    const gone = await startFake(() => ok(answer()));
    await gone.close(); // its port now refuses connections
    const { provider } = await setup(() => ok(answer()), {
      baseURL: `${gone.url}/v1`,
      retries: 1,
    });
    const { trace } = await provider.decideTraced(INPUT);
    expect(trace).toMatchObject({ fallback: 'unavailable', attempts: 2 });
    expect(trace.error?.message).toContain('ECONNREFUSED'); // the cause, not only the SDK's words
  });

  it('opens the circuit after repeated failures and stops sending', async () => {
    const { provider, fake } = await setup(() => ({ status: 502, json: errorBody(502, 'gw') }), {
      retries: 0,
      breaker: { minCalls: 2, cooldownMs: 60_000 },
    });
    for (let i = 0; i < 5; i++) await provider.decideTraced(INPUT);
    expect(fake.requests).toHaveLength(2);
    expect((await provider.decideTraced(INPUT)).trace.fallback).toBe('circuit-open');
  });

  it('sizes a sell to the whole position and clears its bracket', async () => {
    const { provider } = await setup(() =>
      ok(answer({ action: 'sell', sizeUsd: 300, stopLoss: 95, takeProfit: null })),
    );
    const { decision, trace } = await provider.decideTraced(HOLDING);
    expect(decision).toMatchObject({ action: 'sell', sizeUsd: 1_000, stopLoss: null });
    expect(trace.validation).toMatchObject({ ok: true });
  });

  it('sends max_completion_tokens when configured for reasoning models', async () => {
    const { provider, fake } = await setup(() => ok(answer()), {
      maxTokensField: 'max_completion_tokens',
    });
    await provider.decideTraced(INPUT);
    expect(fake.requests[0]!.body).toMatchObject({ max_completion_tokens: 2048 });
  });
});
