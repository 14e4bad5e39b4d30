/** bot_config versions, the logs table, and the few facts the bot status reads from other tables. */
import type { Kysely, Selectable } from 'kysely';
import type { BotConfigTable, Database, LogsTable } from '../db/schema.js';

export type BotConfigRow = Selectable<BotConfigTable>;
export type LogRow = Selectable<LogsTable>;

export interface LogFilter {
  readonly level?: LogRow['level'] | undefined;
  readonly source?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Rows with id below this (the cursor of the previous page). */
  readonly before?: number | undefined;
  readonly limit: number;
}

export class BotRepository {
  constructor(private readonly db: Kysely<Database>) {}

  latestConfig(botId: string): Promise<BotConfigRow | undefined> {
    return this.db
      .selectFrom('bot_config')
      .selectAll()
      .where('bot_id', '=', botId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Inserts a version; the (bot_id, version) unique constraint refuses a concurrent duplicate. */
  insertConfig(row: {
    botId: string;
    version: number;
    config: string;
    createdAt: number;
    createdBy: number | null;
  }): Promise<BotConfigRow> {
    return this.db
      .insertInto('bot_config')
      .values({
        bot_id: row.botId,
        version: row.version,
        config: row.config,
        created_at: row.createdAt,
        created_by: row.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listLogs(filter: LogFilter): Promise<LogRow[]> {
    let q = this.db.selectFrom('logs').selectAll();
    if (filter.level !== undefined) q = q.where('level', '=', filter.level);
    if (filter.source !== undefined) q = q.where('source', '=', filter.source);
    if (filter.from !== undefined) q = q.where('ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('ts', '<=', filter.to);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  async insertLog(entry: Omit<LogRow, 'id'>): Promise<void> {
    await this.db.insertInto('logs').values(entry).execute();
  }

  async lastDecisionAt(botId: string): Promise<number | null> {
    // ORDER BY ts DESC LIMIT 1 walks the ai_decisions_ts index backwards; max() with a WHERE scans.
    const r = await this.db
      .selectFrom('ai_decisions')
      .select('ts')
      .where('bot_id', '=', botId)
      .orderBy('ts', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r === undefined ? null : r.ts;
  }

  /** Latest entry or exit of a trade. */
  async lastTradeAt(botId: string): Promise<number | null> {
    const r = await this.db
      .selectFrom('trades')
      .select((eb) => [eb.fn.max('entry_ts').as('entry'), eb.fn.max('exit_ts').as('exit')])
      .where('bot_id', '=', botId)
      .executeTakeFirst();
    const times = [r?.entry, r?.exit].filter((t) => t != null).map(Number);
    return times.length === 0 ? null : Math.max(...times);
  }

  async openPositions(botId: string): Promise<number> {
    const r = await this.db
      .selectFrom('positions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('bot_id', '=', botId)
      .where('qty', '!=', 0)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
