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

/** A Float64Array of `length` NaNs: the batch output before values are written. */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/**
 * TA-Lib's TA_IS_ZERO: values within ±1e-8 count as zero when dividing (RSI, ADX, ...), so flat
 * markets give TA-Lib's 0 instead of a division by a rounding residue.
 */
export function isZero(v: number): boolean {
  return v > -1e-8 && v < 1e-8;
}
