/** `T | null` for fields the database may not have (internal to the contract files). */
import { Type, type SchemaOptions, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T, options?: SchemaOptions) =>
  Type.Union([schema, Type.Null()], options);
