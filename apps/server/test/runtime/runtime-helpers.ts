/** Helpers of the runtime suites: polling with a deadline, paging, and the ledger cross-check. */
import { expect } from 'vitest';
import type { Client } from '../support/server.js';

/** Resolves once `check` is true; fails after `timeoutMs` naming what was awaited. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every item of a cursor-paged list. */
export async function allPages(client: Client, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await client.request(
      'GET',
      `${path}${sep}limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...(page.body['items'] as Record<string, unknown>[]));
    cursor = page.body['nextCursor'] as string | null;
  } while (cursor !== null);
  return items;
}

/**
 * The ledger invariant seen from the API: the overview's realised pnl is the closed trades' pnl;
 * its cash is the capital plus that pnl minus what the open trades cost; its equity is cash plus
 * the positions at their marks.
 */
export async function tradesAgreeWithPortfolio(client: Client, capital: number): Promise<void> {
  const trades = await allPages(client, '/trades');
  const overview = (await client.request('GET', '/portfolio/overview')).body;
  expect(overview['hasData']).toBe(true);
  const num = (v: unknown) => v as number;
  let realized = 0;
  let openCost = 0;
  for (const tr of trades) {
    if (tr['status'] === 'closed') realized += num(tr['pnl']);
    else openCost += num(tr['entryPrice']) * num(tr['qty']) + num(tr['fee']);
  }
  const close = (a: number, b: number) => {
    expect(a).toBeCloseTo(b, 4);
  };
  close(num(overview['realizedPnl']), realized);
  close(num(overview['cash']), capital + realized - openCost);
  const positions = overview['positions'] as { value: number }[];
  close(
    num(overview['equity']),
    num(overview['cash']) + positions.reduce((s, p) => s + p.value, 0),
  );
}
