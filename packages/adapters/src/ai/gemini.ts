import { ConfigurationError } from '@numerusx/core';
import {
  FinishReason,
  GoogleGenAI,
  Type,
  type GenerateContentResponse,
  type Schema,
} from '@google/genai';
import {
  range,
  resolveAiOptions,
  type AiProviderOptions,
  type ResolvedAiOptions,
} from './config.js';
import { checkBaseUrl } from './endpoint.js';
import type { FieldSchema } from './schema.js';
import { createTracedProvider, type AiProviderDeps } from './traced-provider.js';
import type { ModelReply, ModelRequest, ModelTransport, TracedDecisionProvider } from './types.js';

export interface GeminiProviderOptions extends AiProviderOptions {
  /** The Gemini API key (GEMINI_API_KEY). Never logged or put in an error message. */
  readonly apiKey: string;
  /** Endpoint root, default Google's (https://generativelanguage.googleapis.com). */
  readonly baseUrl?: string;
  /** API version path segment, default the SDK's (v1beta). */
  readonly apiVersion?: string;
  /**
   * Thinking tokens per answer for thinking models: -1 lets the model choose, 0 turns thinking off
   * where the model allows it (2.5 Flash). Unset sends nothing: the model's default.
   */
  readonly thinkingBudget?: number;
}

/** Finish reasons that mean the model withheld its answer rather than ran out of room. */
const WITHHELD = new Set<string>([
  FinishReason.SAFETY,
  FinishReason.RECITATION,
  FinishReason.BLOCKLIST,
  FinishReason.PROHIBITED_CONTENT,
  FinishReason.SPII,
]);

/**
 * The `gemini` decision provider (NUMERUSX_AI_PROVIDER=gemini) through @google/genai 2.x:
 * generateContent with `responseMimeType: application/json` and a `responseSchema`, temperature and
 * maxOutputTokens from the options, the guard's abort signal as `abortSignal`. The SDK's own retry
 * (httpOptions.retryOptions) stays off: the call guard retries, so there is one policy and every
 * request is counted. Usage comes from `usageMetadata`; thinking tokens are billed as output, so they
 * are counted as output.
 *
 * Throws a ConfigurationError at creation for a missing key or a bad setting.
 */
export function createGeminiProvider(
  opts: GeminiProviderOptions,
  deps: AiProviderDeps,
): TracedDecisionProvider {
  const options = resolveAiOptions('gemini', opts);
  const thinkingBudget =
    opts.thinkingBudget === undefined
      ? undefined
      : range('gemini.thinkingBudget', opts.thinkingBudget, -1, 65_536, true);
  if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '') {
    throw new ConfigurationError('gemini.apiKey is required (set GEMINI_API_KEY)', {
      setting: 'gemini.apiKey',
    });
  }
  const httpOptions = {
    ...(opts.baseUrl === undefined
      ? {}
      : { baseUrl: checkBaseUrl('gemini.baseUrl', opts.baseUrl) }),
    ...(opts.apiVersion === undefined ? {} : { apiVersion: opts.apiVersion }),
  };
  // vertexai: false explicitly, so a GOOGLE_GENAI_USE_VERTEXAI in the environment cannot send the
  // prompts (and the key) to another service than the one configured.
  const client = new GoogleGenAI({ apiKey: opts.apiKey, vertexai: false, httpOptions });
  return createTracedProvider(new GeminiTransport(client, options, thinkingBudget), options, deps);
}

class GeminiTransport implements ModelTransport {
  readonly provider = 'gemini';
  readonly model: string;

  constructor(
    private readonly client: GoogleGenAI,
    private readonly options: ResolvedAiOptions,
    private readonly thinkingBudget: number | undefined,
  ) {
    this.model = options.model;
  }

  async complete(request: ModelRequest): Promise<ModelReply> {
    request.onRequest();
    const response = await this.client.models.generateContent({
      model: this.model,
      contents: request.user,
      config: {
        systemInstruction: request.system,
        temperature: this.options.temperature,
        maxOutputTokens: this.options.maxOutputTokens,
        responseMimeType: 'application/json',
        responseSchema: toGeminiSchema(request.schema),
        abortSignal: request.signal,
        ...(this.thinkingBudget === undefined
          ? {}
          : { thinkingConfig: { thinkingBudget: this.thinkingBudget } }),
      },
    });
    return replyOf(response);
  }
}

function replyOf(response: GenerateContentResponse): ModelReply {
  const usage = response.usageMetadata;
  const tokensIn = usage?.promptTokenCount ?? 0;
  const tokensOut = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
  const blocked = response.promptFeedback?.blockReason;
  const finish = response.candidates?.[0]?.finishReason;
  let refusal: string | undefined;
  if (blocked !== undefined) refusal = `prompt blocked: ${blocked}`;
  else if (finish !== undefined && WITHHELD.has(finish)) refusal = `answer withheld: ${finish}`;
  // `text` joins the first candidate's text parts and skips thought parts; it is kept for the trace
  // even with a refusal, which is then not parsed.
  const reply = {
    text: response.text ?? '',
    tokensIn,
    tokensOut,
    truncated: finish === FinishReason.MAX_TOKENS,
  };
  return refusal === undefined ? reply : { ...reply, refusal };
}

/** Our answer schema as Gemini's OpenAPI-subset Schema (propertyOrdering keeps fields in order). */
export function toGeminiSchema(schema: FieldSchema): Schema {
  switch (schema.type) {
    case 'string':
      return schema.enum === undefined
        ? { type: Type.STRING, description: schema.description }
        : { type: Type.STRING, description: schema.description, enum: [...schema.enum] };
    case 'number':
      return schema.nullable === true
        ? { type: Type.NUMBER, description: schema.description, nullable: true }
        : { type: Type.NUMBER, description: schema.description };
    case 'array':
      return {
        type: Type.ARRAY,
        description: schema.description,
        items: toGeminiSchema(schema.items),
      };
    case 'object': {
      const keys = Object.keys(schema.properties);
      return {
        type: Type.OBJECT,
        description: schema.description,
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([k, f]) => [k, toGeminiSchema(f)]),
        ),
        required: keys,
        propertyOrdering: keys,
      };
    }
  }
}
