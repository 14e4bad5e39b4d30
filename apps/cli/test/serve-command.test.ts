/**
 * `numerusx serve` (what `npm start` runs) and the account commands, as processes: the first start
 * prints a generated admin password once, the server answers, SIGTERM shuts it down cleanly.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

async function login(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe('numerusx serve', () => {
  it('first start: generated admin password shown once, works; second start shows none; SIGTERM exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nx-serve-'));
    const env = { NUMERUSX_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
    const first = await startCli(['serve'], env, LISTENING);
    const url = first.match[1]!;
    const shown = /Username: admin {2}Password: (\S+)/.exec(first.stdout());
    expect(shown).not.toBeNull();
    const password = shown![1]!;
    expect(await (await fetch(`${url}/api/v1/health/ready`)).json()).toMatchObject({
      status: 'ready',
    });
    expect(await login(url, 'admin', password)).toBe(200);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    first.child.kill('SIGTERM');
    const [code] = (await once(first.child, 'exit')) as [number | null];
    expect(code).toBe(0);

    const second = await startCli(['serve'], env, LISTENING);
    expect(second.stdout()).not.toMatch(/Password:/);
    expect(await login(second.match[1]!, 'admin', password)).toBe(200);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  });

  it('a bad setting stops start-up with a message naming the variable', async () => {
    const r = await runCli(['serve'], {
      env: { PORT: 'eighty', NUMERUSX_DATA_DIR: mkdtempSync(join(tmpdir(), 'nx-')) },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^numerusx: PORT: /);
  });

  it('live mode is refused without a budget, then without a wallet and an RPC, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-'));
    const noBudget = await runCli(['serve'], {
      env: { NUMERUSX_MODE: 'live', NUMERUSX_DATA_DIR: dir },
    });
    expect(noBudget.code).toBe(1);
    expect(noBudget.stderr).toMatch(/NUMERUSX_LIVE_BUDGET: required when NUMERUSX_MODE=live/);
    const noWallet = await runCli(['serve'], {
      env: { NUMERUSX_MODE: 'live', NUMERUSX_DATA_DIR: dir, NUMERUSX_LIVE_BUDGET: '100' },
    });
    expect(noWallet.code).toBe(1);
    expect(noWallet.stderr).toMatch(/NUMERUSX_MODE=live cannot start: .*wallet/i);
    expect(noWallet.stderr).toMatch(/SOLANA_RPC_URL/);
  });
});

describe('numerusx user and db', () => {
  it('db migrate, user add (password on stdin), list, disable; the user logs in until disabled', async () => {
    const env = {
      NUMERUSX_DATA_DIR: mkdtempSync(join(tmpdir(), 'nx-user-')),
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    expect((await runCli(['db', 'migrate'], { env })).stdout).toMatch(/applied: 0001_initial/);
    expect((await runCli(['db', 'migrate'], { env })).stdout).toMatch(/up to date/);
    const add = await runCli(['user', 'add', 'carol', '--role', 'trader'], {
      env,
      stdin: 'carols-long-password\n',
    });
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/created carol \(trader\)/);
    const weak = await runCli(['user', 'add', 'dave'], { env, stdin: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password must be 12 to 256 characters/);
    expect((await runCli(['user', 'list'], { env })).stdout).toMatch(/\tcarol\ttrader\n/);

    const server = await startCli(
      ['serve'],
      { ...env, NUMERUSX_ADMIN_PASSWORD: 'unused-admin-password' },
      LISTENING,
    );
    const url = server.match[1]!;
    expect(await login(url, 'carol', 'carols-long-password')).toBe(200);
    expect((await runCli(['user', 'disable', 'carol'], { env })).stdout).toMatch(/carol disabled/);
    expect(await login(url, 'carol', 'carols-long-password')).toBe(401);
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  });
});
