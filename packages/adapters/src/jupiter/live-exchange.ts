/**
 * The live exchange as the bot runtime holds it: one object built at start (after
 * checkLiveReadiness) that executes swaps with the wallet and runs the safety checks, over one
 * Jupiter client and one RPC client.
 */
import type { KeyPairSigner } from '@solana/kit';
import type { Clock } from '@numerusx/core';
import type { FeedLogger, Scheduler } from '../feeds/types.js';
import { executeSwap, type LiveFill, type SwapOrder, type SwapSettings } from './execute.js';
import { SolanaRpcClient } from './rpc.js';
import { checkPairSafety, type SafetyLimits, type SafetyReport } from './safety.js';
import { JupiterSwapClient } from './swap-api.js';
import { KNOWN_TOKENS, type TokenInfo } from './tokens.js';

export interface LiveExchangeOptions {
  /** SOLANA_RPC_URL. */
  readonly rpcUrl: string;
  /** Default https://lite-api.jup.ag. */
  readonly jupiterBaseUrl?: string;
  readonly jupiterApiKey?: string;
  /** Per HTTP request to Jupiter or the RPC; default 10 s. */
  readonly timeoutMs?: number;
  /** From loadWalletSigner (or checkLiveReadiness). */
  readonly signer: KeyPairSigner;
  readonly clock: Clock;
  /** Paces confirmation polls and re-sends; realScheduler in production. */
  readonly scheduler: Scheduler;
  /** Tradable tokens; default KNOWN_TOKENS (SOL, USDC, USDT). */
  readonly tokens?: readonly TokenInfo[];
  readonly swap?: SwapSettings;
  readonly safety?: SafetyLimits;
  readonly logger?: FeedLogger;
}

export class JupiterLiveExchange {
  readonly jupiter: JupiterSwapClient;
  readonly rpc: SolanaRpcClient;
  private readonly tokens: readonly TokenInfo[];

  constructor(private readonly options: LiveExchangeOptions) {
    const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
    this.jupiter = new JupiterSwapClient({
      ...timeout,
      ...(options.jupiterBaseUrl === undefined ? {} : { baseUrl: options.jupiterBaseUrl }),
      ...(options.jupiterApiKey === undefined ? {} : { apiKey: options.jupiterApiKey }),
    });
    this.rpc = new SolanaRpcClient({ url: options.rpcUrl, ...timeout });
    this.tokens = options.tokens ?? KNOWN_TOKENS;
  }

  /** The wallet's public address. */
  get address(): string {
    return this.options.signer.address;
  }

  /** Run before trading a pair (e.g. at start and when the pair list changes). */
  checkSafety(pair: string): Promise<SafetyReport> {
    return checkPairSafety(
      { rpc: this.rpc, jupiter: this.jupiter, tokens: this.tokens },
      pair,
      this.options.safety,
    );
  }

  buy(pair: string, size: { quoteAmount: number } | { baseQty: number }): Promise<LiveFill> {
    return this.execute({ pair, side: 'buy', ...size });
  }

  sell(pair: string, size: { quoteAmount: number } | { baseQty: number }): Promise<LiveFill> {
    return this.execute({ pair, side: 'sell', ...size });
  }

  /** See executeSwap for what each error means for a retry. */
  execute(order: SwapOrder): Promise<LiveFill> {
    const o = this.options;
    return executeSwap(
      {
        jupiter: this.jupiter,
        rpc: this.rpc,
        signer: o.signer,
        clock: o.clock,
        scheduler: o.scheduler,
        tokens: this.tokens,
        ...(o.logger === undefined ? {} : { logger: o.logger }),
      },
      order,
      o.swap,
    );
  }
}
