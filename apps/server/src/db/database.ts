/**
 * The database behind the stores: Kysely over better-sqlite3 (the embedded default: WAL, foreign
 * keys, busy timeout) or over pg with a pool when DATABASE_URL is postgres://. Migrations run here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { ConfigurationError, TemporaryError } from '@numerusx/core';
import type { DatabaseConfig } from '../config.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type DatabaseKind = DatabaseConfig['kind'];

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Names of migrations not yet applied (empty: up to date). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (our ms timestamps and ids) as strings by default; they fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openDatabase(config: DatabaseConfig): Db {
  const kysely =
    config.kind === 'sqlite'
      ? new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(config.file) }) })
      : new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPgPool(config.url) }) });
  const migrator = new Migrator({ db: kysely, provider: migrationProvider(config.kind) });
  return {
    kysely,
    kind: config.kind,
    async ping() {
      try {
        await sql`select 1`.execute(kysely);
        return true;
      } catch {
        return false;
      }
    },
    async pendingMigrations() {
      const all = await migrator.getMigrations();
      return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
    },
    close: () => kysely.destroy(),
  };
}

/**
 * An idle pooled connection that the server ends (restart, failover, an admin terminating it)
 * emits 'error' on the pool; unheard, that event would crash the process. The pool has already
 * dropped the connection and opens a new one on the next query, so it is only reported.
 */
function openPgPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`);
  });
  return pool;
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.kind) });
  let result;
  try {
    result = await migrator.migrateToLatest();
  } catch (error) {
    throw new TemporaryError(`database unreachable: ${describe(error)}`);
  }
  if (result.error !== undefined) {
    throw new ConfigurationError(`database migration failed: ${describe(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
