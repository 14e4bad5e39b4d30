// `npm run bench` — API part. autocannon against authenticated GET /portfolio/overview and
// GET /trades?limit=50 on a database of 100,000 trades, beside a bare Fastify route, each server in
// its own process, all in this one run; then Socket.io fan-out to 2,000 authenticated clients at
// 10 broadcasts a second. Targets (the issue's): p99 < 25 ms at 50 connections and ≥ 40 % of the
// bare route's throughput.
//
//   node --import tsx bench/api/main.ts [--quick] [--out=bench/results/api.json]
import { resultHeader } from '../result-header.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlag } from '../indicators/options.js';
import { fanout } from './fanout.js';
import { load, type LoadResult } from './http-load.js';
import { login, spawnServer } from './spawn-server.js';

const argv = process.argv.slice(2);
const quick = readFlag(argv, 'quick') !== undefined;
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const out = readFlag(argv, 'out') ?? `${resultsDir}${quick ? 'api.quick.json' : 'api.json'}`;
const TRADES = quick ? 10_000 : 100_000;
const CONNECTIONS = 50;
const DURATION = quick ? 3 : 10;
const CLIENTS = quick ? 200 : 2000;
const FANOUT_SECONDS = quick ? 3 : 10;

const started = Date.now();
const bare = await spawnServer(['--kind=bare']);
const nx = await spawnServer(['--kind=numerusx', `--trades=${TRADES}`]);
try {
  const token = await login(nx.url, nx.password);
  // Warm both (JIT, SQLite page cache) before measuring.
  await load(`${bare.url}/bare`, { connections: 10, durationSec: 1 });
  for (const path of ['/api/v1/portfolio/overview', '/api/v1/trades?limit=50']) {
    await load(`${nx.url}${path}`, { connections: 10, durationSec: 1, token });
  }

  const routes: Record<string, LoadResult> = {};
  routes['bare'] = await load(`${bare.url}/bare`, {
    connections: CONNECTIONS,
    durationSec: DURATION,
  });
  process.stdout.write(`  bare fastify route       ${fmt(routes['bare'])}\n`);
  for (const [name, path] of [
    ['portfolioOverview', '/api/v1/portfolio/overview'],
    ['trades50', '/api/v1/trades?limit=50'],
  ] as const) {
    routes[name] = await load(`${nx.url}${path}`, {
      connections: CONNECTIONS,
      durationSec: DURATION,
      token,
    });
    process.stdout.write(`  ${name.padEnd(24)} ${fmt(routes[name])}\n`);
  }
  const bareRps = routes['bare'].requestsPerSec;
  const api = Object.fromEntries(
    Object.entries(routes)
      .filter(([k]) => k !== 'bare')
      .map(([k, r]) => [
        k,
        {
          ...r,
          ratioToBare: r.requestsPerSec / bareRps,
          meetsTarget:
            r.latencyMs.p99 < 25 &&
            r.requestsPerSec / bareRps >= 0.4 &&
            r.non2xx === 0 &&
            r.errors === 0,
        },
      ]),
  );

  const socket = await fanout(nx.url, token, {
    clients: CLIENTS,
    rate: 10,
    seconds: FANOUT_SECONDS,
  });
  process.stdout.write(
    `  fan-out ${socket.clients} clients × ${socket.broadcasts} broadcasts: delivered ${socket.deliveries}/${socket.expectedDeliveries}, p50 ${socket.latencyMs.p50} ms, p99 ${socket.latencyMs.p99} ms\n`,
  );

  const result = {
    ...resultHeader('api', quick, started),
    setup: { database: 'sqlite', trades: TRADES, connections: CONNECTIONS, durationSec: DURATION },
    targets: { p99Ms: 25, minRatioToBare: 0.4 },
    bare: routes['bare'],
    api,
    socket,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`  wrote ${out}\n`);
} finally {
  await Promise.all([bare.stop(), nx.stop()]);
}

function fmt(r: LoadResult): string {
  return `${Math.round(r.requestsPerSec)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}`;
}
