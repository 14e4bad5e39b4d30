// `npm run bench` — runtime part. The target: one full cycle of the bot with the rules
// provider (a closed candle in → order manager, strategy and regime → books written → decision
// stored → `ai:decision` sent; for a buy or sell also the risk gate, the order and its write) has a
// p99 under 20 ms. The real server runs in this process (SQLite in a temp dir, the replay feed of
// the shipped SOL/USDT 1h candles at a small pace so that cycles never queue behind each other), the
// bot is configured and started through the API, one Socket.io client listens in its room, and
// `startServer`'s `onCycle` reports each cycle's duration. After a warm-up, N cycles are measured.
//
// Peer, measured in the same run and process, interleaved with the cycles (one call in the idle gap
// after each cycle): a bare better-sqlite3 transaction inserting one ai_decisions row and one
// portfolio_snapshots row into a file like the server's (peer.ts), the database floor of a cycle.
//
//   node --import tsx bench/runtime/main.ts [--quick] [--cycles=N] [--warmup=N] [--pace=MS]
//                                           [--out=bench/results/runtime.json]
import { resultHeader } from '../result-header.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer, type RunningServer } from '@numerusx/server';
import { readFlag } from '../indicators/options.js';
import { log } from '../indicators/results.js';
import { ApiClient, listenToBot, type BotListener } from './client.js';
import { createPeerFile, openPeer, readTemplate, type Peer } from './peer.js';
import { fmtStats, latencyStats } from './stats.js';

const TARGET_P99_MS = 20;
const BOT_ID = 'default';
const ADMIN_PASSWORD = 'bench-admin-password';
// With its defaults `momentum` proposes a trade about once in 500 candles; RSI levels at 50 and a
// low minimum confidence make a few percent of the cycles buy or sell (risk gate, order, fills,
// trades, second transaction), so that the heavier path is measured too.
const STRATEGY_PARAMS = { oversold: 50, overbought: 50 };
const CONFIG = {
  strategy: { id: 'momentum', params: STRATEGY_PARAMS },
  pairs: ['SOL/USDT'],
  timeframe: '1h',
  risk: { minConfidence: 0.3 },
};

const argv = process.argv.slice(2);
const quick = readFlag(argv, 'quick') !== undefined;
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const out =
  readFlag(argv, 'out') ?? `${resultsDir}${quick ? 'runtime.quick.json' : 'runtime.json'}`;
const CYCLES = intFlag('cycles', quick ? 200 : 1000, 10);
const WARMUP = intFlag('warmup', 50, 0);
const PACE_MS = intFlag('pace', 20, 0);

function intFlag(name: string, fallback: number, min: number): number {
  const raw = readFlag(argv, name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return v;
}

const started = Date.now();
const dataDir = mkdtempSync(join(os.tmpdir(), 'nx-bench-runtime-'));
const peerFile = join(dataDir, 'peer', 'peer.sqlite');
mkdirSync(dirname(peerFile), { recursive: true });
await createPeerFile(peerFile);

// Every cycle's duration, in order (warm-up included), and the peer's, one per measured cycle.
const allCycles: number[] = [];
const peerSamples: number[] = [];
let peer: Peer | undefined;
let measuredFrom = Number.NaN;
let measuredTo = Number.NaN;
let finish: () => void = () => undefined;
const finished = new Promise<void>((resolve) => {
  finish = resolve;
});
let serverFile = '';

// GC pauses inside the measured window (they land in whichever cycle they interrupt), and when
// each measured cycle ran, to tell how many of the slowest cycles a GC pause fell into.
const gcPauses: { start: number; ms: number }[] = [];
const cycleEnds: number[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.startTime >= measuredFrom && !(e.startTime > measuredTo))
      gcPauses.push({ start: e.startTime, ms: e.duration });
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

function onCycle(ms: number): void {
  const n = allCycles.push(ms);
  if (n === WARMUP + 1) measuredFrom = performance.now() - ms;
  if (n === WARMUP + CYCLES) {
    measuredTo = performance.now();
    finish();
  }
  const measured = n > WARMUP && n <= WARMUP + CYCLES;
  if (measured) cycleEnds.push(performance.now());
  // The peer's call runs in the idle gap after the cycle (the next candle is PACE_MS away), on
  // the same machine at the same moment; during the warm-up too, unrecorded, to warm it the same.
  setImmediate(() => {
    if (peer === undefined) {
      const template = readTemplate(serverFile);
      if (template === undefined) return;
      peer = openPeer(peerFile, template);
    }
    const peerMs = peer.once(Date.now());
    if (measured) peerSamples.push(peerMs);
  });
}

const config = loadConfig({
  NUMERUSX_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
  LOG_LEVEL: 'silent',
  NUMERUSX_REPLAY_PACE_MS: String(PACE_MS),
});
if (config.database.kind !== 'sqlite') throw new Error('the runtime bench expects SQLite');
serverFile = config.database.file;
const server: RunningServer = await startServer(config, { onCycle });
let listener: BotListener | undefined;
try {
  const api = new ApiClient(server.url);
  const token = await api.login(ADMIN_PASSWORD);
  listener = await listenToBot(server.url, token, BOT_ID);
  await api.request('PUT', '/bot/config', CONFIG);
  await api.request('POST', '/bot/start', {});
  log(
    `  bot started: ${CONFIG.strategy.id} on ${CONFIG.pairs.join(', ')} ${CONFIG.timeframe}, ` +
      `replay pace ${PACE_MS} ms; ${WARMUP} warm-up + ${CYCLES} measured cycles`,
  );

  const expectedMs = (WARMUP + CYCLES) * Math.max(PACE_MS, 5);
  const deadlineMs = 60_000 + 5 * expectedMs;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    finished,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new Error(
            `only ${allCycles.length} of ${WARMUP + CYCLES} cycles in ${deadlineMs / 1000} s`,
          ),
        );
      }, deadlineMs);
    }),
  ]);
  clearTimeout(timer);
  await api.request('POST', '/bot/stop', {});
  // Let the last events arrive (the bot may have run a cycle or two more before it stopped).
  const wanted = WARMUP + CYCLES;
  for (let i = 0; i < 50 && listener.decisions.size < wanted; i++) await sleep(100);
  await sleep(200);

  const cycles = allCycles.slice(WARMUP, WARMUP + CYCLES);
  const cycleStats = latencyStats(cycles);
  const peerStats = latencyStats(peerSamples);
  const totalMs = cycles.reduce((a, b) => a + b, 0);
  const wallSec = (measuredTo - measuredFrom) / 1000;

  // The k-th decision (by id) is the k-th cycle's: one bot, one decision per cycle, in order.
  const ids = [...listener.decisions.keys()].sort((a, b) => a - b);
  const measuredIds = ids.slice(WARMUP, WARMUP + CYCLES);
  const byAction: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const holdMs: number[] = [];
  const tradeMs: number[] = [];
  measuredIds.forEach((id, i) => {
    const d = listener?.decisions.get(id);
    if (d === undefined) return;
    byAction[d.action] = (byAction[d.action] ?? 0) + 1;
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    (d.action === 'hold' ? holdMs : tradeMs).push(cycles[i]!);
  });

  // The slowest 1 % (at or above the p99): how many had a GC pause start inside them.
  const slow = cycles
    .map((ms, i) => ({ ms, end: cycleEnds[i]! }))
    .filter((c) => c.ms >= cycleStats.p99);
  const slowWithGc = slow.filter((c) =>
    gcPauses.some((g) => g.start >= c.end - c.ms && g.start <= c.end),
  ).length;

  const result = {
    ...resultHeader('runtime', quick, started),
    setup: {
      database: 'sqlite',
      provider: config.aiProvider,
      strategy: CONFIG.strategy.id,
      strategyParams: STRATEGY_PARAMS,
      pairs: CONFIG.pairs,
      timeframe: CONFIG.timeframe,
      risk: CONFIG.risk,
      replayPaceMs: PACE_MS,
      warmupCycles: WARMUP,
      cycles: CYCLES,
      socketClients: 1,
      cycle:
        'startServer onCycle: from the candle event taken off the feed to the end of its processing ' +
        '(order manager, strategy, regime, books written, rules provider, decision stored, ' +
        'ai:decision emitted; for buy/sell the risk gate, the order, its write and events; outcomes)',
      peer:
        'better-sqlite3 transaction inserting one ai_decisions row and one portfolio_snapshots row ' +
        '(copied from the bot’s own) into a migrated file with the server’s pragmas (WAL, ' +
        'synchronous NORMAL), one call after each cycle in the same process',
    },
    target: { p99Ms: TARGET_P99_MS, met: cycleStats.p99 < TARGET_P99_MS },
    cycle: {
      ...cycleStats,
      // Back to back (the sum of the cycles' own durations), and as paced by the replay.
      cyclesPerSec: (cycles.length * 1000) / totalMs,
      pacedCyclesPerSec: cycles.length / wallSec,
    },
    peer: peerStats,
    ratio: {
      p99: cycleStats.p99 / peerStats.p99,
      p50: cycleStats.p50 / peerStats.p50,
    },
    byKind: {
      hold: latencyStats(holdMs),
      buySell: latencyStats(tradeMs),
    },
    decisions: {
      seen: measuredIds.length,
      byAction,
      byStatus,
    },
    events: Object.fromEntries([...listener.events].sort(([a], [b]) => a.localeCompare(b))),
    gc: {
      pauses: gcPauses.length,
      totalMs: Math.round(gcPauses.reduce((a, g) => a + g.ms, 0) * 1000) / 1000,
      maxMs: Math.round(Math.max(0, ...gcPauses.map((g) => g.ms)) * 1000) / 1000,
    },
    slowest: { cycles: slow.length, withGcPause: slowWithGc },
  };
  log(`  cycle  ${fmtStats(cycleStats)}`);
  log(`  peer   ${fmtStats(peerStats)}`);
  log(
    `  p99 ratio cycle/peer ${result.ratio.p99.toFixed(1)}; target p99 < ${TARGET_P99_MS} ms: ${result.target.met ? 'met' : 'NOT met'}`,
  );
  log(
    `  decisions ${JSON.stringify(byAction)} ${JSON.stringify(byStatus)}; gc ${result.gc.pauses} pauses, ${result.gc.totalMs} ms; ${slowWithGc} of the ${slow.length} slowest cycles had a GC pause`,
  );
  if (measuredIds.length < CYCLES)
    throw new Error(`the socket saw ${measuredIds.length} of ${CYCLES} measured decisions`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`  wrote ${out}`);
} finally {
  gcObserver.disconnect();
  listener?.close();
  await server.close();
  peer?.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
