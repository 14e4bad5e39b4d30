/**
 * Configuration from environment variables, validated once at start into a typed object (DESIGN §3).
 * A bad value stops start-up with a ConfigurationError naming the variable; secrets are never echoed.
 */
import { resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigurationError } from '@numerusx/core';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables we read, each with its default and what it means. */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080, description: 'HTTP port' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'listen address' }),
  NUMERUSX_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^(postgres(ql)?://|sqlite:|file:)' })),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  NUMERUSX_ADMIN_USERNAME: Type.String({ pattern: '^[a-zA-Z0-9_.-]{3,32}$', default: 'admin' }),
  NUMERUSX_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12, maxLength: 256 })),
  NUMERUSX_MODE: Type.Union([Type.Literal('paper'), Type.Literal('live')], { default: 'paper' }),
  NUMERUSX_AI_PROVIDER: Type.Union(
    [Type.Literal('rules'), Type.Literal('gemini'), Type.Literal('openai')],
    { default: 'rules' },
  ),
  GEMINI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  CORS_ORIGINS: Type.String({ default: '' }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  NUMERUSX_TRUST_PROXY: Type.Boolean({ default: false }),
});
type Env = Static<typeof EnvSchema>;

/** Variables whose values must never appear in an error message. */
const SECRET_VARS = new Set(['JWT_SECRET', 'NUMERUSX_ADMIN_PASSWORD', 'GEMINI_API_KEY']);

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly redisUrl: string | undefined;
  /** Undefined: generated and kept in the data dir (see secrets.ts). */
  readonly jwtSecret: string | undefined;
  readonly admin: { readonly username: string; readonly password: string | undefined };
  readonly mode: 'paper' | 'live';
  readonly aiProvider: 'rules' | 'gemini' | 'openai';
  readonly geminiApiKey: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly trustProxy: boolean;
}

/** Reads and validates the environment; throws ConfigurationError naming the first bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key];
    // An empty variable counts as unset, as shells and .env files commonly leave them.
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  const first = Value.Errors(EnvSchema, env).First();
  if (first) {
    const name = first.path.replace(/^\//, '').split('/')[0] ?? first.path;
    const shown = SECRET_VARS.has(name) ? '' : ` (got ${JSON.stringify(raw[name])})`;
    throw new ConfigurationError(`${name}: ${first.message}${shown}`, { variable: name });
  }
  return toConfig(env as Env);
}

function toConfig(env: Env): AppConfig {
  const dataDir = resolve(env.NUMERUSX_DATA_DIR);
  const corsOrigins = env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (origin === '*' || !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigurationError(
        `CORS_ORIGINS: "${origin}" is not an origin like https://example.com (no wildcard: the API uses credentials)`,
        { variable: 'CORS_ORIGINS' },
      );
    }
  }
  if (env.NUMERUSX_AI_PROVIDER === 'gemini' && env.GEMINI_API_KEY === undefined) {
    throw new ConfigurationError('GEMINI_API_KEY: required when NUMERUSX_AI_PROVIDER=gemini', {
      variable: 'GEMINI_API_KEY',
    });
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: databaseConfig(env.DATABASE_URL, dataDir),
    redisUrl: env.REDIS_URL,
    jwtSecret: env.JWT_SECRET,
    admin: { username: env.NUMERUSX_ADMIN_USERNAME, password: env.NUMERUSX_ADMIN_PASSWORD },
    mode: env.NUMERUSX_MODE,
    aiProvider: env.NUMERUSX_AI_PROVIDER,
    geminiApiKey: env.GEMINI_API_KEY,
    corsOrigins,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.NUMERUSX_TRUST_PROXY,
  };
}

function databaseConfig(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: resolve(dataDir, 'numerusx.db') };
  if (url.startsWith('postgres')) return { kind: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file === '') {
    throw new ConfigurationError('DATABASE_URL: sqlite: needs a file path', {
      variable: 'DATABASE_URL',
    });
  }
  return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
}
