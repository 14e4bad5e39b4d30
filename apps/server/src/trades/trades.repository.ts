/** The trades table: filtered pages, one trade, and aggregate statistics computed in SQL. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TradesTable } from '../db/schema.js';

export type TradeRow = Selectable<TradesTable>;

export interface TradeFilter {
  readonly pair?: string | undefined;
  readonly side?: TradeRow['side'] | undefined;
  readonly status?: 'open' | 'closed' | undefined;
  /** On the entry time. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly decisionId?: number | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

export interface TradeAggregates {
  readonly closed: number;
  readonly wins: number;
  readonly losses: number;
  readonly totalPnl: number;
  readonly grossProfit: number;
  readonly grossLoss: number;
  readonly fees: number;
  readonly best: number | null;
  readonly worst: number | null;
}

/** SUM over no row is NULL, and PostgreSQL may return numeric sums as strings. */
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class TradesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: TradeFilter): Promise<TradeRow[]> {
    let q = this.db.selectFrom('trades').selectAll();
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.side !== undefined) q = q.where('side', '=', filter.side);
    if (filter.status === 'open') q = q.where('exit_ts', 'is', null);
    if (filter.status === 'closed') q = q.where('exit_ts', 'is not', null);
    if (filter.from !== undefined) q = q.where('entry_ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('entry_ts', '<=', filter.to);
    if (filter.decisionId !== undefined) q = q.where('decision_id', '=', filter.decisionId);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  find(id: number): Promise<TradeRow | undefined> {
    return this.db.selectFrom('trades').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Closed trades (pnl set) with their exit in [from, to]. */
  async aggregates(filter: {
    pair?: string | undefined;
    from?: number | undefined;
    to?: number | undefined;
  }): Promise<TradeAggregates> {
    let q = this.db
      .selectFrom('trades')
      .select([
        sql<number | string>`count(*)`.as('closed'),
        sql<number | string | null>`sum(case when pnl > 0 then 1 else 0 end)`.as('wins'),
        sql<number | string | null>`sum(case when pnl < 0 then 1 else 0 end)`.as('losses'),
        sql<number | string | null>`sum(pnl)`.as('total'),
        sql<number | string | null>`sum(case when pnl > 0 then pnl else 0 end)`.as('profit'),
        sql<number | string | null>`sum(case when pnl < 0 then -pnl else 0 end)`.as('loss'),
        sql<number | string | null>`sum(fee)`.as('fees'),
        sql<number | string | null>`max(pnl)`.as('best'),
        sql<number | string | null>`min(pnl)`.as('worst'),
      ])
      .where('pnl', 'is not', null);
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.from !== undefined) q = q.where('exit_ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('exit_ts', '<=', filter.to);
    const r = await q.executeTakeFirstOrThrow();
    return {
      closed: num(r.closed),
      wins: num(r.wins),
      losses: num(r.losses),
      totalPnl: num(r.total),
      grossProfit: num(r.profit),
      grossLoss: num(r.loss),
      fees: num(r.fees),
      best: numOrNull(r.best),
      worst: numOrNull(r.worst),
    };
  }

  async countOpen(pair: string | undefined): Promise<number> {
    let q = this.db
      .selectFrom('trades')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('exit_ts', 'is', null);
    if (pair !== undefined) q = q.where('pair', '=', pair);
    return num((await q.executeTakeFirstOrThrow()).n);
  }
}
