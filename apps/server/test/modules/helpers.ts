/**
 * Shared by the API v1 module suites: the backends they run on (SQLite, and the local PostgreSQL
 * when it answers — these modules do not touch Redis) and small assertion and fixture helpers.
 */
import { expect } from 'vitest';
import { BACKENDS } from '../support/backends.js';
import { adminClient, userClient, type Client, type TestServer } from '../support/server.js';

export const DB_BACKENDS = BACKENDS.filter((b) => !b.redis);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2024-01-01T00:00:00Z: fixtures at fixed dates make daily buckets deterministic. */
export const JAN_1_2024 = Date.UTC(2024, 0, 1);

export interface Clients {
  readonly admin: Client;
  readonly trader: Client;
  readonly viewer: Client;
}

/** An admin, a trader and a viewer, logged in (usernames unique per suite). */
export async function clientsFor(t: TestServer, prefix: string): Promise<Clients> {
  const admin = await adminClient(t);
  return {
    admin,
    trader: await userClient(t, admin, `${prefix}-trader`, 'trader'),
    viewer: await userClient(t, admin, `${prefix}-viewer`, 'viewer'),
  };
}

/** Asserts an error answer in the one error format. */
export function expectError(
  res: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ error: { code } });
}

/** Query strings from objects, encoded as a browser would. */
export function qs(params: Readonly<Record<string, string | number>>): string {
  const s = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  );
  return `?${s.toString()}`;
}

/** Filter values a hostile client might try: each must be refused (400) or match nothing. */
export const HOSTILE = ["' OR 1=1 --", 'SOL/USDC; DROP TABLE trades', '%', "x'--"];

/** The latest audit rows of an action, newest first, read through the admin API. */
export async function auditOf(admin: Client, action: string) {
  const r = await admin.request('GET', `/audit${qs({ action })}`);
  expect(r.status).toBe(200);
  return r.body['items'] as {
    action: string;
    outcome: string;
    actorName: string | null;
    target: string | null;
    details: Record<string, unknown> | null;
  }[];
}
