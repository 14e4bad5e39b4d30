import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBase58Decoder } from '@solana/kit';
import { ConfigurationError, Conflict, SimulatedClock, ValidationError } from '@numerusx/core';
import { describe, expect, it } from 'vitest';
import { checkLiveReadiness, importWallet, loadWalletSigner, walletInfo } from '../../src/index.js';

const clock = new SimulatedClock(Date.UTC(2025, 5, 1, 12));
const dir = () => mkdtempSync(join(tmpdir(), 'nx-wallet-'));
const mode = (path: string) => statSync(path).mode & 0o777;

/** A fresh ed25519 keypair as solana-keygen stores it: 32 private bytes, then 32 public bytes. */
function keypair(): { bytes: Uint8Array; json: string; base58: string; address: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const priv = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const bytes = Uint8Array.from([...priv, ...pub]);
  return {
    bytes,
    json: JSON.stringify([...bytes]),
    base58: getBase58Decoder().decode(bytes),
    address: getBase58Decoder().decode(pub),
  };
}

describe('wallet at rest', () => {
  it('imports a solana-keygen array: a 0600 file without the secret, a 0600 key file, same address back', async () => {
    const dataDir = dir();
    const kp = keypair();
    const imported = await importWallet({ dataDir, secret: kp.json, clock });
    expect(imported).toMatchObject({
      address: kp.address,
      createdAt: '2025-06-01T12:00:00.000Z',
      masterKeySource: 'key-file',
    });
    expect(mode(imported.path)).toBe(0o600);
    expect(mode(join(dataDir, 'master.key'))).toBe(0o600);
    const text = readFileSync(imported.path, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ version: 1, address: kp.address, cipher: 'aes-256-gcm' });
    const secretHalf = Buffer.from(kp.bytes.subarray(0, 32));
    for (const leak of [
      kp.json,
      kp.base58,
      secretHalf.toString('base64'),
      secretHalf.toString('hex'),
    ]) {
      expect(text).not.toContain(leak);
    }
    expect(text).not.toContain(getBase58Decoder().decode(secretHalf));
    const signer = await loadWalletSigner({ dataDir });
    expect(signer.address).toBe(kp.address);
    expect(await walletInfo(dataDir)).toEqual({
      address: kp.address,
      createdAt: '2025-06-01T12:00:00.000Z',
      path: imported.path,
    });
  });

  it('imports base58 with a key from NUMERUSX_MASTER_KEY (hex or base64) and creates no key file', async () => {
    const dataDir = dir();
    const kp = keypair();
    const key = randomBytes(32);
    await importWallet({
      dataDir,
      secret: `${kp.base58}\n`,
      masterKey: key.toString('hex'),
      clock,
    });
    expect(() => statSync(join(dataDir, 'master.key'))).toThrow();
    const signer = await loadWalletSigner({ dataDir, masterKey: key.toString('base64') });
    expect(signer.address).toBe(kp.address);
  });

  it('a wrong master key is a ConfigurationError that says so and nothing more', async () => {
    const dataDir = dir();
    const kp = keypair();
    await importWallet({
      dataDir,
      secret: kp.json,
      masterKey: randomBytes(32).toString('hex'),
      clock,
    });
    const error = await loadWalletSigner({
      dataDir,
      masterKey: randomBytes(32).toString('hex'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      'cannot decrypt the wallet: wrong master key or corrupted file',
    );
  });

  it('refuses to replace a wallet unless asked to', async () => {
    const dataDir = dir();
    await importWallet({ dataDir, secret: keypair().json, clock });
    const other = keypair();
    await expect(importWallet({ dataDir, secret: other.json, clock })).rejects.toThrow(Conflict);
    await importWallet({ dataDir, secret: other.json, clock, replace: true });
    expect((await loadWalletSigner({ dataDir })).address).toBe(other.address);
  });

  it.each([
    ['a short array', JSON.stringify([1, 2, 3]), /64-byte keypair.*got 3 bytes/],
    ['not bytes', JSON.stringify(Array.from({ length: 64 }, () => 300)), /byte values/],
    ['not base58', 'not-a-key!', /JSON array of 64 numbers .* or base58/],
    ['nothing', '  \n', /no secret key/],
  ])('refuses %s as a secret key', async (_name, secret, message) => {
    const error = await importWallet({ dataDir: dir(), secret, clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses a keypair whose public half is not its private half's", async () => {
    const a = keypair();
    const b = keypair();
    const mixed = JSON.stringify([...a.bytes.subarray(0, 32), ...b.bytes.subarray(32)]);
    const error = await importWallet({ dataDir: dir(), secret: mixed, clock }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/public half does not match its private half/);
    expect((error as Error).message).not.toContain(mixed.slice(1, 20));
  });

  it('a malformed NUMERUSX_MASTER_KEY is a ConfigurationError naming it, without its value', async () => {
    const error = await importWallet({
      dataDir: dir(),
      secret: keypair().json,
      masterKey: 'hunter2-not-a-key',
      clock,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^NUMERUSX_MASTER_KEY: must be 32 bytes/);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuses a key file readable by group or others', async () => {
    const dataDir = dir();
    await importWallet({ dataDir, secret: keypair().json, clock });
    chmodSync(join(dataDir, 'master.key'), 0o644);
    await expect(loadWalletSigner({ dataDir })).rejects.toThrow(/accessible to group or others/);
  });
});

describe('live readiness', () => {
  it('lists every reason live mode cannot start', async () => {
    const result = await checkLiveReadiness({ dataDir: dir(), masterKey: 'short' });
    expect(result.ready).toBe(false);
    expect(result.reasons).toEqual([
      expect.stringMatching(/^no wallet at .*wallet\.json: import one/),
      expect.stringMatching(/^NUMERUSX_MASTER_KEY: must be 32 bytes/),
      'SOLANA_RPC_URL is not set: live trading needs a Solana RPC endpoint',
    ]);
  });

  it('a missing key file and a bad RPC URL are reasons; a full setup is ready with its signer', async () => {
    const dataDir = dir();
    const kp = keypair();
    await importWallet({ dataDir, secret: kp.json, clock });
    // The key moves from the key file to the environment, as an operator hardening a host would.
    const key = readFileSync(join(dataDir, 'master.key'), 'utf8').trim();
    rmSync(join(dataDir, 'master.key'));
    const noKey = await checkLiveReadiness({ dataDir, rpcUrl: 'ftp://x' });
    expect(noKey.ready).toBe(false);
    expect(noKey.reasons).toEqual([
      expect.stringMatching(/^no master key: set NUMERUSX_MASTER_KEY or restore .*master\.key/),
      'SOLANA_RPC_URL must be an http(s) URL',
    ]);
    const withEnv = await checkLiveReadiness({
      dataDir,
      masterKey: key,
      rpcUrl: 'http://127.0.0.1:8899',
    });
    expect(withEnv).toMatchObject({ ready: true, reasons: [], address: kp.address });
    expect(withEnv.signer?.address).toBe(kp.address);
    const wrong = await checkLiveReadiness({
      dataDir,
      masterKey: randomBytes(32).toString('hex'),
      rpcUrl: 'http://127.0.0.1:8899',
    });
    expect(wrong.reasons).toEqual([
      'cannot decrypt the wallet: wrong master key or corrupted file',
    ]);
    expect(wrong.signer).toBeUndefined();
  });
});
