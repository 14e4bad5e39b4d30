/** The append-only audit trail: rows are inserted and read, never updated or deleted by the API. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.js';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditEntry {
  readonly actorId: number | null;
  readonly actorName: string | null;
  readonly ip: string | null;
  readonly action: string;
  readonly target?: string | null;
  readonly outcome: AuditRow['outcome'];
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actorId?: number;
  readonly outcome?: AuditRow['outcome'];
  readonly from?: number;
  readonly to?: number;
  /** Rows with id below this (the cursor of the previous page). */
  readonly before?: number | undefined;
  readonly limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(entry: AuditEntry, ts: number): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        ts,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        ip: entry.ip,
        action: entry.action,
        target: entry.target ?? null,
        outcome: entry.outcome,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
      })
      .execute();
  }

  list(filter: AuditFilter): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.action !== undefined) q = q.where('action', '=', filter.action);
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.outcome !== undefined) q = q.where('outcome', '=', filter.outcome);
    if (filter.from !== undefined) q = q.where('ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('ts', '<=', filter.to);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }
}
