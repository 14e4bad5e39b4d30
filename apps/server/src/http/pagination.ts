/**
 * Cursor pagination by descending id: a repository is asked for limit + 1 rows; the extra row only
 * tells that another page exists, and the cursor is the last returned id.
 */
export function pageOf<R extends { id: number }, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? String(last.id) : null,
  };
}

/** The id a `cursor` query string names (the contracts' pattern already makes it digits only). */
export function cursorId(cursor: string | undefined): number | undefined {
  return cursor === undefined ? undefined : Number(cursor);
}
