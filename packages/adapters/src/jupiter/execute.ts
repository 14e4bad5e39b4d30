/**
 * One live swap, end to end: quote → unsigned transaction from Jupiter → decode and sign with the
 * wallet → simulate ourselves → send → confirm (re-sending the same bytes) → read the real fill
 * from the chain. Every exit says whether a retry is safe:
 * - InvalidOrder: nothing was sent (no route, simulation failed), or it landed and failed on
 *   chain (only the fee was spent); do not repeat blindly;
 * - TemporaryError `blockhash-expired`: never landed and never can; retry with a new quote;
 * - TemporaryError `unconfirmed`: the RPC could not tell us; the swap MAY have landed, so check the
 *   signature before retrying (details.safeToRetry is false);
 * - ConfigurationError: landed, but the fill could not be read; a human must look.
 */
import {
  getBase64EncodedWireTransaction,
  getBase64Encoder,
  getSignatureFromTransaction,
  getTransactionDecoder,
  signTransaction,
  type KeyPairSigner,
  type Transaction,
} from '@solana/kit';
import { ConfigurationError, InvalidOrder, TemporaryError, type Clock } from '@numerusx/core';
import type { FeedLogger, Scheduler } from '../feeds/types.js';
import { confirm, describe, fetchLanded } from './confirm.js';
import { readFill } from './fill.js';
import { toBaseUnits, toUnits } from './json.js';
import type { SolanaRpcClient } from './rpc.js';
import type { JupiterSwapClient, PriorityLevel, SwapMode } from './swap-api.js';
import { resolvePair, type TokenInfo } from './tokens.js';

export type SwapSide = 'buy' | 'sell';

/** Buy or sell `pair`'s base token, sized in quote currency (`quoteAmount`) or base (`baseQty`). */
export type SwapOrder =
  | { readonly pair: string; readonly side: SwapSide; readonly quoteAmount: number }
  | { readonly pair: string; readonly side: SwapSide; readonly baseQty: number };

export interface SwapSettings {
  /** Default 50 (0.5 %). */
  readonly slippageBps?: number;
  /** Cap on the priority fee, lamports; default 1,000,000 (0.001 SOL). */
  readonly maxPriorityLamports?: number;
  /** Default `high`. */
  readonly priorityLevel?: PriorityLevel;
  /** Between status polls; default 500 ms. */
  readonly pollMs?: number;
  /** Between re-sends of the signed transaction; default 2 s. */
  readonly resendMs?: number;
  /** Give up when the RPC cannot tell the outcome for this long; default 120 s. */
  readonly confirmTimeoutMs?: number;
}

export interface SwapDeps {
  readonly jupiter: JupiterSwapClient;
  readonly rpc: SolanaRpcClient;
  readonly signer: KeyPairSigner;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Default KNOWN_TOKENS. */
  readonly tokens?: readonly TokenInfo[];
  readonly logger?: FeedLogger;
}

/** What happened on chain. Amounts in token units; raw base units as decimal strings. */
export interface LiveFill {
  readonly signature: string;
  readonly pair: string;
  readonly side: SwapSide;
  readonly inputMint: string;
  readonly outputMint: string;
  readonly inAmount: number;
  readonly outAmount: number;
  readonly inAmountRaw: string;
  readonly outAmountRaw: string;
  readonly baseQty: number;
  readonly quoteAmount: number;
  /** Quote per base, from the chain's amounts. */
  readonly price: number;
  /** What the quote promised, for slippage reports. */
  readonly quotedPrice: number;
  readonly feeLamports: number;
  readonly rentLamports: number;
  readonly slot: number;
  /** Re-sends before it landed. */
  readonly resends: number;
  readonly executedAt: number;
}

export async function executeSwap(
  deps: SwapDeps,
  order: SwapOrder,
  settings: SwapSettings = {},
): Promise<LiveFill> {
  const s = {
    slippageBps: settings.slippageBps ?? 50,
    maxPriorityLamports: settings.maxPriorityLamports ?? 1_000_000,
    priorityLevel: settings.priorityLevel ?? 'high',
    pollMs: settings.pollMs ?? 500,
    resendMs: settings.resendMs ?? 2_000,
    confirmTimeoutMs: settings.confirmTimeoutMs ?? 120_000,
  };
  const plan = planSwap(order, deps.tokens);
  const quote = await deps.jupiter.quote({
    inputMint: plan.input.mint,
    outputMint: plan.output.mint,
    amount: plan.amount,
    slippageBps: s.slippageBps,
    swapMode: plan.swapMode,
  });
  const built = await deps.jupiter.swap({
    quote,
    userPublicKey: deps.signer.address,
    maxPriorityLamports: s.maxPriorityLamports,
    priorityLevel: s.priorityLevel,
  });
  const signed = await sign(deps.signer, decode(built.swapTransaction));
  const wire = getBase64EncodedWireTransaction(signed);
  const signature = getSignatureFromTransaction(signed);

  const simulation = await deps.rpc.simulate(wire);
  if (simulation.err !== null) {
    const logs = summariseLogs(simulation.logs);
    throw new InvalidOrder(
      `swap simulation failed (${describe(simulation.err)}); nothing was sent${logs.length > 0 ? `: ${logs.join(' | ')}` : ''}`,
      { err: simulation.err, logs },
    );
  }

  const resends = await confirm(deps, s, {
    wire,
    signature,
    lastValid: built.lastValidBlockHeight,
  });
  const tx = await fetchLanded(deps, s.pollMs, signature);
  const fill = readFill(tx, {
    wallet: deps.signer.address,
    inputMint: plan.input.mint,
    outputMint: plan.output.mint,
  });
  if (fill.inAmount <= 0n || fill.outAmount <= 0n) {
    throw new ConfigurationError(
      `swap ${signature} landed but its balance changes do not show a swap; check it by hand`,
      { signature },
    );
  }
  const inAmount = toUnits(fill.inAmount, plan.input.decimals);
  const outAmount = toUnits(fill.outAmount, plan.output.decimals);
  const buy = order.side === 'buy';
  const baseQty = buy ? outAmount : inAmount;
  const quoteAmount = buy ? inAmount : outAmount;
  const quotedIn = toUnits(quote.inAmount, plan.input.decimals);
  const quotedOut = toUnits(quote.outAmount, plan.output.decimals);
  return {
    signature,
    pair: plan.pair,
    side: order.side,
    inputMint: plan.input.mint,
    outputMint: plan.output.mint,
    inAmount,
    outAmount,
    inAmountRaw: fill.inAmount.toString(),
    outAmountRaw: fill.outAmount.toString(),
    baseQty,
    quoteAmount,
    price: quoteAmount / baseQty,
    quotedPrice: buy ? quotedIn / quotedOut : quotedOut / quotedIn,
    feeLamports: Number(fill.feeLamports),
    rentLamports: Number(fill.rentLamports),
    slot: Number(fill.slot),
    resends,
    executedAt: deps.clock.now(),
  };
}

interface SwapPlan {
  readonly pair: string;
  readonly input: TokenInfo;
  readonly output: TokenInfo;
  readonly amount: bigint;
  readonly swapMode: SwapMode;
}

/**
 * Sized in the token we give → ExactIn; sized in the token we get → ExactOut (Jupiter then fixes
 * the output and bounds the input by the slippage).
 */
export function planSwap(order: SwapOrder, tokens?: readonly TokenInfo[]): SwapPlan {
  const { pair, base, quote } = resolvePair(order.pair, tokens);
  const [input, output] = order.side === 'buy' ? [quote, base] : [base, quote];
  const byQuote = 'quoteAmount' in order;
  const size = byQuote ? order.quoteAmount : order.baseQty;
  if (!Number.isFinite(size) || size <= 0) {
    throw new InvalidOrder(`${byQuote ? 'quoteAmount' : 'baseQty'} must be > 0, got ${size}`);
  }
  const sizedIn = byQuote ? quote : base;
  const amount = toBaseUnits(size, sizedIn.decimals);
  if (amount <= 0n) {
    throw new InvalidOrder(`${size} ${sizedIn.symbol} is less than one base unit`);
  }
  return { pair, input, output, amount, swapMode: sizedIn === input ? 'ExactIn' : 'ExactOut' };
}

function decode(base64: string): Transaction {
  try {
    return getTransactionDecoder().decode(getBase64Encoder().encode(base64));
  } catch {
    throw new TemporaryError(
      'Jupiter swap: malformed answer: swapTransaction is not a transaction',
      {
        cause: 'malformed',
      },
    );
  }
}

/** Signs only a transaction whose fee payer is our wallet and that needs no other signature. */
async function sign(signer: KeyPairSigner, tx: Transaction): Promise<Transaction> {
  const signers = Object.keys(tx.signatures);
  if (signers[0] !== signer.address) {
    throw new InvalidOrder(
      'the swap transaction does not have our wallet as fee payer; not signed',
    );
  }
  try {
    return await signTransaction([signer.keyPair], tx);
  } catch {
    throw new InvalidOrder(
      `the swap transaction needs signatures besides our wallet's (${signers.length} signers); not sent`,
    );
  }
}

/** The lines of a failed simulation worth showing: errors first, then the last few. */
export function summariseLogs(logs: readonly string[], max = 6): string[] {
  const telling = logs.filter((l) => /error|failed|insufficient|slippage|exceed/i.test(l));
  const picked = [...new Set([...telling, ...logs.slice(-3)])].slice(0, max);
  return picked.map((l) => (l.length > 160 ? `${l.slice(0, 157)}...` : l));
}
