/** Refresh tokens, stored as SHA-256 hashes, grouped in rotation families. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, RefreshTokensTable } from '../db/schema.js';

export type RefreshTokenRow = Selectable<RefreshTokensTable>;

export class RefreshTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Omit<RefreshTokenRow, 'id' | 'used_at' | 'revoked_at'>): Promise<void> {
    await this.db
      .insertInto('refresh_tokens')
      .values({ ...row, used_at: null, revoked_at: null })
      .execute();
  }

  findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Marks a live token spent; false when another request spent or revoked it first. */
  async markUsed(id: number, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('refresh_tokens')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Revokes every token of the family; returns the access-token ids issued with them. */
  revokeFamily(familyId: string, now: number) {
    return this.revokeWhere('family_id', familyId, now);
  }

  /** Revokes every session of the user; returns the access-token ids issued with them. */
  revokeUser(userId: number, now: number) {
    return this.revokeWhere('user_id', userId, now);
  }

  private async revokeWhere(
    column: 'family_id' | 'user_id',
    value: string | number,
    now: number,
  ): Promise<{ jti: string; expiresAt: number }[]> {
    const rows = await this.db
      .selectFrom('refresh_tokens')
      .select(['access_jti', 'access_expires_at'])
      .where(column, '=', value)
      .where('access_expires_at', '>', now)
      .execute();
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where(column, '=', value)
      .where('revoked_at', 'is', null)
      .execute();
    return rows.flatMap((r) =>
      r.access_jti !== null && r.access_expires_at !== null
        ? [{ jti: r.access_jti, expiresAt: r.access_expires_at }]
        : [],
    );
  }

  /** Drops tokens expired for more than a day (housekeeping). */
  async deleteExpired(now: number): Promise<void> {
    await this.db
      .deleteFrom('refresh_tokens')
      .where('expires_at', '<', now - 86_400_000)
      .execute();
  }
}
