/**
 * Access control for every route: each declares `config.auth` ('public' or the least role it needs).
 * The bearer token is verified (algorithm pinned, expiry, revocation) before the handler runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AuthError, Forbidden } from '@numerusx/core';
import type { AccessClaims, AccessTokens } from '../auth/access-tokens.js';
import type { TokenRevocation } from '../auth/revocation.js';
import type { Actor } from '../audit/audit.service.js';
import type { Role } from '../db/schema.js';

export type RouteAuth = 'public' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    user: AccessClaims | undefined;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

const RANK: Readonly<Record<Role, number>> = { viewer: 1, trader: 2, admin: 3 };

export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** Reads `Authorization: Bearer <jwt>` and returns verified, unrevoked claims. */
export async function verifyBearer(
  header: string | undefined,
  tokens: AccessTokens,
  revocation: TokenRevocation,
): Promise<AccessClaims> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header ?? '');
  if (match?.[1] === undefined) throw new AuthError('UNAUTHORIZED', 'missing bearer token');
  return verifyAccessToken(match[1], tokens, revocation);
}

/**
 * The one check of an access token, for REST and the Socket.io handshake alike: signature, claims
 * and expiry, then revocation (on every use: a revoked token is refused on the very next request).
 */
export async function verifyAccessToken(
  token: string,
  tokens: AccessTokens,
  revocation: TokenRevocation,
): Promise<AccessClaims> {
  const claims = await tokens.verify(token);
  if (await revocation.isRevoked(claims.jti)) {
    throw new AuthError('UNAUTHORIZED', 'access token revoked');
  }
  return claims;
}

export function installAuthentication(
  app: FastifyInstance,
  tokens: AccessTokens,
  revocation: TokenRevocation,
): void {
  app.decorateRequest('user', undefined);
  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config.auth;
    // Routes without a declared policy (404s, static files) are public by construction; every API
    // route declares one (checked by a test over the route table).
    if (auth === undefined || auth === 'public') {
      if (auth === 'public' && req.headers.authorization !== undefined) {
        req.user = await verifyBearer(req.headers.authorization, tokens, revocation).catch(
          () => undefined,
        );
      }
      return;
    }
    const claims = await verifyBearer(req.headers.authorization, tokens, revocation);
    req.user = claims;
    if (!hasRole(claims.role, auth)) {
      throw new Forbidden(`this action needs the ${auth} role; you are ${claims.role}`);
    }
  });
}

/** The authenticated user as an audit actor (throws if the route was public). */
export function actorOf(req: FastifyRequest): Actor & { id: number } {
  if (req.user === undefined) throw new AuthError();
  return { id: req.user.userId, username: req.user.username, ip: req.ip };
}
