/** The id a `cursor` query string names (the contracts' pattern already makes it digits only). */
export function cursorId(cursor: string | undefined): number | undefined {
  return cursor === undefined ? undefined : Number(cursor);
}
