/**
 * Builds the model provider NUMERUSX_AI_PROVIDER names (undefined for the offline rules), with the
 * budget and breaker callbacks wired to the runtime. Settings were validated by loadConfig; the
 * adapters validate the rest (model name, ranges) and throw a ConfigurationError naming it.
 */
import {
  createGeminiProvider,
  createOpenAIProvider,
  type AiProviderDeps,
  type AiProviderOptions,
  type TracedDecisionProvider,
} from '@numerusx/adapters';
import { ConfigurationError } from '@numerusx/core';
import type { AiSettings } from '../config.js';

export interface ModelChoice {
  readonly provider: 'rules' | 'gemini' | 'openai';
  readonly geminiApiKey: string | undefined;
  readonly ai: AiSettings;
}

export function createModelProvider(
  choice: ModelChoice,
  deps: AiProviderDeps,
): TracedDecisionProvider | undefined {
  if (choice.provider === 'rules') return undefined;
  const { ai } = choice;
  if (ai.model === undefined) {
    throw new ConfigurationError(`NUMERUSX_AI_MODEL: required for ${choice.provider}`, {
      variable: 'NUMERUSX_AI_MODEL',
    });
  }
  const options: AiProviderOptions = {
    model: ai.model,
    mode: ai.mode,
    pricing: { inputUsdPerMillion: ai.usdPerMillionIn, outputUsdPerMillion: ai.usdPerMillionOut },
    budget: {
      ...(ai.maxCostUsdPerDay === undefined ? {} : { maxCostUsdPerDay: ai.maxCostUsdPerDay }),
      ...(ai.maxTokensPerDay === undefined ? {} : { maxTokensPerDay: ai.maxTokensPerDay }),
    },
  };
  if (choice.provider === 'gemini') {
    return createGeminiProvider(
      {
        ...options,
        apiKey: choice.geminiApiKey ?? '',
        ...(ai.geminiBaseUrl === undefined ? {} : { baseUrl: ai.geminiBaseUrl }),
      },
      deps,
    );
  }
  if (ai.openaiBaseUrl === undefined) {
    throw new ConfigurationError('OPENAI_BASE_URL: required for openai', {
      variable: 'OPENAI_BASE_URL',
    });
  }
  return createOpenAIProvider(
    {
      ...options,
      baseURL: ai.openaiBaseUrl,
      ...(ai.openaiApiKey === undefined ? {} : { apiKey: ai.openaiApiKey }),
    },
    deps,
  );
}
