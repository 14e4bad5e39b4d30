/**
 * A local stand-in for Jupiter's Swap API v1. /quote answers with the configured amounts; /swap
 * builds a REAL unsigned v0 transaction with kit: the user as fee payer, a fake recent blockhash
 * and a memo instruction, so the code under test decodes, signs and sends genuine wire bytes.
 */
import {
  address,
  appendTransactionMessageInstruction,
  compileTransaction,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  getUtf8Encoder,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  type Blockhash,
} from '@solana/kit';
import { startFake, type FakeServer } from '../ai/fake-http.js';
import { priceBody } from '../feeds/fake-markets.js';

export const MEMO_PROGRAM = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
/** 32 bytes of base58: any valid-looking hash does for a fake cluster. */
export const FAKE_BLOCKHASH = 'EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N';

export interface JupiterScript {
  inAmount: string;
  outAmount: string;
  priceImpactPct: string;
  lastValidBlockHeight: number;
  /** Answer /quote with this status and body instead. */
  quoteError?: { status: number; json: unknown };
  /** Make someone else the fee payer of the built transaction. */
  feePayer?: string;
  /** Also answer Jupiter's Price API v3 (same host as the Swap API) with these USD prices by mint. */
  prices?: Readonly<Record<string, number>>;
}

export function defaultJupiterScript(): JupiterScript {
  return {
    inAmount: '100000000',
    outAmount: '680000000',
    priceImpactPct: '0.0012',
    lastValidBlockHeight: 1_000,
  };
}

export async function startFakeJupiter(script: JupiterScript): Promise<FakeServer> {
  return startFake((req) => {
    const url = new URL(req.path, 'http://x');
    if (req.method === 'GET' && url.pathname.startsWith('/price/v3') && script.prices) {
      return { json: priceBody(script.prices) };
    }
    if (req.method === 'GET' && url.pathname === '/swap/v1/quote') {
      if (script.quoteError !== undefined) return script.quoteError;
      const q = url.searchParams;
      return {
        json: {
          inputMint: q.get('inputMint'),
          inAmount: script.inAmount,
          outputMint: q.get('outputMint'),
          outAmount: script.outAmount,
          otherAmountThreshold: script.outAmount,
          swapMode: q.get('swapMode') ?? 'ExactIn',
          slippageBps: Number(q.get('slippageBps')),
          platformFee: null,
          priceImpactPct: script.priceImpactPct,
          routePlan: [],
          contextSlot: 1,
          timeTaken: 0.01,
        },
      };
    }
    if (req.method === 'POST' && url.pathname === '/swap/v1/swap') {
      const body = req.body as { userPublicKey: string };
      const message = pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayer(address(script.feePayer ?? body.userPublicKey), m),
        (m) =>
          setTransactionMessageLifetimeUsingBlockhash(
            {
              blockhash: FAKE_BLOCKHASH as Blockhash,
              lastValidBlockHeight: BigInt(script.lastValidBlockHeight),
            },
            m,
          ),
        (m) =>
          appendTransactionMessageInstruction(
            {
              programAddress: address(MEMO_PROGRAM),
              data: getUtf8Encoder().encode('numerusx fake swap'),
            },
            m,
          ),
      );
      return {
        json: {
          swapTransaction: getBase64EncodedWireTransaction(compileTransaction(message)),
          lastValidBlockHeight: script.lastValidBlockHeight,
          prioritizationFeeLamports: 5_000,
        },
      };
    }
    return { status: 404, json: { error: `no route ${req.method} ${url.pathname}` } };
  });
}
