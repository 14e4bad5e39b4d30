/**
 * pino options: JSON logs with secrets redacted wherever they may appear (authorization headers,
 * cookies, passwords, tokens, keys), so no log line ever carries one.
 */
import type { FastifyServerOptions } from 'fastify';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.apiKey',
  '*.secret',
];

export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], undefined> {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}
