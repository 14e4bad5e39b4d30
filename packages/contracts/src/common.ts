/** Shapes shared by every module: errors, pagination, ids. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description: 'stable machine-readable code',
        examples: ['VALIDATION_ERROR'],
      }),
      message: Type.String({ description: 'what went wrong, for a person' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every 4xx/5xx answer' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Role = Type.Union(
  [Type.Literal('admin'), Type.Literal('trader'), Type.Literal('viewer')],
  {
    description: 'admin: users, config, live mode; trader: start/stop, orders; viewer: read only',
  },
);
export type Role = Static<typeof Role>;

export const IdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1, description: 'numeric id' }) },
  { additionalProperties: false },
);
export type IdParams = Static<typeof IdParams>;

/** Query fields of every list: an opaque cursor from the previous page and a bounded limit. */
export const PageQuery = {
  cursor: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,16}$', description: 'nextCursor of the previous page' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'page size (1-200)' }),
};

/** A page of items and the cursor of the next one (null on the last page). */
export function Page<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    { items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { description },
  );
}

/** ms since the Unix epoch, UTC. */
export const Timestamp = Type.Integer({ minimum: 0, description: 'ms UTC' });
