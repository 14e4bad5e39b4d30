import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { paramDefaults, resolveParams } from '../../src/strategies/params.js';
import type { ParamSchema, ParamValues } from '../../src/strategies/types.js';

const schema: ParamSchema = {
  rsiPeriod: { type: 'integer', min: 2, max: 100, default: 14, description: 'RSI period' },
  stopAtr: { type: 'number', min: 0.5, max: 10, default: 2, description: 'stop distance in ATR' },
  trailing: { type: 'boolean', default: false, description: 'trail the stop' },
  ma: { type: 'enum', options: ['ema', 'sma'], default: 'ema', description: 'average kind' },
};

const defaults = { rsiPeriod: 14, stopAtr: 2, trailing: false, ma: 'ema' };

interface Accepted {
  readonly name: string;
  readonly raw: Record<string, unknown>;
  readonly expect: ParamValues;
}

const accepted: Accepted[] = [
  // nothing given: every default
  { name: 'empty input gives the defaults', raw: {}, expect: defaults },
  // CLI `--param rsiPeriod=21` arrives as a string
  {
    name: 'integer from a CLI string',
    raw: { rsiPeriod: '21' },
    expect: { ...defaults, rsiPeriod: 21 },
  },
  { name: 'integer from a number', raw: { rsiPeriod: 2 }, expect: { ...defaults, rsiPeriod: 2 } },
  // bounds are inclusive
  { name: 'integer at max', raw: { rsiPeriod: '100' }, expect: { ...defaults, rsiPeriod: 100 } },
  // "14.0" is a whole number even if written with a decimal point
  { name: 'integer written 14.0', raw: { rsiPeriod: '14.0' }, expect: defaults },
  {
    name: 'number from a string',
    raw: { stopAtr: ' 2.5 ' },
    expect: { ...defaults, stopAtr: 2.5 },
  },
  {
    name: 'number in exponent form',
    raw: { stopAtr: '5e-1' },
    expect: { ...defaults, stopAtr: 0.5 },
  },
  { name: 'boolean "true"', raw: { trailing: 'true' }, expect: { ...defaults, trailing: true } },
  { name: 'boolean "FALSE" any case', raw: { trailing: 'FALSE' }, expect: defaults },
  { name: 'boolean value', raw: { trailing: true }, expect: { ...defaults, trailing: true } },
  { name: 'enum option', raw: { ma: 'sma' }, expect: { ...defaults, ma: 'sma' } },
  // undefined means "not given" (an optional JSON field)
  { name: 'undefined means default', raw: { rsiPeriod: undefined }, expect: defaults },
];

interface Refused {
  readonly name: string;
  readonly raw: Record<string, unknown>;
  readonly message: string;
}

const refused: Refused[] = [
  // above the range: names parameter, range and value (unquoted, as typed)
  {
    name: 'integer above max',
    raw: { rsiPeriod: '500' },
    message: 'parameter rsiPeriod must be an integer from 2 to 100, got 500',
  },
  {
    name: 'integer below min',
    raw: { rsiPeriod: 1 },
    message: 'must be an integer from 2 to 100, got 1',
  },
  { name: 'non-integer', raw: { rsiPeriod: '14.5' }, message: 'rsiPeriod must be an integer' },
  { name: 'text for a number', raw: { stopAtr: 'abc' }, message: 'got "abc"' },
  // Number('') would be 0 and Number('0x10') 16: both refused
  {
    name: 'empty string',
    raw: { stopAtr: '' },
    message: 'stopAtr must be a number from 0.5 to 10, got ""',
  },
  { name: 'hex string', raw: { rsiPeriod: '0x10' }, message: 'got "0x10"' },
  { name: 'NaN', raw: { stopAtr: Number.NaN }, message: 'got NaN' },
  { name: 'Infinity', raw: { stopAtr: 'Infinity' }, message: 'got "Infinity"' },
  { name: 'number above max', raw: { stopAtr: 11 }, message: 'from 0.5 to 10, got 11' },
  { name: 'boolean for a number', raw: { stopAtr: true }, message: 'got true' },
  {
    name: 'bad boolean',
    raw: { trailing: 'yes' },
    message: 'trailing must be true or false, got "yes"',
  },
  { name: 'number for a boolean', raw: { trailing: 1 }, message: 'got 1' },
  {
    name: 'unknown enum option',
    raw: { ma: 'wma' },
    message: 'ma must be one of ema, sma, got "wma"',
  },
  // enums are exact: no case folding (options are identifiers)
  { name: 'enum wrong case', raw: { ma: 'EMA' }, message: 'got "EMA"' },
  { name: 'object value', raw: { rsiPeriod: {} }, message: 'got an object' },
  { name: 'null value', raw: { rsiPeriod: null }, message: 'got null' },
  // a typo must not silently fall back to the default
  {
    name: 'unknown key',
    raw: { rsiPeriode: 14 },
    message: 'unknown parameter rsiPeriode; known: rsiPeriod, stopAtr, trailing, ma',
  },
  // inherited names are not parameters
  {
    name: 'prototype key',
    raw: JSON.parse('{"toString": 1}') as Record<string, unknown>,
    message: 'unknown parameter toString',
  },
];

describe('resolveParams', () => {
  it.each(accepted)('$name', (c) => {
    expect(resolveParams(schema, c.raw)).toEqual(c.expect);
  });

  it.each(refused)('refuses: $name', (c) => {
    const run = (): ParamValues => resolveParams(schema, c.raw);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(c.message);
  });

  it('names the kind of value when asked (risk parameters share the function)', () => {
    expect(() => resolveParams(schema, { stopAtr: 0 }, 'risk parameter')).toThrow(
      'risk parameter stopAtr must be a number from 0.5 to 10, got 0',
    );
  });

  it('carries the parameter in the error details', () => {
    try {
      resolveParams(schema, { rsiPeriod: '500' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).details).toEqual({ parameter: 'rsiPeriod', value: '500' });
    }
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(resolveParams(schema, {}))).toBe(true);
  });
});

describe('paramDefaults', () => {
  it('lists every parameter at its default', () => {
    expect(paramDefaults(schema)).toEqual(defaults);
  });
});
