/** The backtests table: a row per request, its status, and the result document once done. */
import type { Kysely, Selectable } from 'kysely';
import type { BacktestsTable, Database } from '../db/schema.js';

export type BacktestRow = Selectable<BacktestsTable>;
export type BacktestSummaryRow = Omit<BacktestRow, 'result'>;

export interface BacktestFilter {
  readonly status?: BacktestRow['status'] | undefined;
  readonly strategy?: string | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

export class BacktestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: {
    createdAt: number;
    createdBy: number | null;
    strategy: string;
    request: string;
  }): Promise<BacktestSummaryRow> {
    return this.db
      .insertInto('backtests')
      .values({
        created_at: row.createdAt,
        created_by: row.createdBy,
        status: 'queued',
        strategy: row.strategy,
        request: row.request,
        result: null,
        error: null,
        finished_at: null,
      })
      .returning(SUMMARY)
      .executeTakeFirstOrThrow();
  }

  async markRunning(id: number): Promise<void> {
    await this.db
      .updateTable('backtests')
      .set({ status: 'running' })
      .where('id', '=', id)
      .execute();
  }

  async finish(
    id: number,
    end: { status: 'done' | 'failed'; result: string | null; error: string | null; at: number },
  ): Promise<void> {
    await this.db
      .updateTable('backtests')
      .set({ status: end.status, result: end.result, error: end.error, finished_at: end.at })
      .where('id', '=', id)
      .execute();
  }

  /** Marks queued/running rows created before `createdBefore` failed; returns how many. */
  async failUnfinished(createdBefore: number, error: string, at: number): Promise<number> {
    const r = await this.db
      .updateTable('backtests')
      .set({ status: 'failed', error, finished_at: at })
      .where('status', 'in', ['queued', 'running'])
      .where('created_at', '<', createdBefore)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Without the result documents: a list must stay small. */
  list(filter: BacktestFilter): Promise<BacktestSummaryRow[]> {
    let q = this.db.selectFrom('backtests').select(SUMMARY);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.strategy !== undefined) q = q.where('strategy', '=', filter.strategy);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  find(id: number): Promise<BacktestRow | undefined> {
    return this.db.selectFrom('backtests').selectAll().where('id', '=', id).executeTakeFirst();
  }
}

const SUMMARY = [
  'id',
  'created_at',
  'created_by',
  'status',
  'strategy',
  'request',
  'error',
  'finished_at',
] as const;
