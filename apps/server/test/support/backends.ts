/**
 * The storage backends a server suite runs on: the embedded SQLite always; the PostgreSQL and Redis
 * on this machine when they answer. Under CI=true a missing one is a failure, not a skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

export const PG_ADMIN_URL =
  process.env['NUMERUSX_TEST_PG_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres';
export const REDIS_TEST_URL = process.env['NUMERUSX_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CI = process.env['CI'] === 'true';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (CI)
      throw new Error(
        `CI=true but PostgreSQL at ${PG_ADMIN_URL} does not answer: ${String(error)}`,
      );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_TEST_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    if (CI)
      throw new Error(`CI=true but Redis at ${REDIS_TEST_URL} does not answer: ${String(error)}`);
    return false;
  } finally {
    redis.disconnect();
  }
}

export const HAS_POSTGRES = await postgresAnswers();
export const HAS_REDIS = await redisAnswers();

export interface Backend {
  readonly name: string;
  readonly postgres: boolean;
  readonly redis: boolean;
}

/** SQLite alone, PostgreSQL alone, and each with Redis, as far as this machine has them. */
export const BACKENDS: readonly Backend[] = [
  { name: 'sqlite', postgres: false, redis: false },
  ...(HAS_POSTGRES ? [{ name: 'postgres', postgres: true, redis: false }] : []),
  ...(HAS_REDIS ? [{ name: 'sqlite+redis', postgres: false, redis: true }] : []),
  ...(HAS_POSTGRES && HAS_REDIS ? [{ name: 'postgres+redis', postgres: true, redis: true }] : []),
];

/** A fresh PostgreSQL database for one suite, dropped by the returned function. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `nx_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
