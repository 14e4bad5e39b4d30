/**
 * The real fill of a landed swap, read from the chain rather than the quote: the wallet's token
 * balances before and after (meta.pre/postTokenBalances) and, for SOL, its lamports
 * (meta.pre/postBalances). What the quote promised and what happened differ by slippage, and only
 * the chain's numbers belong in the ledger.
 *
 * SOL needs care, because one lamport balance carries several things:
 *   wallet lamport change = ± SOL swapped − network fee − rent of token accounts the swap opened
 * (Jupiter wraps SOL in a temporary account it closes again, whose lamports come back). So the
 * swapped SOL is the lamport change with the fee and the new accounts' rent added back, plus any
 * change in the wallet's own wrapped-SOL account. The rent is a refundable deposit, not a trading
 * cost; it is reported apart (rentLamports).
 */
import { arr, int, malformed, obj, optStr, toInt, type Json } from './json.js';
import { NATIVE_SOL_MINT } from './tokens.js';

export interface ChainFill {
  /** Base units the wallet gave and got. */
  readonly inAmount: bigint;
  readonly outAmount: bigint;
  /** meta.fee: base + priority fee, paid by the fee payer (the wallet). */
  readonly feeLamports: bigint;
  /** Lamports locked as rent in token accounts this transaction opened for the wallet. */
  readonly rentLamports: bigint;
  readonly slot: bigint;
}

const what = 'getTransaction';

interface TokenRow {
  readonly index: number;
  readonly mint: string;
  readonly owner: string | undefined;
  readonly amount: bigint;
}

export function readFill(
  tx: Json,
  args: { readonly wallet: string; readonly inputMint: string; readonly outputMint: string },
): ChainFill {
  const meta = obj(what, tx['meta'], 'meta');
  const message = obj(what, obj(what, tx['transaction'], 'transaction')['message'], 'message');
  const keys = arr(what, message['accountKeys'], 'message.accountKeys').map((k, i) => {
    // jsonParsed sends {pubkey, signer, writable, source}; other encodings send plain strings.
    if (typeof k === 'string') return k;
    const pubkey = optStr(obj(what, k, `accountKeys[${i}]`), 'pubkey');
    if (pubkey === undefined) throw malformed(what, `accountKeys[${i}] has no pubkey`);
    return pubkey;
  });
  const walletIndex = keys.indexOf(args.wallet);
  if (walletIndex < 0) throw malformed(what, 'the wallet is not an account of this transaction');
  const pre = tokenRows(meta, 'preTokenBalances');
  const post = tokenRows(meta, 'postTokenBalances');
  const preLamports = lamports(meta, 'preBalances');
  const postLamports = lamports(meta, 'postBalances');
  const fee = int(what, meta, 'fee');

  const mine = (r: TokenRow) => r.owner === args.wallet;
  const tokenDelta = (mint: string): bigint =>
    sum(post.filter((r) => mine(r) && r.mint === mint)) -
    sum(pre.filter((r) => mine(r) && r.mint === mint));

  // Token accounts of the wallet that exist after but not before: opened by this transaction.
  let rent = 0n;
  for (const row of post) {
    if (!mine(row) || pre.some((p) => p.index === row.index)) continue;
    const held = postLamports[row.index];
    if (held === undefined) throw malformed(what, `postBalances has no entry ${row.index}`);
    rent += held - (row.mint === NATIVE_SOL_MINT ? row.amount : 0n);
  }

  const delta = (mint: string): bigint => {
    if (mint !== NATIVE_SOL_MINT) return tokenDelta(mint);
    const before = preLamports[walletIndex];
    const after = postLamports[walletIndex];
    if (before === undefined || after === undefined) {
      throw malformed(what, 'pre/postBalances lack the wallet');
    }
    const paidFee = walletIndex === 0 ? fee : 0n; // the first account is the fee payer
    return after - before + paidFee + rent + tokenDelta(mint);
  };

  return {
    inAmount: -delta(args.inputMint),
    outAmount: delta(args.outputMint),
    feeLamports: fee,
    rentLamports: rent,
    slot: int(what, tx, 'slot'),
  };
}

function tokenRows(meta: Json, field: string): TokenRow[] {
  const rows = meta[field];
  if (rows === undefined || rows === null) return [];
  return arr(what, rows, field).map((r, i) => {
    const row = obj(what, r, `${field}[${i}]`);
    const index = row['accountIndex'];
    const mint = optStr(row, 'mint');
    if (typeof index !== 'number' || !Number.isInteger(index) || mint === undefined) {
      throw malformed(what, `${field}[${i}] lacks accountIndex or mint`);
    }
    return {
      index,
      mint,
      owner: optStr(row, 'owner'),
      amount: int(what, obj(what, row['uiTokenAmount'], `${field}[${i}].uiTokenAmount`), 'amount'),
    };
  });
}

function lamports(meta: Json, field: string): bigint[] {
  return arr(what, meta[field], field).map((v, i) => toInt(what, v, `${field}[${i}]`));
}

function sum(rows: readonly TokenRow[]): bigint {
  return rows.reduce((s, r) => s + r.amount, 0n);
}
