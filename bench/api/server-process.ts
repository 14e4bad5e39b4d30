// A server for the API bench, in its own process so that it does not share a core's event loop with
// autocannon or the socket clients:
//   --kind=numerusx  the real server (SQLite in a temp dir) seeded with --trades=N closed trades
//   --kind=bare      a bare Fastify route answering a fixed JSON, the peer the issue compares with
// Prints one line `READY <url> <admin password>` on stdout when listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { loadConfig, startServer } from '@numerusx/server';
import { readFlag } from '../indicators/options.js';
import { seedTrades } from './seed.js';

const argv = process.argv.slice(2);
const kind = readFlag(argv, 'kind') ?? 'numerusx';
const ADMIN_PASSWORD = 'bench-admin-password';

if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', () => ({ ok: true, ts: Date.now() }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`READY ${url} -\n`);
} else {
  const trades = Number(readFlag(argv, 'trades') ?? '100000');
  const dataDir = mkdtempSync(join(tmpdir(), 'nx-bench-'));
  const server = await startServer(
    loadConfig({
      NUMERUSX_DATA_DIR: dataDir,
      PORT: '0',
      NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
    }),
    // The bench measures the API, not its rate limiter's refusals.
    { rateLimitPerMinute: 1e9 },
  );
  await seedTrades(server.db.kysely, trades, Date.UTC(2024, 0, 1));
  process.stdout.write(`READY ${server.url} ${ADMIN_PASSWORD}\n`);
}
