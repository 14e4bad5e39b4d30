/**
 * Migration 0003: texts for people become data (core's `Msg`). Each English text the dashboard
 * shows gets a nullable JSON column for its message beside it; the English column stays, so API
 * clients that do not translate and rows written before this migration lose nothing. Steps, signals
 * and risk reasons already live in JSON documents and carry their messages inside them.
 */
import type { Kysely, Migration } from 'kysely';

/** Columns added, as [table, column]: text on both SQLite and PostgreSQL, like every JSON column. */
const COLUMNS = [
  ['ai_decisions', 'reasoning_msg'],
  ['logs', 'message_msg'],
  ['bot_runtime', 'state_reason_msg'],
] as const;

export function messages(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [table, column] of COLUMNS) {
        await db.schema.alterTable(table).addColumn(column, 'text').execute();
      }
    },
  };
}
