/** Users admin under /users (admin only). */
import { Type } from '@sinclair/typebox';
import {
  CreateUserBody,
  ErrorResponse,
  IdParams,
  SetPasswordBody,
  UpdateUserBody,
  UserView,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import type { UsersService } from './users.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export function usersRoutes(app: Api, users: UsersService): void {
  const admin = { auth: 'admin' as const };
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All users',
        response: { 200: Type.Object({ items: Type.Array(UserView) }), ...errors },
      },
      config: admin,
    },
    async () => ({ items: await users.list() }),
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: UserView, ...errors },
      },
      config: admin,
    },
    async (req, reply) => reply.code(201).send(await users.create(actorOf(req), req.body)),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: UserView, ...errors },
      },
      config: admin,
    },
    (req) => users.get(req.params.id),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role or disable (revokes their sessions)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView, ...errors },
      },
      config: admin,
    },
    (req) => users.update(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a password (revokes their sessions)',
        params: IdParams,
        body: SetPasswordBody,
        response: { 204: Type.Null(), ...errors },
      },
      config: admin,
    },
    async (req, reply) => {
      await users.setPassword(actorOf(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['users'],
        summary: 'Log the user out everywhere',
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
      config: admin,
    },
    async (req, reply) => {
      await users.revokeSessions(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
