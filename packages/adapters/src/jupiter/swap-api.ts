/**
 * Jupiter's Swap API v1: `GET /swap/v1/quote` for a route and `POST /swap/v1/swap` for the unsigned
 * transaction that executes it. Answers are checked field by field (json.ts); the quote keeps the
 * raw object too, because /swap wants it back exactly as Jupiter sent it.
 *
 * HTTP statuses in our terms, at the boundary:
 * - 429, 408, 5xx, a timeout or a lost connection → TemporaryError: try again later (a new quote);
 * - 401, 403, 404 → ConfigurationError: a wrong base URL or API key, which no retry fixes;
 * - other 4xx → InvalidOrder with Jupiter's own message ("Could not find any route", an untradable
 *   token, an amount too small): this order cannot be placed; the bot continues.
 */
import { ConfigurationError, InvalidOrder, TemporaryError } from '@numerusx/core';
import { int, malformed, num, obj, optStr, str, type Json } from './json.js';

export const DEFAULT_JUPITER_SWAP_URL = 'https://lite-api.jup.ag';

export type SwapMode = 'ExactIn' | 'ExactOut';
export type PriorityLevel = 'medium' | 'high' | 'veryHigh';

export interface JupiterSwapOptions {
  /** Default https://lite-api.jup.ag (keyless); with a key, https://api.jup.ag. */
  readonly baseUrl?: string;
  /** Sent as `x-api-key`; never part of a URL or a message. */
  readonly apiKey?: string;
  /** Per request, default 10 s. */
  readonly timeoutMs?: number;
}

export interface QuoteRequest {
  readonly inputMint: string;
  readonly outputMint: string;
  /** Base units of the input mint (ExactIn) or the output mint (ExactOut). */
  readonly amount: bigint;
  readonly slippageBps: number;
  readonly swapMode?: SwapMode;
}

export interface SwapQuote {
  readonly inputMint: string;
  readonly outputMint: string;
  readonly inAmount: bigint;
  readonly outAmount: bigint;
  /** The worst the route accepts after slippage: minimum out (ExactIn) or maximum in (ExactOut). */
  readonly otherAmountThreshold: bigint;
  readonly swapMode: SwapMode;
  readonly slippageBps: number;
  /** A fraction (0.01 = 1 %), as Jupiter's priceImpactPct is despite its name. */
  readonly priceImpact: number;
  /** The answer as sent, for /swap. */
  readonly raw: Json;
}

export interface SwapRequest {
  readonly quote: SwapQuote;
  readonly userPublicKey: string;
  /** Cap on the priority fee Jupiter may set, in lamports. */
  readonly maxPriorityLamports: number;
  readonly priorityLevel: PriorityLevel;
}

export interface SwapTransaction {
  /** Base64 of an unsigned versioned transaction. */
  readonly swapTransaction: string;
  readonly lastValidBlockHeight: bigint;
  readonly prioritizationFeeLamports: number;
}

export class JupiterSwapClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: JupiterSwapOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_JUPITER_SWAP_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    if (!/^https?:\/\//.test(this.baseUrl)) {
      throw new ConfigurationError(`Jupiter base URL must be http(s), got ${this.baseUrl}`, {
        setting: 'jupiterBaseUrl',
      });
    }
  }

  async quote(req: QuoteRequest): Promise<SwapQuote> {
    const what = 'Jupiter quote';
    if (req.amount <= 0n) throw new InvalidOrder('swap amount must be > 0 base units');
    const params = new URLSearchParams({
      inputMint: req.inputMint,
      outputMint: req.outputMint,
      amount: req.amount.toString(),
      slippageBps: String(req.slippageBps),
      swapMode: req.swapMode ?? 'ExactIn',
    });
    const body = obj(what, await this.request(what, `/swap/v1/quote?${params.toString()}`));
    const swapMode = str(what, body, 'swapMode');
    if (swapMode !== 'ExactIn' && swapMode !== 'ExactOut') {
      throw malformed(what, `swapMode ${swapMode} is neither ExactIn nor ExactOut`);
    }
    const quote: SwapQuote = {
      inputMint: str(what, body, 'inputMint'),
      outputMint: str(what, body, 'outputMint'),
      inAmount: int(what, body, 'inAmount'),
      outAmount: int(what, body, 'outAmount'),
      otherAmountThreshold: int(what, body, 'otherAmountThreshold'),
      swapMode,
      slippageBps: num(what, body, 'slippageBps'),
      priceImpact: Math.abs(num(what, body, 'priceImpactPct')),
      raw: body,
    };
    // A route for other mints would sign away the wrong token: refuse it outright.
    if (quote.inputMint !== req.inputMint || quote.outputMint !== req.outputMint) {
      throw malformed(what, 'the quote is for other mints than asked');
    }
    return quote;
  }

  async swap(req: SwapRequest): Promise<SwapTransaction> {
    const what = 'Jupiter swap';
    const body = obj(
      what,
      await this.request(what, '/swap/v1/swap', {
        quoteResponse: req.quote.raw,
        userPublicKey: req.userPublicKey,
        dynamicComputeUnitLimit: true,
        prioritizationFeeLamports: {
          priorityLevelWithMaxLamports: {
            maxLamports: req.maxPriorityLamports,
            priorityLevel: req.priorityLevel,
          },
        },
      }),
    );
    const fee = body['prioritizationFeeLamports'];
    return {
      swapTransaction: str(what, body, 'swapTransaction'),
      lastValidBlockHeight: int(what, body, 'lastValidBlockHeight'),
      prioritizationFeeLamports: typeof fee === 'number' && Number.isFinite(fee) ? fee : 0,
    };
  }

  private async request(what: string, path: string, post?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (post !== undefined) headers['content-type'] = 'application/json';
    if (this.options.apiKey !== undefined) headers['x-api-key'] = this.options.apiKey;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: post === undefined ? 'GET' : 'POST',
        headers,
        ...(post === undefined ? {} : { body: JSON.stringify(post) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      throw new TemporaryError(
        `${what}: ${timeout ? `no answer in ${this.timeoutMs} ms` : 'cannot reach Jupiter'}`,
        { cause: timeout ? 'timeout' : 'unavailable' },
      );
    }
    if (!response.ok) throw jupiterError(what, response.status, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw malformed(what, 'not JSON');
    }
  }
}

/** Jupiter's error body is `{error, errorCode?}`; its message is the most useful thing to show. */
function jupiterError(what: string, status: number, text: string): Error {
  let message = text.slice(0, 200);
  let code: string | undefined;
  try {
    const body = obj(what, JSON.parse(text) as unknown);
    message = optStr(body, 'error') ?? optStr(body, 'message') ?? message;
    code = optStr(body, 'errorCode');
  } catch {
    // not JSON: keep the start of the text
  }
  const details = { status, ...(code === undefined ? {} : { jupiterCode: code }) };
  if (status === 429 || status === 408 || status >= 500) {
    return new TemporaryError(
      `${what}: ${status === 429 ? 'rate limited' : 'unavailable'} (HTTP ${status})`,
      { ...details, cause: status === 429 ? 'rate-limited' : 'unavailable' },
    );
  }
  if (status === 401 || status === 403 || status === 404) {
    return new ConfigurationError(
      `${what}: HTTP ${status} (${message}); check the Jupiter base URL and API key`,
      details,
    );
  }
  return new InvalidOrder(`${what} refused: ${message}`, details);
}
