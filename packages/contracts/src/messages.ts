/**
 * A text for people sent as data (core's `Msg`): a catalog key and its parameters, so the dashboard
 * renders it in the reader's language. Every field carrying one sits next to the English text it
 * renders to, so API clients that do not translate lose nothing.
 *
 * Nesting is spelled out to a fixed depth rather than with a recursive schema: a recursive `$id`
 * collides when the shape is embedded in several route schemas, and no message nests deeper.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Key = Type.String({ minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' });
const Scalar = Type.Union([Type.String({ maxLength: 2000 }), Type.Number()]);

function level(inner: TSchema | undefined) {
  const param =
    inner === undefined ? Scalar : Type.Union([Scalar, inner, Type.Array(inner, { maxItems: 50 })]);
  return Type.Object(
    {
      key: Key,
      params: Type.Optional(Type.Record(Type.String({ pattern: '^\\w+$' }), param)),
    },
    { additionalProperties: false },
  );
}

const Level1 = level(undefined);
const Level2 = level(Level1);
const Level3 = level(Level2);

export const Msg = level(Level3);
export type Msg = Static<typeof Msg>;

/**
 * The descriptor field next to an English text (`reasoningMsg` beside `reasoning`, …): optional so
 * answers of servers that predate messages still match, null when the text has no message (a
 * model's free-text reasoning, a line stored before messages existed, a stored one that no longer
 * reads as a message).
 */
export const MsgField = (description: string) =>
  Type.Optional(Type.Union([Msg, Type.Null()], { description }));
