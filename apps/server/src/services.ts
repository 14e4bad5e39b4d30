/**
 * Builds the repositories and services from the ports (database, key-value store, clock, secret).
 * The same services serve REST, Socket.io and the CLI.
 */
import type { Clock } from '@numerusx/core';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService } from './auth/auth.service.js';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository.js';
import { TokenRevocation } from './auth/revocation.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { MemoryReadCache } from './cache/memory-cache.js';
import type { ReadCache } from './cache/read-cache.js';
import type { Db } from './db/database.js';
import type { KvStore } from './kv/kv-store.js';
import { createModuleServices, type ModuleServices } from './modules.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

export interface ServicePorts {
  readonly db: Db;
  readonly kv: KvStore;
  readonly clock: Clock;
  readonly jwtSecret: string;
  /** Access-token lifetime; 15 minutes unless a test shortens it. */
  readonly accessTokenTtlMs?: number;
  /**
   * Cache of hot reads; an in-process one if unset (the CLI: one short-lived process). A server
   * sharing its database with other instances passes the Redis-invalidated one (createReadCache).
   */
  readonly cache?: ReadCache;
  /** How long a cached read may be served when no writer invalidates it (2 s by default). */
  readonly readCacheTtlMs?: number;
  /** Replayed candle files (GET /market/*, backtests); the repository's datasets/market/ if unset. */
  readonly marketDataDir?: string;
  /** The bot runtime: settings, where its events go, where its errors are reported. */
  readonly bot?: BotSettings;
  readonly notify?: Notify;
  readonly onError?: (error: unknown) => void;
  readonly onCycle?: (ms: number) => void;
}

import type { BotSettings } from './runtime/create-runtime.js';
import type { Notify } from './runtime/notify.js';
/** Accounts and audit here; the API v1 modules (bot, portfolio, trades, …) from modules.ts. */
export interface Services extends ModuleServices {
  readonly accessTokens: AccessTokens;
  readonly revocation: TokenRevocation;
  readonly audit: AuditService;
  readonly auth: AuthService;
  readonly users: UsersService;
}

export function createServices(ports: ServicePorts): Services {
  const { db, kv, clock } = ports;
  const accessTokens = new AccessTokens(ports.jwtSecret, clock, ports.accessTokenTtlMs);
  const revocation = new TokenRevocation(kv, db.kysely, clock);
  const audit = new AuditService(new AuditRepository(db.kysely), clock);
  const usersRepo = new UsersRepository(db.kysely);
  const auth = new AuthService({
    users: usersRepo,
    refreshTokens: new RefreshTokensRepository(db.kysely),
    accessTokens,
    revocation,
    audit,
    kv,
    clock,
  });
  const users = new UsersService(usersRepo, auth, audit, clock);
  const modules = createModuleServices({
    db,
    clock,
    audit,
    cache: ports.cache ?? new MemoryReadCache(clock),
    readCacheTtlMs: ports.readCacheTtlMs,
    marketDataDir: ports.marketDataDir,
    bot: ports.bot,
    notify: ports.notify,
    onError: ports.onError,
    onCycle: ports.onCycle,
  });
  return { accessTokens, revocation, audit, auth, users, ...modules };
}
