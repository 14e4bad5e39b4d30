/**
 * Opens the real ports (database, Redis, secret, clock), runs migrations, makes sure an admin
 * exists, builds the app and listens. `numerusx serve` and `npm start` call startServer.
 */
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { ConfigurationError, type Clock } from '@numerusx/core';
import { buildApp } from './app.js';
import type { ReadCache } from './cache/read-cache.js';
import { createReadCache } from './cache/redis-invalidation.js';
import type { AppConfig } from './config.js';
import { migrate, openDatabase, type Db } from './db/database.js';
import { MemoryKvStore, RedisKvStore } from './kv/kv-store.js';
import { createRealtime, type Realtime } from './realtime/realtime.js';
import { loadJwtSecret } from './secrets.js';
import { createServices, type Services } from './services.js';
import { Metrics } from './system/metrics.js';
import { rooms } from './realtime/channels.js';
import type { BotRuntime } from './runtime/bot-runtime.js';
import type { FeedFactory } from './runtime/feed-factory.js';
import type { Notify } from './runtime/notify.js';
import { prepareLive } from './runtime/live-setup.js';
import { RedisTtlCache } from './kv/redis-ttl-cache.js';

export const systemClock: Clock = { now: () => Date.now() };

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly db: Db;
  /** http://host:port actually bound (port 0 picks a free one). */
  readonly url: string;
  /** Set when the first-start admin got a generated password: shown once, never logged. */
  readonly firstAdmin: { username: string; generatedPassword: string | undefined } | undefined;
  /** Socket.io on the same HTTP server: typed, schema-checked emits to rooms. */
  readonly realtime: Realtime;
  /** Disconnects sockets, stops accepting, finishes in-flight requests, closes Redis and the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly accessTokenTtlMs?: number;
  readonly rateLimitPerMinute?: number;
  /** Prefix of every Redis key this server writes (tests isolate themselves with it). */
  readonly redisKeyPrefix?: string;
  /** Redis Streams adapter stream/channel/session prefix; servers sharing it share sockets. */
  readonly realtimeRedisNamespace?: string;
  /** How long a cached read may be served when no writer invalidates it (2 s by default). */
  readonly readCacheTtlMs?: number;
  /** The bot's market feed instead of the replay of datasets/market (tests, bench). */
  readonly feeds?: FeedFactory;
  /** Folder of the replayed candle files (tests). */
  readonly marketDataDir?: string;
  /** Told each processed candle's duration in ms, inputs → stored decision → events (bench). */
  readonly onCycle?: (ms: number) => void;
}

export async function openRedis(url: string, keyPrefix = ''): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    keyPrefix,
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new ConfigurationError(
      `REDIS_URL: cannot connect (${error instanceof Error ? error.message : String(error)})`,
      { variable: 'REDIS_URL' },
    );
  }
  return redis;
}

export async function startServer(
  config: AppConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.dataDir);
  const db = openDatabase(config.database);
  let redis: Redis | undefined;
  let realtime: Realtime | undefined;
  let cache: ReadCache | undefined;
  let runtime: BotRuntime | undefined;
  try {
    await migrate(db);
    redis =
      config.redisUrl === undefined
        ? undefined
        : await openRedis(config.redisUrl, options.redisKeyPrefix);
    const kv = redis === undefined ? new MemoryKvStore(clock) : new RedisKvStore(redis);
    const metrics = new Metrics();
    // Live mode refuses to start without a readable wallet, an RPC and a budget (all listed).
    const liveSetup =
      config.mode === 'live'
        ? await prepareLive(config.dataDir, config.live, clock, redis && new RedisTtlCache(redis))
        : undefined;
    // Runtime events and errors go through relays: Socket.io and the logger exist only later.
    const relay: { notify: Notify; onError: (error: unknown) => void } = {
      notify: () => undefined,
      onError: () => undefined,
    };
    cache = await createReadCache({ clock, redis, keyPrefix: options.redisKeyPrefix });
    const services = createServices({
      db,
      kv,
      cache,
      clock,
      jwtSecret,
      bot: {
        mode: config.mode,
        aiProvider: config.aiProvider,
        geminiApiKey: config.geminiApiKey,
        ai: config.ai,
        runtime: config.runtime,
        live: liveSetup,
        ...(options.feeds === undefined ? {} : { feeds: options.feeds }),
      },
      notify: (room, event, payload) => {
        relay.notify(room, event, payload);
      },
      onError: (error) => {
        relay.onError(error);
      },
      ...(options.marketDataDir === undefined ? {} : { marketDataDir: options.marketDataDir }),
      onCycle: (ms) => {
        metrics.botCycle.observe(ms / 1000);
        options.onCycle?.(ms);
      },
      ...(options.readCacheTtlMs !== undefined ? { readCacheTtlMs: options.readCacheTtlMs } : {}),
      ...(options.accessTokenTtlMs !== undefined
        ? { accessTokenTtlMs: options.accessTokenTtlMs }
        : {}),
    });
    await services.revocation.restore();
    const firstAdmin = await services.users.ensureAdmin(config.admin);
    realtime = await createRealtime({
      accessTokens: services.accessTokens,
      revocation: services.revocation,
      metrics,
      clock,
      redis,
      redisNamespace: options.realtimeRedisNamespace,
      corsOrigins: config.corsOrigins,
    });
    const app = await buildApp({
      metrics,
      realtime,
      db,
      services,
      clock,
      redis,
      mode: config.mode,
      aiProvider: config.aiProvider,
      corsOrigins: config.corsOrigins,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      ...(options.rateLimitPerMinute !== undefined
        ? { rateLimitPerMinute: options.rateLimitPerMinute }
        : {}),
    });
    realtime.attach(app.server, app.log);
    const live = realtime;
    relay.notify = (room, event, payload) => {
      live.emit(room, event, payload);
    };
    relay.onError = (error) => {
      app.log.error({ err: error }, 'bot runtime error');
    };
    const url = await app.listen({ port: config.port, host: config.host });
    runtime = services.runtime;
    const botRuntime = runtime;
    botRuntime.stateListener = () => {
      void services.bot.status({ mode: config.mode, provider: config.aiProvider }).then(
        (status) =>
          live.emit(rooms.bot(status.botId), 'bot:status', { ...status, ts: clock.now() }),
        (error: unknown) => {
          relay.onError(error);
        },
      );
    };
    // Resumes a bot its owner left running (after a crash or a deploy).
    await botRuntime.init();
    const openRedisClient = redis;
    const openRealtime = realtime;
    const openCache = cache;
    return {
      app,
      services,
      db,
      url,
      firstAdmin,
      realtime,
      async close() {
        // The loop first (it writes and emits), then sockets: the HTTP server cannot finish
        // closing while WebSockets hold it open.
        await botRuntime.close();
        await openRealtime.close();
        await app.close();
        await openCache.close();
        openRedisClient?.disconnect();
        await db.close();
      },
    };
  } catch (error) {
    await runtime?.close();
    await realtime?.close();
    await cache?.close();
    redis?.disconnect();
    await db.close();
    throw error;
  }
}
