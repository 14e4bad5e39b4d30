import { afterEach, describe, expect, it } from 'vitest';
import { createGeminiProvider, type TracedDecisionProvider } from '../../src/index.js';
import { geminiBody, onlyLoopback, startFake, type FakeServer } from './fake-http.js';
import { FAST, INPUT, answer, clockAtNoon } from './fixtures.js';

onlyLoopback();

const USAGE = { promptTokenCount: 1_000, candidatesTokenCount: 200 };
const ANALYSIS = { bias: 'bullish', analysis: 'Uptrend, fresh EMA cross, ATR 2 % of price.' };

let fake: FakeServer | undefined;
let provider: TracedDecisionProvider | undefined;
afterEach(async () => {
  provider?.close();
  await fake?.close();
});

/** A fake model that answers each step by the step marker in its prompt. */
async function multiStep(proposal: string, critique: unknown) {
  fake = await startFake((req) => {
    const text = JSON.stringify(req.body);
    const reply = text.includes('Step 1 of 3')
      ? JSON.stringify(ANALYSIS)
      : text.includes('Step 2 of 3')
        ? proposal
        : JSON.stringify(critique);
    return { json: geminiBody(reply, USAGE) };
  });
  provider = createGeminiProvider(
    { ...FAST, model: 'gemini-test', apiKey: 'k', baseUrl: fake.url, mode: 'multi-step' },
    { clock: clockAtNoon() },
  );
  return { fake, provider };
}

describe('multi-step mode (analyse → propose → critique)', () => {
  it('makes three calls; a critique that says hold downgrades the buy', async () => {
    const { fake, provider } = await multiStep(answer(), {
      verdict: 'hold',
      confidence: 0.3,
      critique: 'The cross is late and the target barely covers the stop.',
    });
    const { decision, trace } = await provider.decideTraced(INPUT);

    expect(fake.requests).toHaveLength(3);
    expect(decision).toMatchObject({ action: 'hold', sizeUsd: 0, stopLoss: null });
    expect(decision.reasoning).toContain('downgraded the proposed buy to hold');
    expect(decision.steps.map((s) => s.title)).toEqual([
      'Analyse: bullish',
      'Propose: buy',
      'Critique: hold',
    ]);
    expect(trace.calls.map((c) => c.step)).toEqual(['analyse', 'propose', 'critique']);
    expect(trace).toMatchObject({ mode: 'multi-step', tokensIn: 3_000, tokensOut: 600 });
    expect(trace.validation).toEqual({
      ok: true,
      adjustments: ['critique: buy downgraded to hold'],
    });
    expect(trace.prompt).toContain('### critique');
    // Each step builds on the last: the proposal saw the analysis, the critique saw the proposal.
    expect(JSON.stringify(fake.requests[1]!.body)).toContain(ANALYSIS.analysis);
    expect(JSON.stringify(fake.requests[2]!.body)).toContain('\\"sizeUsd\\": 1000');
  });

  it('keeps an approved proposal at the lower of the two confidences', async () => {
    const { provider } = await multiStep(answer({ confidence: 0.8 }), {
      verdict: 'approve',
      confidence: 0.65,
      critique: 'Acceptable risk.',
    });
    const { decision } = await provider.decideTraced(INPUT);
    expect(decision).toMatchObject({ action: 'buy', sizeUsd: 1_000, confidence: 0.65 });
    expect(decision.steps).toHaveLength(3);
  });

  it('skips the critique when the proposal is already a hold', async () => {
    const { fake, provider } = await multiStep(
      answer({ action: 'hold', sizeUsd: 0, stopLoss: null, takeProfit: null }),
      { verdict: 'approve', confidence: 1, critique: 'unused' },
    );
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(fake.requests).toHaveLength(2);
    expect(decision.action).toBe('hold');
    expect(trace.fallback).toBeUndefined();
  });

  it('holds when the critique answer is invalid: an unreviewed proposal is not acted on', async () => {
    const { provider } = await multiStep(answer(), { verdict: 'maybe' });
    const { decision, trace } = await provider.decideTraced(INPUT);
    expect(decision.action).toBe('hold');
    expect(trace).toMatchObject({ fallback: 'invalid-answer', validation: { reason: 'schema' } });
    expect(decision.steps.map((s) => s.title)).toEqual([
      'Analyse: bullish',
      'Propose: buy',
      'Hold',
    ]);
  });
});
