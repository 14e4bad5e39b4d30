/** The bot's log: stored, streamed as `log:entry`, kept within its row and age limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEventPayload } from '@numerusx/contracts';
import { BotLog } from '../../src/runtime/bot-log.js';
import type { Notify } from '../../src/runtime/notify.js';
import { DB_BACKENDS } from '../modules/helpers.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.each(DB_BACKENDS)('bot log on $name', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('streams each stored line, then prunes to the newest rows and drops old ones', async () => {
    const sent: ServerEventPayload<'log:entry'>[] = [];
    const notify: Notify = (room, event, payload) => {
      if (room === 'logs' && event === 'log:entry')
        sent.push(payload as ServerEventPayload<'log:entry'>);
    };
    let now = Date.UTC(2026, 0, 1);
    const clock = { now: () => now };
    const errors: unknown[] = [];
    const log = new BotLog(
      t.server.db.kysely,
      'retention-bot',
      clock,
      notify,
      (e) => errors.push(e),
      {
        maxRows: 5,
        maxAgeMs: 60_000,
      },
    );
    for (let i = 0; i < 12; i++) await log.info(`line ${i}`, { i });
    expect(sent.map((e) => e.message)).toEqual(Array.from({ length: 12 }, (_, i) => `line ${i}`));
    expect(sent[3]).toMatchObject({
      level: 'info',
      source: 'bot',
      botId: 'retention-bot',
      details: { i: 3 },
    });

    await log.prune();
    const kept = async () =>
      (
        await t.server.db.kysely
          .selectFrom('logs')
          .select('message')
          .where('bot_id', '=', 'retention-bot')
          .orderBy('id')
          .execute()
      ).map((r) => r.message);
    expect(await kept()).toEqual(['line 7', 'line 8', 'line 9', 'line 10', 'line 11']);

    now += 61_000; // every line is now older than a minute
    await log.warn('fresh');
    await log.prune();
    expect(await kept()).toEqual(['fresh']);
    expect(errors).toEqual([]);
  });
});
