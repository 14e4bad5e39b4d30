/**
 * Two validators, as Fastify's docs suggest: query strings, params and headers arrive as text, so
 * their numbers and booleans are coerced; JSON bodies are not, so `{"password": 42}` is a type error
 * rather than the string "42". Neither removes unknown fields: they are refused.
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives under `default` in ESM.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };

const COMMON: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
};

function make(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ ...COMMON, coerceTypes });
  addFormats.default(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const forBody = make(false);
  const forText = make('array');
  return ({ schema, httpPart }) =>
    (httpPart === 'body' ? forBody : forText).compile(schema as object);
}
