/**
 * A local Solana JSON-RPC 2.0 node, enough for live trading: it DECODES every submitted wire
 * transaction and VERIFIES the fee payer's ed25519 signature (kit codecs + node:crypto), refusing
 * unsigned or wrongly signed ones as a validator would. A swap "lands" after a scripted number of
 * status polls, or never; its meta comes from the test, so fills are read from "the chain".
 */
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import {
  getAddressEncoder,
  getBase58Decoder,
  getBase64Encoder,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
} from '@solana/kit';
import { startFake, type FakeReply, type FakeServer } from '../ai/fake-http.js';

export interface TokenBalanceRow {
  accountIndex: number;
  mint: string;
  owner: string;
  amount: string;
  decimals: number;
}

export interface LandedMeta {
  accountKeys: string[];
  fee: number;
  preBalances: number[];
  postBalances: number[];
  preTokenBalances: TokenBalanceRow[];
  postTokenBalances: TokenBalanceRow[];
}

export interface MintScript {
  mintAuthority: string | null;
  freezeAuthority: string | null;
  decimals: number;
  supply: string;
  largest: string[];
  extensions?: { extension: string }[];
}

export interface RpcScript {
  blockHeight: number;
  /** Added to the height at each getBlockHeight. */
  heightStep: number;
  /** Lands at this status poll (1 = the first) after a valid send; undefined: never. */
  landAfterPolls: number | undefined;
  simulation?: { err: unknown; logs: string[] };
  landedErr?: unknown;
  meta?: (wallet: string) => LandedMeta;
  mints: Record<string, MintScript>;
}

export interface RpcRecord {
  /** Signatures of accepted sendTransaction calls, one per call (re-sends repeat). */
  readonly sent: string[];
  /** Why refused sends/simulations were refused. */
  readonly rejected: string[];
  readonly simulated: string[];
  statusPolls: number;
}

export interface FakeRpc extends FakeServer {
  readonly record: RpcRecord;
}

const LANDED_SLOT = 321_000_000;
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export async function startFakeRpc(script: RpcScript): Promise<FakeRpc> {
  const record: RpcRecord = { sent: [], rejected: [], simulated: [], statusPolls: 0 };
  let landedSignature: string | undefined;
  let feePayer = '';
  let pollsSinceSend = 0;

  const handle = (method: string, params: unknown[]): unknown => {
    switch (method) {
      case 'getBlockHeight': {
        const height = script.blockHeight;
        script.blockHeight += script.heightStep;
        return height;
      }
      case 'getLatestBlockhash':
        return {
          context: { slot: LANDED_SLOT },
          value: {
            blockhash: 'EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N',
            lastValidBlockHeight: script.blockHeight + 150,
          },
        };
      case 'simulateTransaction': {
        const checked = verify(String(params[0]));
        if (typeof checked === 'string') throw new RpcFailure(-32003, checked);
        record.simulated.push(checked.signature);
        const sim = script.simulation ?? { err: null, logs: ['Program log: ok'] };
        return {
          context: { slot: LANDED_SLOT },
          value: {
            err: sim.err,
            logs: sim.logs,
            accounts: null,
            unitsConsumed: 1_000,
            returnData: null,
          },
        };
      }
      case 'sendTransaction': {
        const checked = verify(String(params[0]));
        if (typeof checked === 'string') {
          record.rejected.push(checked);
          throw new RpcFailure(-32003, `Transaction signature verification failure: ${checked}`);
        }
        record.sent.push(checked.signature);
        feePayer = checked.feePayer;
        landedSignature ??= checked.signature;
        return checked.signature;
      }
      case 'getSignatureStatuses': {
        record.statusPolls++;
        const asked = (params[0] as string[])[0];
        if (landedSignature !== undefined && asked === landedSignature) pollsSinceSend++;
        return { context: { slot: LANDED_SLOT }, value: [landed(asked) ? status() : null] };
      }
      case 'getTransaction': {
        const asked = String(params[0]);
        if (!landed(asked) || script.meta === undefined) return null;
        return transaction(asked, script.meta(feePayer));
      }
      case 'getAccountInfo': {
        const mint = script.mints[String(params[0])];
        if (mint === undefined) return { context: { slot: LANDED_SLOT }, value: null };
        return {
          context: { slot: LANDED_SLOT },
          value: {
            data: {
              parsed: {
                type: 'mint',
                info: {
                  decimals: mint.decimals,
                  freezeAuthority: mint.freezeAuthority,
                  isInitialized: true,
                  mintAuthority: mint.mintAuthority,
                  supply: mint.supply,
                  ...(mint.extensions === undefined ? {} : { extensions: mint.extensions }),
                },
              },
              program: mint.extensions === undefined ? 'spl-token' : 'spl-token-2022',
              space: 82,
            },
            executable: false,
            lamports: 1_461_600,
            owner: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
            rentEpoch: 0,
            space: 82,
          },
        };
      }
      case 'getTokenLargestAccounts': {
        const mint = script.mints[String(params[0])]!;
        return {
          context: { slot: LANDED_SLOT },
          value: mint.largest.map((amount) => ({
            address: 'So11111111111111111111111111111111111111112',
            amount,
            decimals: mint.decimals,
            uiAmount: Number(amount) / 10 ** mint.decimals,
            uiAmountString: String(Number(amount) / 10 ** mint.decimals),
          })),
        };
      }
      case 'getTokenSupply': {
        const mint = script.mints[String(params[0])]!;
        return {
          context: { slot: LANDED_SLOT },
          value: { amount: mint.supply, decimals: mint.decimals, uiAmount: 1, uiAmountString: '1' },
        };
      }
      default:
        throw new RpcFailure(-32601, `Method not found: ${method}`);
    }
  };

  function landed(signature: string | undefined): boolean {
    return (
      signature !== undefined &&
      signature === landedSignature &&
      script.landAfterPolls !== undefined &&
      pollsSinceSend >= script.landAfterPolls
    );
  }

  function status(): unknown {
    const err = script.landedErr ?? null;
    return {
      slot: LANDED_SLOT,
      confirmations: null,
      err,
      status: err === null ? { Ok: null } : { Err: err },
      confirmationStatus: 'confirmed',
    };
  }

  function transaction(signature: string, meta: LandedMeta): unknown {
    const balances = (rows: TokenBalanceRow[]) =>
      rows.map((r) => ({
        accountIndex: r.accountIndex,
        mint: r.mint,
        owner: r.owner,
        programId: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
        uiTokenAmount: {
          amount: r.amount,
          decimals: r.decimals,
          uiAmount: Number(r.amount) / 10 ** r.decimals,
          uiAmountString: String(Number(r.amount) / 10 ** r.decimals),
        },
      }));
    return {
      slot: LANDED_SLOT,
      blockTime: 1_750_000_000,
      version: 0,
      meta: {
        err: null,
        fee: meta.fee,
        preBalances: meta.preBalances,
        postBalances: meta.postBalances,
        preTokenBalances: balances(meta.preTokenBalances),
        postTokenBalances: balances(meta.postTokenBalances),
        logMessages: [],
        innerInstructions: [],
        computeUnitsConsumed: 1_000,
      },
      transaction: {
        signatures: [signature],
        message: {
          accountKeys: meta.accountKeys.map((pubkey, i) => ({
            pubkey,
            signer: i === 0,
            writable: true,
            source: 'transaction',
          })),
          instructions: [],
          recentBlockhash: 'EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N',
        },
      },
    };
  }

  const server = await startFake((req): FakeReply => {
    const body = req.body as { id: number; method: string; params?: unknown[] };
    try {
      const result = handle(body.method, body.params ?? []);
      return { json: { jsonrpc: '2.0', id: body.id, result } };
    } catch (error) {
      if (!(error instanceof RpcFailure)) throw error;
      return {
        json: { jsonrpc: '2.0', id: body.id, error: { code: error.code, message: error.message } },
      };
    }
  });
  return { ...server, record };
}

class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decodes a base64 wire transaction and checks the fee payer's signature over the message bytes;
 * returns the signature (base58) and fee payer, or why it is refused.
 */
export function verify(base64: string): { signature: string; feePayer: string } | string {
  let tx;
  try {
    tx = getTransactionDecoder().decode(getBase64Encoder().encode(base64));
  } catch {
    return 'undecodable transaction';
  }
  const message = getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
  const feePayer = message.staticAccounts[0];
  if (feePayer === undefined) return 'no fee payer';
  const sig = tx.signatures[feePayer];
  if (sig === undefined || sig === null || sig.every((b) => b === 0)) return 'unsigned';
  // node:crypto's ed25519 over the raw public key (an SPKI DER header + the address's 32 bytes).
  const key = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, Uint8Array.from(getAddressEncoder().encode(feePayer))]),
    format: 'der',
    type: 'spki',
  });
  const valid: boolean = cryptoVerify(
    null,
    Uint8Array.from(tx.messageBytes),
    key,
    Uint8Array.from(sig),
  );
  if (!valid) return 'bad signature';
  return { signature: getBase58Decoder().decode(sig), feePayer };
}
