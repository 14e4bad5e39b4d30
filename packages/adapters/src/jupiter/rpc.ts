/**
 * The Solana JSON-RPC calls live trading makes, through kit's RPC client, each with a deadline and
 * each answer checked before use. Kit's errors become ours at this boundary:
 * - HTTP 401/403/404 → ConfigurationError (a wrong SOLANA_RPC_URL or key: no retry fixes it);
 * - any other HTTP error, a JSON-RPC error, a timeout or a lost connection → TemporaryError.
 * Messages never contain the RPC URL: providers put API keys in it.
 */
import {
  createSolanaRpc,
  isSolanaError,
  SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR,
  type Address,
  type Base64EncodedWireTransaction,
  type Signature,
} from '@solana/kit';
import { ConfigurationError, TemporaryError } from '@numerusx/core';
import { arr, int, malformed, obj, optStr, str, toInt, type Json } from './json.js';

export interface SolanaRpcOptions {
  /** An http(s) JSON-RPC endpoint, e.g. from SOLANA_RPC_URL. */
  readonly url: string;
  /** Per call, default 10 s. */
  readonly timeoutMs?: number;
}

export interface SimulationResult {
  /** The transaction error, or null when the simulation succeeded. */
  readonly err: unknown;
  readonly logs: readonly string[];
}

export interface SignatureStatus {
  readonly confirmationStatus: 'processed' | 'confirmed' | 'finalized' | undefined;
  readonly err: unknown;
  readonly slot: bigint;
}

interface Pending {
  send(options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

export class SolanaRpcClient {
  private readonly rpc: ReturnType<typeof createSolanaRpc>;
  private readonly timeoutMs: number;

  constructor(options: SolanaRpcOptions) {
    if (!/^https?:\/\/[^\s]+$/.test(options.url)) {
      throw new ConfigurationError('SOLANA_RPC_URL: must be an http(s) URL', {
        variable: 'SOLANA_RPC_URL',
      });
    }
    this.rpc = createSolanaRpc(options.url);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async simulate(wire: Base64EncodedWireTransaction): Promise<SimulationResult> {
    const what = 'simulateTransaction';
    const answer = obj(
      what,
      await this.call(
        what,
        this.rpc.simulateTransaction(wire, {
          encoding: 'base64',
          commitment: 'confirmed',
          sigVerify: true,
        }),
      ),
    );
    const value = obj(what, answer['value'], 'value');
    const logs = value['logs'];
    return {
      err: value['err'] ?? null,
      logs: Array.isArray(logs) ? logs.filter((l): l is string => typeof l === 'string') : [],
    };
  }

  /** Sends as is: we simulated ourselves, and we re-send ourselves until the blockhash expires. */
  async send(wire: Base64EncodedWireTransaction): Promise<string> {
    const what = 'sendTransaction';
    const answer = await this.call(
      what,
      this.rpc.sendTransaction(wire, { encoding: 'base64', skipPreflight: true, maxRetries: 0n }),
    );
    if (typeof answer !== 'string') throw malformed(what, 'the signature is not a string');
    return answer;
  }

  async signatureStatus(signature: string): Promise<SignatureStatus | undefined> {
    const what = 'getSignatureStatuses';
    const answer = obj(
      what,
      await this.call(what, this.rpc.getSignatureStatuses([signature as Signature])),
    );
    const first = arr(what, answer['value'], 'value')[0];
    if (first === null || first === undefined) return undefined;
    const status = obj(what, first, 'value[0]');
    const level = optStr(status, 'confirmationStatus');
    return {
      confirmationStatus:
        level === 'processed' || level === 'confirmed' || level === 'finalized' ? level : undefined,
      err: status['err'] ?? null,
      slot: int(what, status, 'slot'),
    };
  }

  async blockHeight(): Promise<bigint> {
    const what = 'getBlockHeight';
    return toInt(
      what,
      await this.call(what, this.rpc.getBlockHeight({ commitment: 'confirmed' })),
      'result',
    );
  }

  /** The confirmed transaction, jsonParsed (account keys include lookup-table ones), or undefined. */
  async transaction(signature: string): Promise<Json | undefined> {
    const what = 'getTransaction';
    const answer = await this.call(
      what,
      this.rpc.getTransaction(signature as Signature, {
        encoding: 'jsonParsed',
        maxSupportedTransactionVersion: 0,
        commitment: 'confirmed',
      }),
    );
    return answer === null ? undefined : obj(what, answer);
  }

  /** The `parsed` data of a token mint account, undefined when there is no such account. */
  async mintAccount(mint: string): Promise<{ program: string; info: Json } | undefined> {
    const what = 'getAccountInfo';
    const answer = obj(
      what,
      await this.call(what, this.rpc.getAccountInfo(mint as Address, { encoding: 'jsonParsed' })),
    );
    if (answer['value'] === null) return undefined;
    const value = obj(what, answer['value'], 'value');
    const data = value['data'];
    // A non-token account comes back as [base64, 'base64']: not a mint.
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { program: 'unknown', info: {} };
    }
    const d = data as Json;
    const parsed = obj(what, d['parsed'], 'data.parsed');
    return {
      program: str(what, d, 'program'),
      info: { type: parsed['type'], ...obj(what, parsed['info'] ?? {}, 'data.parsed.info') },
    };
  }

  /** Raw amounts of the (up to 20) largest token accounts of `mint`. */
  async largestAccounts(mint: string): Promise<bigint[]> {
    const what = 'getTokenLargestAccounts';
    const answer = obj(
      what,
      await this.call(what, this.rpc.getTokenLargestAccounts(mint as Address)),
    );
    return arr(what, answer['value'], 'value').map((a, i) =>
      int(what, obj(what, a, `value[${i}]`), 'amount'),
    );
  }

  async tokenSupply(mint: string): Promise<bigint> {
    const what = 'getTokenSupply';
    const answer = obj(what, await this.call(what, this.rpc.getTokenSupply(mint as Address)));
    return int(what, obj(what, answer['value'], 'value'), 'amount');
  }

  private async call(what: string, pending: Pending): Promise<unknown> {
    try {
      // unknown on purpose: kit types the answer but does not check it; the readers above do.
      return await pending.send({ abortSignal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw rpcError(what, error, this.timeoutMs);
    }
  }
}

function rpcError(what: string, error: unknown, timeoutMs: number): Error {
  if (isSolanaError(error, SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR)) {
    const status = error.context.statusCode;
    if (status === 401 || status === 403 || status === 404) {
      return new ConfigurationError(
        `Solana RPC ${what}: HTTP ${status}; check SOLANA_RPC_URL (and its API key)`,
        { variable: 'SOLANA_RPC_URL', status },
      );
    }
    return new TemporaryError(`Solana RPC ${what}: HTTP ${status}`, {
      cause: status === 429 ? 'rate-limited' : 'unavailable',
      status,
    });
  }
  if (isSolanaError(error)) {
    return new TemporaryError(`Solana RPC ${what}: ${scrub(error.message)}`, {
      cause: 'rpc-error',
      rpcCode: error.context.__code,
    });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TemporaryError(`Solana RPC ${what}: no answer in ${timeoutMs} ms`, {
      cause: 'timeout',
    });
  }
  return new TemporaryError(`Solana RPC ${what}: cannot reach the node`, { cause: 'unavailable' });
}

/** Drops URLs from a message: RPC providers put API keys in them. */
export function scrub(message: string): string {
  return message.replace(/https?:\/\/\S+/g, '<rpc-url>').slice(0, 300);
}
