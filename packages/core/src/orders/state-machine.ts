import { InvalidOrder } from '../errors.js';
import type { OrderStatus } from './types.js';

/**
 * The order lifecycle. Only these moves exist; anything else is a bug or a stale request (cancelling
 * a filled order) and is refused with InvalidOrder, so an order's history is always a legal path:
 *
 *     pending ──▶ open ──▶ partially-filled ──▶ filled
 *        │          │  ╲──────────────────────▶ filled
 *        └──────────┴──────────┴──▶ cancelled | expired | rejected
 *
 * `partially-filled → partially-filled` records a further partial fill. There is no direct
 * `pending → filled`: a triggered order first becomes `open` (working), then fills.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> =
  Object.freeze({
    pending: ['open', 'cancelled', 'expired', 'rejected'],
    open: ['partially-filled', 'filled', 'cancelled', 'expired', 'rejected'],
    'partially-filled': ['partially-filled', 'filled', 'cancelled', 'expired', 'rejected'],
    filled: [],
    cancelled: [],
    expired: [],
    rejected: [],
  });

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws InvalidOrder unless `from → to` is a legal move. */
export function assertTransition(orderId: string, from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    const terminal = isTerminal(from) ? ` (the order is already ${from})` : '';
    throw new InvalidOrder(`order ${orderId}: cannot go from ${from} to ${to}${terminal}`, {
      orderId,
      from,
      to,
    });
  }
}

/** filled, cancelled, expired, rejected: nothing more happens to the order. */
export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}
