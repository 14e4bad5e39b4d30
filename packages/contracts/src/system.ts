/** Health and system information. */
import { Type, type Static } from '@sinclair/typebox';

export const HealthLive = Type.Object({ status: Type.Literal('live') });

export const HealthReady = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({
    database: Type.Boolean(),
    migrations: Type.Boolean(),
    redis: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'null when REDIS_URL is unset',
    }),
  }),
});
export type HealthReady = Static<typeof HealthReady>;

export const SystemInfo = Type.Object({
  version: Type.String(),
  node: Type.String(),
  mode: Type.Union([Type.Literal('paper'), Type.Literal('live')]),
  aiProvider: Type.String(),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  redis: Type.Boolean(),
  uptimeSec: Type.Number(),
  startedAt: Type.Integer(),
});
export type SystemInfo = Static<typeof SystemInfo>;
