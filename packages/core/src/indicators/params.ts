import { ValidationError } from '../errors.js';

/** Refuses a period that is not a whole number in [min, 100000]; indicators call it in their constructor. */
export function assertPeriod(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min || value > 100_000) {
    throw new ValidationError(
      `${name} must be a whole number from ${min} to 100000, got ${value}`,
      {
        parameter: name,
        value,
      },
    );
  }
}

/** Refuses a multiplier or factor that is not a finite number > 0. */
export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`${name} must be a finite number above 0, got ${value}`, {
      parameter: name,
      value,
    });
  }
}

/**
 * A batch output whose first `warmup` cells are NaN (the rest is left for the caller to write,
 * every cell of it): cheaper than NaN-filling a million cells that are overwritten anyway.
 */
export function outputArray(length: number, warmup: number): Float64Array {
  const out = new Float64Array(length);
  out.fill(Number.NaN, 0, Math.min(warmup, length));
  return out;
}

/** A Float64Array of `length` NaNs: the batch output before values are written. */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** TA_EPSILON of TA-Lib 0.6 (ta_utility.h); 0.4 used 1e-8, which zeroes RSI on sub-1e-8 prices. */
const TA_EPSILON = 1e-14;

/**
 * TA-Lib's TA_IS_ZERO: values within ±1e-14 count as zero when dividing (RSI, ADX, ...), so flat
 * markets give TA-Lib's 0 instead of a division by a rounding residue.
 */
export function isZero(v: number): boolean {
  return v > -TA_EPSILON && v < TA_EPSILON;
}

/** TA-Lib's TA_IS_ZERO_OR_NEG: a variance that rounding pushed to ~0 or below counts as none. */
export function isZeroOrNegative(v: number): boolean {
  return v < TA_EPSILON;
}
