/** The ai_decisions table: filtered summaries, one full decision, and the rows with an outcome. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AiDecisionsTable, Database } from '../db/schema.js';

export type DecisionRow = Selectable<AiDecisionsTable>;

/** The list leaves out the large documents (inputs, prompt, raw response, steps). */
const SUMMARY_COLUMNS = [
  'id',
  'bot_id',
  'ts',
  'pair',
  'action',
  'size_usd',
  'stop_loss',
  'take_profit',
  'confidence',
  'reasoning',
  'reasoning_msg',
  'provider',
  'model',
  'regime',
  'status',
  'latency_ms',
  'cost_usd',
  'order_id',
  'outcome',
] as const;
export type DecisionSummaryRow = Pick<DecisionRow, (typeof SUMMARY_COLUMNS)[number]>;

export interface DecisionFilter {
  readonly pair?: string | undefined;
  readonly action?: DecisionRow['action'] | undefined;
  readonly status?: DecisionRow['status'] | undefined;
  readonly provider?: string | undefined;
  readonly minConfidence?: number | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

export interface OutcomeFilter {
  readonly pair?: string | undefined;
  readonly provider?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export class AiRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: DecisionFilter): Promise<DecisionSummaryRow[]> {
    let q = this.db.selectFrom('ai_decisions').select(SUMMARY_COLUMNS);
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.action !== undefined) q = q.where('action', '=', filter.action);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.provider !== undefined) q = q.where('provider', '=', filter.provider);
    if (filter.minConfidence !== undefined) q = q.where('confidence', '>=', filter.minConfidence);
    if (filter.from !== undefined) q = q.where('ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('ts', '<=', filter.to);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  find(id: number): Promise<DecisionRow | undefined> {
    return this.db.selectFrom('ai_decisions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Model spend and decision count per UTC day (day = ts div 86,400,000, integer division on both
   * SQLite and PostgreSQL), oldest first: what the AI layer costs over time.
   */
  async costByDay(
    filter: OutcomeFilter,
  ): Promise<{ day: number; costUsd: number; decisions: number }[]> {
    const day = sql<number>`ts / 86400000`;
    let q = this.db
      .selectFrom('ai_decisions')
      .select((eb) => [
        day.as('day'),
        eb.fn.sum<number | string | null>('cost_usd').as('cost'),
        eb.fn.countAll<number | string>().as('n'),
      ]);
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.provider !== undefined) q = q.where('provider', '=', filter.provider);
    if (filter.from !== undefined) q = q.where('ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('ts', '<=', filter.to);
    const rows = await q.groupBy(day).orderBy(day).execute();
    return rows.map((r) => ({
      day: r.day * 86_400_000,
      costUsd: Number(r.cost ?? 0),
      decisions: Number(r.n),
    }));
  }

  /** Decisions whose outcome is known (set when the trade they led to closed). */
  withOutcome(filter: OutcomeFilter) {
    let q = this.db
      .selectFrom('ai_decisions')
      .select(['provider', 'regime', 'confidence', 'outcome', 'cost_usd'])
      .where('outcome', 'is not', null);
    if (filter.pair !== undefined) q = q.where('pair', '=', filter.pair);
    if (filter.provider !== undefined) q = q.where('provider', '=', filter.provider);
    if (filter.from !== undefined) q = q.where('ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('ts', '<=', filter.to);
    return q.execute();
  }
}
