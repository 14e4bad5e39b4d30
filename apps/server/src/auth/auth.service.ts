/**
 * Login, refresh-token rotation with reuse detection, logout and session revocation (DESIGN §3).
 * Refresh tokens are opaque random strings; only their SHA-256 is stored. Every rotation spends the
 * old token; presenting a spent one means it was stolen or replayed, so its whole family is revoked.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthError, RateLimited, type Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { KvStore } from '../kv/kv-store.js';
import type { UserRow, UsersRepository } from '../users/users.repository.js';
import type { AccessTokens } from './access-tokens.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import type { TokenRevocation } from './revocation.js';

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 3_600_000;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

export interface PublicUser {
  readonly id: number;
  readonly username: string;
  readonly role: UserRow['role'];
}

export interface Session {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: number;
  readonly user: PublicUser;
}

export interface AuthDeps {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly accessTokens: AccessTokens;
  readonly revocation: TokenRevocation;
  readonly audit: AuditService;
  readonly kv: KvStore;
  readonly clock: Clock;
}

export function publicUser(u: UserRow): PublicUser {
  return { id: u.id, username: u.username, role: u.role };
}

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  async login(input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
  }): Promise<Session> {
    const { users, kv, audit } = this.deps;
    const actor: Actor = { id: null, username: input.username, ip: input.ip };
    const limitKey = `login-fail:${input.username.toLowerCase()}:${input.ip}`;
    const failures = await kv.increment(limitKey, LOGIN_FAILURE_WINDOW_MS);
    // The counter was bumped optimistically (so parallel guesses count); a success takes it back.
    if (failures.count > LOGIN_MAX_FAILURES) {
      await audit.record(actor, 'auth.login', 'denied', { details: { reason: 'rate-limited' } });
      throw new RateLimited(
        'too many failed logins for this account from this address; try again later',
        Math.ceil(failures.ttlMs / 1000),
      );
    }
    const user = await users.findByUsername(input.username);
    const ok =
      user !== undefined
        ? await verifyPassword(user.password_hash, input.password)
        : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
    if (!ok || user === undefined || user.disabled !== 0) {
      await audit.record(actor, 'auth.login', 'failed', {
        details: { reason: user?.disabled ? 'disabled' : 'bad-credentials' },
      });
      throw new AuthError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    await kv.delete(limitKey);
    await audit.record({ ...actor, id: user.id }, 'auth.login', 'ok');
    return this.startSession(user, randomUUID(), input.ip, input.userAgent);
  }

  async refresh(input: {
    refreshToken: string;
    ip: string;
    userAgent: string | null;
  }): Promise<Session> {
    const { refreshTokens, users, audit, clock } = this.deps;
    const now = clock.now();
    const row = await refreshTokens.findByHash(hashToken(input.refreshToken));
    if (row === undefined) throw new AuthError('INVALID_REFRESH_TOKEN', 'unknown refresh token');
    const user = await users.findById(row.user_id);
    const actor: Actor = { id: row.user_id, username: user?.username ?? null, ip: input.ip };
    if (row.used_at !== null || row.revoked_at !== null) {
      if (row.used_at !== null) {
        await this.revokeFamily(row.family_id);
        await audit.record(actor, 'auth.refresh_reuse', 'denied', {
          details: { family: row.family_id },
        });
        throw new AuthError(
          'REFRESH_TOKEN_REUSED',
          'refresh token already used; all sessions of this login are revoked',
        );
      }
      throw new AuthError('INVALID_REFRESH_TOKEN', 'refresh token revoked');
    }
    if (row.expires_at <= now)
      throw new AuthError('INVALID_REFRESH_TOKEN', 'refresh token expired');
    if (user === undefined || user.disabled !== 0) {
      await this.revokeFamily(row.family_id);
      throw new AuthError('INVALID_REFRESH_TOKEN', 'account disabled');
    }
    if (!(await refreshTokens.markUsed(row.id, now))) {
      // A concurrent request spent it between our read and our write: treat as reuse.
      await this.revokeFamily(row.family_id);
      await audit.record(actor, 'auth.refresh_reuse', 'denied', {
        details: { family: row.family_id },
      });
      throw new AuthError(
        'REFRESH_TOKEN_REUSED',
        'refresh token already used; all sessions of this login are revoked',
      );
    }
    return this.startSession(user, row.family_id, input.ip, input.userAgent);
  }

  /** Ends the session of this refresh token (its family) and the calling access token. */
  async logout(input: {
    refreshToken: string | undefined;
    access: { jti: string; expiresAt: number } | undefined;
    actor: Actor;
  }): Promise<void> {
    if (input.refreshToken !== undefined) {
      const row = await this.deps.refreshTokens.findByHash(hashToken(input.refreshToken));
      if (row !== undefined) await this.revokeFamily(row.family_id);
    }
    if (input.access !== undefined) await this.deps.revocation.revoke([input.access]);
    await this.deps.audit.record(input.actor, 'auth.logout', 'ok');
  }

  /** Revokes every session of a user (password change, disable, admin action). */
  async revokeUserSessions(userId: number): Promise<void> {
    const jtis = await this.deps.refreshTokens.revokeUser(userId, this.deps.clock.now());
    await this.deps.revocation.revoke(jtis);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    const jtis = await this.deps.refreshTokens.revokeFamily(familyId, this.deps.clock.now());
    await this.deps.revocation.revoke(jtis);
  }

  private async startSession(
    user: UserRow,
    familyId: string,
    ip: string,
    userAgent: string | null,
  ): Promise<Session> {
    const { accessTokens, refreshTokens, clock } = this.deps;
    const now = clock.now();
    const access = await accessTokens.issue(user);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = now + REFRESH_TOKEN_TTL_MS;
    await refreshTokens.insert({
      user_id: user.id,
      token_hash: hashToken(refreshToken),
      family_id: familyId,
      created_at: now,
      expires_at: refreshExpiresAt,
      access_jti: access.jti,
      access_expires_at: access.expiresAt,
      ip,
      user_agent: userAgent === null ? null : userAgent.slice(0, 300),
    });
    return {
      accessToken: access.token,
      // exp is in whole seconds from the start of the current second.
      expiresIn: Math.round((access.expiresAt - Math.floor(now / 1000) * 1000) / 1000),
      refreshToken,
      refreshExpiresAt,
      user: publicUser(user),
    };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
