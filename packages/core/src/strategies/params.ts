import { ValidationError } from '../errors.js';
import type { ParamSchema, ParamSpec, ParamValues } from './types.js';

/**
 * Validates raw parameter values against a schema and returns the complete set, defaults filled in.
 * One function serves every source: CLI `--param rsiPeriod=14` (values arrive as strings), JSON
 * bodies and stored configs (numbers and booleans), and the optimiser's grid. Anything doubtful is
 * refused with a ValidationError naming the parameter, the value and what is allowed, so the user
 * fixes the input instead of running a backtest on a silently different setting.
 *
 * - Unknown keys are refused (a typo such as `rsiPeriode` must not fall back to the default).
 * - Numbers: a finite number, or a string that is entirely one (`"14"`, `"0.5"`, `"1e3"`);
 *   `'integer'` also requires a whole number. Both must lie in [min, max].
 * - Booleans: `true`/`false`, or the strings `"true"`/`"false"` (any case).
 * - Enums: one of `options`, exactly.
 *
 * `what` names the kind of value in messages ("parameter", "risk parameter", ...).
 */
export function resolveParams(
  schema: ParamSchema,
  raw: Readonly<Record<string, unknown>>,
  what = 'parameter',
): ParamValues {
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(schema, key)) {
      const known = Object.keys(schema);
      throw new ValidationError(
        `unknown ${what} ${key}; known: ${known.length > 0 ? known.join(', ') : '(none)'}`,
        { parameter: key, known },
      );
    }
  }
  const out: Record<string, number | boolean | string> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const value = raw[key];
    out[key] = value === undefined ? spec.default : coerce(key, spec, value, what);
  }
  return Object.freeze(out);
}

/** Every parameter at its default: what a strategy runs with when the user sets nothing. */
export function paramDefaults(schema: ParamSchema): ParamValues {
  return resolveParams(schema, {});
}

/** The allowed values of one spec as a phrase, e.g. "an integer from 2 to 100". */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.type) {
    case 'integer':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.options.join(', ')}`;
  }
}

function coerce(
  key: string,
  spec: ParamSpec,
  value: unknown,
  what: string,
): number | boolean | string {
  const refuse = (): never => {
    throw new ValidationError(
      `${what} ${key} must be ${describeAllowed(spec)}, got ${show(value)}`,
      // Only primitives go into details: they end up in JSON error bodies and logs.
      { parameter: key, value: isPrimitive(value) ? value : show(value) },
    );
  };
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const n = toNumber(value);
      if (n === undefined) return refuse();
      if (spec.type === 'integer' && !Number.isInteger(n)) return refuse();
      if (n < spec.min || n > spec.max) return refuse();
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const s = value.trim().toLowerCase();
        if (s === 'true') return true;
        if (s === 'false') return false;
      }
      return refuse();
    }
    case 'enum': {
      if (typeof value === 'string' && spec.options.includes(value)) return value;
      return refuse();
    }
  }
}

/** A finite number from a number or a numeric string; undefined for anything else. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** The refused value as the user typed it: `500` for a CLI "500", quoted when not a number. */
function show(value: unknown): string {
  if (typeof value === 'string')
    return toNumber(value) === undefined ? JSON.stringify(value) : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
