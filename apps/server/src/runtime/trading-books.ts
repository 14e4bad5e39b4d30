/**
 * The running bot's books: the core Ledger and OrderManager (the same engine as a backtest) plus
 * what the database needs to mirror them. The engine works in memory; every change is queued here
 * and written by `flush()` in one fenced transaction, so the database always holds a state the
 * engine really passed through. On start the books are rebuilt from the stored fills (the ledger
 * is their sum) and the working orders are placed again under their client ids.
 */
import {
  Ledger,
  OrderManager,
  checkGuard,
  guardFor,
  marketSpec,
  type ClosedTrade,
  type Fill,
  type GuardExit,
  type Order,
  type OrderRequest,
  type PositionGuard,
} from '@numerusx/core';
import type { FillRow, OrderRow, PositionRow, TradeRow } from './runtime.repository.js';
import { errorText } from './texts.js';

/** Who an order is for: shown on the order and carried to its trades. */
export interface OrderMeta {
  rowId: number | undefined;
  readonly clientId: string;
  readonly source: 'bot' | 'manual';
  readonly decisionId: number | null;
  readonly createdBy: number | null;
  /** Protective levels of the position a filled buy opens (the decision's stop and target). */
  readonly stopLoss: number | null;
  readonly takeProfit: number | null;
  /** The venue's id of the execution (a Solana signature live). */
  externalId?: string;
}

/** A pair whose stored position is not what its fills add up to (found when books are rebuilt). */
export interface BookMismatch {
  readonly pair: string;
  readonly stored: number;
  readonly fromFills: number;
}

export interface BooksOptions {
  readonly botId: string;
  readonly capital: number;
  readonly pairs: readonly string[];
  /** Prefix of this run's order ids: unique per lease, so ids never repeat across restarts. */
  readonly runId: string;
}

/** A stored fill as the ledger books it. */
export function fillOf(r: FillRow, orderId: string): Fill {
  return {
    orderId,
    pair: r.pair,
    side: r.side,
    ts: r.ts,
    qty: r.qty,
    price: r.price,
    fee: r.fee,
    slippage: r.slippage,
    ...(r.exit_reason === null ? {} : { exitReason: r.exit_reason as ClosedTrade['exitReason'] }),
  };
}

export class TradingBooks {
  readonly ledger: Ledger;
  readonly orders: OrderManager;
  readonly botId: string;
  /** Orders changed since the last flush (creation or status change), by manager id. */
  readonly dirty = new Map<string, Order>();
  readonly meta = new Map<string, OrderMeta>();
  /** The open trade row of each pair (one per position), and the per-pair realised pnl. */
  readonly openTrade = new Map<string, TradeRow>();
  readonly realized = new Map<string, number>();
  readonly guards = new Map<string, PositionGuard>();
  /** Fills per stored order, for the next fill's sequence number. */
  readonly fillCount = new Map<number, number>();
  /** Pairs whose position row must be rewritten at the next flush. */
  readonly touched = new Set<string>();
  private fillsSeen = 0;
  private closedSeen = 0;
  /** Set before calling the manager so orders it creates itself (closeAll) get the right owner. */
  private context: Omit<OrderMeta, 'rowId' | 'clientId'> | undefined;

  constructor(options: BooksOptions) {
    this.botId = options.botId;
    const markets = options.pairs.map((p) => marketSpec(p));
    this.ledger = new Ledger({ capital: options.capital, markets });
    this.orders = new OrderManager({
      markets,
      ledger: this.ledger,
      idPrefix: `${options.runId}-`,
      onUpdate: (order) => {
        this.dirty.set(order.id, order);
        if (!this.meta.has(order.id)) this.adopt(order);
      },
    });
  }

  /**
   * Books the stored history: fills into the ledger, marks and protective levels from the position
   * rows, the open trades. Returns mismatches between the rebuilt ledger and the stored positions
   * (there should be none: both are written in one transaction).
   */
  restore(
    fills: readonly FillRow[],
    positions: readonly PositionRow[],
    trades: readonly TradeRow[],
  ): BookMismatch[] {
    for (const f of fills) {
      this.ledger.apply(fillOf(f, `stored-${f.order_id}`));
      this.fillCount.set(f.order_id, (this.fillCount.get(f.order_id) ?? 0) + 1);
    }
    this.fillsSeen = this.ledger.fills().length;
    this.closedSeen = this.ledger.closedTrades().length;
    const problems: BookMismatch[] = [];
    for (const p of positions) {
      if (p.pair === null || !this.ledger.hasMarket(p.pair)) continue;
      this.realized.set(p.pair, p.realized_pnl);
      if (p.qty > 0 && p.mark > 0) this.ledger.mark(p.pair, p.mark, p.updated_at);
      if (this.ledger.qty(p.pair) !== p.qty) {
        problems.push({ pair: p.pair, stored: p.qty, fromFills: this.ledger.qty(p.pair) });
      }
      if (p.qty > 0 && p.high_water !== null) {
        this.guards.set(p.pair, {
          stopLoss: p.stop_loss,
          takeProfit: p.take_profit,
          trailPct: p.trail_pct,
          highWater: p.high_water,
        });
      }
    }
    for (const t of trades) this.openTrade.set(t.pair, t);
    return problems;
  }

  /**
   * Places a stored working order again under its client id. Only whole orders come back: one with
   * fills, or a leg of another, cannot be re-placed without doubling what already happened, so it
   * is reported for cancellation instead.
   */
  replace(row: OrderRow, now: number): { ok: true } | { ok: false; reason: string } {
    const parent = parseDetails(row.details);
    if (row.filled_qty > 0 || parent.parentId !== undefined || parent.request === undefined) {
      return {
        ok: false,
        reason:
          row.filled_qty > 0
            ? 'interrupted by a restart after a partial fill; the rest is not re-placed'
            : 'interrupted by a restart; a leg of another order is not re-placed on its own',
      };
    }
    this.context = {
      source: row.source,
      decisionId: row.decision_id,
      createdBy: row.created_by,
      stopLoss: parent.stopLoss ?? null,
      takeProfit: parent.takeProfit ?? null,
    };
    try {
      const order = this.orders.submit({ ...parent.request, clientId: row.client_id }, now);
      const m = this.meta.get(order.id);
      if (m) m.rowId = row.id;
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: errorText(error) };
    } finally {
      this.context = undefined;
    }
  }

  /** Submits an order for `owner`; throws InvalidOrder / InsufficientFunds with nothing changed. */
  submit(request: OrderRequest, now: number, owner: Omit<OrderMeta, 'rowId' | 'clientId'>): Order {
    this.context = owner;
    try {
      return this.orders.submit(request, now);
    } finally {
      this.context = undefined;
    }
  }

  /** Cancels working orders and queues (or, with `immediate`, fills) sells of the positions. */
  closeAll(
    pair: string | undefined,
    now: number,
    reason: ClosedTrade['exitReason'],
    owner: Omit<OrderMeta, 'rowId' | 'clientId'>,
    immediate = false,
  ): void {
    this.context = owner;
    try {
      this.orders.closeAll(pair, now, reason, { immediate });
    } finally {
      this.context = undefined;
    }
  }

  /**
   * The position monitor's check of one price: when a level is crossed the ledger is marked at
   * that price and the exit returned (the executor sells); otherwise the trail may move up.
   */
  guardExit(pair: string, price: number, ts: number): GuardExit | undefined {
    const guard = this.guards.get(pair);
    if (guard === undefined || this.ledger.qty(pair) <= 0) return undefined;
    const r = checkGuard(guard, price);
    if (r.exit === undefined) {
      if (r.guard !== guard) {
        this.guards.set(pair, r.guard);
        this.touched.add(pair);
      }
      return undefined;
    }
    this.ledger.mark(pair, price, ts);
    return r.exit.reason;
  }

  /** Fills booked since the last call, each with the closed trade a sell produced. */
  takeFills(): { fill: Fill; closed: ClosedTrade | undefined }[] {
    const fills = this.ledger.fills().slice(this.fillsSeen);
    const closed = this.ledger.closedTrades().slice(this.closedSeen);
    this.fillsSeen += fills.length;
    this.closedSeen += closed.length;
    let k = 0;
    return fills.map((fill) => {
      const trade = fill.side === 'sell' ? closed[k++] : undefined;
      this.touched.add(fill.pair);
      this.afterFill(fill);
      return { fill, closed: trade };
    });
  }

  /** The stored order's owner data for a manager order, created for orders the manager made. */
  private adopt(order: Order): void {
    const parent = order.parentId === undefined ? undefined : this.meta.get(order.parentId);
    const owner = this.context ??
      parent ?? {
        source: 'bot' as const,
        decisionId: null,
        createdBy: null,
        stopLoss: null,
        takeProfit: null,
      };
    this.meta.set(order.id, {
      rowId: undefined,
      clientId: order.clientId ?? `${this.botId}:${order.id}`,
      source: owner.source,
      decisionId: owner.decisionId,
      createdBy: owner.createdBy,
      stopLoss: owner.stopLoss,
      takeProfit: owner.takeProfit,
    });
  }

  /** Arms the guard when a buy opens a position; drops it when the position is gone. */
  private afterFill(fill: Fill): void {
    const qty = this.ledger.qty(fill.pair);
    if (qty <= 0) {
      this.guards.delete(fill.pair);
      return;
    }
    if (fill.side === 'buy' && !this.guards.has(fill.pair)) {
      const m = this.meta.get(fill.orderId);
      const g = guardFor(fill.price, m?.stopLoss ?? null, m?.takeProfit ?? null);
      if (g.stopLoss !== null || g.takeProfit !== null) this.guards.set(fill.pair, g);
    }
  }
}

/** The JSON kept in orders.details: the request as submitted, the parent, the protective levels. */
export interface OrderDetails {
  readonly request?: OrderRequest;
  readonly parentId?: string;
  readonly stopLoss?: number | null;
  readonly takeProfit?: number | null;
  readonly history?: readonly unknown[];
}

export function parseDetails(text: string | null): OrderDetails {
  if (text === null) return {};
  try {
    const doc: unknown = JSON.parse(text);
    return typeof doc === 'object' && doc !== null ? doc : {};
  } catch {
    return {};
  }
}
