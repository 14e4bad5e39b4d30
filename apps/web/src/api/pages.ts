/** Merging live records into cursor-paged lists that TanStack Query holds as InfiniteData. */
import type { InfiniteData } from '@tanstack/react-query';

export interface PageOf<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export type Paged<T> = InfiniteData<PageOf<T>>;

/** How many live items the first page may grow to before the oldest fall off (memory bound). */
export const LIVE_PAGE_CAP = 500;

/**
 * Puts `item` where it belongs: replaces the record with the same id wherever it is (or removes it
 * when it no longer matches the list's filters), else prepends it when it matches (lists are newest
 * first). Returns the same object when nothing changed, so React does not re-render for nothing.
 */
export function upsertInPages<T extends { readonly id: number }>(
  data: Paged<T> | undefined,
  item: T,
  matches: boolean,
): Paged<T> | undefined {
  if (data === undefined) return data;
  const at = data.pages.findIndex((page) => page.items.some((x) => x.id === item.id));
  if (at >= 0) {
    const pages = data.pages.map((page, p) => {
      if (p !== at) return page;
      const items = matches
        ? page.items.map((x) => (x.id === item.id ? item : x))
        : page.items.filter((x) => x.id !== item.id);
      return { ...page, items };
    });
    return { ...data, pages };
  }
  if (!matches) return data;
  if (data.pages.length === 0) {
    return { pages: [{ items: [item], nextCursor: null }], pageParams: [undefined] };
  }
  const [first, ...rest] = data.pages as [PageOf<T>, ...PageOf<T>[]];
  // The newest first; records arriving out of order (an older id) still go in by id order.
  const items = [...first.items, item].sort((a, b) => b.id - a.id).slice(0, LIVE_PAGE_CAP);
  return { ...data, pages: [{ ...first, items }, ...rest] };
}

export function flatten<T>(data: Paged<T> | undefined): T[] {
  return data === undefined ? [] : data.pages.flatMap((p) => p.items);
}
