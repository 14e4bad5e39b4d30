/**
 * The JWT signing secret: JWT_SECRET when set, else one generated on first start and kept in the
 * data dir with mode 0600 (no default secret exists anywhere). A key file readable by others is
 * refused rather than silently used.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '@numerusx/core';

export const JWT_SECRET_FILE = 'jwt-secret';

export function loadJwtSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, JWT_SECRET_FILE);
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigurationError(
      `${file} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it`,
    );
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new ConfigurationError(`${file} holds a secret shorter than 32 characters`);
  }
  return secret;
}
