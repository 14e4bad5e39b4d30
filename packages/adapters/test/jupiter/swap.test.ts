import { InvalidOrder, TemporaryError } from '@numerusx/core';
import { describe, expect, it } from 'vitest';
import { SolanaRpcClient } from '../../src/index.js';
import { onlyLoopback } from '../ai/fake-http.js';
import type { LandedMeta } from './fake-rpc.js';
import { SOL, USDC, world } from './setup.js';

onlyLoopback();

const USDC_ATA = '3dJxgkKAECkG6C9iDDCcsXKYisW13DzAeDPQntVB2Bmr';
const MEMO = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

interface FillCase {
  readonly name: string;
  readonly order:
    { side: 'buy' | 'sell'; quoteAmount: number } | { side: 'buy' | 'sell'; baseQty: number };
  /** What Jupiter's quote promised (base units). */
  readonly quoted: { inAmount: string; outAmount: string };
  /** What the chain recorded, as a validator's meta. */
  readonly meta: (wallet: string) => LandedMeta;
  readonly expect: Record<string, unknown>;
}

const fillCases: FillCase[] = [
  {
    name: 'buy SOL for 100 USDC: 0.679 SOL arrive though 0.68 were quoted',
    order: { side: 'buy', quoteAmount: 100 },
    quoted: { inAmount: '100000000', outAmount: '680000000' },
    meta: (wallet) => ({
      accountKeys: [wallet, USDC_ATA, MEMO],
      fee: 15_000, // 5,000 base + 10,000 priority
      //            wallet lamports                           USDC account  memo
      preBalances: [2_000_000_000, 2_039_280, 1],
      postBalances: [2_000_000_000 + 679_000_000 - 15_000, 2_039_280, 1], // + out − fee
      preTokenBalances: [
        { accountIndex: 1, mint: USDC, owner: wallet, amount: '500000000', decimals: 6 },
      ],
      postTokenBalances: [
        { accountIndex: 1, mint: USDC, owner: wallet, amount: '400000000', decimals: 6 },
      ],
    }),
    expect: {
      side: 'buy',
      inputMint: USDC,
      outputMint: SOL,
      inAmount: 100, // 500 − 400 USDC
      outAmount: 0.679, // lamport change + fee back: 679,000,000 lamports
      baseQty: 0.679,
      quoteAmount: 100,
      price: 100 / 0.679, // 147.275…, not the quoted 100 / 0.68 = 147.06
      quotedPrice: 100 / 0.68,
      feeLamports: 15_000,
      rentLamports: 0,
      slot: 321_000_000,
    },
  },
  {
    name: 'sell 0.5 SOL into a USDC account the swap opens: its rent is not part of the price',
    order: { side: 'sell', baseQty: 0.5 },
    quoted: { inAmount: '500000000', outAmount: '73500000' },
    meta: (wallet) => ({
      accountKeys: [wallet, USDC_ATA, MEMO],
      fee: 5_000,
      preBalances: [2_000_000_000, 0, 1],
      // − 0.5 SOL − fee − rent of the new USDC account (2,039,280 lamports)
      postBalances: [2_000_000_000 - 500_000_000 - 5_000 - 2_039_280, 2_039_280, 1],
      preTokenBalances: [], // the USDC account did not exist
      postTokenBalances: [
        { accountIndex: 1, mint: USDC, owner: wallet, amount: '73400000', decimals: 6 },
      ],
    }),
    expect: {
      side: 'sell',
      inputMint: SOL,
      outputMint: USDC,
      inAmount: 0.5,
      outAmount: 73.4, // the chain's 73.4, not the quoted 73.5
      baseQty: 0.5,
      quoteAmount: 73.4,
      price: 146.8, // 73.4 / 0.5
      feeLamports: 5_000,
      rentLamports: 2_039_280,
    },
  },
];

describe('Jupiter live swap against local Jupiter and Solana RPC fakes', () => {
  it.each(fillCases)('$name', async (c) => {
    const w = await world({ jupiter: c.quoted, rpc: { meta: c.meta } });
    const fill = await w.exchange.execute({ pair: 'SOL/USDC', ...c.order });
    expect(fill).toMatchObject({ ...c.expect, pair: 'SOL/USDC' });
    expect(fill.price).toBeCloseTo(c.expect['price'] as number, 9);
    // Signed by our wallet, verified by the fake node, simulated before it was sent.
    expect(w.rpc.record.rejected).toEqual([]);
    expect(w.rpc.record.simulated).toEqual([fill.signature]);
    expect(w.rpc.record.sent[0]).toBe(fill.signature);
    const swapBody = w.jupiter.requests.find((r) => r.path === '/swap/v1/swap')?.body;
    expect(swapBody).toMatchObject({
      userPublicKey: w.signer.address,
      dynamicComputeUnitLimit: true,
      prioritizationFeeLamports: { priorityLevelWithMaxLamports: { priorityLevel: 'high' } },
    });
  });

  it('asks Jupiter for ExactOut when a buy is sized in the base token', async () => {
    const w = await world({ rpc: { meta: fillCases[0]!.meta } });
    await w.exchange.buy('SOL/USDC', { baseQty: 0.68 });
    const quote = w.jupiter.requests.find((r) => r.path.startsWith('/swap/v1/quote'))!;
    expect(quote.path).toContain('amount=680000000');
    expect(quote.path).toContain('swapMode=ExactOut');
  });

  it('a failed simulation is an InvalidOrder with the program logs, and nothing is sent', async () => {
    const w = await world({
      rpc: {
        simulation: {
          err: { InstructionError: [2, { Custom: 6001 }] },
          logs: [
            'Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 invoke [1]',
            'Program log: Error: Slippage tolerance exceeded',
            'Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 failed: custom program error: 0x1771',
          ],
        },
      },
    });
    const error = await w.exchange.buy('SOL/USDC', { quoteAmount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOrder);
    expect((error as Error).message).toMatch(/simulation failed.*Slippage tolerance exceeded/);
    expect((error as Error).message).toContain('nothing was sent');
    expect(w.rpc.record.simulated).toHaveLength(1);
    expect(w.rpc.record.sent).toEqual([]);
  });

  it('re-sends the same signed transaction every ~2 s, then gives up once the blockhash expires', async () => {
    // Poll k (every 500 ms) reads height 984 + k: past lastValidBlockHeight 1000 at poll 17 (8.5 s).
    // Re-sends at polls 4, 8, 12 and 16 (2 s apart): 1 send + 4 re-sends.
    const w = await world({
      jupiter: { lastValidBlockHeight: 1_000 },
      rpc: { blockHeight: 985, landAfterPolls: undefined },
    });
    const error = await w.exchange.buy('SOL/USDC', { quoteAmount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as TemporaryError).message).toContain('blockhash expired, not landed');
    expect((error as TemporaryError).details).toMatchObject({
      cause: 'blockhash-expired',
      safeToRetry: true,
    });
    const sent = w.rpc.record.sent;
    expect(sent).toHaveLength(5);
    expect(w.slept.reduce((a, b) => a + b, 0)).toBe(8_500);
    expect(new Set(sent).size).toBe(1); // always the very same signed bytes
    expect((error as TemporaryError).details?.['resends']).toBe(sent.length - 1);
    expect(w.rpc.record.rejected).toEqual([]);
  });

  it('a swap that lands but fails on chain is an InvalidOrder naming the signature', async () => {
    const w = await world({ rpc: { landedErr: { InstructionError: [2, { Custom: 6001 }] } } });
    const error = await w.exchange.buy('SOL/USDC', { quoteAmount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOrder);
    expect((error as Error).message).toMatch(/landed but failed on chain.*network fee/);
  });

  it('HTTP 429 from Jupiter is a TemporaryError and nothing reaches the chain', async () => {
    const w = await world({
      jupiter: { quoteError: { status: 429, json: { error: 'Too many requests' } } },
    });
    const error = await w.exchange.buy('SOL/USDC', { quoteAmount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as TemporaryError).details).toMatchObject({ status: 429, cause: 'rate-limited' });
    expect(w.rpc.requests).toEqual([]);
  });

  it("a 400 from Jupiter is an InvalidOrder carrying Jupiter's message", async () => {
    const w = await world({
      jupiter: {
        quoteError: {
          status: 400,
          json: { error: 'Could not find any route', errorCode: 'COULD_NOT_FIND_ANY_ROUTE' },
        },
      },
    });
    await expect(w.exchange.buy('SOL/USDC', { quoteAmount: 100 })).rejects.toThrow(
      /Jupiter quote refused: Could not find any route/,
    );
  });

  it('refuses to sign a transaction whose fee payer is not our wallet', async () => {
    const w = await world({ jupiter: { feePayer: USDC_ATA } });
    await expect(w.exchange.buy('SOL/USDC', { quoteAmount: 100 })).rejects.toThrow(InvalidOrder);
    expect(w.rpc.requests).toEqual([]);
  });

  it('the fake node refuses an unsigned transaction (its signature check is real)', async () => {
    const w = await world();
    const quote = await w.exchange.jupiter.quote({
      inputMint: USDC,
      outputMint: SOL,
      amount: 1_000_000n,
      slippageBps: 50,
    });
    const built = await w.exchange.jupiter.swap({
      quote,
      userPublicKey: w.signer.address,
      maxPriorityLamports: 1_000,
      priorityLevel: 'high',
    });
    const rpc = new SolanaRpcClient({ url: w.rpc.url });
    await expect(rpc.send(built.swapTransaction as never)).rejects.toThrow(/verification failure/);
    expect(w.rpc.record.rejected).toEqual(['unsigned']);
  });

  it('an unknown pair symbol is a ConfigurationError listing the known tokens', async () => {
    const w = await world();
    await expect(w.exchange.buy('WIF/USDC', { quoteAmount: 10 })).rejects.toThrow(
      /unknown token WIF.*known tokens: SOL, USDC, USDT, RUG/,
    );
  });
});
