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
  GEMINI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OPENAI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OPENAI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  NUMERUSX_AI_MODEL: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  NUMERUSX_AI_MODE: Type.Union([Type.Literal('single'), Type.Literal('multi-step')], {
    default: 'single',
  }),
  NUMERUSX_AI_MAX_COST_USD_PER_DAY: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  NUMERUSX_AI_MAX_TOKENS_PER_DAY: Type.Optional(Type.Integer({ minimum: 1 })),
  NUMERUSX_AI_USD_PER_MILLION_IN: Type.Number({ minimum: 0, maximum: 10_000, default: 0 }),
  NUMERUSX_AI_USD_PER_MILLION_OUT: Type.Number({ minimum: 0, maximum: 10_000, default: 0 }),
  NUMERUSX_REPLAY_PACE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 2000 }),
  NUMERUSX_PAPER_CAPITAL: Type.Number({ exclusiveMinimum: 0, maximum: 1e12, default: 10_000 }),
  NUMERUSX_LEASE_TTL_MS: Type.Integer({ minimum: 500, maximum: 600_000, default: 15_000 }),
  NUMERUSX_OUTCOME_HORIZON_CANDLES: Type.Integer({ minimum: 1, maximum: 10_000, default: 24 }),
  CORS_ORIGINS: Type.String({ default: '' }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  NUMERUSX_TRUST_PROXY: Type.Boolean({ default: false }),
  SOLANA_RPC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  NUMERUSX_MASTER_KEY: Type.Optional(Type.String({ minLength: 1 })),
  JUPITER_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  JUPITER_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  GECKO_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  NUMERUSX_LIVE_BUDGET: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12 })),
});
type Env = Static<typeof EnvSchema>;

/** Variables whose values must never appear in an error message. */
const SECRET_VARS = new Set([
  'JWT_SECRET',
  'NUMERUSX_ADMIN_PASSWORD',
  'GEMINI_API_KEY',
  'OPENAI_API_KEY',
  'NUMERUSX_MASTER_KEY',
  'JUPITER_API_KEY',
]);

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
  /** Model provider settings (NUMERUSX_AI_*, GEMINI_BASE_URL, OPENAI_*). */
  readonly ai: AiSettings;
  readonly runtime: RuntimeConfig;
  /** Live trading settings (read only when NUMERUSX_MODE=live). */
  readonly live: LiveConfig;
  readonly corsOrigins: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly trustProxy: boolean;
}

export interface AiSettings {
  readonly model: string | undefined;
  readonly mode: 'single' | 'multi-step';
  readonly geminiBaseUrl: string | undefined;
  readonly openaiBaseUrl: string | undefined;
  readonly openaiApiKey: string | undefined;
  readonly maxCostUsdPerDay: number | undefined;
  readonly maxTokensPerDay: number | undefined;
  /** USD per million tokens, for the cost accounting and the cost budget (0: a local model). */
  readonly usdPerMillionIn: number;
  readonly usdPerMillionOut: number;
}

export interface LiveConfig {
  readonly rpcUrl: string | undefined;
  /** Never logged; undefined: the 0600 key file in the data dir. */
  readonly masterKey: string | undefined;
  readonly jupiterBaseUrl: string | undefined;
  readonly jupiterApiKey: string | undefined;
  readonly geckoBaseUrl: string | undefined;
  /** The quote amount the live bot may trade with (its ledger's starting cash). */
  readonly budget: number | undefined;
}

export interface RuntimeConfig {
  /** Wall milliseconds per replayed candle. */
  readonly replayPaceMs: number;
  /** Starting cash of the paper ledger, quote currency. */
  readonly paperCapital: number;
  /** How long a bot's lease lasts without renewal: the failover time after a crash. */
  readonly leaseTtlMs: number;
  /** Candles after a decision at which its outcome is measured. */
  readonly outcomeHorizonCandles: number;
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
  if (env.NUMERUSX_AI_PROVIDER === 'openai' && env.OPENAI_BASE_URL === undefined) {
    throw new ConfigurationError(
      'OPENAI_BASE_URL: required when NUMERUSX_AI_PROVIDER=openai (e.g. http://127.0.0.1:11434/v1 for Ollama)',
      { variable: 'OPENAI_BASE_URL' },
    );
  }
  if (env.NUMERUSX_MODE === 'live' && env.NUMERUSX_LIVE_BUDGET === undefined) {
    throw new ConfigurationError(
      'NUMERUSX_LIVE_BUDGET: required when NUMERUSX_MODE=live (the most the bot may trade with, in the quote currency)',
      { variable: 'NUMERUSX_LIVE_BUDGET' },
    );
  }
  if (env.NUMERUSX_AI_PROVIDER !== 'rules' && env.NUMERUSX_AI_MODEL === undefined) {
    throw new ConfigurationError(
      `NUMERUSX_AI_MODEL: required when NUMERUSX_AI_PROVIDER=${env.NUMERUSX_AI_PROVIDER}`,
      { variable: 'NUMERUSX_AI_MODEL' },
    );
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
    ai: {
      model: env.NUMERUSX_AI_MODEL,
      mode: env.NUMERUSX_AI_MODE,
      geminiBaseUrl: env.GEMINI_BASE_URL,
      openaiBaseUrl: env.OPENAI_BASE_URL,
      openaiApiKey: env.OPENAI_API_KEY,
      maxCostUsdPerDay: env.NUMERUSX_AI_MAX_COST_USD_PER_DAY,
      maxTokensPerDay: env.NUMERUSX_AI_MAX_TOKENS_PER_DAY,
      usdPerMillionIn: env.NUMERUSX_AI_USD_PER_MILLION_IN,
      usdPerMillionOut: env.NUMERUSX_AI_USD_PER_MILLION_OUT,
    },
    live: {
      rpcUrl: env.SOLANA_RPC_URL,
      masterKey: env.NUMERUSX_MASTER_KEY,
      jupiterBaseUrl: env.JUPITER_BASE_URL,
      jupiterApiKey: env.JUPITER_API_KEY,
      geckoBaseUrl: env.GECKO_BASE_URL,
      budget: env.NUMERUSX_LIVE_BUDGET,
    },
    runtime: {
      replayPaceMs: env.NUMERUSX_REPLAY_PACE_MS,
      paperCapital: env.NUMERUSX_PAPER_CAPITAL,
      leaseTtlMs: env.NUMERUSX_LEASE_TTL_MS,
      outcomeHorizonCandles: env.NUMERUSX_OUTCOME_HORIZON_CANDLES,
    },
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
