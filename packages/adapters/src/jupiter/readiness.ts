/**
 * Why live mode cannot start, as a list of sentences for the operator (the server refuses live
 * mode while the list is not empty). Everything is checked, not just the first problem, so one
 * start attempt shows all there is to fix. Nothing secret goes into a reason.
 */
import type { KeyPairSigner } from '@solana/kit';
import { NumerusError } from '@numerusx/core';
import { MASTER_KEY_ENV, parseMasterKey } from '../wallet/master-key.js';
import { loadWalletSigner, walletInfo } from '../wallet/wallet.js';
import { walletPath } from '../wallet/wallet-file.js';

export const SOLANA_RPC_URL_ENV = 'SOLANA_RPC_URL';

export interface LiveReadinessOptions {
  readonly dataDir: string;
  /** The value of NUMERUSX_MASTER_KEY, if set. */
  readonly masterKey?: string | undefined;
  /** The value of SOLANA_RPC_URL, if set. */
  readonly rpcUrl?: string | undefined;
}

export interface LiveReadiness {
  readonly ready: boolean;
  readonly reasons: readonly string[];
  /** The wallet's address, when there is a readable wallet file. */
  readonly address?: string;
  /** The decrypted signer when ready, so the caller need not decrypt the wallet twice. */
  readonly signer?: KeyPairSigner;
}

export async function checkLiveReadiness(opts: LiveReadinessOptions): Promise<LiveReadiness> {
  const reasons: string[] = [];
  let address: string | undefined;
  let signer: KeyPairSigner | undefined;
  let info: Awaited<ReturnType<typeof walletInfo>>;
  try {
    info = await walletInfo(opts.dataDir);
  } catch (error) {
    reasons.push(reason(error));
  }
  if (info === undefined) {
    if (reasons.length === 0) {
      reasons.push(
        `no wallet at ${walletPath(opts.dataDir)}: import one with \`numerusx wallet import\``,
      );
    }
    // Without a wallet the key cannot be tried, but a malformed variable is worth saying now.
    if (opts.masterKey !== undefined && opts.masterKey.trim() !== '') {
      try {
        parseMasterKey(opts.masterKey).fill(0);
      } catch (error) {
        reasons.push(reason(error));
      }
    }
  } else {
    address = info.address;
    try {
      signer = await loadWalletSigner(opts);
    } catch (error) {
      reasons.push(reason(error));
    }
  }
  const rpcUrl = opts.rpcUrl?.trim() ?? '';
  if (rpcUrl === '') {
    reasons.push(`${SOLANA_RPC_URL_ENV} is not set: live trading needs a Solana RPC endpoint`);
  } else if (!/^https?:\/\/\S+$/.test(rpcUrl)) {
    reasons.push(`${SOLANA_RPC_URL_ENV} must be an http(s) URL`);
  }
  const ready = reasons.length === 0;
  return {
    ready,
    reasons,
    ...(address === undefined ? {} : { address }),
    ...(ready && signer !== undefined ? { signer } : {}),
  };
}

/** Our errors carry a message fit for the operator; anything else is described, not dumped. */
function reason(error: unknown): string {
  if (error instanceof NumerusError) return error.message;
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  return `cannot read the wallet or master key (${code}); check the data dir and ${MASTER_KEY_ENV}`;
}
