import { NumerusError } from '@numerusx/core';

/**
 * Prints an error for a person at a terminal and returns the exit code: 1 for bad input (the
 * message names what to fix), 70 (EX_SOFTWARE) for a bug, whose stack is worth reporting.
 */
export function reportError(error: unknown): number {
  if (error instanceof NumerusError) {
    process.stderr.write(`numerusx: ${error.message}\n`);
    return 1;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`numerusx: unexpected error, please report it:\n${detail}\n`);
  return 70;
}
