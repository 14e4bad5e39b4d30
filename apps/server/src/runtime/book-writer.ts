/**
 * Writes what the books did since the last flush, inside the caller's fenced transaction: orders
 * (created or changed), fills, the trades they opened or closed, the touched positions and, when
 * asked, a portfolio snapshot. Returns the stored rows so the runtime can emit them once the
 * transaction has committed (an event never announces a write that was rolled back).
 */
import type { ClosedTrade, Fill, Order } from '@numerusx/core';
import type { OrderDetails, TradingBooks } from './trading-books.js';
import type { OrderRow, RuntimeRepository, TradeRow, Tx } from './runtime.repository.js';

export interface Flushed {
  readonly orders: OrderRow[];
  readonly trades: TradeRow[];
  readonly snapshot: boolean;
}

export async function flushBooks(
  tx: Tx,
  repo: RuntimeRepository,
  books: TradingBooks,
  options: { readonly now: number; readonly snapshot: boolean },
): Promise<Flushed> {
  const orders: OrderRow[] = [];
  const trades: TradeRow[] = [];
  // Orders first: fills and trades refer to their rows.
  for (const order of books.dirty.values()) orders.push(await writeOrder(tx, repo, books, order));
  books.dirty.clear();
  for (const { fill, closed } of books.takeFills()) {
    const meta = books.meta.get(fill.orderId);
    if (meta?.rowId === undefined) throw new Error(`fill of unknown order ${fill.orderId}`);
    const seq = (books.fillCount.get(meta.rowId) ?? 0) + 1;
    books.fillCount.set(meta.rowId, seq);
    await repo.insertFill(tx, {
      bot_id: books.botId,
      order_id: meta.rowId,
      seq,
      ts: fill.ts,
      pair: fill.pair,
      side: fill.side,
      qty: fill.qty,
      price: fill.price,
      fee: fill.fee,
      slippage: fill.slippage,
      exit_reason: fill.exitReason ?? null,
      external_id: meta.externalId ?? null,
    });
    trades.push(...(await bookTrade(tx, repo, books, fill, closed, meta)));
  }
  for (const pair of books.touched) await writePosition(tx, repo, books, pair, options.now);
  books.touched.clear();
  if (options.snapshot) {
    const s = books.ledger.snapshot();
    let positionsValue = 0;
    let unrealized = 0;
    for (const p of s.positions) {
      positionsValue += p.qty * p.mark;
      unrealized += p.unrealizedPnl;
    }
    await repo.insertSnapshot(tx, {
      bot_id: books.botId,
      ts: options.now,
      cash: s.cash,
      positions_value: positionsValue,
      equity: s.equity,
      realized_pnl: s.realizedPnl,
      unrealized_pnl: unrealized,
      fees: s.fees,
    });
  }
  return { orders, trades, snapshot: options.snapshot };
}

async function writeOrder(
  tx: Tx,
  repo: RuntimeRepository,
  books: TradingBooks,
  order: Order,
): Promise<OrderRow> {
  const meta = books.meta.get(order.id);
  if (meta === undefined) throw new Error(`order ${order.id} has no owner`);
  const changes = {
    status: order.status,
    filled_qty: order.filledQty,
    avg_fill_price: order.filledQty > 0 ? order.averageFillPrice : null,
    fee: order.fees,
    updated_at: order.updatedAt,
  };
  if (meta.rowId !== undefined) return repo.updateOrder(tx, meta.rowId, changes);
  const details: OrderDetails = {
    request: order.request,
    ...(order.parentId === undefined ? {} : { parentId: order.parentId }),
    stopLoss: meta.stopLoss,
    takeProfit: meta.takeProfit,
  };
  const row = await repo.insertOrder(tx, {
    client_id: meta.clientId,
    bot_id: books.botId,
    pair: order.pair,
    side: order.side,
    type: order.type,
    qty: typeof order.qty === 'number' ? order.qty : null,
    quote_size: order.quoteAmount ?? null,
    limit_price: order.price ?? null,
    stop_price: order.stopPrice ?? null,
    source: meta.source,
    decision_id: meta.decisionId,
    created_by: meta.createdBy,
    details: JSON.stringify(details),
    created_at: order.createdAt,
    ...changes,
  });
  meta.rowId = row.id;
  return row;
}

/**
 * One trade row per position: a buy opens it or adds to it (volume-weighted entry); a sell closes
 * it whole, or splits off a closed row for the part sold. Rows keep the entry's order and decision,
 * which is how a decision finds the pnl it led to.
 */
async function bookTrade(
  tx: Tx,
  repo: RuntimeRepository,
  books: TradingBooks,
  fill: Fill,
  closed: ClosedTrade | undefined,
  meta: { rowId: number | undefined; decisionId: number | null; externalId?: string },
): Promise<TradeRow[]> {
  const open = books.openTrade.get(fill.pair);
  if (fill.side === 'buy') {
    if (open === undefined) {
      const row = await repo.insertTrade(tx, {
        bot_id: books.botId,
        pair: fill.pair,
        side: 'buy',
        entry_ts: fill.ts,
        entry_price: fill.price,
        exit_ts: null,
        exit_price: null,
        qty: fill.qty,
        fee: fill.fee,
        pnl: null,
        exit_reason: null,
        order_id: meta.rowId ?? null,
        decision_id: meta.decisionId,
        created_at: fill.ts,
      });
      books.openTrade.set(fill.pair, row);
      return [row];
    }
    const qty = books.ledger.qty(fill.pair);
    const row = await repo.updateTrade(tx, open.id, {
      qty,
      entry_price: (open.entry_price * open.qty + fill.price * fill.qty) / (open.qty + fill.qty),
      fee: open.fee + fill.fee,
    });
    books.openTrade.set(fill.pair, row);
    return [row];
  }
  if (closed === undefined) return [];
  books.realized.set(fill.pair, (books.realized.get(fill.pair) ?? 0) + closed.pnl);
  const exit = {
    exit_ts: closed.exitTs,
    exit_price: closed.exitPrice,
    pnl: closed.pnl,
    exit_reason: closed.exitReason,
  };
  const remaining = books.ledger.qty(fill.pair);
  if (open === undefined) {
    // A position without a trade row (not expected): the closed trade is still recorded.
    return [
      await repo.insertTrade(tx, {
        bot_id: books.botId,
        pair: fill.pair,
        side: 'buy',
        entry_ts: closed.entryTs,
        entry_price: closed.entryPrice,
        qty: closed.qty,
        fee: closed.fee,
        order_id: null,
        decision_id: null,
        created_at: fill.ts,
        ...exit,
      }),
    ];
  }
  if (remaining <= 0) {
    books.openTrade.delete(fill.pair);
    return [await repo.updateTrade(tx, open.id, { qty: closed.qty, fee: closed.fee, ...exit })];
  }
  const part = await repo.insertTrade(tx, {
    bot_id: books.botId,
    pair: fill.pair,
    side: 'buy',
    entry_ts: open.entry_ts,
    entry_price: closed.entryPrice,
    qty: closed.qty,
    fee: closed.fee,
    order_id: open.order_id,
    decision_id: open.decision_id,
    created_at: fill.ts,
    ...exit,
  });
  const rest = await repo.updateTrade(tx, open.id, {
    qty: remaining,
    fee: books.ledger.openEntryFees(fill.pair),
  });
  books.openTrade.set(fill.pair, rest);
  return [part, rest];
}

async function writePosition(
  tx: Tx,
  repo: RuntimeRepository,
  books: TradingBooks,
  pair: string,
  now: number,
): Promise<void> {
  const ledger = books.ledger;
  const position = ledger.position(pair);
  const guard = books.guards.get(pair);
  const mark = position?.mark ?? ledger.markOf(pair);
  await repo.upsertPosition(tx, {
    bot_id: books.botId,
    pair,
    asset: ledger.market(pair).base,
    qty: position?.qty ?? 0,
    avg_entry: position?.averageEntry ?? 0,
    mark: Number.isFinite(mark) ? mark : 0,
    realized_pnl: books.realized.get(pair) ?? 0,
    updated_at: now,
    stop_loss: guard?.stopLoss ?? null,
    take_profit: guard?.takeProfit ?? null,
    trail_pct: guard?.trailPct ?? null,
    high_water: guard?.highWater ?? null,
  });
}
