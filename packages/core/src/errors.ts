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

/**
 * An order the order manager refuses (unknown pair, non-positive size or price, a stop that would
 * trigger at once, an illegal state change such as cancelling a filled order). Nothing is placed or
 * changed; the bot continues and the caller is told why.
 */
export class InvalidOrder extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('INVALID_ORDER', message, details);
  }
}

/**
 * Not enough cash for a buy, or not enough of the base asset for a sell. The order is vetoed (at
 * submission) or rejected (at execution) with nothing applied to the ledger; the bot continues.
 */
export class InsufficientFunds extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('INSUFFICIENT_FUNDS', message, details);
  }
}

/** No valid credentials (missing, wrong, expired or revoked token). The caller must log in again. */
export class AuthError extends NumerusError {
  constructor(code = 'UNAUTHORIZED', message = 'authentication required') {
    super(code, message);
  }
}

/** Valid credentials without the role the action needs. Nothing happens. */
export class Forbidden extends NumerusError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** The named thing does not exist (or the caller may not know it does). */
export class NotFound extends NumerusError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** The action clashes with the current state (a taken username, a bot already running). */
export class Conflict extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('CONFLICT', message, details);
  }
}

/** Too many attempts; retry after `retryAfterSec`. Nothing was done. */
export class RateLimited extends NumerusError {
  constructor(
    message: string,
    readonly retryAfterSec: number,
  ) {
    super('RATE_LIMITED', message, { retryAfterSec });
  }
}

/**
 * A remote service or resource is briefly unavailable (timeout, 5xx, lost connection). The action
 * is retried with backoff; the bot continues.
 */
export class TemporaryError extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('TEMPORARY_ERROR', message, details);
  }
}

/**
 * A setting is missing or wrong (a bad environment variable, an unusable key). Start-up stops, or
 * the bot stops and asks for a human, with a message naming the setting.
 */
export class ConfigurationError extends NumerusError {
  constructor(message: string, details?: Readonly<Record<string, unknown>>) {
    super('CONFIGURATION_ERROR', message, details);
  }
}

/** A feature that cannot work in this setup yet; the message says why. Nothing happens. */
export class NotAvailable extends NumerusError {
  constructor(message: string) {
    super('NOT_AVAILABLE', message);
  }
}
