/**
 * Orders: lists from the database; placing and cancelling need the order manager, which runs in the
 * bot runtime (not in this build). A request is still validated in full first, so bad input gets a
 * 400 that says what to fix, and a valid attempt is audited before the 501.
 */
import type { OrderRequestBody, OrderView } from '@numerusx/contracts';
import { Conflict, NotAvailable, NotFound, type Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { checkOrderRequest } from './order-checks.js';
import type { OrderFilter, OrderRow, OrdersRepository } from './orders.repository.js';

/** Statuses in which an order still works and may be cancelled (the core's non-terminal ones). */
const WORKING = new Set(['pending', 'open', 'partially-filled']);
const NO_MANAGER =
  'the order manager runs in the bot runtime, which is not part of this build yet; nothing was changed';

export class OrdersService {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(filter: OrderFilter): Promise<OrderRow[]> {
    return this.repo.list(filter);
  }

  async submit(actor: Actor, request: OrderRequestBody): Promise<never> {
    checkOrderRequest(request, this.clock.now());
    await this.audit.record(actor, 'order.create', 'failed', {
      target: `pair:${request.pair}`,
      details: { error: 'NOT_AVAILABLE', request },
    });
    throw new NotAvailable(`cannot place the ${request.type} order: ${NO_MANAGER}`);
  }

  async cancel(actor: Actor, id: number): Promise<never> {
    const order = await this.repo.find(id);
    if (order === undefined) throw new NotFound(`order ${id} not found`);
    if (!WORKING.has(order.status)) {
      throw new Conflict(`order ${id} is ${order.status}; only a working order can be cancelled`, {
        status: order.status,
      });
    }
    await this.audit.record(actor, 'order.cancel', 'failed', {
      target: `order:${id}`,
      details: { error: 'NOT_AVAILABLE', status: order.status },
    });
    throw new NotAvailable(`cannot cancel order ${id}: ${NO_MANAGER}`);
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
