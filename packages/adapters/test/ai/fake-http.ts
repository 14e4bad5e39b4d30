/**
 * A local HTTP server standing in for a model API (Gemini or an OpenAI-compatible endpoint). The
 * real SDKs talk to it over real HTTP on 127.0.0.1 with an OS-chosen port; a handler decides each
 * answer and every request is recorded so tests can count retries and inspect what was sent.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when there was none). */
  readonly body: unknown;
}

export interface FakeReply {
  readonly status?: number;
  readonly json?: unknown;
  /** A body sent as is instead of `json` (e.g. broken JSON). */
  readonly raw?: string;
  /** Answer only after this long (the client may give up first). */
  readonly delayMs?: number;
}

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply;

export interface FakeServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFake(handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if (reply.delayMs === undefined) send(res, reply);
      else
        setTimeout(() => {
          send(res, reply);
        }, reply.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Delayed answers whose client gave up still hold a socket open.
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed || res.writableEnded) return;
  res.statusCode = reply.status ?? 200;
  res.setHeader('content-type', 'application/json');
  res.end(reply.raw ?? JSON.stringify(reply.json ?? {}));
}

/**
 * Makes any fetch to a host other than 127.0.0.1 fail in this test file, so a misconfigured base URL
 * can never reach a real API (both SDKs use the global fetch).
 */
export function onlyLoopback(): void {
  const original = globalThis.fetch;
  beforeAll(() => {
    globalThis.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== '127.0.0.1') {
        return Promise.reject(new Error(`test tried to reach ${url.host}`));
      }
      return original(input, init);
    };
  });
  afterAll(() => {
    globalThis.fetch = original;
  });
}

/** A Gemini generateContent answer, as the REST API sends it. */
export function geminiBody(
  text: string,
  usage: { promptTokenCount: number; candidatesTokenCount: number; thoughtsTokenCount?: number },
): unknown {
  const total =
    usage.promptTokenCount + usage.candidatesTokenCount + (usage.thoughtsTokenCount ?? 0);
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { ...usage, totalTokenCount: total },
    modelVersion: 'gemini-test',
  };
}

/** An OpenAI chat completion, as the REST API sends it. */
export function openaiBody(
  content: string,
  usage: { prompt_tokens: number; completion_tokens: number },
  refusal: string | null = null,
): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_709_294_400,
    model: 'test-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** An API error body in the shape both APIs use. */
export function errorBody(status: number, message: string): unknown {
  return { error: { code: status, message, status: 'ERROR' } };
}
