/**
 * After the first send: poll the signature until it is confirmed, re-sending the same signed bytes
 * every `resendMs`, and stop once the blockhash has expired (block height past lastValidBlockHeight),
 * when the transaction can never land. Then read the landed transaction. See execute.ts for what
 * each error means for a retry.
 */
import type { Base64EncodedWireTransaction } from '@solana/kit';
import { ConfigurationError, InvalidOrder, TemporaryError } from '@numerusx/core';
import type { Scheduler } from '../feeds/types.js';
import type { SwapDeps } from './execute.js';
import type { Json } from './json.js';

export interface ConfirmSettings {
  readonly pollMs: number;
  readonly resendMs: number;
  readonly confirmTimeoutMs: number;
}

/** Waits until the signature is confirmed; returns the number of re-sends. */
export async function confirm(
  deps: SwapDeps,
  s: ConfirmSettings,
  tx: { wire: Base64EncodedWireTransaction; signature: string; lastValid: bigint },
): Promise<number> {
  const { rpc, clock, logger } = deps;
  try {
    await rpc.send(tx.wire);
  } catch (error) {
    // An explicit refusal means it was not taken; a timeout means we cannot know, so poll on.
    if (error instanceof TemporaryError && error.details?.['cause'] === 'rpc-error') {
      throw new InvalidOrder(`the RPC node refused the swap transaction: ${error.message}`);
    }
    logger?.warn({ signature: tx.signature, error: String(error) }, 'swap send failed; polling');
  }
  let lastSent = clock.now();
  const deadline = lastSent + s.confirmTimeoutMs;
  let resends = 0;
  const landed = async (): Promise<boolean> => {
    const status = await quietly(deps, () => rpc.signatureStatus(tx.signature));
    if (status === undefined) return false;
    if (status.confirmationStatus !== 'confirmed' && status.confirmationStatus !== 'finalized') {
      return false;
    }
    if (status.err !== null) {
      throw new InvalidOrder(
        `swap ${tx.signature} landed but failed on chain (${describe(status.err)}); only the network fee was spent`,
        { signature: tx.signature, err: status.err },
      );
    }
    return true;
  };
  for (;;) {
    await sleep(deps.scheduler, s.pollMs);
    if (await landed()) return resends;
    const height = await quietly(deps, () => rpc.blockHeight());
    if (height !== undefined && height > tx.lastValid) {
      // One last look: it may have landed between the status poll and the height read.
      if (await landed()) return resends;
      throw new TemporaryError('blockhash expired, not landed; safe to retry with a new quote', {
        cause: 'blockhash-expired',
        safeToRetry: true,
        signature: tx.signature,
        resends,
      });
    }
    if (clock.now() >= deadline) {
      throw new TemporaryError(
        `swap ${tx.signature} unconfirmed after ${s.confirmTimeoutMs} ms and the RPC cannot tell; check the signature before retrying`,
        { cause: 'unconfirmed', safeToRetry: false, signature: tx.signature },
      );
    }
    if (clock.now() - lastSent >= s.resendMs) {
      // The same signed bytes: if an earlier copy lands, this one is a duplicate the cluster drops.
      await quietly(deps, () => rpc.send(tx.wire));
      lastSent = clock.now();
      resends++;
    }
  }
}

/** A confirmed transaction can lag in getTransaction by a moment: ask a few times. */
export async function fetchLanded(
  deps: SwapDeps,
  pollMs: number,
  signature: string,
): Promise<Json> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tx = await quietly(deps, () => deps.rpc.transaction(signature));
    if (tx !== undefined) return tx;
    await sleep(deps.scheduler, pollMs);
  }
  throw new ConfigurationError(
    `swap ${signature} is confirmed but the RPC does not return it; record its fill by hand`,
    { signature },
  );
}

/** A failed poll is not an outcome: log it and look again at the next poll. */
async function quietly<T>(deps: SwapDeps, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof TemporaryError)) throw error;
    deps.logger?.warn({ error: error.message }, 'swap confirmation poll failed');
    return undefined;
  }
}

function sleep(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.setTimer(ms, resolve));
}

export function describe(err: unknown): string {
  const text = JSON.stringify(err, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
