/**
 * The bot's own log: lines a user reads in the dashboard (decisions, orders, stops, errors),
 * stored in the logs table with bounded retention and streamed as `log:entry` to the `logs` room.
 * Writing a line never fails the caller: a log that cannot be stored is reported to the process
 * logger and dropped, because the trading loop must not stop over its diary.
 *
 * A line is a message (core's `Msg`, keys `runtime.log.*`): its English is stored as the text and
 * the message beside it, so the dashboard shows it in the reader's language. A plain string is a
 * line with no message (kept for callers outside the runtime); it is shown as written.
 */
import { english, type Clock, type Msg } from '@numerusx/core';
import type { Kysely } from 'kysely';
import { logEntry } from '../bot/bot.service.js';
import type { Database, LogsTable } from '../db/schema.js';
import { msgColumn } from '../db/stored-msg.js';
import type { Notify } from './notify.js';

export type Level = LogsTable['level'];
export type LogText = Msg | string;

export interface Retention {
  /** Lines kept per bot; older ones are deleted (default 50,000). */
  readonly maxRows: number;
  /** Lines older than this are deleted (default 30 days). */
  readonly maxAgeMs: number;
}

export const DEFAULT_RETENTION: Retention = { maxRows: 50_000, maxAgeMs: 30 * 86_400_000 };
/** Retention is enforced every this many lines, not on each: one DELETE per batch. */
const PRUNE_EVERY = 500;

export class BotLog {
  private written = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly botId: string,
    private readonly clock: Clock,
    private readonly notify: Notify,
    private readonly onError: (error: unknown) => void,
    private readonly retention: Retention = DEFAULT_RETENTION,
  ) {}

  info(text: LogText, details?: Record<string, unknown>): Promise<void> {
    return this.write('info', text, details);
  }

  warn(text: LogText, details?: Record<string, unknown>): Promise<void> {
    return this.write('warn', text, details);
  }

  error(text: LogText, details?: Record<string, unknown>): Promise<void> {
    return this.write('error', text, details);
  }

  debug(text: LogText, details?: Record<string, unknown>): Promise<void> {
    return this.write('debug', text, details);
  }

  async write(level: Level, text: LogText, details?: Record<string, unknown>): Promise<void> {
    try {
      const message = typeof text === 'string' ? text : english(text);
      const row = await this.db
        .insertInto('logs')
        .values({
          ts: this.clock.now(),
          level,
          source: 'bot',
          message,
          message_msg: typeof text === 'string' ? null : msgColumn(text),
          bot_id: this.botId,
          details: details === undefined ? null : JSON.stringify(details),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      this.notify('logs', 'log:entry', logEntry(row));
      if (++this.written % PRUNE_EVERY === 0) await this.prune();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Deletes lines past the age limit, then past the row limit (ids are in insertion order). */
  async prune(): Promise<void> {
    await this.db
      .deleteFrom('logs')
      .where('bot_id', '=', this.botId)
      .where('ts', '<', this.clock.now() - this.retention.maxAgeMs)
      .execute();
    const cutoff = await this.db
      .selectFrom('logs')
      .select('id')
      .where('bot_id', '=', this.botId)
      .orderBy('id', 'desc')
      .offset(this.retention.maxRows)
      .limit(1)
      .executeTakeFirst();
    if (cutoff !== undefined) {
      await this.db
        .deleteFrom('logs')
        .where('bot_id', '=', this.botId)
        .where('id', '<=', cutoff.id)
        .execute();
    }
  }
}
