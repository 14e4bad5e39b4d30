import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@numerusx/core';
import {
  createGeminiProvider,
  createOpenAIProvider,
  resolveAiOptions,
  type AiProviderOptions,
} from '../../src/index.js';
import { clockAtNoon } from './fixtures.js';

const deps = { clock: clockAtNoon() };

describe('provider settings', () => {
  it('fills the defaults', () => {
    expect(resolveAiOptions('gemini', { model: ' gemini-2.5-flash ' })).toMatchObject({
      model: 'gemini-2.5-flash',
      temperature: 0.2,
      timeoutMs: 30_000,
      retries: 2,
      mode: 'single',
      budget: { maxTokensPerDay: null, maxCostUsdPerDay: null },
    });
  });

  it.each<[string, Partial<AiProviderOptions>, string]>([
    ['an empty model', { model: '  ' }, 'gemini.model'],
    ['temperature above 2', { temperature: 2.5 }, 'gemini.temperature'],
    ['a negative temperature', { temperature: -0.1 }, 'gemini.temperature'],
    ['timeoutMs below 10', { timeoutMs: 5 }, 'gemini.timeoutMs'],
    ['timeoutMs above 10 min', { timeoutMs: 600_001 }, 'gemini.timeoutMs'],
    ['fractional retries', { retries: 1.5 }, 'gemini.retries'],
    [
      'a negative price',
      { pricing: { inputUsdPerMillion: -1 } },
      'gemini.pricing.inputUsdPerMillion',
    ],
    [
      'a NaN price',
      { pricing: { outputUsdPerMillion: Number.NaN } },
      'gemini.pricing.outputUsdPerMillion',
    ],
    ['maxBackoff below minBackoff', { minBackoffMs: 100, maxBackoffMs: 50 }, 'gemini.maxBackoffMs'],
    ['a negative budget', { budget: { maxCostUsdPerDay: -1 } }, 'gemini.budget.maxCostUsdPerDay'],
    ['an error rate of 100 %', { breaker: { errorRatePct: 100 } }, 'gemini.breaker.errorRatePct'],
    ['an unknown mode', { mode: 'chain' as 'single' }, 'gemini.mode'],
  ])('refuses %s, naming the setting', (_name, bad, setting) => {
    const attempt = () => resolveAiOptions('gemini', { model: 'm', ...bad });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(setting);
  });

  it('refuses a Gemini provider without a key', () => {
    expect(() => createGeminiProvider({ model: 'm', apiKey: '' }, deps)).toThrow(/gemini\.apiKey/);
  });

  it('refuses a bad base URL without echoing it', () => {
    const attempt = () =>
      createOpenAIProvider({ model: 'm', baseURL: 'ftp://user:secret@host/v1' }, deps);
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).not.toThrow(/secret/);
  });

  it('refuses a provider id the decisions API could not store', () => {
    expect(() =>
      createOpenAIProvider({ model: 'm', baseURL: 'http://127.0.0.1:1/v1', id: 'My Model' }, deps),
    ).toThrow(/openai\.id/);
  });
});
