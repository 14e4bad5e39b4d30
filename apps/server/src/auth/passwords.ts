/** Password hashing with argon2id (OWASP's recommended parameters), and generated passwords. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '@numerusx/core';

// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  assertPasswordPolicy(password);
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

export function assertPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw new ValidationError(`password must be ${MIN_PASSWORD_LENGTH} to 256 characters long`, {
      field: 'password',
    });
  }
}

/** A random password of 24 URL-safe characters (144 bits), for the first-start admin. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A hash to verify against when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(generatePassword(), OPTIONS);
  return dummyHash;
}
