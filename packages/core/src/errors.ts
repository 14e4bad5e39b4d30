/**
 * The one error hierarchy of NumerusX. Each type's doc says what the platform does when it meets it;
 * transports map `code` to a status (HTTP 4xx, CLI exit code) in one place.
 */
export class NumerusError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input from a user, a file or a model answer. Nothing is written; the caller is told what to fix. */
export class ValidationError extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('VALIDATION_ERROR', message, details);
  }
}

/**
 * A candle file or array that breaks a rule (header, number, order, OHLC consistency).
 * The whole input is refused: nothing partial is returned.
 */
export class CandleDataError extends ValidationError {
  constructor(
    readonly source: string,
    readonly line: number | undefined,
    readonly rule: string,
    problem: string,
  ) {
    super(`${source}${line === undefined ? '' : `:${line}`}: ${rule}: ${problem}`, {
      source,
      line,
      rule,
    });
  }
}
