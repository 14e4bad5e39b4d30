/** Authentication and accounts (DESIGN §3). */
import { Type, type Static } from '@sinclair/typebox';
import { Role, Timestamp } from './common.js';

export const Username = Type.String({ pattern: '^[a-zA-Z0-9_.-]{3,32}$', examples: ['alice'] });
export const Password = Type.String({
  minLength: 12,
  maxLength: 256,
  description: '12 to 256 characters',
});

export const LoginBody = Type.Object(
  {
    // Control characters are refused: no username has them, and PostgreSQL rejects NUL.
    username: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const PublicUser = Type.Object({ id: Type.Integer(), username: Type.String(), role: Role });
export type PublicUser = Static<typeof PublicUser>;

export const TokenResponse = Type.Object(
  {
    accessToken: Type.String({
      description: 'JWT for Authorization: Bearer, valid expiresIn seconds',
    }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'seconds' }),
    user: PublicUser,
  },
  { description: 'Also sets the nx_refresh (httpOnly) and nx_csrf cookies' },
);
export type TokenResponse = Static<typeof TokenResponse>;

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  createdAt: Timestamp,
});
export type UserView = Static<typeof UserView>;

export const CreateUserBody = Type.Object(
  { username: Username, password: Password, role: Role },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  { role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const SetPasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
export type SetPasswordBody = Static<typeof SetPasswordBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
