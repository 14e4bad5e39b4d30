/**
 * The live-trading wallet: import a Solana keypair once (encrypted at rest), describe it without the
 * key, and load it as a kit signer when live mode starts. The secret never leaves these functions
 * except inside a non-extractable WebCrypto key, and no message ever contains it.
 */
import { createKeyPairSignerFromBytes, getBase58Encoder, type KeyPairSigner } from '@solana/kit';
import { Conflict, ConfigurationError, ValidationError, type Clock } from '@numerusx/core';
import { resolveMasterKey, type MasterKeyOptions, type MasterKeySource } from './master-key.js';
import { readWalletFile, seal, unseal, walletPath, writeWalletFile } from './wallet-file.js';

export interface ImportWalletOptions extends MasterKeyOptions {
  /** solana-keygen's JSON array of 64 numbers, or base58 of the same 64 bytes. */
  readonly secret: string;
  readonly clock: Clock;
  /** Replace an existing wallet; without it an existing wallet is a Conflict. */
  readonly replace?: boolean;
}

export interface WalletInfo {
  readonly address: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly path: string;
}

export interface ImportedWallet extends WalletInfo {
  readonly masterKeySource: MasterKeySource;
}

/** Encrypts and stores the keypair; the key file is created on first use when no env key is set. */
export async function importWallet(opts: ImportWalletOptions): Promise<ImportedWallet> {
  const path = walletPath(opts.dataDir);
  if (
    opts.replace !== true &&
    (await readWalletFile(opts.dataDir).catch(() => null)) !== undefined
  ) {
    throw new Conflict(`a wallet already exists at ${path}; replace it explicitly (--force)`, {
      path,
    });
  }
  const bytes = parseSecretKey(opts.secret);
  try {
    const signer = await signerFromBytes(bytes, 'secret');
    const master = await resolveMasterKey({ ...opts, create: true });
    const createdAt = new Date(opts.clock.now()).toISOString();
    try {
      await writeWalletFile(opts.dataDir, {
        version: 1,
        address: signer.address,
        cipher: 'aes-256-gcm',
        ...seal(master.key, signer.address, bytes),
        createdAt,
      });
    } finally {
      master.key.fill(0);
    }
    return { address: signer.address, createdAt, path, masterKeySource: master.source };
  } finally {
    bytes.fill(0);
  }
}

/** What is stored, read without the master key; undefined when no wallet was imported. */
export async function walletInfo(dataDir: string): Promise<WalletInfo | undefined> {
  const file = await readWalletFile(dataDir);
  if (file === undefined) return undefined;
  return { address: file.address, createdAt: file.createdAt, path: walletPath(dataDir) };
}

/**
 * Decrypts the wallet into a kit KeyPairSigner. No wallet, no key or a wrong key are
 * ConfigurationErrors: live mode cannot start and a human must fix the setup.
 */
export async function loadWalletSigner(opts: MasterKeyOptions): Promise<KeyPairSigner> {
  const file = await readWalletFile(opts.dataDir);
  if (file === undefined) {
    throw new ConfigurationError(
      `no wallet at ${walletPath(opts.dataDir)}: import one with \`numerusx wallet import\``,
      { path: walletPath(opts.dataDir) },
    );
  }
  const master = await resolveMasterKey(opts);
  let bytes: Buffer;
  try {
    bytes = unseal(master.key, file);
  } finally {
    master.key.fill(0);
  }
  try {
    const signer = await signerFromBytes(bytes, 'wallet');
    if (signer.address !== file.address) {
      throw new ConfigurationError(
        'cannot decrypt the wallet: wrong master key or corrupted file',
        { file: walletPath(opts.dataDir) },
      );
    }
    return signer;
  } finally {
    bytes.fill(0);
  }
}

/**
 * The 64 keypair bytes (private half, then public half) from either format solana-keygen users
 * hold. Errors describe the shape, never the content.
 */
export function parseSecretKey(secret: string): Uint8Array {
  const text = secret.trim();
  if (text === '') throw new ValidationError('no secret key given');
  let bytes: Uint8Array;
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ValidationError('the secret key looks like a JSON array but is not valid JSON');
    }
    if (
      !Array.isArray(parsed) ||
      !parsed.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 255)
    ) {
      throw new ValidationError('the secret key must be a JSON array of byte values (0-255)');
    }
    bytes = Uint8Array.from(parsed as number[]);
  } else {
    if (!/^[1-9A-HJ-NP-Za-km-z]+$/.test(text)) {
      throw new ValidationError(
        'the secret key must be a JSON array of 64 numbers (solana-keygen) or base58 of 64 bytes',
      );
    }
    bytes = Uint8Array.from(getBase58Encoder().encode(text));
  }
  if (bytes.length !== 64) {
    const n = bytes.length;
    bytes.fill(0);
    throw new ValidationError(
      `the secret key must be a 64-byte keypair (private and public halves), got ${n} bytes`,
    );
  }
  return bytes;
}

/**
 * kit checks that the public half belongs to the private half (it signs and verifies a probe);
 * its error is replaced by ours, which says what is wrong in the user's terms.
 */
async function signerFromBytes(
  bytes: Uint8Array,
  what: 'secret' | 'wallet',
): Promise<KeyPairSigner> {
  try {
    return await createKeyPairSignerFromBytes(bytes);
  } catch {
    if (what === 'wallet') {
      throw new ConfigurationError('cannot decrypt the wallet: wrong master key or corrupted file');
    }
    throw new ValidationError(
      "the secret key's public half does not match its private half (not a valid Solana keypair)",
    );
  }
}
