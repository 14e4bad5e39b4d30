/**
 * The 32-byte master key that encrypts the wallet at rest. It comes from the environment
 * (`NUMERUSX_MASTER_KEY`, so an operator can keep it out of the data dir entirely, e.g. in a secret
 * manager) or else from `master.key` in the data dir, created on first import. The key is never
 * printed, logged or put in an error message; errors name the variable or the file instead.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '@numerusx/core';

export const MASTER_KEY_ENV = 'NUMERUSX_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';

export type MasterKeySource = 'env' | 'key-file';

export interface MasterKey {
  /** 32 bytes. Holders should not keep it longer than one encryption or decryption. */
  readonly key: Buffer;
  readonly source: MasterKeySource;
  /** The key file, when source is `key-file`. */
  readonly path?: string;
}

export interface MasterKeyOptions {
  readonly dataDir: string;
  /**
   * The value of NUMERUSX_MASTER_KEY as the caller read it (e.g. `process.env.NUMERUSX_MASTER_KEY`);
   * undefined or empty means "use the key file". Passed in rather than read here, so a test or a
   * server with its own config object decides where it comes from.
   */
  readonly masterKey?: string | undefined;
}

/** 64 hex characters, or base64 (standard or url-safe, padded or not) of exactly 32 bytes. */
export function parseMasterKey(value: string, origin: string = MASTER_KEY_ENV): Buffer {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === 32) return bytes;
  }
  // The value itself is never echoed: it may be a real key with a typo.
  throw new ConfigurationError(
    `${origin}: must be 32 bytes as 64 hex characters or base64 (e.g. \`openssl rand -hex 32\`)`,
    origin === MASTER_KEY_ENV ? { variable: MASTER_KEY_ENV } : { path: origin },
  );
}

export function masterKeyPath(dataDir: string): string {
  return join(dataDir, MASTER_KEY_FILE);
}

/**
 * Where the key would come from, without reading it: what `numerusx wallet show` and the readiness
 * check report.
 */
export function masterKeySource(opts: MasterKeyOptions): {
  source: MasterKeySource;
  path?: string;
} {
  if (envValue(opts) !== undefined) return { source: 'env' };
  return { source: 'key-file', path: masterKeyPath(opts.dataDir) };
}

/**
 * Reads the master key. With `create`, a missing key file is generated (32 random bytes, mode
 * 0600); without it, a missing key file is a ConfigurationError, because a fresh key could never
 * decrypt a wallet sealed with the old one.
 */
export async function resolveMasterKey(
  opts: MasterKeyOptions & { readonly create?: boolean },
): Promise<MasterKey> {
  const env = envValue(opts);
  if (env !== undefined) return { key: parseMasterKey(env), source: 'env' };
  const path = masterKeyPath(opts.dataDir);
  const existing = await readKeyFile(path);
  if (existing !== undefined) return { key: existing, source: 'key-file', path };
  if (opts.create !== true) {
    throw new ConfigurationError(
      `no master key: set ${MASTER_KEY_ENV} or restore ${path} (the key the wallet was imported with)`,
      { variable: MASTER_KEY_ENV, path },
    );
  }
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // 'wx': never overwrite a key file another process created meanwhile; it may seal a wallet.
    await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (isErrno(error, 'EEXIST')) {
      const raced = await readKeyFile(path);
      if (raced !== undefined) return { key: raced, source: 'key-file', path };
    }
    throw error;
  }
  // The mode passed to open() is filtered by the umask; make sure it is exactly 0600.
  await chmod(path, 0o600);
  return { key, source: 'key-file', path };
}

/** The key in `path`, undefined if there is no such file; refuses a file others can read. */
async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  // POSIX permissions only; Windows reports synthetic modes that say nothing about access.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new ConfigurationError(
      `${path} is accessible to group or others (mode ${(mode & 0o777).toString(8)}); ` +
        `run \`chmod 600 ${path}\` if it is yours, or replace it`,
      { path },
    );
  }
  return parseMasterKey(await readFile(path, 'utf8'), path);
}

function envValue(opts: MasterKeyOptions): string | undefined {
  const v = opts.masterKey;
  return v === undefined || v.trim() === '' ? undefined : v;
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
