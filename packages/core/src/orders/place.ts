import type { ExecContext, PairState } from './execute.js';
import { submitBracket, submitDca, type NewOrder, type ProgramContext } from './programs.js';
import type { OrderRequest } from './types.js';
import type { ValidRequest } from './validate.js';
import type { WorkingOrder } from './working-order.js';

/** How each single-order type works (programs — bracket, DCA — place several orders). */
function shape(request: OrderRequest, v: ValidRequest): Partial<NewOrder> & Pick<NewOrder, 'exec'> {
  switch (request.type) {
    case 'market':
      return { exitReason: v.exitReason, exec: 'market' };
    case 'limit':
      return {
        price: request.price,
        tif: v.tif,
        expiresAt: v.expiresAt,
        exitReason: v.exitReason,
        exec: v.side === 'buy' ? 'limit-buy' : 'target',
      };
    case 'stop-loss':
      return {
        stopPrice: request.stopPrice,
        exitReason: 'stop-loss',
        exec: 'stop',
        protective: true,
      };
    case 'take-profit':
      return { price: request.price, exitReason: 'take-profit', exec: 'target', protective: true };
    case 'trailing-stop':
      return {
        stopPrice: v.initialStop,
        trail: request.trail,
        exitReason: 'trailing-stop',
        exec: 'stop',
        protective: true,
      };
    case 'conditional':
      // Evaluated from the next close on; the latency applies to the market order it fires.
      return { condition: v.condition, exitReason: v.exitReason, exec: 'condition', delay: 0 };
    case 'bracket':
    case 'dca':
      throw new Error(`${request.type} is a program, not a single order`);
  }
}

/** Creates the order(s) of a validated request; returns the one the caller tracks. */
export function placeOrder(
  ctx: ProgramContext & ExecContext,
  st: PairState,
  request: OrderRequest,
  v: ValidRequest,
  now: number,
): WorkingOrder {
  if (request.type === 'bracket') return submitBracket(ctx, st, request, v, now);
  if (request.type === 'dca') return submitDca(ctx, st, request, now);
  const order = ctx.create(
    st,
    {
      clientId: request.clientId,
      type: request.type,
      pair: request.pair,
      side: v.side,
      qty: v.qty,
      quoteAmount: v.quoteAmount,
      request,
      ...shape(request, v),
    },
    now,
  );
  // A trailing stop trails the highest price seen since it was placed, starting at the last close.
  if (order.trail !== undefined) order.highWater = st.lastClose;
  return order;
}
