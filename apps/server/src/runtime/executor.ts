/**
 * Where the bot's orders go (DESIGN §2: only the adapters differ between paper and live). The paper
 * exchange is the core's order manager, filling on the next candles with the fill model; the live
 * one swaps on Jupiter at once (live-executor.ts). Both book into the same ledger and rows.
 */
import { NotAvailable, type ExitReason, type OrderRequest } from '@numerusx/core';
import type { OrderMeta, TradingBooks } from './trading-books.js';

/** Who an order is for (its owner data before it has a row). */
export type Owner = Omit<OrderMeta, 'rowId' | 'clientId'>;

export const SYSTEM_OWNER: Owner = {
  source: 'bot',
  decisionId: null,
  createdBy: null,
  stopLoss: null,
  takeProfit: null,
};

export interface Executor {
  readonly live: boolean;
  /** A market buy of `quoteAmount`; returns the order's id in the books (its meta key). */
  buy(
    pair: string,
    quoteAmount: number,
    now: number,
    owner: Owner,
    clientId: string,
  ): Promise<string>;
  /** Sells the whole position of `pair`; undefined when there is none. */
  sell(pair: string, now: number, reason: ExitReason, owner: Owner): Promise<string | undefined>;
  /** Sells at once at the current price (position monitor, emergency close). */
  exitNow(pair: string, now: number, reason: ExitReason): Promise<void>;
  /** A manual order of any type the exchange supports. */
  manual(request: OrderRequest, now: number, owner: Owner): Promise<string>;
}

/** The paper exchange: the order manager of the books, filled by the candles that follow. */
export class PaperExecutor implements Executor {
  readonly live = false;

  constructor(private readonly books: TradingBooks) {}

  buy(pair: string, quoteAmount: number, now: number, owner: Owner, clientId: string) {
    const request = { type: 'market' as const, side: 'buy' as const, pair, quoteAmount, clientId };
    return Promise.resolve(this.books.submit(request, now, owner).id);
  }

  sell(pair: string, now: number, reason: ExitReason, owner: Owner) {
    const before = this.books.orders.allOrders().length;
    this.books.closeAll(pair, now, reason, owner);
    return Promise.resolve(this.books.orders.allOrders()[before]?.id);
  }

  exitNow(pair: string, now: number, reason: ExitReason): Promise<void> {
    this.books.closeAll(pair, now, reason, SYSTEM_OWNER, true);
    return Promise.resolve();
  }

  manual(request: OrderRequest, now: number, owner: Owner) {
    return Promise.resolve(this.books.submit(request, now, owner).id);
  }
}

/** What a live exchange refuses: every order type the order manager simulates but Jupiter lacks. */
export function liveOnlyMarket(request: OrderRequest): void {
  if (request.type !== 'market') {
    throw new NotAvailable(
      `live mode executes market orders only (a Jupiter swap); ${request.type} orders run on the paper exchange`,
    );
  }
}
