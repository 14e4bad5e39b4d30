/**
 * Starts a real NumerusX server on 127.0.0.1, port 0, in a temporary data dir, on a chosen backend,
 * and gives tests small fetch helpers that keep cookies like a browser would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer, type RunningServer, type StartOptions } from '../../src/index.js';
import { createPgDatabase, REDIS_TEST_URL, type Backend } from './backends.js';

export const ADMIN_PASSWORD = 'correct-horse-battery-staple';

/** A clock tests can move forward (token expiry) while time otherwise flows normally. */
export class ShiftableClock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export interface TestServer {
  readonly url: string;
  readonly api: string;
  readonly server: RunningServer;
  readonly clock: ShiftableClock;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions extends StartOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Share this database and Redis prefix with another test server (two instances, one user base). */
  readonly shareWith?: TestServer;
}

export async function startTestServer(
  backend: Backend,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = options.shareWith?.dataDir ?? mkdtempSync(join(tmpdir(), 'nx-test-'));
  const pgDb =
    options.shareWith === undefined && backend.postgres ? await createPgDatabase() : undefined;
  const sharedEnv =
    options.shareWith === undefined ? undefined : sharedEnvOf.get(options.shareWith);
  const env: Record<string, string> = {
    NUMERUSX_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...(pgDb !== undefined ? { DATABASE_URL: pgDb.url } : {}),
    ...(backend.redis ? { REDIS_URL: REDIS_TEST_URL } : {}),
    ...sharedEnv,
    ...options.env,
  };
  const clock = options.shareWith?.clock ?? new ShiftableClock();
  const prefix =
    sharedPrefix.get(options.shareWith as TestServer) ?? `nxt-${randomBytes(5).toString('hex')}:`;
  const server = await startServer(loadConfig(env), { clock, redisKeyPrefix: prefix, ...options });
  const owned = options.shareWith === undefined;
  const test: TestServer = {
    url: server.url,
    api: `${server.url}/api/v1`,
    server,
    clock,
    dataDir,
    async close() {
      await server.close();
      if (owned) {
        await pgDb?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  sharedEnvOf.set(test, {
    ...(pgDb !== undefined ? { DATABASE_URL: pgDb.url } : {}),
    ...(sharedEnv ?? {}),
  });
  sharedPrefix.set(test, prefix);
  return test;
}

const sharedEnvOf = new WeakMap<TestServer, Record<string, string>>();
const sharedPrefix = new WeakMap<TestServer, string>();

/** A browser-like client: keeps cookies, sends the bearer token and the CSRF header when asked. */
export class Client {
  readonly cookies = new Map<string, string>();
  accessToken: string | undefined;

  constructor(readonly api: string) {}

  async request(
    method: string,
    path: string,
    init: {
      body?: unknown;
      rawBody?: string;
      csrf?: boolean;
      token?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const headers: Record<string, string> = { ...init.headers };
    const token = init.token === undefined ? this.accessToken : init.token;
    if (token !== undefined && token !== null) headers['authorization'] = `Bearer ${token}`;
    if (init.body !== undefined || init.rawBody !== undefined)
      headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.csrf === true) headers['x-csrf-token'] = this.cookies.get('nx_csrf') ?? '';
    const res = await fetch(`${this.api}${path}`, {
      method,
      headers,
      ...(init.rawBody !== undefined
        ? { body: init.rawBody }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair === undefined || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    return { status: res.status, body, headers: res.headers };
  }

  async login(
    username: string,
    password: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await this.request('POST', '/auth/login', {
      body: { username, password },
      token: null,
    });
    if (r.status === 200) this.accessToken = r.body['accessToken'] as string;
    return r;
  }
}

/** Logs in as the first-start admin. */
export async function adminClient(t: TestServer): Promise<Client> {
  const c = new Client(t.api);
  const r = await c.login('admin', ADMIN_PASSWORD);
  if (r.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(r.body)}`);
  return c;
}

/** Creates a user with the role through the admin API and returns a logged-in client. */
export async function userClient(
  t: TestServer,
  admin: Client,
  username: string,
  role: 'admin' | 'trader' | 'viewer',
): Promise<Client> {
  const password = `${username}-password-long`;
  const created = await admin.request('POST', '/users', { body: { username, password, role } });
  if (created.status !== 201)
    throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
  const c = new Client(t.api);
  await c.login(username, password);
  return c;
}
