/** Health (no auth), system info, Prometheus metrics. */
import { ErrorResponse, HealthLive, HealthReady, SystemInfo } from '@numerusx/contracts';
import type { Clock } from '@numerusx/core';
import type { Api } from '../http/api.js';
import type { Db } from '../db/database.js';
import type { Metrics } from './metrics.js';

export interface SystemDeps {
  readonly db: Db;
  readonly metrics: Metrics;
  readonly clock: Clock;
  readonly startedAt: number;
  readonly mode: 'paper' | 'live';
  readonly aiProvider: string;
  /** Undefined when REDIS_URL is unset. */
  readonly redisPing: (() => Promise<boolean>) | undefined;
  readonly version: string;
}

export function systemRoutes(app: Api, deps: SystemDeps): void {
  app.get(
    '/health/live',
    {
      schema: { tags: ['system'], summary: 'The process answers', response: { 200: HealthLive } },
      config: { auth: 'public' },
    },
    () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Database reachable, migrations applied, Redis reachable when configured',
        response: { 200: HealthReady, 503: HealthReady },
      },
      config: { auth: 'public' },
    },
    async (_req, reply) => {
      const database = await deps.db.ping();
      const migrations =
        database && (await deps.db.pendingMigrations().catch(() => ['?'])).length === 0;
      const redis = deps.redisPing === undefined ? null : await deps.redisPing().catch(() => false);
      const ready = database && migrations && redis !== false;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', checks: { database, migrations, redis } });
    },
  );

  app.get(
    '/system/info',
    {
      schema: {
        tags: ['system'],
        summary: 'Version, mode, storage',
        response: { 200: SystemInfo, 401: ErrorResponse },
      },
      config: { auth: 'viewer' },
    },
    () => ({
      version: deps.version,
      node: process.version,
      mode: deps.mode,
      aiProvider: deps.aiProvider,
      database: deps.db.kind,
      redis: deps.redisPing !== undefined,
      uptimeSec: (deps.clock.now() - deps.startedAt) / 1000,
      startedAt: deps.startedAt,
    }),
  );

  app.get(
    '/metrics',
    {
      schema: { tags: ['system'], summary: 'Prometheus text format', hide: false },
      config: { auth: 'public' },
    },
    async (_req, reply) => {
      const text = await deps.metrics.registry.metrics();
      return reply.type(deps.metrics.registry.contentType).send(text);
    },
  );
}
