/**
 * helmet's security headers, computed once. @fastify/helmet 13 builds a new helmet middleware on
 * every request — parsing the Content-Security-Policy directives each time — which cost about a
 * sixth of the CPU of a cached API answer. Without CSP nonces (we use none) those headers are the
 * same on every response, so at start-up we ask @fastify/helmet itself what it sends with our
 * options, and one hook sends exactly that: upgrading helmet still changes what we send.
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/** @fastify/helmet's options, without `enableCSPNonces` (nonces differ per answer). */
export type SecurityHeaderOptions = FastifyHelmetOptions;

/** Set by the framework, not by helmet: never copied from the probe. */
const FRAMEWORK_HEADERS = new Set([
  'connection',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'transfer-encoding',
]);

/** What @fastify/helmet adds to an answer with these options (header name → value). */
export async function helmetHeaders(
  options: SecurityHeaderOptions,
): Promise<Readonly<Record<string, string>>> {
  const [secured, plain] = await Promise.all([probe(options), probe(undefined)]);
  return Object.fromEntries(
    Object.entries(secured).filter(
      ([name, value]) => !FRAMEWORK_HEADERS.has(name) && plain[name] !== value,
    ),
  );
}

/** Adds helmet's headers to every answer of `app` (including 404s), as @fastify/helmet would. */
export async function installSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeaderOptions,
): Promise<void> {
  if (options.enableCSPNonces === true) {
    throw new Error('security headers: CSP nonces differ per answer and cannot be computed once');
  }
  const headers = await helmetHeaders(options);
  // A probe that saw no header would silently ship an app without them: refuse to start instead.
  if (headers['content-security-policy'] === undefined || headers['x-frame-options'] === undefined)
    throw new Error('security headers: @fastify/helmet added no header to the probe answer');
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}

async function probe(options: SecurityHeaderOptions | undefined): Promise<Record<string, string>> {
  const app = Fastify({ logger: false });
  try {
    if (options !== undefined) await app.register(helmet, options);
    app.get('/', () => 'probe');
    const res = await app.inject({ method: 'GET', url: '/' });
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return out;
  } finally {
    await app.close();
  }
}
