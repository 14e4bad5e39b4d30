/** The audit trail (admins only). */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';

export const AuditOutcome = Type.Union([
  Type.Literal('ok'),
  Type.Literal('denied'),
  Type.Literal('failed'),
]);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  ts: Timestamp,
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ examples: ['auth.login', 'bot.start', 'user.update'] }),
  target: Type.Union([Type.String(), Type.Null()]),
  outcome: AuditOutcome,
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    action: Type.Optional(Type.String({ pattern: '^[a-z_.]{1,64}$' })),
    actorId: Type.Optional(Type.Integer({ minimum: 1 })),
    outcome: Type.Optional(AuditOutcome),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Page(AuditEntry, 'Audit entries, newest first');
export type AuditPage = Static<typeof AuditPage>;
