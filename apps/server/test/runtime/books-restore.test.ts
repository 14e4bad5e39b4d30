/**
 * Rebuilding the books on start: the ledger is the sum of the stored fills, and a stored position
 * that disagrees with them is reported (pair, stored quantity, quantity from fills) for the log,
 * in words the dashboard can translate.
 */
import { english, msg } from '@numerusx/core';
import { describe, expect, it } from 'vitest';
import type { FillRow, PositionRow } from '../../src/runtime/runtime.repository.js';
import { TradingBooks } from '../../src/runtime/trading-books.js';

const T0 = Date.UTC(2024, 0, 1);

const fill = (order_id: number, qty: number, price: number): FillRow => ({
  id: order_id,
  bot_id: 'main',
  order_id,
  seq: 1,
  ts: T0 + order_id * 60_000,
  pair: 'SOL/USDT',
  side: 'buy',
  qty,
  price,
  fee: 0,
  slippage: 0,
  exit_reason: null,
  external_id: null,
});

const position = (pair: string, qty: number): PositionRow => ({
  id: 1,
  bot_id: 'main',
  asset: pair.split('/')[0] ?? pair,
  qty,
  avg_entry: 100,
  mark: 100,
  realized_pnl: 0,
  updated_at: T0,
  pair,
  stop_loss: null,
  take_profit: null,
  trail_pct: null,
  high_water: null,
});

const books = () =>
  new TradingBooks({ botId: 'main', capital: 10_000, pairs: ['SOL/USDT'], runId: 'r1' });

describe('TradingBooks.restore', () => {
  it('rebuilds positions from fills and finds nothing wrong when the rows agree', () => {
    const b = books();
    const problems = b.restore(
      [fill(1, 1.5, 100), fill(2, 0.5, 110)],
      [position('SOL/USDT', 2)],
      [],
    );
    expect(problems).toEqual([]);
    expect(b.ledger.qty('SOL/USDT')).toBe(2);
    expect(b.ledger.snapshot().cash).toBeCloseTo(10_000 - 150 - 55, 9);
  });

  it('reports a stored position its fills do not add up to, with both quantities', () => {
    const b = books();
    const problems = b.restore([fill(1, 1.5, 100)], [position('SOL/USDT', 2)], []);
    expect(problems).toEqual([{ pair: 'SOL/USDT', stored: 2, fromFills: 1.5 }]);
    // The books follow the fills, the record of what really executed.
    expect(b.ledger.qty('SOL/USDT')).toBe(1.5);
    const [problem] = problems;
    expect(english(msg('runtime.log.booksDisagree', { ...problem! }))).toBe(
      'books rebuilt from fills disagree with the stored positions: SOL/USDT: stored position 2 ≠ 1.5 from fills',
    );
  });

  it('ignores rows of pairs the bot no longer trades', () => {
    const problems = books().restore([], [position('BTC/USDT', 0.1)], []);
    expect(problems).toEqual([]);
  });
});
