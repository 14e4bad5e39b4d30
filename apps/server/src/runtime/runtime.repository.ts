/**
 * What the bot runtime reads and writes: its own row (desired state, cursor, lease), and the
 * trading records (decisions, orders, fills, trades, positions, snapshots). Every write of a running
 * bot goes through `fenced()`: one transaction that first proves the caller still holds the lease
 * (its fencing token unchanged), so an instance that lost its lease while paused cannot write over
 * the new holder's books.
 */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { english, type Msg } from '@numerusx/core';
import type {
  AiDecisionsTable,
  BotRuntimeTable,
  Database,
  FillsTable,
  OrdersTable,
  PortfolioSnapshotsTable,
  PositionsTable,
  TradesTable,
} from '../db/schema.js';
import { msgColumn } from '../db/stored-msg.js';

export type RuntimeRow = Selectable<BotRuntimeTable>;
export type FillRow = Selectable<FillsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type TradeRow = Selectable<TradesTable>;
export type PositionRow = Selectable<PositionsTable>;
export type DecisionRow = Selectable<AiDecisionsTable>;
export type Tx = Transaction<Database>;

/** Thrown inside a fenced write when the lease moved on: the caller must stop at once. */
export class LeaseLost extends Error {
  constructor(botId: string) {
    super(`bot ${botId}: the lease was taken by another instance; this one stops writing`);
    this.name = 'LeaseLost';
  }
}

export interface Lease {
  readonly botId: string;
  readonly holder: string;
  readonly token: number;
}

const WORKING = ['pending', 'open', 'partially-filled'];

export class RuntimeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The bot's runtime row, created stopped with `capital` the first time. */
  async ensure(botId: string, capital: number, now: number): Promise<RuntimeRow> {
    await this.db
      .insertInto('bot_runtime')
      .values({
        bot_id: botId,
        desired_state: 'stopped',
        capital,
        cursor: '{}',
        lease_holder: null,
        lease_token: 0,
        lease_expires_at: null,
        state_reason: null,
        state_reason_msg: null,
        close_positions: 0,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('bot_id').doNothing())
      .execute();
    return this.db
      .selectFrom('bot_runtime')
      .selectAll()
      .where('bot_id', '=', botId)
      .executeTakeFirstOrThrow();
  }

  find(botId: string): Promise<RuntimeRow | undefined> {
    return this.db
      .selectFrom('bot_runtime')
      .selectAll()
      .where('bot_id', '=', botId)
      .executeTakeFirst();
  }

  /**
   * Takes the lease when it is free, expired or already ours, bumping the fencing token: one UPDATE,
   * so two instances racing for it cannot both win. Undefined when someone else holds it.
   */
  async acquire(
    botId: string,
    holder: string,
    now: number,
    ttlMs: number,
  ): Promise<Lease | undefined> {
    const row = await this.db
      .updateTable('bot_runtime')
      .set((eb) => ({
        lease_holder: holder,
        lease_token: eb('lease_token', '+', 1),
        lease_expires_at: now + ttlMs,
      }))
      .where('bot_id', '=', botId)
      .where((eb) =>
        eb.or([
          eb('lease_holder', 'is', null),
          eb('lease_holder', '=', holder),
          eb('lease_expires_at', '<', now),
        ]),
      )
      .returning('lease_token')
      .executeTakeFirst();
    return row === undefined ? undefined : { botId, holder, token: row.lease_token };
  }

  /** Extends our lease; false when it is no longer ours (token moved on). */
  async renew(lease: Lease, now: number, ttlMs: number): Promise<boolean> {
    const r = await this.db
      .updateTable('bot_runtime')
      .set({ lease_expires_at: now + ttlMs })
      .where('bot_id', '=', lease.botId)
      .where('lease_token', '=', lease.token)
      .where('lease_holder', '=', lease.holder)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async release(lease: Lease): Promise<void> {
    await this.db
      .updateTable('bot_runtime')
      .set({ lease_holder: null, lease_expires_at: null })
      .where('bot_id', '=', lease.botId)
      .where('lease_token', '=', lease.token)
      .execute();
  }

  /** Runs `fn` in one transaction that commits only while `lease` is still the current one. */
  fenced<T>(lease: Lease, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('bot_runtime')
        .set({ lease_holder: lease.holder })
        .where('bot_id', '=', lease.botId)
        .where('lease_token', '=', lease.token)
        .where('lease_holder', '=', lease.holder)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new LeaseLost(lease.botId);
      return fn(tx);
    });
  }

  async setDesired(
    botId: string,
    state: RuntimeRow['desired_state'],
    reason: Msg | null,
    now: number,
    closePositions = false,
  ): Promise<void> {
    await this.db
      .updateTable('bot_runtime')
      .set({
        desired_state: state,
        // The English for the status and older readers, the message for translation.
        state_reason: reason === null ? null : english(reason),
        state_reason_msg: msgColumn(reason),
        close_positions: closePositions ? 1 : 0,
        updated_at: now,
      })
      .where('bot_id', '=', botId)
      .execute();
  }

  async setCapital(botId: string, capital: number): Promise<void> {
    await this.db.updateTable('bot_runtime').set({ capital }).where('bot_id', '=', botId).execute();
  }

  // --- reads used to rebuild the books at start -------------------------------------------------

  fills(botId: string): Promise<FillRow[]> {
    return this.db
      .selectFrom('fills')
      .selectAll()
      .where('bot_id', '=', botId)
      .orderBy('id', 'asc')
      .execute();
  }

  workingOrders(botId: string): Promise<OrderRow[]> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('status', 'in', WORKING)
      .orderBy('id', 'asc')
      .execute();
  }

  positions(botId: string): Promise<PositionRow[]> {
    return this.db.selectFrom('positions').selectAll().where('bot_id', '=', botId).execute();
  }

  openTrades(botId: string): Promise<TradeRow[]> {
    return this.db
      .selectFrom('trades')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('exit_ts', 'is', null)
      .execute();
  }

  /** Decisions left PENDING by a process that stopped between storing them and placing an order. */
  pendingDecisions(botId: string): Promise<DecisionRow[]> {
    return this.db
      .selectFrom('ai_decisions')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('status', '=', 'PENDING')
      .execute();
  }

  /** Decisions of `pair` still without an outcome, made at or before `until`. */
  awaitingOutcome(botId: string, pair: string, until: number, limit: number) {
    return this.db
      .selectFrom('ai_decisions')
      .select(['id', 'ts', 'action', 'size_usd', 'inputs', 'order_id'])
      .where('bot_id', '=', botId)
      .where('pair', '=', pair)
      .where('outcome', 'is', null)
      .where('status', '!=', 'PENDING')
      .where('ts', '<=', until)
      .orderBy('ts', 'asc')
      .limit(limit)
      .execute();
  }

  tradesOfOrder(orderId: number) {
    return this.db
      .selectFrom('trades')
      .select(['pnl', 'exit_ts'])
      .where('order_id', '=', orderId)
      .execute();
  }

  async setOutcome(id: number, outcome: string): Promise<void> {
    await this.db.updateTable('ai_decisions').set({ outcome }).where('id', '=', id).execute();
  }

  // --- writes inside a fenced transaction ---------------------------------------------------------

  insertDecision(tx: Tx, row: Insertable<AiDecisionsTable>): Promise<DecisionRow> {
    return tx.insertInto('ai_decisions').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateDecision(tx: Tx, id: number, set: Updateable<AiDecisionsTable>): Promise<DecisionRow> {
    return tx
      .updateTable('ai_decisions')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  insertOrder(tx: Tx, row: Insertable<OrdersTable>): Promise<OrderRow> {
    return tx.insertInto('orders').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateOrder(tx: Tx, id: number, set: Updateable<OrdersTable>): Promise<OrderRow> {
    return tx
      .updateTable('orders')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  orderByClientId(clientId: string): Promise<OrderRow | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
  }

  order(id: number): Promise<OrderRow | undefined> {
    return this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertFill(tx: Tx, row: Insertable<FillsTable>): Promise<void> {
    await tx.insertInto('fills').values(row).execute();
  }

  insertTrade(tx: Tx, row: Insertable<TradesTable>): Promise<TradeRow> {
    return tx.insertInto('trades').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateTrade(tx: Tx, id: number, set: Updateable<TradesTable>): Promise<TradeRow> {
    return tx
      .updateTable('trades')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Insert or replace the position of (bot, pair). */
  async upsertPosition(tx: Tx, row: Insertable<PositionsTable> & { pair: string }): Promise<void> {
    const { bot_id, pair, ...rest } = row;
    const r = await tx
      .updateTable('positions')
      .set(rest)
      .where('bot_id', '=', bot_id)
      .where('pair', '=', pair)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) await tx.insertInto('positions').values(row).execute();
  }

  async insertSnapshot(tx: Tx, row: Insertable<PortfolioSnapshotsTable>): Promise<void> {
    await tx.insertInto('portfolio_snapshots').values(row).execute();
  }

  async setCursor(tx: Tx, botId: string, cursor: string, now: number): Promise<void> {
    await tx
      .updateTable('bot_runtime')
      .set({ cursor, updated_at: now })
      .where('bot_id', '=', botId)
      .execute();
  }
}
