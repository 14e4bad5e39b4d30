/**
 * The one mapping from errors to HTTP: `{error: {code, message, details?}}`, never a stack trace,
 * never a 500 for bad input. Unknown errors are logged and answered as a generic 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NumerusError, RateLimited } from '@numerusx/core';
import { isDatabaseDataError, isUniqueViolation } from '../db/database-errors.js';

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VALIDATION_ERROR: 400,
  INVALID_ORDER: 400,
  CSRF_FAILED: 403,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_FUNDS: 422,
  RISK_VETOED: 422,
  RATE_LIMITED: 429,
  NOT_AVAILABLE: 501,
  TEMPORARY_ERROR: 503,
  CONFIGURATION_ERROR: 503,
};

export function statusOf(error: NumerusError): number {
  return STATUS_BY_CODE[error.code] ?? 400;
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: details === undefined ? { code, message } : { code, message, details } });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | NumerusError | Error, req: FastifyRequest, reply) => {
    if (error instanceof NumerusError) {
      if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSec));
      return sendError(reply, statusOf(error), error.code, error.message, error.details);
    }
    const fe = error as FastifyError;
    if (fe.validation !== undefined) {
      const issues = fe.validation.map((v) => ({
        field: `${fe.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
        problem: v.message ?? 'invalid',
        ...(v.keyword === 'additionalProperties'
          ? { unknownField: (v.params as { additionalProperty?: string }).additionalProperty }
          : {}),
      }));
      return sendError(reply, 400, 'VALIDATION_ERROR', describeIssues(issues), { issues });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: body too large, bad JSON, unsupported media type, rate limit.
      const code = fe.statusCode === 429 ? 'RATE_LIMITED' : fe.code.replace(/^FST_ERR_/, '');
      return sendError(reply, fe.statusCode, code, fe.message);
    }
    if (isUniqueViolation(error)) {
      // A lost race on an insert (two requests creating the same thing at once): the loser's answer.
      return sendError(
        reply,
        409,
        'CONFLICT',
        'a record with the same unique key was written at the same time; reload and retry',
      );
    }
    if (isDatabaseDataError(error)) {
      // A value the database cannot store (e.g. NUL in text on PostgreSQL): the input's fault.
      return sendError(reply, 400, 'VALIDATION_ERROR', 'a value in the request cannot be stored');
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL', 'internal error; it has been logged');
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0] ?? ''}`),
  );
}

function describeIssues(
  issues: readonly { field: string; problem: string; unknownField?: string | undefined }[],
) {
  return issues
    .map((i) =>
      i.unknownField !== undefined
        ? `${i.field || 'body'}: unknown field "${i.unknownField}"`
        : `${i.field || 'body'}: ${i.problem}`,
    )
    .join('; ');
}
