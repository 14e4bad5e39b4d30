/**
 * The tokens a user trades live, by symbol: a pair string such as `SOL/USDC` becomes two SPL mints
 * with their decimals. An unknown symbol is a ConfigurationError (the bot cannot guess a mint, and
 * a wrong one would buy a different token), listing what is known.
 */
import { ConfigurationError, marketSpec } from '@numerusx/core';

/**
 * - `native`: SOL; Jupiter wraps and unwraps it, so the wallet's lamports move, not a token account;
 * - `issuer-stablecoin`: a regulated issuer keeps mint and freeze authority on purpose (see
 *   safety.ts, which allowlists exactly these for the authority checks).
 */
export type TokenTrust = 'native' | 'issuer-stablecoin' | 'none';

export interface TokenInfo {
  readonly symbol: string;
  readonly mint: string;
  readonly decimals: number;
  readonly trust: TokenTrust;
}

/** Wrapped SOL's mint: Jupiter's name for native SOL. */
export const NATIVE_SOL_MINT = 'So11111111111111111111111111111111111111112';

export const KNOWN_TOKENS: readonly TokenInfo[] = [
  { symbol: 'SOL', mint: NATIVE_SOL_MINT, decimals: 9, trust: 'native' },
  {
    symbol: 'USDC',
    mint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', // Circle
    decimals: 6,
    trust: 'issuer-stablecoin',
  },
  {
    symbol: 'USDT',
    mint: 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', // Tether
    decimals: 6,
    trust: 'issuer-stablecoin',
  },
];

export interface PairTokens {
  /** `BASE/QUOTE`. */
  readonly pair: string;
  readonly base: TokenInfo;
  readonly quote: TokenInfo;
}

/**
 * The two tokens of `pair`. `tokens` replaces the registry (e.g. with user-configured extra tokens
 * appended to KNOWN_TOKENS).
 */
export function resolvePair(pair: string, tokens: readonly TokenInfo[] = KNOWN_TOKENS): PairTokens {
  let spec: ReturnType<typeof marketSpec>;
  try {
    spec = marketSpec(pair);
  } catch (error) {
    throw new ConfigurationError(error instanceof Error ? error.message : String(error), { pair });
  }
  const base = findToken(spec.base, tokens);
  const quote = findToken(spec.quote, tokens);
  if (base.mint === quote.mint) {
    throw new ConfigurationError(`pair ${pair} trades a token against itself`, { pair });
  }
  return { pair, base, quote };
}

export function findToken(symbol: string, tokens: readonly TokenInfo[] = KNOWN_TOKENS): TokenInfo {
  const token = tokens.find((t) => t.symbol === symbol);
  if (token === undefined) {
    const known = tokens.map((t) => t.symbol).join(', ');
    throw new ConfigurationError(
      `unknown token ${symbol} for live trading; known tokens: ${known}`,
      { symbol, known: tokens.map((t) => t.symbol) },
    );
  }
  return token;
}
