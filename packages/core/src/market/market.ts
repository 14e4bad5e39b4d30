import { ValidationError } from '../errors.js';

/**
 * A spot market as NumerusX trades it: long-only (a Jupiter swap buys or sells the base asset; there
 * is no shorting on a spot DEX). Quantities are rounded to the base asset's decimals at every fill
 * (on-chain amounts are integer base units) and cash to the quote asset's decimals.
 */
export interface MarketSpec {
  /** `BASE/QUOTE`, e.g. `SOL/USDC`. */
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
  readonly baseDecimals: number;
  readonly quoteDecimals: number;
}

/** Decimals of well-known assets (SPL mints: SOL 9, USDC/USDT 6); others default to 8. */
const KNOWN_DECIMALS: Readonly<Record<string, number>> = {
  SOL: 9,
  USDC: 6,
  USDT: 6,
  BTC: 8,
  ETH: 8,
};

export function marketSpec(
  pair: string,
  decimals: { base?: number; quote?: number } = {},
): MarketSpec {
  const match = /^([A-Z0-9]{2,12})\/([A-Z0-9]{2,12})$/.exec(pair);
  if (!match) {
    throw new ValidationError(`pair must look like BASE/QUOTE (e.g. SOL/USDC), got "${pair}"`, {
      pair,
    });
  }
  const base = match[1]!;
  const quote = match[2]!;
  return {
    pair,
    base,
    quote,
    baseDecimals: decimals.base ?? KNOWN_DECIMALS[base] ?? 8,
    quoteDecimals: decimals.quote ?? KNOWN_DECIMALS[quote] ?? 8,
  };
}

/**
 * Rounds a non-negative amount DOWN to `decimals` (never spend or sell more than held). The
 * 1e-9 relative nudge keeps 0.3 (stored as 0.29999…) from dropping a whole base unit.
 */
export function roundDown(amount: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(amount * scale * (1 + 1e-12)) / scale;
}

/** Rounds an amount to the nearest unit of `decimals` (cash after a fill). */
export function roundHalfEven(amount: number, decimals: number): number {
  const scale = 10 ** decimals;
  const x = amount * scale;
  const r = Math.round(x);
  // Banker's rounding on exact halves, so fees do not drift one way over many fills.
  const rounded = Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return rounded / scale;
}
