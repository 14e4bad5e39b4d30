/**
 * Short-lived access JWTs (HS256, 15 minutes, with a `jti` so one token can be revoked). Verifying
 * pins the algorithm, so `alg: none` and algorithm-swap tokens are refused.
 */
import { createHash, randomUUID, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AuthError, type Clock } from '@numerusx/core';
import { MemoryReadCache } from '../cache/memory-cache.js';
import type { Role } from '../db/schema.js';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
/** Tokens whose verification is remembered: a few per active user within 15 minutes. */
const VERIFIED_TOKENS = 10_000;
const ISSUER = 'numerusx';
const AUDIENCE = 'numerusx-api';

export interface AccessClaims {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  readonly jti: string;
  /** ms UTC. */
  readonly expiresAt: number;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: number;
}

export class AccessTokens {
  /** Imported once: importing the raw secret on every verify costs more than the HMAC itself. */
  private readonly key: Promise<webcrypto.CryptoKey>;
  /**
   * Claims of tokens that passed verify(), until their expiry. Every check jose makes depends only
   * on the token text, this instance's secret and the time; the time is the expiry, which the entry
   * honours by the same clock, and revocation is checked by the caller on every request. So a second
   * verification of the same text could only repeat the answer — it costs an HMAC on the crypto
   * thread pool per API request, more than the rest of a cached read. Only successes are stored, so
   * forged tokens cannot fill it; keyed by SHA-256 so lookups compare digests, not token bytes.
   */
  private readonly verified: MemoryReadCache;

  constructor(
    secret: string,
    private readonly clock: Clock,
    private readonly ttlMs = ACCESS_TOKEN_TTL_MS,
  ) {
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    this.verified = new MemoryReadCache(clock, VERIFIED_TOKENS);
  }

  async issue(user: { id: number; username: string; role: Role }): Promise<IssuedAccessToken> {
    const jti = randomUUID();
    const nowSec = Math.floor(this.clock.now() / 1000);
    const expSec = nowSec + Math.ceil(this.ttlMs / 1000);
    const token = await new SignJWT({ role: user.role, name: user.username })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(user.id))
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowSec)
      .setExpirationTime(expSec)
      .sign(await this.key);
    return { token, jti, expiresAt: expSec * 1000 };
  }

  /** The claims of a valid token; AuthError `token_expired` or `unauthorized` otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    const digest = createHash('sha256').update(token).digest('base64');
    // Only verify() below stores under these keys, and it stores AccessClaims.
    const known = this.verified.get(digest) as AccessClaims | undefined;
    if (known !== undefined) return known;
    const claims = await this.verifyWithJose(token);
    const left = claims.expiresAt - this.clock.now();
    this.verified.set(digest, Object.freeze(claims), { ttlMs: left, tags: [] });
    return claims;
  }

  private async verifyWithJose(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sub', 'jti', 'exp'],
      });
      const role = payload['role'];
      const name = payload['name'];
      const userId = Number(payload.sub);
      if (
        (role !== 'admin' && role !== 'trader' && role !== 'viewer') ||
        typeof name !== 'string' ||
        !Number.isSafeInteger(userId) ||
        payload.jti === undefined ||
        payload.exp === undefined
      ) {
        throw new AuthError('UNAUTHORIZED', 'invalid access token');
      }
      return { userId, username: name, role, jti: payload.jti, expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new AuthError('TOKEN_EXPIRED', 'access token expired');
      }
      if (error instanceof AuthError) throw error;
      throw new AuthError('UNAUTHORIZED', 'invalid access token');
    }
  }
}
