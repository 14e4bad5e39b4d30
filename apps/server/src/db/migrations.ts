/**
 * Versioned migrations, run at start and by `numerusx db migrate`. Column types are chosen to mean
 * the same on SQLite and PostgreSQL: bigint for ms timestamps, double precision for money and
 * prices (float64, rounded to the asset's decimals by the ledger), text for JSON documents.
 * A migration, once released, is never edited: add a new one.
 */
import {
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type CreateTableBuilder,
} from 'kysely';
import type { DatabaseKind } from './database.js';
import { messages } from './migration-messages.js';

type Table = CreateTableBuilder<string>;

function withId(table: Table, kind: DatabaseKind): Table {
  return kind === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

function initial(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const create = (name: string) => withId(db.schema.createTable(name), kind);

      await create('users')
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ROLES)))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
        .execute();

      await create('refresh_tokens')
        .addColumn('user_id', 'bigint', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('family_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('access_jti', 'text')
        .addColumn('access_expires_at', 'bigint')
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema
        .createIndex('refresh_tokens_family')
        .on('refresh_tokens')
        .column('family_id')
        .execute();
      await db.schema
        .createIndex('refresh_tokens_user')
        .on('refresh_tokens')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('revoked_tokens')
        .addColumn('jti', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await create('audit_log')
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('actor_id', 'bigint')
        .addColumn('actor_name', 'text')
        .addColumn('ip', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_log_ts').on('audit_log').column('ts').execute();
      await db.schema
        .createIndex('audit_log_action')
        .on('audit_log')
        .columns(['action', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_actor')
        .on('audit_log')
        .columns(['actor_id', 'id'])
        .execute();

      await create('bot_config')
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'bigint')
        .addUniqueConstraint('bot_config_version', ['bot_id', 'version'])
        .execute();

      await create('orders')
        .addColumn('client_id', 'text', (c) => c.notNull().unique())
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('qty', 'double precision')
        .addColumn('quote_size', 'double precision')
        .addColumn('limit_price', 'double precision')
        .addColumn('stop_price', 'double precision')
        .addColumn('filled_qty', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('avg_fill_price', 'double precision')
        .addColumn('fee', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('decision_id', 'bigint')
        .addColumn('created_by', 'bigint')
        .addColumn('details', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_status').on('orders').columns(['status', 'id']).execute();
      await db.schema.createIndex('orders_pair').on('orders').columns(['pair', 'id']).execute();

      await create('trades')
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('entry_ts', 'bigint', (c) => c.notNull())
        .addColumn('entry_price', 'double precision', (c) => c.notNull())
        .addColumn('exit_ts', 'bigint')
        .addColumn('exit_price', 'double precision')
        .addColumn('qty', 'double precision', (c) => c.notNull())
        .addColumn('fee', 'double precision', (c) => c.notNull())
        .addColumn('pnl', 'double precision')
        .addColumn('exit_reason', 'text')
        .addColumn('order_id', 'bigint')
        .addColumn('decision_id', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('trades_pair').on('trades').columns(['pair', 'id']).execute();
      await db.schema.createIndex('trades_entry_ts').on('trades').column('entry_ts').execute();

      await create('positions')
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('asset', 'text', (c) => c.notNull())
        .addColumn('qty', 'double precision', (c) => c.notNull())
        .addColumn('avg_entry', 'double precision', (c) => c.notNull())
        .addColumn('mark', 'double precision', (c) => c.notNull())
        .addColumn('realized_pnl', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('positions_bot_asset', ['bot_id', 'asset'])
        .execute();

      await create('portfolio_snapshots')
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('cash', 'double precision', (c) => c.notNull())
        .addColumn('positions_value', 'double precision', (c) => c.notNull())
        .addColumn('equity', 'double precision', (c) => c.notNull())
        .addColumn('realized_pnl', 'double precision', (c) => c.notNull())
        .addColumn('unrealized_pnl', 'double precision', (c) => c.notNull())
        .addColumn('fees', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('portfolio_snapshots_ts')
        .on('portfolio_snapshots')
        .columns(['bot_id', 'ts'])
        .execute();

      await create('ai_decisions')
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('size_usd', 'double precision', (c) => c.notNull())
        .addColumn('stop_loss', 'double precision')
        .addColumn('take_profit', 'double precision')
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('reasoning', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('prompt', 'text')
        .addColumn('raw_response', 'text')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('regime', 'text')
        .addColumn('tokens_in', 'integer')
        .addColumn('tokens_out', 'integer')
        .addColumn('cost_usd', 'double precision')
        .addColumn('latency_ms', 'double precision')
        .addColumn('validation', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('risk_verdict', 'text')
        .addColumn('order_id', 'bigint')
        .addColumn('outcome', 'text')
        .execute();
      await db.schema.createIndex('ai_decisions_ts').on('ai_decisions').column('ts').execute();
      await db.schema
        .createIndex('ai_decisions_pair')
        .on('ai_decisions')
        .columns(['pair', 'id'])
        .execute();
      await db.schema
        .createIndex('ai_decisions_status')
        .on('ai_decisions')
        .columns(['status', 'id'])
        .execute();
      await db.schema
        .createIndex('ai_decisions_provider')
        .on('ai_decisions')
        .columns(['provider', 'id'])
        .execute();

      await create('logs')
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('bot_id', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('logs_level').on('logs').columns(['level', 'id']).execute();

      await create('backtests')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('backtests_strategy')
        .on('backtests')
        .columns(['strategy', 'id'])
        .execute();
    },
  };
}

/**
 * What the bot runtime needs to survive a crash: every fill (the ledger is rebuilt from them), the
 * runtime's own row (desired state, replay cursor, the lease with its fencing token), protective
 * levels on positions, and uniqueness where a retry must not double a record.
 */
function botRuntime(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('fills'), kind)
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('qty', 'double precision', (c) => c.notNull())
        .addColumn('price', 'double precision', (c) => c.notNull())
        .addColumn('fee', 'double precision', (c) => c.notNull())
        .addColumn('slippage', 'double precision', (c) => c.notNull())
        .addColumn('exit_reason', 'text')
        .addColumn('external_id', 'text')
        .addUniqueConstraint('fills_order_seq', ['order_id', 'seq'])
        .execute();
      await db.schema.createIndex('fills_bot').on('fills').columns(['bot_id', 'id']).execute();
      await db.schema
        .createTable('bot_runtime')
        .addColumn('bot_id', 'text', (c) => c.primaryKey())
        .addColumn('desired_state', 'text', (c) => c.notNull())
        .addColumn('capital', 'double precision', (c) => c.notNull())
        .addColumn('cursor', 'text', (c) => c.notNull())
        .addColumn('lease_holder', 'text')
        .addColumn('lease_token', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('state_reason', 'text')
        .addColumn('close_positions', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('positions').addColumn('pair', 'text').execute();
      await db.schema.alterTable('positions').addColumn('stop_loss', 'double precision').execute();
      await db.schema
        .alterTable('positions')
        .addColumn('take_profit', 'double precision')
        .execute();
      await db.schema.alterTable('positions').addColumn('trail_pct', 'double precision').execute();
      await db.schema.alterTable('positions').addColumn('high_water', 'double precision').execute();
      await db.schema
        .createIndex('positions_bot_pair')
        .on('positions')
        .columns(['bot_id', 'pair'])
        .unique()
        .execute();
      await db.schema
        .createIndex('trades_open')
        .on('trades')
        .columns(['bot_id', 'pair', 'exit_ts'])
        .execute();
      await db.schema
        .createIndex('ai_decisions_outcome')
        .on('ai_decisions')
        .columns(['bot_id', 'outcome', 'ts'])
        .execute();
    },
  };
}

const ROLES = ['admin', 'trader', 'viewer'] as const;

function sqlIn(column: string, values: readonly string[]) {
  // Values are our own constants, never user input.
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/** All migrations by name; names sort in the order they run. */
export function migrationProvider(kind: DatabaseKind): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001_initial': initial(kind),
        '0002_bot_runtime': botRuntime(kind),
        '0003_messages': messages(),
      }),
  };
}
