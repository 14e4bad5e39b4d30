// Seeds the bench database with closed trades, positions and portfolio snapshots shaped like a
// year of bot activity on two pairs. Deterministic (an LCG), so every run reads the same data.
import type { Kysely } from 'kysely';

type Db = Kysely<Record<string, Record<string, unknown>>>;

export async function seedTrades(kysely: unknown, count: number, start: number): Promise<void> {
  const db = kysely as Db;
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return seed / 2 ** 32;
  };
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const entryTs = start + i * 300_000;
    const entryPrice = 100 + 50 * Math.sin(i / 5000) + rand();
    const exitPrice = entryPrice * (1 + (rand() - 0.48) * 0.04);
    const qty = Math.round((1 + rand() * 9) * 1e6) / 1e6;
    rows.push({
      bot_id: 'default',
      pair: i % 3 === 0 ? 'ETH/USDC' : 'SOL/USDC',
      side: 'buy',
      entry_ts: entryTs,
      entry_price: entryPrice,
      exit_ts: entryTs + 240_000,
      exit_price: exitPrice,
      qty,
      fee: qty * entryPrice * 0.001,
      pnl: qty * (exitPrice - entryPrice),
      exit_reason: rand() < 0.5 ? 'take-profit' : 'stop-loss',
      order_id: null,
      decision_id: null,
      created_at: entryTs + 240_000,
    });
    if (rows.length === 500) await db.insertInto('trades').values(rows.splice(0)).execute();
  }
  if (rows.length > 0) await db.insertInto('trades').values(rows).execute();
  const last = start + count * 300_000;
  const snapshots: Record<string, unknown>[] = [];
  for (let d = 0; d < 365; d++) {
    const equity = 10_000 * (1 + 0.0005 * d + 0.01 * Math.sin(d / 9));
    snapshots.push({
      bot_id: 'default',
      ts: last - (365 - d) * 86_400_000,
      cash: equity * 0.6,
      positions_value: equity * 0.4,
      equity,
      realized_pnl: equity - 10_000,
      unrealized_pnl: 0,
      fees: 12.5 * d,
    });
  }
  await db.insertInto('portfolio_snapshots').values(snapshots).execute();
  await db
    .insertInto('positions')
    .values([
      {
        bot_id: 'default',
        asset: 'SOL',
        qty: 12.5,
        avg_entry: 142.1,
        mark: 150.3,
        realized_pnl: 80,
        updated_at: last,
      },
      {
        bot_id: 'default',
        asset: 'ETH',
        qty: 0.75,
        avg_entry: 3100,
        mark: 3050,
        realized_pnl: -12,
        updated_at: last,
      },
    ])
    .execute();
}
