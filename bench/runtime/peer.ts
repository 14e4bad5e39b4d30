// The runtime part's peer: the database floor of one cycle. A bare better-sqlite3 transaction on a
// file of the same kind as the server's (same migrations, so the same tables and indexes; the
// pragmas of apps/server/src/db/database.ts: WAL, foreign keys, busy timeout, synchronous NORMAL)
// that inserts one ai_decisions row and one portfolio_snapshots row, shaped like the ones the bot
// just stored (copied from the server's own tables), timed per call.
import SQLite from 'better-sqlite3';
import { migrate, openDatabase } from '@numerusx/server';

type Row = Record<string, string | number | null>;

export interface PeerTemplate {
  /** An ai_decisions row as the bot stored it, without its id. */
  readonly decision: Row;
  /** A portfolio_snapshots row as the bot stored it, without its id. */
  readonly snapshot: Row;
}

export interface Peer {
  /** One transaction: insert a decision row and a snapshot row. Returns its duration in ms. */
  once(ts: number): number;
  close(): void;
}

function withoutId(row: Row): Row {
  const copy: Row = { ...row };
  delete copy['id'];
  return copy;
}

/** The newest decision and snapshot rows of `file` (the server's database), or undefined. */
export function readTemplate(file: string): PeerTemplate | undefined {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const decision = db.prepare('select * from ai_decisions order by id desc limit 1').get() as
      Row | undefined;
    const snapshot = db
      .prepare('select * from portfolio_snapshots order by id desc limit 1')
      .get() as Row | undefined;
    if (decision === undefined || snapshot === undefined) return undefined;
    return { decision: withoutId(decision), snapshot: withoutId(snapshot) };
  } finally {
    db.close();
  }
}

function insertSql(table: string, row: Row): string {
  const cols = Object.keys(row);
  return `insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`;
}

/** Creates `file` with the server's migrations (the same tables and indexes as the bot's). */
export async function createPeerFile(file: string): Promise<void> {
  const migrated = openDatabase({ kind: 'sqlite', file });
  try {
    await migrate(migrated);
  } finally {
    await migrated.close();
  }
}

/** Opens `file` (see createPeerFile) bare, with the server's pragmas. */
export function openPeer(file: string, template: PeerTemplate): Peer {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const insertDecision = db.prepare(insertSql('ai_decisions', template.decision));
  const insertSnapshot = db.prepare(insertSql('portfolio_snapshots', template.snapshot));
  const decision: Row = { ...template.decision };
  const snapshot: Row = { ...template.snapshot };
  const write = db.transaction((ts: number) => {
    decision['ts'] = ts;
    snapshot['ts'] = ts;
    insertDecision.run(decision);
    insertSnapshot.run(snapshot);
  });
  return {
    once(ts) {
      const t0 = process.hrtime.bigint();
      write(ts);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    },
    close() {
      db.close();
    },
  };
}
