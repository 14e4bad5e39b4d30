/**
 * Validation of POST /orders bodies. The body is one of nine schemas chosen by `type` (and `mode`
 * for dca); checking it against the one it names gives "body.price: Expected number" instead of
 * nine failed alternatives, so this route validates with TypeBox rather than Ajv's anyOf. Errors
 * have Ajv's shape, so the one error handler formats them like every other 400.
 */
import { OrderRequestVariants, orderRequestVariant } from '@numerusx/contracts';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import type { FastifySchemaValidationError } from 'fastify';

/** Enough to fix a request; a hostile body cannot make the answer large. */
const MAX_ISSUES = 10;

const KNOWN = [
  ...new Set(Object.keys(OrderRequestVariants).map((k) => k.replace(/^dca:.*/, 'dca'))),
].join(', ');

type Result = { value: unknown } | { error: Error };

export function validateOrderBody(data: unknown): Result {
  const schema = orderRequestVariant(data);
  if (schema === undefined) return { error: failure([unknownType(data)]) };
  const issues: FastifySchemaValidationError[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, data)) {
    // TypeBox reports a missing field twice (required, then its type): keep the first per path.
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    issues.push(issueOf(e));
    if (issues.length === MAX_ISSUES) break;
  }
  return issues.length === 0 ? { value: data } : { error: failure(issues) };
}

function unknownType(data: unknown): FastifySchemaValidationError {
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  const type = isObject ? (data as { type?: unknown }).type : undefined;
  const message = !isObject
    ? 'must be an object'
    : type === 'dca'
      ? 'dca needs mode "schedule" or "safety"'
      : `type must be one of ${KNOWN}`;
  return {
    keyword: 'discriminator',
    instancePath: !isObject ? '' : type === 'dca' ? '/mode' : '/type',
    schemaPath: '#',
    params: {},
    message,
  };
}

function issueOf(e: ValueError): FastifySchemaValidationError {
  if (e.type === ValueErrorType.ObjectAdditionalProperties) {
    const cut = e.path.lastIndexOf('/');
    return {
      keyword: 'additionalProperties',
      instancePath: e.path.slice(0, cut),
      schemaPath: '#',
      params: { additionalProperty: e.path.slice(cut + 1) },
      message: 'must NOT have additional properties',
    };
  }
  return {
    keyword: ValueErrorType[e.type],
    instancePath: e.path,
    schemaPath: '#',
    params: {},
    message: e.message,
  };
}

function failure(validation: FastifySchemaValidationError[]): Error {
  return Object.assign(new Error('body is not a valid order request'), {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    validation,
    validationContext: 'body',
  });
}
