/**
 * What the browser suite needs: Debian's Chromium (a missing one fails under CI=true and skips
 * otherwise), a built dashboard, and a real NumerusX server on 127.0.0.1 in a temporary data dir
 * that can be stopped and started again on the same port and data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig, startServer, type RunningServer } from '../../../server/src/index.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'correct-horse-battery-staple';
const WEB_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Why the suite cannot run here, or null. Under CI the caller turns a reason into a failure. */
export function missingPrerequisite(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the browser suite`;
}

/** The newest modification time under `dir` (the sources of the build). */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/**
 * npm test builds the dashboard first; a direct vitest run builds it when dist/ is missing or
 * older than the sources, so the browser never tests a stale bundle.
 */
export function ensureBuilt(): void {
  const index = join(WEB_DIR, 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(WEB_DIR, 'src'))) return;
  // Vitest sets NODE_ENV=test, which Vite would keep: React's development build, not the one users get.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: WEB_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface E2EServer {
  url: string;
  port: number;
  readonly dataDir: string;
  running: RunningServer;
  /** Stops the server (sockets and HTTP) and starts a new one on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startE2EServer(accessTokenTtlMs: number): Promise<E2EServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nx-e2e-'));
  const boot = (port: number) =>
    startServer(
      loadConfig({
        NUMERUSX_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: 'silent',
        NUMERUSX_REPLAY_PACE_MS: '50',
      }),
      { accessTokenTtlMs },
    );
  let running: RunningServer | null = await boot(0);
  const port = Number(new URL(running.url).port);
  const server: E2EServer = {
    url: running.url,
    port,
    dataDir,
    running,
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      if (running !== null) await server.stop();
      running = await boot(port);
      server.running = running;
      server.url = running.url;
    },
    async close() {
      await running?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
