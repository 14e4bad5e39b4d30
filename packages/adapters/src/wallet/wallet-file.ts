/**
 * `wallet.json`: the Solana keypair sealed with AES-256-GCM under the master key. The address and
 * creation time sit in clear beside the ciphertext so `wallet show` and the readiness check need no
 * key; the address is also bound to the ciphertext as additional authenticated data, so an edited
 * address makes decryption fail instead of showing a wallet that is not the one inside.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '@numerusx/core';
import { isErrno } from './master-key.js';

export const WALLET_FILE = 'wallet.json';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12; // GCM's native nonce size; a fresh random one per seal

export interface WalletFile {
  readonly version: 1;
  /** Base58 public key. */
  readonly address: string;
  readonly cipher: typeof CIPHER;
  /** Base64. */
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
  /** ISO 8601 time of the import. */
  readonly createdAt: string;
}

export function walletPath(dataDir: string): string {
  return join(dataDir, WALLET_FILE);
}

/** The wallet file, or undefined when there is none; a file we cannot read is a ConfigurationError. */
export async function readWalletFile(dataDir: string): Promise<WalletFile | undefined> {
  const path = walletPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw corrupted(path, 'not JSON');
  }
  if (typeof data !== 'object' || data === null) throw corrupted(path, 'not an object');
  const v = data as Record<string, unknown>;
  if (v['version'] !== 1) throw corrupted(path, `unsupported version ${String(v['version'])}`);
  if (v['cipher'] !== CIPHER) throw corrupted(path, `unsupported cipher ${String(v['cipher'])}`);
  const fields = ['address', 'iv', 'tag', 'ciphertext', 'createdAt'] as const;
  const got: Partial<Record<(typeof fields)[number], string>> = {};
  for (const f of fields) {
    const value = v[f];
    if (typeof value !== 'string' || value === '') throw corrupted(path, `${f} missing`);
    got[f] = value;
  }
  return {
    version: 1,
    cipher: CIPHER,
    address: got.address!,
    iv: got.iv!,
    tag: got.tag!,
    ciphertext: got.ciphertext!,
    createdAt: got.createdAt!,
  };
}

/**
 * Writes the file atomically (a temp file in the same directory, then rename), so a crash never
 * leaves half a wallet, and with mode 0600 from its first byte.
 */
export async function writeWalletFile(dataDir: string, file: WalletFile): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = walletPath(dataDir);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o600); // open()'s mode is filtered by the umask
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return path;
}

export function seal(
  key: Buffer,
  address: string,
  plaintext: Uint8Array,
): Pick<WalletFile, 'iv' | 'tag' | 'ciphertext'> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv);
  cipher.setAAD(aad(address));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The sealed bytes; a wrong key or any edit of the file fails GCM's authentication. */
export function unseal(key: Buffer, file: WalletFile): Buffer {
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(aad(file.address));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(file.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    // Node's own message ("Unsupported state or unable to authenticate data") helps nobody.
    throw new ConfigurationError('cannot decrypt the wallet: wrong master key or corrupted file', {
      file: WALLET_FILE,
    });
  }
}

function aad(address: string): Buffer {
  return Buffer.from(`numerusx-wallet:v1:${address}`, 'utf8');
}

function corrupted(path: string, problem: string): ConfigurationError {
  return new ConfigurationError(`${path} is not a NumerusX wallet file: ${problem}`, { path });
}
