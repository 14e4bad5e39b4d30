/**
 * buildApp(deps): the Fastify application (API v1 under /api/v1, OpenAPI at /api/docs), with every
 * side effect passed in. server.ts opens the real ports and listens.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '@numerusx/core';
import type { Redis } from 'ioredis';
import { authRoutes } from './auth/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import type { Db } from './db/database.js';
import type { Api } from './http/api.js';
import { installAuthentication } from './http/authenticate.js';
import { installErrorHandler } from './http/error-handler.js';
import { installSecurityHeaders, type SecurityHeaderOptions } from './http/security-headers.js';
import { validatorCompiler } from './http/validators.js';
import { loggerOptions } from './logging.js';
import { moduleRoutes } from './modules.js';
import type { Services } from './services.js';
import { Metrics } from './system/metrics.js';
import { alertRoutes } from './realtime/alerts.routes.js';
import type { Realtime } from './realtime/realtime.js';
import { systemRoutes } from './system/system.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { DASHBOARD_DIR, installDashboard } from './http/dashboard.js';

export const API_PREFIX = '/api/v1';
export const VERSION = '0.1.0';

/** helmet's options: the security headers of every answer. */
export const SECURITY_HEADER_OPTIONS: SecurityHeaderOptions = {
  // The dashboard is same-origin; inline styles come from the chart library.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
    },
  },
};

export interface AppDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
  readonly redis: Redis | undefined;
  readonly mode: 'paper' | 'live';
  readonly aiProvider: string;
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  readonly trustProxy: boolean;
  /** Requests per minute per user (or per IP before login) on the API. */
  readonly rateLimitPerMinute?: number;
  /** Largest accepted request body in bytes. */
  readonly bodyLimit?: number;
  /** Shared with the realtime layer so /metrics shows its sockets; a fresh one otherwise. */
  readonly metrics?: Metrics;
  /** The built dashboard (apps/web/dist by default). */
  readonly dashboardDir?: string;
  /** The Socket.io layer; when given, POST /system/alerts sends through it. */
  readonly realtime?: Realtime;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.logLevel),
    trustProxy: deps.trustProxy,
    bodyLimit: deps.bodyLimit ?? 256 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const metrics = deps.metrics ?? new Metrics();
  const startedAt = deps.clock.now();
  const redis = deps.redis;

  app.setValidatorCompiler(validatorCompiler());
  installErrorHandler(app);
  // Fail at start-up, not in production, if an API route forgets to say who may call it.
  app.addHook('onRoute', (route) => {
    if (
      route.url.startsWith(API_PREFIX) &&
      route.config?.auth === undefined &&
      route.method !== 'HEAD'
    ) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no config.auth`);
    }
  });
  metrics.instrument(app);
  await installSecurityHeaders(app, SECURITY_HEADER_OPTIONS);
  await app.register(cors, { origin: [...deps.corsOrigins], credentials: true });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'NumerusX API',
        version: VERSION,
        description: 'API v1 of the NumerusX trading platform',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  await app.register(
    async (api: Api) => {
      installAuthentication(api, deps.services.accessTokens, deps.services.revocation);
      await api.register(rateLimit, {
        global: true,
        hook: 'preHandler',
        max: deps.rateLimitPerMinute ?? 600,
        timeWindow: 60_000,
        nameSpace: 'nx-rl:',
        ...(deps.redis !== undefined ? { redis: deps.redis } : {}),
        keyGenerator: (req) =>
          req.user !== undefined ? `user:${req.user.userId}` : `ip:${req.ip}`,
        errorResponseBuilder: (_req, ctx) => {
          const err = new Error(
            `rate limit: ${ctx.max} requests per minute; retry in ${ctx.after}`,
          ) as Error & { statusCode: number };
          err.statusCode = 429;
          return err;
        },
      });
      systemRoutes(api, {
        db: deps.db,
        metrics,
        clock: deps.clock,
        startedAt,
        mode: deps.mode,
        aiProvider: deps.aiProvider,
        redisPing: redis === undefined ? undefined : () => pingRedis(redis),
        version: VERSION,
      });
      authRoutes(api, deps.services.auth, deps.services.users);
      usersRoutes(api, deps.services.users);
      auditRoutes(api, deps.services.audit);
      // API v1 modules: bot, portfolio, trades, orders, ai, market, backtests, strategies.
      moduleRoutes(api, deps.services, { mode: deps.mode, provider: deps.aiProvider });
      if (deps.realtime !== undefined) {
        alertRoutes(api, {
          realtime: deps.realtime,
          audit: deps.services.audit,
          clock: deps.clock,
        });
      }
    },
    { prefix: API_PREFIX },
  );

  await installDashboard(app, deps.dashboardDir ?? DASHBOARD_DIR, API_PREFIX);
  return app;
}

async function pingRedis(redis: Redis): Promise<boolean> {
  await redis.ping(); // throws when Redis does not answer
  return true;
}
