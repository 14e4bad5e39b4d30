/**
 * Revoked access-token ids. A revoked token is refused on the very next request: the check reads the
 * KvStore (in process, or Redis shared by every instance); the database copy lets a single instance
 * keep its list across a restart.
 */
import type { Clock } from '@numerusx/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { KvStore } from '../kv/kv-store.js';

export class TokenRevocation {
  private readonly listeners = new Set<(jti: string) => void>();

  constructor(
    private readonly kv: KvStore,
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Calls `listener` with each id revoked through this instance (the socket layer disconnects its
   * sockets); returns the function that removes it, so a closed server stops listening.
   */
  onRevoke(listener: (jti: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async revoke(tokens: readonly { jti: string; expiresAt: number }[]): Promise<void> {
    const now = this.clock.now();
    for (const t of tokens) {
      if (t.expiresAt <= now) continue;
      await this.kv.set(key(t.jti), t.expiresAt - now);
      await this.db
        .insertInto('revoked_tokens')
        .values({ jti: t.jti, expires_at: t.expiresAt })
        .onConflict((oc) => oc.column('jti').doNothing())
        .execute();
      for (const listener of this.listeners) listener(t.jti);
    }
  }

  isRevoked(jti: string): Promise<boolean> {
    return this.kv.has(key(jti));
  }

  /** Loads the persisted list into the store and drops expired rows (at start). */
  async restore(): Promise<void> {
    const now = this.clock.now();
    await this.db.deleteFrom('revoked_tokens').where('expires_at', '<=', now).execute();
    const rows = await this.db.selectFrom('revoked_tokens').selectAll().execute();
    for (const r of rows) await this.kv.set(key(r.jti), r.expires_at - now);
  }
}

function key(jti: string): string {
  return `revoked:${jti}`;
}
