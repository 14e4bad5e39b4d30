/**
 * The live exchange: each order is a Jupiter swap signed by the owner's wallet. The order row (the
 * intent, with its client id) is written before the swap is sent; the fill is booked from what the
 * chain says was exchanged (not the quote), with the transaction signature kept on the fill.
 *
 * A process killed between sending and booking leaves the intent `pending`: it is never sent again
 * (that could buy twice); the restart reports it for the owner to check in the wallet (bot-run.ts).
 */
import type { JupiterLiveExchange, LiveFill } from '@numerusx/adapters';
import {
  NumerusError,
  msg,
  roundDown,
  roundHalfEven,
  type ExitReason,
  type Fill,
  type OrderRequest,
} from '@numerusx/core';
import { randomUUID } from 'node:crypto';
import type { Announcer } from './announcer.js';
import type { BotLog } from './bot-log.js';
import { flushBooks } from './book-writer.js';
import { SYSTEM_OWNER, liveOnlyMarket, type Executor, type Owner } from './executor.js';
import type { Lease, RuntimeRepository } from './runtime.repository.js';
import { errorText, named } from './texts.js';
import type { TradingBooks } from './trading-books.js';

export interface LiveExecutorDeps {
  readonly botId: string;
  readonly books: TradingBooks;
  readonly exchange: JupiterLiveExchange;
  readonly repo: RuntimeRepository;
  readonly lease: Lease;
  readonly announce: Announcer;
  readonly log: BotLog;
}

const LAMPORTS_PER_SOL = 1e9;

export class LiveExecutor implements Executor {
  readonly live = true;

  constructor(private readonly deps: LiveExecutorDeps) {}

  buy(pair: string, quoteAmount: number, now: number, owner: Owner, clientId: string) {
    return this.swap(pair, 'buy', { quoteAmount }, now, owner, clientId, undefined);
  }

  async sell(pair: string, now: number, reason: ExitReason, owner: Owner) {
    const qty = this.deps.books.ledger.qty(pair);
    if (qty <= 0) return undefined;
    return this.swap(pair, 'sell', { baseQty: qty }, now, owner, undefined, reason);
  }

  async exitNow(pair: string, now: number, reason: ExitReason): Promise<void> {
    await this.sell(pair, now, reason, SYSTEM_OWNER);
  }

  manual(request: OrderRequest, now: number, owner: Owner): Promise<string> {
    liveOnlyMarket(request);
    const r = request as { side: 'buy' | 'sell'; quoteAmount?: number; qty?: number | 'all' };
    const held = this.deps.books.ledger.qty(request.pair);
    const size =
      r.side === 'buy'
        ? r.quoteAmount !== undefined
          ? { quoteAmount: r.quoteAmount }
          : { baseQty: Number(r.qty) }
        : { baseQty: r.qty === 'all' || r.qty === undefined ? held : Math.min(r.qty, held) };
    return this.swap(request.pair, r.side, size, now, owner, request.clientId, 'manual');
  }

  private async swap(
    pair: string,
    side: 'buy' | 'sell',
    size: { quoteAmount: number } | { baseQty: number },
    now: number,
    owner: Owner,
    clientId: string | undefined,
    reason: ExitReason | undefined,
  ): Promise<string> {
    const { books, repo, lease } = this.deps;
    const id = `live-${randomUUID()}`;
    const meta = {
      rowId: undefined as number | undefined,
      clientId: clientId ?? `${this.deps.botId}:${id}`,
      ...owner,
    };
    books.meta.set(id, meta);
    const request = { type: 'market', side, pair, ...size, ...(reason ? { reason } : {}) };
    // 1. The intent, before anything is sent.
    const intent = await repo.fenced(lease, (tx) =>
      repo.insertOrder(tx, {
        client_id: meta.clientId,
        bot_id: this.deps.botId,
        pair,
        side,
        type: 'market',
        status: 'pending',
        qty: 'baseQty' in size ? size.baseQty : null,
        quote_size: 'quoteAmount' in size ? size.quoteAmount : null,
        limit_price: null,
        stop_price: null,
        filled_qty: 0,
        avg_fill_price: null,
        fee: 0,
        source: owner.source,
        decision_id: owner.decisionId,
        created_by: owner.createdBy,
        details: JSON.stringify({ request, venue: 'jupiter', wallet: this.deps.exchange.address }),
        created_at: now,
        updated_at: now,
      }),
    );
    meta.rowId = intent.id;
    // 2. The swap: quote → sign → simulate → send → confirm → read the fill from the chain.
    let fill: LiveFill;
    try {
      fill = await this.deps.exchange.execute({ pair, side, ...size });
    } catch (error) {
      const code = error instanceof NumerusError ? error.code : 'INTERNAL_ERROR';
      const message = errorText(error);
      // Known not to have landed (nothing sent, expired, failed on chain): rejected. Unknown: kept
      // pending and reported, never retried blindly.
      const unknown = error instanceof NumerusError && error.details?.['safeToRetry'] === false;
      await repo.fenced(lease, (tx) =>
        repo.updateOrder(tx, intent.id, {
          status: unknown ? 'pending' : 'rejected',
          updated_at: now,
          details: JSON.stringify({ request, venue: 'jupiter', error: { code, message } }),
        }),
      );
      const line = msg('runtime.log.liveFailed', {
        side: named('side', side),
        pair,
        error: message,
      });
      await this.deps.log.error(line, {
        orderId: intent.id,
        code,
      });
      throw error;
    }
    // 3. The fill as the chain recorded it.
    const booked = this.book(id, fill, now, reason);
    const flushed = await repo.fenced(lease, async (tx) => {
      await repo.updateOrder(tx, intent.id, {
        status: 'filled',
        filled_qty: booked.qty,
        avg_fill_price: booked.price,
        fee: booked.fee,
        updated_at: now,
      });
      return flushBooks(tx, repo, books, { now, snapshot: true });
    });
    await this.deps.announce.flushed(flushed);
    await this.deps.log.info(
      msg('runtime.log.liveFilled', {
        side: named('side', side),
        pair,
        qty: booked.qty,
        price: booked.price.toFixed(6),
        signature: fill.signature,
      }),
      { orderId: intent.id, signature: fill.signature, slot: fill.slot },
    );
    return id;
  }

  /** Books the chain's fill in the ledger: quantity in base units, network fee in quote. */
  private book(id: string, fill: LiveFill, now: number, reason: ExitReason | undefined): Fill {
    const ledger = this.deps.books.ledger;
    const market = ledger.market(fill.pair);
    const qty = roundDown(fill.baseQty, market.baseDecimals);
    const price = fill.quoteAmount / fill.baseQty;
    // The network fee is paid in SOL: in quote currency when SOL is the base (its price is ours).
    const feeSol = fill.feeLamports / LAMPORTS_PER_SOL;
    const fee = roundHalfEven(
      market.base === 'SOL' ? feeSol * price : market.quote === 'SOL' ? feeSol : 0,
      market.quoteDecimals,
    );
    const booked: Fill = {
      orderId: id,
      pair: fill.pair,
      side: fill.side,
      ts: now,
      qty,
      price,
      fee,
      slippage: Math.abs(price - fill.quotedPrice) * qty,
      ...(fill.side === 'sell' ? { exitReason: reason ?? 'signal' } : {}),
    };
    const meta = this.deps.books.meta.get(id);
    if (meta !== undefined) meta.externalId = fill.signature;
    try {
      ledger.apply(booked);
    } catch (error) {
      // The swap happened on chain; the books must say so even if they disagree (e.g. the wallet
      // held more than the budget). Reported loudly rather than dropped.
      throw new NumerusError(
        'LIVE_BOOKING_FAILED',
        `swap ${fill.signature} landed but could not be booked: ${errorText(error)}`,
        { signature: fill.signature },
      );
    }
    return booked;
  }
}
