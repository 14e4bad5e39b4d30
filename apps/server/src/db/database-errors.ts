/** Classifies errors the database drivers raise, by their codes (SQLite and PostgreSQL). */

/** True for a unique-constraint violation on SQLite or PostgreSQL (a lost race on an insert). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** PostgreSQL's SQLSTATE class 22 (data exception): invalid text encoding, out-of-range numbers. */
export function isDatabaseDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
