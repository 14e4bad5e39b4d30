import { ConfigurationError } from '@numerusx/core';
import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import { resolveAiOptions, type AiProviderOptions, type ResolvedAiOptions } from './config.js';
import { checkBaseUrl } from './endpoint.js';
import { statusOf } from './model-errors.js';
import { toJsonSchema } from './schema.js';
import { createTracedProvider, type AiProviderDeps } from './traced-provider.js';
import type { ModelReply, ModelRequest, ModelTransport, TracedDecisionProvider } from './types.js';

export interface OpenAIProviderOptions extends AiProviderOptions {
  /** The endpoint up to and including `/v1`: Ollama http://127.0.0.1:11434/v1, vLLM, OpenAI… */
  readonly baseURL: string;
  /** Optional: local servers need none. Never logged or put in an error message. */
  readonly apiKey?: string;
  /**
   * The output limit's field name: `max_tokens` (default; what Ollama, vLLM and most compatible
   * servers read) or `max_completion_tokens` (what OpenAI's reasoning models insist on).
   */
  readonly maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Provider id in traces and /ai/decisions, default `openai` (e.g. `ollama`). */
  readonly id?: string;
}

/**
 * The `openai` decision provider: any OpenAI-compatible chat completions endpoint through the openai
 * SDK, with `response_format: {type: 'json_schema', strict: true}`. Servers that do not support
 * json_schema answer 400; the same request is then sent once with `{type: 'json_object'}` (the
 * prompt describes every field, so the shape survives) and, if that works, json_object is used for
 * every later call of this provider. The SDK's own retries are off (maxRetries 0): the call guard
 * retries, with one policy and every request counted.
 *
 * Throws a ConfigurationError at creation for a bad URL, id or setting.
 */
export function createOpenAIProvider(
  opts: OpenAIProviderOptions,
  deps: AiProviderDeps,
): TracedDecisionProvider {
  const id = opts.id ?? 'openai';
  if (!/^[a-z0-9_.-]{1,40}$/.test(id)) {
    throw new ConfigurationError('openai.id must be 1-40 characters of a-z, 0-9, _ . -', {
      setting: 'openai.id',
      value: id,
    });
  }
  const options = resolveAiOptions(id, opts);
  const field = opts.maxTokensField ?? 'max_tokens';
  if (!(['max_tokens', 'max_completion_tokens'] as readonly string[]).includes(field)) {
    throw new ConfigurationError(
      `${id}.maxTokensField must be max_tokens or max_completion_tokens`,
      {
        setting: `${id}.maxTokensField`,
      },
    );
  }
  const client = new OpenAI({
    baseURL: checkBaseUrl(`${id}.baseURL`, opts.baseURL),
    // Explicit values, never the SDK's environment defaults: OPENAI_API_KEY, OPENAI_ORG_ID and
    // OPENAI_PROJECT_ID belong to OpenAI and must not be sent to another configured server.
    apiKey: opts.apiKey === undefined || opts.apiKey === '' ? 'not-needed' : opts.apiKey,
    organization: null,
    project: null,
    maxRetries: 0,
  });
  return createTracedProvider(new OpenAITransport(id, client, options, field), options, deps);
}

class OpenAITransport implements ModelTransport {
  readonly model: string;
  /** Cleared for good once the server has refused json_schema and accepted json_object. */
  private jsonSchema = true;

  constructor(
    readonly provider: string,
    private readonly client: OpenAI,
    private readonly options: ResolvedAiOptions,
    private readonly maxTokensField: 'max_tokens' | 'max_completion_tokens',
  ) {
    this.model = options.model;
  }

  async complete(request: ModelRequest): Promise<ModelReply> {
    if (!this.jsonSchema) return this.send(request, { type: 'json_object' });
    const strict: ResponseFormatJSONSchema = {
      type: 'json_schema',
      json_schema: {
        name: request.schema.name,
        schema: toJsonSchema(request.schema),
        strict: true,
      },
    };
    try {
      return await this.send(request, strict);
    } catch (error) {
      if (statusOf(error) !== 400 || request.signal.aborted) throw error;
      const reply = await this.send(request, { type: 'json_object' });
      this.jsonSchema = false;
      return reply;
    }
  }

  private async send(
    request: ModelRequest,
    format: ResponseFormatJSONSchema | ResponseFormatJSONObject,
  ): Promise<ModelReply> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    const limit = this.options.maxOutputTokens;
    request.onRequest();
    const completion = await this.client.chat.completions.create(
      {
        model: this.model,
        messages,
        temperature: this.options.temperature,
        ...(this.maxTokensField === 'max_tokens'
          ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- still the field most OpenAI-compatible servers read
            { max_tokens: limit }
          : { max_completion_tokens: limit }),
        response_format: format,
      },
      { signal: request.signal },
    );
    return replyOf(completion);
  }
}

function replyOf(completion: ChatCompletion): ModelReply {
  const choice = completion.choices[0];
  const tokensIn = completion.usage?.prompt_tokens ?? 0;
  const tokensOut = completion.usage?.completion_tokens ?? 0;
  const reply = {
    text: choice?.message.content ?? '',
    tokensIn,
    tokensOut,
    truncated: choice?.finish_reason === 'length',
  };
  const refused = choice?.message.refusal;
  if (typeof refused === 'string' && refused !== '') return { ...reply, refusal: refused };
  if (choice?.finish_reason === 'content_filter') {
    return { ...reply, refusal: 'answer withheld: content_filter' };
  }
  return reply;
}
