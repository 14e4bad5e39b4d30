/** The orders table (written by the order manager of the bot runtime; read here). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrdersTable } from '../db/schema.js';

export type OrderRow = Selectable<OrdersTable>;

export interface OrderFilter {
  readonly status?: string | undefined;
  readonly pair?: string | undefined;
  readonly side?: OrderRow['side'] | undefined;
  readonly decisionId?: number | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

export class OrdersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: OrderFilter): Promise<OrderRow[]> {
    let q = this.db.selectFrom('orders').selectAll();
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.side !== undefined) q = q.where('side', '=', filter.side);
    if (filter.decisionId !== undefined) q = q.where('decision_id', '=', filter.decisionId);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  find(id: number): Promise<OrderRow | undefined> {
    return this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
