import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimulatedClock } from '@numerusx/core';
import {
  createGeminiProvider,
  type BudgetExhaustedEvent,
  type CircuitState,
  type GeminiProviderOptions,
  type TracedDecisionProvider,
} from '../../src/index.js';
import { errorBody, geminiBody, onlyLoopback, startFake, type FakeServer } from './fake-http.js';
import type { FakeHandler } from './fake-http.js';
import { BUY, DAY_MS, FAST, INPUT, answer, clockAtNoon } from './fixtures.js';

onlyLoopback();

const USAGE = { promptTokenCount: 1_200, candidatesTokenCount: 300 };
const ok = (text: string) => ({ json: geminiBody(text, USAGE) });

let fake: FakeServer | undefined;
let provider: TracedDecisionProvider | undefined;
afterEach(async () => {
  provider?.close();
  await fake?.close();
  provider = undefined;
  fake = undefined;
});

async function setup(
  handler: FakeHandler,
  opts: Partial<GeminiProviderOptions> = {},
  deps: { clock?: SimulatedClock; onBudgetExhausted?: (e: BudgetExhaustedEvent) => void } = {},
) {
  fake = await startFake(handler);
  const onCircuit: CircuitState[] = [];
  provider = createGeminiProvider(
    { ...FAST, model: 'gemini-test', apiKey: 'test-key', baseUrl: fake.url, ...opts },
    {
      clock: deps.clock ?? clockAtNoon(),
      onCircuitStateChange: (s) => onCircuit.push(s),
      ...(deps.onBudgetExhausted === undefined
        ? {}
        : { onBudgetExhausted: deps.onBudgetExhausted }),
    },
  );
  return { fake, provider, onCircuit };
}

/** Everything the SDK sent, as one string, for "the prompt contains …" checks. */
const sent = (i: number): string => JSON.stringify(fake?.requests[i]?.body);

describe('gemini provider', () => {
  it('turns a valid answer into the decision, with tokens, cost and latency in the trace', async () => {
    const { provider, fake } = await setup(() => ({ ...ok(answer()), delayMs: 20 }));
    const { decision, trace } = await provider.decideTraced(INPUT);

    expect(decision).toEqual({ ...BUY, pair: 'SOL/USDC' });
    expect(trace).toMatchObject({
      provider: 'gemini',
      model: 'gemini-test',
      mode: 'single',
      rawResponse: answer(),
      tokensIn: 1_200,
      tokensOut: 300,
      attempts: 1,
      validation: { ok: true, adjustments: [] },
    });
    expect(trace.fallback).toBeUndefined();
    expect(trace.costUsd).toBeCloseTo(0.00111, 10); // (1,200 × 0.3 + 300 × 2.5) / 1e6
    expect(trace.latencyMs).toBeGreaterThanOrEqual(15); // the fake waits 20 ms
    for (const fact of ['SOL/USDC', 'Price: 100', 'trending-up', 'ADX 31.5', 'ema-cross']) {
      expect(trace.prompt).toContain(fact);
    }
    expect(trace.prompt).toContain('fast EMA crossed above slow EMA');
    expect(trace.prompt).toContain('maxPositionUsd: 2500.00');

    // The real REST call: path, key header, structured-output config, and the prompt as sent.
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v1beta/models/gemini-test:generateContent');
    expect(req.headers['x-goog-api-key']).toBe('test-key');
    expect(req.body).toMatchObject({
      generationConfig: {
        temperature: 0.2,
        maxOutputTokens: 2048,
        responseMimeType: 'application/json',
        responseSchema: {
          type: 'OBJECT',
          required: Object.keys(BUY), // every field, in the decision's order
          properties: { action: { type: 'STRING', enum: ['buy', 'sell', 'hold'] } },
        },
      },
    });
    expect(sent(0)).toContain('Guidance for this regime: An uptrend');
  });

  it('counts thinking tokens as output and decide() returns the same decision', async () => {
    const usage = { ...USAGE, thoughtsTokenCount: 50 };
    const { provider } = await setup(() => ({ json: geminiBody(answer(), usage) }));
    const { trace } = await provider.decideTraced(INPUT);
    expect(trace.tokensOut).toBe(350);
    expect(await provider.decide(INPUT)).toMatchObject({ action: 'buy', sizeUsd: 1_000 });
  });

  it('holds on a malformed JSON answer and records why', async () => {
    const { provider } = await setup(() => ok('{"action": "buy", "pair": "SOL/'));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision).toMatchObject({ action: 'hold', sizeUsd: 0, stopLoss: null });
    expect(trace.fallback).toBe('invalid-answer');
    expect(trace.validation).toMatchObject({ ok: false, reason: 'malformed-json' });
    expect(trace.tokensIn).toBe(1_200); // the answer was paid for all the same
  });

  it.each([
    {
      name: 'a buy with the stop above the price → hold',
      answer: { stopLoss: 101 },
      expect: { action: 'hold' },
      validation: { ok: false, reason: 'sanity' },
    },
    {
      name: 'an answer about another pair → hold',
      answer: { pair: 'BONK/USDC' },
      expect: { action: 'hold' },
      validation: { ok: false, reason: 'sanity' },
    },
    {
      name: 'a size above maxPositionUsd → clipped to 2,500',
      answer: { sizeUsd: 9_000 },
      expect: { action: 'buy', sizeUsd: 2_500 },
      validation: { ok: true, adjustments: ['buy: size 9000 clipped to maxPositionUsd 2500'] },
    },
    {
      name: 'a confidence above 1 → hold (schema)',
      answer: { confidence: 1.5 },
      expect: { action: 'hold' },
      validation: { ok: false, reason: 'schema' },
    },
  ])('$name', async (c) => {
    const { provider } = await setup(() => ok(answer(c.answer)));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision).toMatchObject(c.expect);
    expect(trace.validation).toMatchObject(c.validation);
  });

  it('holds with cause timeout when every attempt outlives timeoutMs', async () => {
    const { provider, fake } = await setup(() => ({ ...ok(answer()), delayMs: 3000 }), {
      // Far apart, so a loaded CI machine cannot blur a deadline with a slow request.
      timeoutMs: 250,
      retries: 1,
    });
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace.fallback).toBe('timeout');
    expect(trace.error?.code).toBe('TEMPORARY_ERROR');
    expect(trace.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(trace.latencyMs).toBeLessThan(2500); // two 250 ms attempts, not the 3 s answer
  });

  it('retries a 429 storm with backoff, then holds as rate-limited', async () => {
    const { provider, fake } = await setup(() => ({ status: 429, json: errorBody(429, 'quota') }));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(fake.requests).toHaveLength(3); // the first try and retries: 2
    expect(trace).toMatchObject({ fallback: 'rate-limited', attempts: 3 });
    expect(trace.error?.code).toBe('RATE_LIMITED');
  });

  it('succeeds after a 500 followed by a 200', async () => {
    const { provider, fake } = await setup((_r, i) =>
      i === 0 ? { status: 500, json: errorBody(500, 'boom') } : ok(answer()),
    );
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('buy');
    expect(fake.requests).toHaveLength(2);
    expect(trace).toMatchObject({ attempts: 2, validation: { ok: true } });
  });

  it('does not retry a refused key (401) and holds as rejected', async () => {
    const { provider, fake } = await setup(() => ({
      status: 401,
      json: errorBody(401, 'bad key'),
    }));
    const { trace } = await provider.decideTraced(INPUT);
    expect(fake.requests).toHaveLength(1);
    expect(trace).toMatchObject({ fallback: 'rejected', error: { code: 'CONFIGURATION_ERROR' } });
  });

  it('says so when an invalid answer stopped at maxOutputTokens', async () => {
    const cut = geminiBody('{"action": "buy", "pa', USAGE) as { candidates: object[] };
    cut.candidates[0] = { ...cut.candidates[0], finishReason: 'MAX_TOKENS' };
    const { provider, fake } = await setup(() => ({ json: cut }), { thinkingBudget: 0 });
    const { trace } = await provider.decideTraced(INPUT);
    expect(trace.validation).toMatchObject({ ok: false, reason: 'malformed-json' });
    expect(JSON.stringify(trace.validation)).toContain('stopped at maxOutputTokens (2048)');
    expect(fake.requests[0]!.body).toMatchObject({
      generationConfig: { thinkingConfig: { thinkingBudget: 0 } },
    });
  });

  it('holds as refused when the prompt is blocked', async () => {
    const blocked = { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: USAGE };
    const { provider } = await setup(() => ({ json: blocked }));
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace.fallback).toBe('refused');
  });

  it('opens the circuit after repeated failures, holds without requests, then recovers', async () => {
    let healthy = false;
    const { provider, fake, onCircuit } = await setup(
      () => (healthy ? ok(answer()) : { status: 503, json: errorBody(503, 'overloaded') }),
      { retries: 0, breaker: { minCalls: 3, cooldownMs: 60 } },
    );
    for (let i = 0; i < 3; i++) {
      expect((await provider.decideTraced(INPUT)).trace.fallback).toBe('unavailable');
    }
    expect(fake.requests).toHaveLength(3);
    expect(provider.status().circuit).toBe('open');

    for (let i = 0; i < 2; i++) {
      const { decision, trace } = await provider.decideTraced(INPUT);
      expect(decision.action).toBe('hold');
      expect(trace).toMatchObject({ fallback: 'circuit-open', attempts: 0, prompt: '' });
    }
    expect(fake.requests).toHaveLength(3); // the open breaker sent nothing

    healthy = true;
    // After cooldownMs the breaker half-opens and lets one trial call through.
    await vi.waitFor(() => {
      expect(provider.status().circuit).toBe('half-open');
    });
    expect((await provider.decideTraced(INPUT)).decision.action).toBe('buy');
    expect(provider.status().circuit).toBe('closed');
    expect(onCircuit).toEqual(['open', 'half-open', 'closed']);
  });

  it('holds once the day’s tokens are spent, announces it once, and resumes the next UTC day', async () => {
    const clock = clockAtNoon();
    const events: BudgetExhaustedEvent[] = [];
    const { provider, fake } = await setup(
      () => ok(answer()),
      { budget: { maxTokensPerDay: 1_500 } }, // exactly one answer (1,200 + 300)
      { clock, onBudgetExhausted: (e) => events.push(e) },
    );
    expect((await provider.decideTraced(INPUT)).decision.action).toBe('buy');
    for (let i = 0; i < 2; i++) {
      const { decision, trace } = await provider.decideTraced(INPUT);
      expect(decision.action).toBe('hold');
      expect(trace).toMatchObject({ fallback: 'budget-exhausted', attempts: 0, tokensIn: 0 });
    }
    expect(fake.requests).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ provider: 'gemini', limit: 'tokens', day: '2024-03-01' });
    expect(provider.status().budget).toMatchObject({ tokens: 1_500, exhausted: true });

    clock.set(clock.now() + DAY_MS); // 2024-03-02 12:00 UTC
    expect((await provider.decideTraced(INPUT)).decision.action).toBe('buy');
    expect(fake.requests).toHaveLength(2);
  });

  it('holds once the day’s cost is spent', async () => {
    const { provider, fake } = await setup(() => ok(answer()), {
      budget: { maxCostUsdPerDay: 0.002 }, // two answers at $0.00111 cross it
    });
    for (const expected of ['buy', 'buy', 'hold']) {
      expect((await provider.decideTraced(INPUT)).decision.action).toBe(expected);
    }
    expect(fake.requests).toHaveLength(2);
  });
});
