/** POST /auth/login, /auth/refresh, /auth/logout, GET /auth/me, POST /auth/password. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NumerusError } from '@numerusx/core';
import {
  ChangePasswordBody,
  ErrorResponse,
  LoginBody,
  PublicUser,
  TokenResponse,
} from '@numerusx/contracts';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import { REFRESH_TOKEN_TTL_MS, type AuthService, type Session } from './auth.service.js';
import type { UsersService } from '../users/users.service.js';

export const REFRESH_COOKIE = 'nx_refresh';
export const CSRF_COOKIE = 'nx_csrf';
const REFRESH_PATH = '/api/v1/auth';

class CsrfFailed extends NumerusError {
  constructor() {
    super('CSRF_FAILED', 'x-csrf-token header must equal the nx_csrf cookie');
  }
}

function setSessionCookies(req: FastifyRequest, reply: FastifyReply, session: Session): void {
  const secure = req.protocol === 'https';
  const maxAge = Math.round(REFRESH_TOKEN_TTL_MS / 1000);
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_PATH,
    maxAge,
  });
  reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge,
  });
}

function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_PATH });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Double-submit check: the page can read nx_csrf and echo it; another site cannot. */
function assertCsrf(req: FastifyRequest): void {
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers['x-csrf-token'];
  if (typeof cookie !== 'string' || typeof header !== 'string' || cookie.length === 0)
    throw new CsrfFailed();
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new CsrfFailed();
}

function tokenResponse(s: Session) {
  return {
    accessToken: s.accessToken,
    tokenType: 'Bearer' as const,
    expiresIn: s.expiresIn,
    user: s.user,
  };
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

export function authRoutes(app: Api, auth: AuthService, users: UsersService): void {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in',
        body: LoginBody,
        response: { 200: TokenResponse, ...errors },
      },
      config: { auth: 'public' },
    },
    async (req, reply) => {
      const session = await auth.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookies(req, reply, session);
      return tokenResponse(session);
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh cookie and get a new access token (needs x-csrf-token)',
        response: { 200: TokenResponse, ...errors },
      },
      config: { auth: 'public' },
    },
    async (req, reply) => {
      assertCsrf(req);
      const token = req.cookies[REFRESH_COOKIE];
      if (token === undefined || token === '') {
        clearSessionCookies(reply);
        return reply
          .code(401)
          .send({ error: { code: 'INVALID_REFRESH_TOKEN', message: 'no refresh cookie' } });
      }
      try {
        const session = await auth.refresh({
          refreshToken: token,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookies(req, reply, session);
        return tokenResponse(session);
      } catch (error) {
        clearSessionCookies(reply);
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session (needs x-csrf-token)',
        response: { 204: Type.Null(), ...errors },
      },
      config: { auth: 'public' },
    },
    async (req, reply) => {
      assertCsrf(req);
      await auth.logout({
        refreshToken: req.cookies[REFRESH_COOKIE],
        access:
          req.user === undefined ? undefined : { jti: req.user.jti, expiresAt: req.user.expiresAt },
        actor: { id: req.user?.userId ?? null, username: req.user?.username ?? null, ip: req.ip },
      });
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'End every session of the logged-in user, on every device (needs x-csrf-token)',
        response: { 204: Type.Null(), ...errors },
      },
      config: { auth: 'viewer' },
    },
    async (req, reply) => {
      assertCsrf(req);
      const actor = actorOf(req);
      await users.revokeSessions(actor, actor.id);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: PublicUser, ...errors },
      },
      config: { auth: 'viewer' },
    },
    async (req) => {
      const actor = actorOf(req);
      const user = await users.get(actor.id);
      return { id: user.id, username: user.username, role: user.role };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every session ends',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...errors },
      },
      config: { auth: 'viewer' },
    },
    async (req, reply) => {
      await users.changeOwnPassword(actorOf(req), req.body.currentPassword, req.body.newPassword);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );
}
