/** portfolio_snapshots and positions as the bot's ledger writes them; trades closed in a range. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Database,
  PortfolioSnapshotsTable,
  PositionsTable,
  TradesTable,
} from '../db/schema.js';

export type SnapshotRow = Selectable<PortfolioSnapshotsTable>;
export type PositionRow = Selectable<PositionsTable>;
export type TradeRow = Selectable<TradesTable>;

export interface SnapshotRange {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Keep only the last snapshot of each UTC bucket of this many ms (undefined: every one). */
  readonly bucketMs?: number | undefined;
  /** Rows with id above this (snapshots are read oldest first). */
  readonly after?: number | undefined;
  readonly limit?: number | undefined;
}

export class PortfolioRepository {
  constructor(private readonly db: Kysely<Database>) {}

  latestSnapshot(botId: string): Promise<SnapshotRow | undefined> {
    return this.db
      .selectFrom('portfolio_snapshots')
      .selectAll()
      .where('bot_id', '=', botId)
      .orderBy('ts', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The first snapshot in [from, to]. */
  firstSnapshot(botId: string, from: number | undefined, to: number | undefined) {
    let q = this.db.selectFrom('portfolio_snapshots').selectAll().where('bot_id', '=', botId);
    if (from !== undefined) q = q.where('ts', '>=', from);
    if (to !== undefined) q = q.where('ts', '<=', to);
    return q.orderBy('ts', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst();
  }

  /** The last snapshot taken at or before `ts`. */
  snapshotAtOrBefore(botId: string, ts: number): Promise<SnapshotRow | undefined> {
    return this.db
      .selectFrom('portfolio_snapshots')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('ts', '<=', ts)
      .orderBy('ts', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Snapshots oldest first. With a bucket, the last one of each bucket: the ledger appends snapshots
   * in time order, so the highest id of a bucket is its latest. `ts / bucket` is integer division on
   * both databases (ts is a bigint; the bucket is inlined as an integer literal, never user input).
   */
  snapshots(botId: string, range: SnapshotRange): Promise<SnapshotRow[]> {
    let q = this.db.selectFrom('portfolio_snapshots').selectAll().where('bot_id', '=', botId);
    if (range.from !== undefined) q = q.where('ts', '>=', range.from);
    if (range.to !== undefined) q = q.where('ts', '<=', range.to);
    if (range.bucketMs !== undefined) {
      const bucket = sql.lit(Math.trunc(range.bucketMs));
      let last = this.db
        .selectFrom('portfolio_snapshots')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('bot_id', '=', botId);
      if (range.from !== undefined) last = last.where('ts', '>=', range.from);
      if (range.to !== undefined) last = last.where('ts', '<=', range.to);
      q = q.where('id', 'in', last.groupBy(sql`ts / ${bucket}`));
    }
    if (range.after !== undefined) q = q.where('id', '>', range.after);
    q = q.orderBy('id', 'asc');
    return range.limit === undefined ? q.execute() : q.limit(range.limit).execute();
  }

  /** Positions with a non-zero quantity, newest id first. */
  positions(botId: string, page: { before?: number | undefined; limit: number }) {
    let q = this.db
      .selectFrom('positions')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('qty', '!=', 0);
    if (page.before !== undefined) q = q.where('id', '<', page.before);
    return q.orderBy('id', 'desc').limit(page.limit).execute();
  }

  /** Trades of the bot closed in [from, to] (exit time), oldest exit first. */
  closedTrades(botId: string, from: number | undefined, to: number | undefined) {
    let q = this.db
      .selectFrom('trades')
      .selectAll()
      .where('bot_id', '=', botId)
      .where('pnl', 'is not', null)
      .where('exit_ts', 'is not', null);
    if (from !== undefined) q = q.where('exit_ts', '>=', from);
    if (to !== undefined) q = q.where('exit_ts', '<=', to);
    return q.orderBy('exit_ts', 'asc').orderBy('id', 'asc').execute();
  }
}
