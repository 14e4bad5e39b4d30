/**
 * Readers for JSON from Jupiter and the Solana RPC: each checks the shape it needs and names the
 * field that is wrong, so an answer we do not understand becomes a clear error at the boundary
 * instead of `undefined` deep inside a fill computation.
 */
import { TemporaryError } from '@numerusx/core';

export type Json = Readonly<Record<string, unknown>>;

/** An answer that is not what the API documents: a TemporaryError (the node or API may recover). */
export function malformed(what: string, problem: string): TemporaryError {
  return new TemporaryError(`${what}: malformed answer: ${problem}`, { cause: 'malformed' });
}

export function obj(what: string, value: unknown, field = 'answer'): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(what, `${field} is not an object`);
  }
  return value as Json;
}

export function arr(what: string, value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw malformed(what, `${field} is not an array`);
  return value;
}

export function str(what: string, o: Json, field: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v === '') throw malformed(what, `${field} is not a string`);
  return v;
}

export function optStr(o: Json, field: string): string | undefined {
  const v = o[field];
  return typeof v === 'string' ? v : undefined;
}

/** A finite number, or a string holding one (Jupiter sends priceImpactPct as a string). */
export function num(what: string, o: Json, field: string): number {
  const v = o[field];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw malformed(what, `${field} is not a number`);
  return n;
}

/**
 * A non-negative integer amount: on-chain u64 values arrive as decimal strings (token amounts),
 * JSON numbers, or bigints (kit's RPC client turns integers into bigint).
 */
export function int(what: string, o: Json, field: string): bigint {
  return toInt(what, o[field], field);
}

export function toInt(what: string, v: unknown, field: string): bigint {
  if (typeof v === 'bigint' && v >= 0n) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d{1,30}$/.test(v)) return BigInt(v);
  throw malformed(what, `${field} is not a non-negative integer`);
}

/** Base units → token units, exact for any amount a float64 can show. */
export function toUnits(amount: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(amount / scale) + Number(amount % scale) / Number(scale);
}

/** Token units → base units, rounded down (never spend more than asked). */
export function toBaseUnits(amount: number, decimals: number): bigint {
  // toFixed avoids 0.3 × 10^6 = 299999.99…; the digits past `decimals` are cut, not rounded up.
  const [whole = '0', frac = ''] = amount.toFixed(Math.min(decimals + 2, 20)).split('.');
  return (
    BigInt(whole) * 10n ** BigInt(decimals) +
    BigInt((frac.slice(0, decimals) || '0').padEnd(decimals, '0'))
  );
}
