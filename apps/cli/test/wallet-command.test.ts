import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * A fresh keypair as solana-keygen writes it: 32 private bytes then 32 public, as a JSON array. The
 * address (base58) is taken from the command's own output; the adapters' tests check it is right.
 */
function keypair(): { json: string; privateHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const priv = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { json: JSON.stringify([...priv, ...pub]), privateHex: priv.toString('hex') };
}

function addressOf(stdout: string): string {
  return /imported wallet ([1-9A-HJ-NP-Za-km-z]{32,44})/.exec(stdout)?.[1] ?? 'none';
}

function env(dataDir: string, masterKey = ''): Record<string, string> {
  // An empty NUMERUSX_MASTER_KEY counts as unset: the key file is used.
  return { NUMERUSX_DATA_DIR: dataDir, NUMERUSX_MASTER_KEY: masterKey };
}

describe('numerusx wallet', () => {
  it('imports from stdin and shows the wallet, never printing the secret or the key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nx-cli-wallet-'));
    const kp = keypair();
    const imported = await runCli(['wallet', 'import'], { env: env(dataDir), stdin: kp.json });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const address = addressOf(imported.stdout);
    expect(address).not.toBe('none');
    expect(imported.stdout).toContain(`key file ${join(dataDir, 'master.key')}`);
    expect(statSync(join(dataDir, 'wallet.json')).mode & 0o777).toBe(0o600);

    const shown = await runCli(['wallet', 'show'], { env: env(dataDir) });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`address: +${address}`));
    expect(shown.stdout).toContain(join(dataDir, 'wallet.json'));
    const json = await runCli(['wallet', 'show', '--json'], { env: env(dataDir) });
    expect(JSON.parse(json.stdout)).toMatchObject({
      address: address,
      path: join(dataDir, 'wallet.json'),
      masterKey: { source: 'key-file', path: join(dataDir, 'master.key') },
    });
    expect(
      Date.parse((JSON.parse(json.stdout) as { createdAt: string }).createdAt),
    ).toBeGreaterThan(0);

    const key = readFileSync(join(dataDir, 'master.key'), 'utf8').trim();
    for (const out of [imported, shown, json]) {
      const text = out.stdout + out.stderr;
      expect(text).not.toContain(kp.json.slice(1, 40));
      expect(text).not.toContain(kp.privateHex);
      expect(text).not.toContain(key);
    }
  });

  it('refuses to overwrite a wallet without --force, and replaces it with --force', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nx-cli-wallet-'));
    const masterKey = randomBytes(32).toString('hex');
    const first = await runCli(['wallet', 'import'], {
      env: env(dataDir, masterKey),
      stdin: keypair().json,
    });
    const other = keypair();
    const refused = await runCli(['wallet', 'import'], {
      env: env(dataDir, masterKey),
      stdin: other.json,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a wallet already exists at .*--force/);
    const forced = await runCli(['wallet', 'import', '--force'], {
      env: env(dataDir, masterKey),
      stdin: other.json,
    });
    expect(forced.code).toBe(0);
    expect(addressOf(forced.stdout)).not.toBe(addressOf(first.stdout));
    const shown = await runCli(['wallet', 'show'], { env: env(dataDir, masterKey) });
    expect(shown.stdout).toContain(addressOf(forced.stdout));
    expect(forced.stdout).toContain('environment variable NUMERUSX_MASTER_KEY');
    expect(forced.stdout + forced.stderr).not.toContain(masterKey);
  });

  it('refuses a bad secret without echoing it, and an empty stdin', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nx-cli-wallet-'));
    const bad = await runCli(['wallet', 'import'], {
      env: env(dataDir),
      stdin: '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/64-byte keypair .*got 20 bytes/);
    expect(bad.stderr).not.toContain('13,14,15');
    const none = await runCli(['wallet', 'import'], { env: env(dataDir) });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no secret key on standard input');
    const show = await runCli(['wallet', 'show'], { env: env(dataDir) });
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/no wallet in .*numerusx wallet import/);
  });
});
