/**
 * Kill-and-restart: the real server (`numerusx serve`, a child process) runs a bot that trades
 * often on a fast replay; it is killed with SIGKILL at random moments at least 20 times and started
 * again on the same database each time. The bot resumes by itself (its desired state is `running`;
 * the dead process's lease expires after NUMERUSX_LEASE_TTL_MS). After a final clean stop the
 * database must hold no lost or duplicated order, no fill booked twice, no decision left half-done,
 * and a ledger that is exactly the sum of its fills; the API of a restarted server must agree.
 *
 * The kill times come from a seeded generator: the seed is printed, and NUMERUSX_CRASH_SEED=<seed>
 * replays the same schedule (NUMERUSX_CRASH_KILLS raises the number of kills).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { marketSpec, roundHalfEven } from '@numerusx/core';
import { openDatabase, type Db } from '../../src/db/database.js';
import { BACKENDS, createPgDatabase, type Backend } from '../support/backends.js';
import { ADMIN_PASSWORD, Client } from '../support/server.js';
import { ServerProcess } from './crash-server.js';

const KILLS = Math.max(20, Number(process.env['NUMERUSX_CRASH_KILLS'] ?? 20));
const SEED = Number(process.env['NUMERUSX_CRASH_SEED'] ?? Date.now() % 2 ** 31);
const LEASE_TTL_MS = 600;
/** The bot must be running again this long after a restart at the latest. */
const RESUME_DEADLINE_MS = 20_000;

/**
 * Trades often on the shipped SOL/USDT 1h replay (measured: ~4 orders and ~11 fills per 100
 * candles): short Donchian channels, no ATR margin, close stop and target so the position monitor
 * sells too; the circuit breakers are off so a losing streak does not stop the buying.
 */
const CONFIG = {
  strategy: {
    id: 'breakout',
    params: { entryPeriod: 5, exitPeriod: 3, confirmAtr: 0, stopAtr: 1, targetAtr: 1 },
  },
  pairs: ['SOL/USDT'],
  risk: { minConfidence: 0.3, cooldownLosses: 0, maxDrawdownPct: 1, dailyLossLimitPct: 1 },
};

const WORKING = new Set(['pending', 'open', 'partially-filled']);

/** mulberry32: a small seeded generator, so a failing kill schedule can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) =>
  new Promise<void>((r) => {
    setTimeout(r, ms);
  });

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function near(a: number, b: number, rel = 1e-9, abs = 1e-9): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

interface Status {
  readonly state: string;
  readonly instance: string | null;
  readonly cycles: number;
  readonly message: string;
}

function statusOf(body: Record<string, unknown>): Status {
  return {
    state: String(body['state']),
    instance: typeof body['instance'] === 'string' ? body['instance'] : null,
    cycles: typeof body['cycles'] === 'number' ? body['cycles'] : 0,
    message: String(body['message']),
  };
}

/** A client of `server` carrying `token` (the JWT secret is kept in the data dir across restarts). */
async function clientOf(server: ServerProcess, token: string | undefined): Promise<Client> {
  const c = new Client(server.api);
  c.accessToken = token;
  if (token === undefined || (await c.request('GET', '/auth/me')).status !== 200) {
    const r = await c.login('admin', ADMIN_PASSWORD);
    if (r.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(r.body)}`);
  }
  return c;
}

/** Polls /bot/status until the bot runs on `server` (its pid in the lease holder). */
async function waitRunning(server: ServerProcess, c: Client, what: string): Promise<Status> {
  const pid = server.child.pid;
  const deadline = Date.now() + RESUME_DEADLINE_MS;
  let last: Status | undefined;
  while (Date.now() < deadline) {
    const r = await c.request('GET', '/bot/status');
    if (r.status === 200) {
      last = statusOf(r.body);
      if (last.state === 'running' && last.instance?.includes(`:${String(pid)}:`) === true) {
        return last;
      }
      if (last.state === 'error') break;
    }
    await sleep(50);
  }
  throw new Error(
    `${what}: the bot did not resume within ${RESUME_DEADLINE_MS} ms (seed ${SEED}); ` +
      `last status ${JSON.stringify(last)}\n${server.output()}`,
  );
}

interface RunReport {
  kills: number;
  readonly cyclesPerRun: number[];
  /** From the kill's exit to the new server listening, and to the bot running on it. */
  readonly readyMs: number[];
  readonly resumeMs: number[];
  /** Restarts whose process had loaded its modules before it was told to start. */
  preloaded: number;
  ms: number;
}

interface Counts {
  decisions: number;
  executed: number;
  failed: number;
  orders: number;
  fills: number;
  closedTrades: number;
  /** From the bot's own log: restarts that found work half-done, and what they did with it. */
  recoveries: number;
  replaced: number;
  cancelled: number;
  interrupted: number;
  resumed: number;
  /** Why decisions ended FAILED (an interrupted one says so), with how many. */
  failedWhy: Record<string, number>;
}

describe('kill -9 and restart', () => {
  const live = new Set<ServerProcess>();
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const s of live) await s.kill('SIGKILL');
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  async function setUp(b: Backend) {
    const dataDir = mkdtempSync(join(tmpdir(), 'nx-crash-'));
    cleanups.push(() => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const pg = b.postgres ? await createPgDatabase() : undefined;
    if (pg !== undefined) cleanups.push(pg.drop);
    const env: Record<string, string> = {
      PORT: '0',
      HOST: '127.0.0.1',
      NUMERUSX_DATA_DIR: dataDir,
      NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      NUMERUSX_REPLAY_PACE_MS: '5',
      NUMERUSX_LEASE_TTL_MS: String(LEASE_TTL_MS),
      NUMERUSX_AI_PROVIDER: 'rules',
      NUMERUSX_MODE: 'paper',
      ...(pg === undefined ? {} : { DATABASE_URL: pg.url }),
    };
    /** A new process (see crash-server.ts for `warm`); serving once its ready() resolves. */
    const spawn = (warm: boolean): ServerProcess => {
      const s = new ServerProcess(env, { warm });
      live.add(s);
      void s.exited.then(() => live.delete(s));
      return s;
    };
    const start = (): Promise<ServerProcess> => spawn(false).ready();
    const open = (): Db =>
      openDatabase(
        pg === undefined
          ? { kind: 'sqlite', file: join(dataDir, 'numerusx.db') }
          : { kind: 'postgres', url: pg.url },
      );
    return { spawn, start, open };
  }

  // The backends run side by side: each run is mostly waiting for its process to start.
  it.concurrent.each(BACKENDS.filter((b) => !b.redis))(
    `on $name: survives ${KILLS} SIGKILLs at random moments, no order lost or doubled, the ledger adds up`,
    async (backend) => {
      const began = Date.now();
      const random = rng(SEED + (backend.postgres ? 1 : 0));
      console.log(`[crash ${backend.name}] seed ${SEED} (NUMERUSX_CRASH_SEED=${SEED} replays it)`);
      const { spawn, start, open } = await setUp(backend);

      // First run: configure a bot that trades often and start it.
      let server = await start();
      // The next processes load their modules while this one runs (two ahead: loading takes a
      // few seconds on a busy machine); each starts only once the killed one is gone (see
      // crash-server.ts), so a restart is a cold start minus the module loading.
      const warm = [spawn(true), spawn(true)];
      let c = await clientOf(server, undefined);
      const put = await c.request('PUT', '/bot/config', { body: CONFIG });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const started = await c.request('POST', '/bot/start', { body: { reason: 'crash test' } });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      await waitRunning(server, c, 'first start');

      const report: RunReport = {
        kills: 0,
        cyclesPerRun: [],
        readyMs: [],
        resumeMs: [],
        preloaded: 0,
        ms: 0,
      };
      for (let k = 1; k <= KILLS; k++) {
        await sleep(150 + Math.floor(random() * 750));
        const before = await c.request('GET', '/bot/status');
        const s = statusOf(before.body);
        expect(s.state, `kill ${k}: the bot should be running before the kill`).toBe('running');
        report.cyclesPerRun.push(s.cycles);
        const how = await server.kill('SIGKILL');
        expect(how).toBe('SIGKILL');
        report.kills++;
        const restartAt = Date.now();
        server = await warm.shift()!.ready();
        report.readyMs.push(Date.now() - restartAt);
        if (server.loaded) report.preloaded++;
        warm.push(spawn(true));
        c = await clientOf(server, c.accessToken);
        await waitRunning(server, c, `restart after kill ${k}`);
        report.resumeMs.push(Date.now() - restartAt);
      }

      for (const w of warm) await w.kill('SIGKILL');

      // Let the last run trade a little, then stop it the way a user does.
      await sleep(400);
      report.cyclesPerRun.push(statusOf((await c.request('GET', '/bot/status')).body).cycles);
      const stopped = await c.request('POST', '/bot/stop', {
        body: { reason: 'end of crash test' },
      });
      expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
      expect(statusOf(stopped.body).state).toBe('stopped');
      expect(await server.kill('SIGTERM')).toBe('code 0');

      const db = open();
      let counts: Counts;
      try {
        counts = await checkInvariants(db);
      } finally {
        await db.close();
      }

      // A restarted server leaves the stopped bot stopped, and its API tells the stored truth.
      server = await start();
      c = await clientOf(server, c.accessToken);
      await sleep(LEASE_TTL_MS); // time for a (wrong) resume to show
      const status = statusOf((await c.request('GET', '/bot/status')).body);
      expect(status.state).toBe('stopped');
      const overview = await c.request('GET', '/portfolio/overview');
      expect(overview.status).toBe(200);
      const db2 = open();
      try {
        await checkOverview(db2, overview.body);
      } finally {
        await db2.close();
      }
      expect(await server.kill('SIGTERM')).toBe('code 0');

      report.ms = Date.now() - began;
      const runs = report.cyclesPerRun;
      console.log(
        `[crash ${backend.name}] seed ${SEED}: ${report.kills} kills in ${(report.ms / 1000).toFixed(1)} s; ` +
          `listening after ${median(report.readyMs)} ms, running after ${median(report.resumeMs)} ms (medians; max ${Math.max(...report.resumeMs)}; ${report.preloaded} preloaded); ` +
          `candles per run ${runs.join(',')}; ${JSON.stringify(counts)}`,
      );
      // The test could have failed: the runs traded, and most runs got to process candles.
      expect(report.kills).toBeGreaterThanOrEqual(20);
      expect(runs.filter((n) => n > 0).length).toBeGreaterThanOrEqual(Math.floor(runs.length / 2));
      expect(counts.decisions).toBeGreaterThanOrEqual(100);
      expect(counts.executed).toBeGreaterThanOrEqual(3);
      expect(counts.orders).toBeGreaterThanOrEqual(3);
      expect(counts.fills).toBeGreaterThanOrEqual(3);
    },
    240_000,
  );
});

/** Reads the whole record of the bot and asserts what a user relies on. Returns the counts. */
async function checkInvariants(db: Db): Promise<Counts> {
  const k = db.kysely;
  const [runtime] = await k.selectFrom('bot_runtime').selectAll().execute();
  expect(runtime, 'the bot has its runtime row').toBeDefined();
  const capital = runtime!.capital;
  expect(runtime!.desired_state).toBe('stopped');
  const orders = await k.selectFrom('orders').selectAll().orderBy('id').execute();
  const fills = await k.selectFrom('fills').selectAll().orderBy('id').execute();
  const decisions = await k
    .selectFrom('ai_decisions')
    .select(['id', 'status', 'order_id', 'action', 'risk_verdict'])
    .orderBy('id')
    .execute();
  const trades = await k.selectFrom('trades').selectAll().orderBy('id').execute();
  const positions = await k.selectFrom('positions').selectAll().execute();
  const snapshots = await k
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .orderBy('ts', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  // The row written last: market time only moves forward, so it must be the latest by ts too.
  const lastWritten = await k
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const errors = await k
    .selectFrom('logs')
    .select(['ts', 'message'])
    .where('level', '=', 'error')
    .execute();

  const recovered = await k
    .selectFrom('logs')
    .select('message')
    .where('message', 'like', 'recovered after a restart%')
    .execute();
  const resumed = await k
    .selectFrom('logs')
    .select('id')
    .where('message', 'like', 'resumed the bot on%')
    .execute();
  const tally = { replaced: 0, cancelled: 0, interrupted: 0 };
  for (const { message } of recovered) {
    const m = /(\d+) working order\(s\) placed again, (\d+) cancelled, (\d+) interrupted/.exec(
      message,
    );
    tally.replaced += Number(m?.[1] ?? 0);
    tally.cancelled += Number(m?.[2] ?? 0);
    tally.interrupted += Number(m?.[3] ?? 0);
  }

  // Nothing the bot itself reported as wrong (e.g. books rebuilt from fills ≠ stored positions).
  expect(errors, JSON.stringify(errors)).toEqual([]);

  // --- no duplicated order -----------------------------------------------------------------------
  const byId = new Map(orders.map((o) => [o.id, o]));
  expect(new Set(orders.map((o) => o.client_id)).size, 'client ids are unique').toBe(orders.length);
  const perDecision = new Map<number, number[]>();
  for (const o of orders) {
    if (o.source !== 'bot' || o.decision_id === null) continue;
    perDecision.set(o.decision_id, [...(perDecision.get(o.decision_id) ?? []), o.id]);
  }
  const doubled = [...perDecision].filter(([, ids]) => ids.length > 1);
  expect(doubled, 'a decision placed more than one order').toEqual([]);
  const fillKeys = new Set(fills.map((f) => `${f.order_id}#${f.seq}`));
  expect(fillKeys.size, 'a fill (order_id, seq) was booked twice').toBe(fills.length);

  // --- nothing lost --------------------------------------------------------------------------------
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  const pending = decisions.filter((d) => d.status === 'PENDING');
  expect(pending, 'decisions left PENDING after a clean stop').toEqual([]);
  for (const d of decisions) {
    if (d.status !== 'EXECUTED') continue;
    expect(d.order_id, `EXECUTED decision ${d.id} without an order`).not.toBeNull();
    const o = byId.get(d.order_id!);
    expect(o, `EXECUTED decision ${d.id} points at missing order ${d.order_id}`).toBeDefined();
    expect(o!.decision_id, `order ${o!.id} does not name decision ${d.id}`).toBe(d.id);
  }
  for (const [decisionId, [orderId]] of perDecision) {
    const d = decisionById.get(decisionId);
    expect(d, `order ${orderId} names missing decision ${decisionId}`).toBeDefined();
    expect(d!.status, `order ${orderId} of decision ${decisionId}`).toBe('EXECUTED');
    expect(d!.order_id).toBe(orderId);
  }
  const fillsOf = new Map<number, typeof fills>();
  for (const f of fills) {
    const o = byId.get(f.order_id);
    expect(o, `fill ${f.id} of missing order ${f.order_id}`).toBeDefined();
    expect([f.pair, f.side], `fill ${f.id} vs its order`).toEqual([o!.pair, o!.side]);
    fillsOf.set(f.order_id, [...(fillsOf.get(f.order_id) ?? []), f]);
  }
  for (const o of orders) {
    const own = fillsOf.get(o.id) ?? [];
    const filled = own.reduce((s, f) => s + f.qty, 0);
    expect(
      near(o.filled_qty, filled, 1e-9, 1e-12),
      `order ${o.id} (${o.status}): filled_qty ${o.filled_qty} ≠ Σ fills ${filled}`,
    ).toBe(true);
    expect(
      own.map((f) => f.seq).sort((a, b) => a - b),
      `order ${o.id}: fill seqs are 1..n`,
    ).toEqual(own.map((_, i) => i + 1));
    if (o.qty !== null) {
      expect(o.filled_qty, `order ${o.id} filled beyond its size`).toBeLessThanOrEqual(
        o.qty * (1 + 1e-9),
      );
    }
    if (o.quote_size !== null) {
      // A buy sized in quote spends at most its budget (cost + fee of every fill).
      const spent = own.reduce((s, f) => s + f.qty * f.price + f.fee, 0);
      expect(spent, `order ${o.id} spent beyond its quote size`).toBeLessThanOrEqual(
        o.quote_size * (1 + 1e-9) + 1e-6,
      );
    }
    if (o.status === 'filled')
      expect(o.filled_qty, `order ${o.id} filled without fills`).toBeGreaterThan(0);
    if (WORKING.has(o.status) && o.qty !== null) {
      expect(o.filled_qty).toBeLessThan(o.qty);
    }
  }

  // --- the ledger: cash and positions are the sum of the fills ----------------------------------
  const pairs = [...new Set([...fills.map((f) => f.pair), ...orders.map((o) => o.pair)])];
  const specs = new Map(pairs.map((p) => [p, marketSpec(p)]));
  const qd = specs.get(pairs[0] ?? 'SOL/USDT')?.quoteDecimals ?? 6;
  let cash = roundHalfEven(capital, qd);
  let feesPaid = 0;
  const held = new Map<string, number>();
  for (const f of fills) {
    const bd = specs.get(f.pair)!.baseDecimals;
    const q = held.get(f.pair) ?? 0;
    if (f.side === 'buy') {
      cash = roundHalfEven(cash - f.qty * f.price - f.fee, qd) + 0;
      held.set(f.pair, roundHalfEven(q + f.qty, bd));
    } else {
      cash = roundHalfEven(cash + f.qty * f.price - f.fee, qd) + 0;
      held.set(f.pair, roundHalfEven(q - f.qty, bd) + 0);
    }
    feesPaid += f.fee;
    expect(cash, `cash went negative at fill ${f.id}`).toBeGreaterThanOrEqual(0);
    expect(held.get(f.pair), `sold more than held at fill ${f.id}`).toBeGreaterThanOrEqual(0);
  }
  const snap = snapshots[0];
  if (fills.length > 0) expect(snap, 'fills but no portfolio snapshot').toBeDefined();
  if (snap !== undefined) {
    expect(lastWritten?.id, 'the latest snapshot by time is the last one written').toBe(snap.id);
    expect(snap.cash, 'snapshot cash vs Σ fills').toBeCloseTo(cash, 6);
    expect(snap.fees, 'snapshot fees vs Σ fills').toBeCloseTo(feesPaid, 6);
    expect(snap.equity, 'equity = cash + positions value').toBeCloseTo(
      snap.cash + snap.positions_value,
      6,
    );
    const realized = trades.filter((t) => t.exit_ts !== null).reduce((s, t) => s + (t.pnl ?? 0), 0);
    expect(snap.realized_pnl, 'snapshot realized pnl vs Σ closed trades').toBeCloseTo(realized, 6);
    const positionsRealized = positions.reduce((s, p) => s + p.realized_pnl, 0);
    expect(positionsRealized, 'Σ positions realized pnl vs Σ closed trades').toBeCloseTo(
      realized,
      6,
    );
  }
  for (const pair of pairs) {
    const row = positions.find((p) => p.pair === pair);
    const qty = held.get(pair) ?? 0;
    if (row === undefined) {
      expect(qty, `${pair}: held ${qty} from fills but no position row`).toBe(0);
      continue;
    }
    expect(row.qty, `${pair}: position qty vs Σ fills`).toBeCloseTo(qty, 9);
    const open = trades.filter((t) => t.pair === pair && t.exit_ts === null);
    expect(open.length, `${pair}: open trade rows`).toBe(qty > 0 ? 1 : 0);
    if (qty > 0) expect(open[0]!.qty, `${pair}: open trade qty`).toBeCloseTo(qty, 9);
  }

  const failedWhy: Record<string, number> = {};
  for (const d of decisions) {
    if (d.status !== 'FAILED') continue;
    const why = failureOf(d.risk_verdict);
    failedWhy[why] = (failedWhy[why] ?? 0) + 1;
  }
  return {
    decisions: decisions.length,
    executed: decisions.filter((d) => d.status === 'EXECUTED').length,
    failed: decisions.filter((d) => d.status === 'FAILED').length,
    orders: orders.length,
    fills: fills.length,
    closedTrades: trades.filter((t) => t.exit_ts !== null).length,
    recoveries: recovered.length,
    ...tally,
    resumed: resumed.length,
    failedWhy,
  };
}

/** GET /portfolio/overview of a restarted server vs the latest snapshot and position rows. */
async function checkOverview(db: Db, body: Record<string, unknown>): Promise<void> {
  const k = db.kysely;
  const snap = await k
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .orderBy('ts', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const positions = await k.selectFrom('positions').selectAll().execute();
  expect(body['hasData']).toBe(snap !== undefined);
  if (snap === undefined) return;
  expect(body).toMatchObject({
    asOf: snap.ts,
    cash: snap.cash,
    equity: snap.equity,
    positionsValue: snap.positions_value,
    realizedPnl: snap.realized_pnl,
    fees: snap.fees,
  });
  const shown = body['positions'] as { asset: string; qty: number }[];
  for (const p of positions) {
    expect(shown.find((s) => s.asset === p.asset)?.qty ?? 0, `${p.asset} in the overview`).toBe(
      p.qty,
    );
  }
}

/** The error a FAILED decision's risk verdict records, shortened to group alike ones. */
function failureOf(verdict: string | null): string {
  try {
    const doc: unknown = JSON.parse(verdict ?? '{}');
    const error =
      typeof doc === 'object' && doc !== null && 'error' in doc ? String(doc.error) : 'unknown';
    return error.replace(/[\d.]+/g, 'N').slice(0, 80);
  } catch {
    return 'unreadable verdict';
  }
}
