// Test helper: run a reader that must refuse its input and hand back the CandleDataError.
import { CandleDataError } from '../../src/errors.js';

export function refusal(read: () => unknown): CandleDataError {
  let result: unknown;
  try {
    result = read();
  } catch (error) {
    if (error instanceof CandleDataError) return error;
    throw error;
  }
  throw new Error(`expected a CandleDataError, got a result: ${JSON.stringify(result)}`);
}
