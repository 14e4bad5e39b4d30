/**
 * Checks a token must pass before the bot trades it live, each failure a veto with a reason a
 * person can act on:
 * - `mint-account`: the mint exists and is an SPL Token / Token-2022 mint;
 * - `mint-authority`: nobody can mint more (unlimited dilution is the classic rug);
 * - `freeze-authority`: nobody can freeze our token account (a honeypot: you can buy, not sell);
 * - `token-extensions`: no Token-2022 extension that lets someone else move, block or tax our
 *   tokens (permanent delegate, transfer hook, pausable, non-transferable);
 * - `holder-concentration`: the 10 largest accounts hold at most `maxTop10Share` of the supply
 *   (conservative: a pool's vault counts as a holder);
 * - `liquidity`: a probe-size quote moves the price by at most `maxPriceImpact`.
 * A check that cannot run (the RPC or Jupiter is down) throws TemporaryError: no verdict is better
 * than a wrong one.
 */
import { InvalidOrder } from '@numerusx/core';
import type { Json } from './json.js';
import { toBaseUnits } from './json.js';
import type { SolanaRpcClient } from './rpc.js';
import type { JupiterSwapClient } from './swap-api.js';
import { resolvePair, type TokenInfo } from './tokens.js';

export type SafetyCheck =
  | 'mint-account'
  | 'mint-authority'
  | 'freeze-authority'
  | 'token-extensions'
  | 'holder-concentration'
  | 'liquidity';

export interface SafetyVeto {
  readonly check: SafetyCheck;
  /** Which token, e.g. `BONK`. */
  readonly token: string;
  readonly message: string;
}

export interface SafetyReport {
  readonly ok: boolean;
  readonly pair: string;
  readonly vetoes: readonly SafetyVeto[];
  /** Checks deliberately not run for a token, and why (the allowlists below). */
  readonly skipped: readonly SafetyVeto[];
}

export interface SafetyLimits {
  /** Largest share of the supply the top 10 accounts may hold; default 0.5. */
  readonly maxTop10Share?: number;
  /** Largest price impact of the probe quote, a fraction; default 0.01 (1 %). */
  readonly maxPriceImpact?: number;
  /** Probe size in the pair's quote currency; default 1000. */
  readonly probeQuoteAmount?: number;
}

export interface SafetyDeps {
  readonly rpc: SolanaRpcClient;
  readonly jupiter: JupiterSwapClient;
  readonly tokens?: readonly TokenInfo[];
}

/** Extensions that hand someone else power over our tokens. */
const RISKY_EXTENSIONS: Readonly<Record<string, string>> = {
  permanentDelegate: 'a permanent delegate can transfer or burn tokens from any account',
  transferHook: 'a transfer hook program runs on every transfer and can block sales',
  pausableConfig: 'the issuer can pause all transfers',
  nonTransferable: 'the token cannot be transferred',
};

export async function checkPairSafety(
  deps: SafetyDeps,
  pair: string,
  limits: SafetyLimits = {},
): Promise<SafetyReport> {
  const { base, quote } = resolvePair(pair, deps.tokens);
  const vetoes: SafetyVeto[] = [];
  const skipped: SafetyVeto[] = [];
  for (const token of [base, quote]) {
    await checkToken(deps.rpc, token, limits.maxTop10Share ?? 0.5, vetoes, skipped);
  }
  await checkLiquidity(deps.jupiter, base, quote, limits, vetoes);
  return { ok: vetoes.length === 0, pair, vetoes, skipped };
}

async function checkToken(
  rpc: SolanaRpcClient,
  token: TokenInfo,
  maxTop10Share: number,
  vetoes: SafetyVeto[],
  skipped: SafetyVeto[],
): Promise<void> {
  const veto = (check: SafetyCheck, message: string) =>
    vetoes.push({ check, token: token.symbol, message });
  const mint = await rpc.mintAccount(token.mint);
  if (mint === undefined) return void veto('mint-account', `no account at mint ${token.mint}`);
  if (!mint.program.startsWith('spl-token') || mint.info['type'] !== 'mint') {
    return void veto('mint-account', `${token.mint} is not an SPL token mint`);
  }
  const info = mint.info;
  if (token.trust === 'issuer-stablecoin') {
    // USDC (Circle) and USDT (Tether) keep mint and freeze authority by design: a regulated issuer
    // mints against reserves and must be able to freeze. Trading them means trusting the issuer;
    // refusing them would refuse every stablecoin pair. So they, and only they, are allowlisted.
    const why = `${token.symbol} is an issuer-controlled stablecoin (allowlisted)`;
    skipped.push({ check: 'mint-authority', token: token.symbol, message: why });
    skipped.push({ check: 'freeze-authority', token: token.symbol, message: why });
  } else {
    const minter = authority(info['mintAuthority']);
    if (minter !== undefined) {
      veto('mint-authority', `mint authority ${minter} can mint unlimited new ${token.symbol}`);
    }
    const freezer = authority(info['freezeAuthority']);
    if (freezer !== undefined) {
      veto(
        'freeze-authority',
        `freeze authority ${freezer} can freeze your ${token.symbol} so it cannot be sold`,
      );
    }
  }
  for (const name of extensionNames(info)) {
    const risk = RISKY_EXTENSIONS[name];
    if (risk !== undefined) veto('token-extensions', `${token.symbol}: ${risk} (${name})`);
  }
  if (token.trust !== 'none') {
    // Wrapped SOL's supply is only what sits wrapped, mostly in pool vaults; a stablecoin's sits in
    // its issuer's treasury and exchanges. Their concentration says nothing about a rug.
    skipped.push({
      check: 'holder-concentration',
      token: token.symbol,
      message: `${token.symbol}'s holdings are dominated by pools, issuers and exchanges by design`,
    });
    return;
  }
  const [largest, supply] = await Promise.all([
    rpc.largestAccounts(token.mint),
    rpc.tokenSupply(token.mint),
  ]);
  if (supply === 0n) return void veto('holder-concentration', `${token.symbol} has no supply`);
  const top10 = [...largest]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, 10)
    .reduce((s, a) => s + a, 0n);
  // Basis points in bigint, then a fraction: supplies exceed 2^53 base units.
  const share = Number((top10 * 10_000n) / supply) / 10_000;
  if (share > maxTop10Share) {
    veto(
      'holder-concentration',
      `the 10 largest ${token.symbol} accounts hold ${pct(share)} of the supply (max ${pct(maxTop10Share)})`,
    );
  }
}

async function checkLiquidity(
  jupiter: JupiterSwapClient,
  base: TokenInfo,
  quote: TokenInfo,
  limits: SafetyLimits,
  vetoes: SafetyVeto[],
): Promise<void> {
  const probe = limits.probeQuoteAmount ?? 1_000;
  const max = limits.maxPriceImpact ?? 0.01;
  try {
    const q = await jupiter.quote({
      inputMint: quote.mint,
      outputMint: base.mint,
      amount: toBaseUnits(probe, quote.decimals),
      slippageBps: 50,
    });
    if (q.priceImpact > max || q.outAmount === 0n) {
      vetoes.push({
        check: 'liquidity',
        token: base.symbol,
        message: `buying ${probe} ${quote.symbol} of ${base.symbol} moves the price ${pct(q.priceImpact)} (max ${pct(max)}): too little liquidity`,
      });
    }
  } catch (error) {
    if (!(error instanceof InvalidOrder)) throw error; // TemporaryError: no verdict
    vetoes.push({
      check: 'liquidity',
      token: base.symbol,
      message: `no Jupiter route for ${probe} ${quote.symbol} → ${base.symbol}: ${error.message}`,
    });
  }
}

/** jsonParsed shows an unset authority as null (or leaves it out). */
function authority(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Token-2022 jsonParsed mints list `extensions: [{extension: 'transferHook', state: …}]`. */
function extensionNames(info: Json): string[] {
  const list = info['extensions'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: unknown) =>
    typeof e === 'object' && e !== null && 'extension' in e && typeof e.extension === 'string'
      ? [e.extension]
      : [],
  );
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 2 : 1)} %`;
}
