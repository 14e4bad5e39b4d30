/**
 * Orders: lists from the database; placing and cancelling go to the running bot's order manager
 * (through the same risk gate as its decisions). A request is validated in full first, so bad input
 * gets a 400 that says what to fix before anything else; every attempt is audited.
 */
import type { OrderRequestBody, OrderView } from '@numerusx/contracts';
import { Conflict, NotFound, NumerusError, type Clock } from '@numerusx/core';
import type { BotRuntime } from '../runtime/bot-runtime.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { checkOrderRequest } from './order-checks.js';
import type { OrderFilter, OrderRow, OrdersRepository } from './orders.repository.js';

/** Statuses in which an order still works and may be cancelled (the core's non-terminal ones). */
const WORKING = new Set(['pending', 'open', 'partially-filled']);

export class OrdersService {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly runtime: BotRuntime,
  ) {}

  list(filter: OrderFilter): Promise<OrderRow[]> {
    return this.repo.list(filter);
  }

  async get(id: number): Promise<OrderRow> {
    const row = await this.repo.find(id);
    if (row === undefined) throw new NotFound(`order ${id} not found`);
    return row;
  }

  async submit(actor: Actor & { id: number }, request: OrderRequestBody): Promise<OrderRow> {
    checkOrderRequest(request, this.clock.now());
    try {
      const row = await this.runtime.submitOrder(actor, request);
      await this.audit.record(actor, 'order.create', 'ok', {
        target: `order:${row.id}`,
        details: { request },
      });
      return row;
    } catch (error) {
      await this.audit.record(actor, 'order.create', 'failed', {
        target: `pair:${request.pair}`,
        details: { error: error instanceof NumerusError ? error.code : 'INTERNAL_ERROR', request },
      });
      throw error;
    }
  }

  async cancel(actor: Actor, id: number): Promise<OrderRow> {
    const order = await this.repo.find(id);
    if (order === undefined) throw new NotFound(`order ${id} not found`);
    if (!WORKING.has(order.status)) {
      throw new Conflict(`order ${id} is ${order.status}; only a working order can be cancelled`, {
        status: order.status,
      });
    }
    const row = await this.runtime.cancelOrder(order);
    await this.audit.record(actor, 'order.cancel', 'ok', {
      target: `order:${id}`,
      details: { status: row.status },
    });
    return row;
  }
}

export function orderView(r: OrderRow): OrderView {
  return {
    id: r.id,
    clientId: r.client_id,
    botId: r.bot_id,
    pair: r.pair,
    side: r.side,
    type: r.type,
    status: r.status,
    qty: r.qty,
    quoteSize: r.quote_size,
    limitPrice: r.limit_price,
    stopPrice: r.stop_price,
    filledQty: r.filled_qty,
    avgFillPrice: r.avg_fill_price,
    fee: r.fee,
    source: r.source,
    decisionId: r.decision_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
