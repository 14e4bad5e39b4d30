/** Shared by the Jupiter tests: the two fakes, a wallet signer and time that moves instantly. */
import { generateKeyPairSigner, type KeyPairSigner } from '@solana/kit';
import { SimulatedClock } from '@numerusx/core';
import { afterEach } from 'vitest';
import {
  JupiterLiveExchange,
  KNOWN_TOKENS,
  type Scheduler,
  type TokenInfo,
} from '../../src/index.js';
import { defaultJupiterScript, startFakeJupiter, type JupiterScript } from './fake-jupiter.js';
import { startFakeRpc, type FakeRpc, type RpcScript } from './fake-rpc.js';
import type { FakeServer } from '../ai/fake-http.js';

export const SOL = KNOWN_TOKENS[0]!.mint;
export const USDC = KNOWN_TOKENS[1]!.mint;
/** A made-up token for the safety checks (a random valid address). */
export const RUG_MINT = 'RP2EXrHZVkNouVm1u1bf6dgx7kpNfqjMWJ3AJKq147Q';
export const TOKENS: readonly TokenInfo[] = [
  ...KNOWN_TOKENS,
  { symbol: 'RUG', mint: RUG_MINT, decimals: 6, trust: 'none' },
];
export const T0 = Date.UTC(2025, 5, 1, 12);

/**
 * A scheduler whose timers fire on the next turn of the event loop while the clock jumps by their
 * delay: a confirmation loop of minutes runs in milliseconds, in the order real time would give.
 */
export function instantTime(): { clock: SimulatedClock; scheduler: Scheduler; slept: number[] } {
  const clock = new SimulatedClock(T0);
  const slept: number[] = [];
  const scheduler: Scheduler = {
    setTimer(ms, fn) {
      const timer = setImmediate(() => {
        clock.set(clock.now() + ms);
        slept.push(ms);
        fn();
      });
      return () => {
        clearImmediate(timer);
      };
    },
  };
  return { clock, scheduler, slept };
}

export function defaultRpcScript(): RpcScript {
  return { blockHeight: 900, heightStep: 1, landAfterPolls: 3, mints: {} };
}

export interface World {
  readonly jupiter: FakeServer;
  readonly rpc: FakeRpc;
  readonly jupiterScript: JupiterScript;
  readonly rpcScript: RpcScript;
  readonly signer: KeyPairSigner;
  readonly exchange: JupiterLiveExchange;
  readonly slept: number[];
}

const open: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

export async function world(
  edit: { jupiter?: Partial<JupiterScript>; rpc?: Partial<RpcScript> } = {},
): Promise<World> {
  const jupiterScript = { ...defaultJupiterScript(), ...edit.jupiter };
  const rpcScript = { ...defaultRpcScript(), ...edit.rpc };
  const jupiter = await startFakeJupiter(jupiterScript);
  const rpc = await startFakeRpc(rpcScript);
  open.push(jupiter, rpc);
  const signer = await generateKeyPairSigner();
  const { clock, scheduler, slept } = instantTime();
  const exchange = new JupiterLiveExchange({
    rpcUrl: rpc.url,
    jupiterBaseUrl: jupiter.url,
    timeoutMs: 5_000,
    signer,
    clock,
    scheduler,
    tokens: TOKENS,
  });
  return { jupiter, rpc, jupiterScript, rpcScript, signer, exchange, slept };
}
