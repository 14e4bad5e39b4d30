import type { Fill } from '../ledger/types.js';
import type { ExecContext, PairState } from './execute.js';
import { isTerminal } from './state-machine.js';
import type { BracketRequest, DcaSafetyRequest, DcaScheduleRequest, OrderStatus } from './types.js';
import type { ValidRequest } from './validate.js';
import type { OrderInit, WorkingOrder } from './working-order.js';

/** Order fields the manager fills in itself (id, clock, decimals). */
export type NewOrder = Omit<OrderInit, 'id' | 'baseDecimals' | 'now' | 'eligibleBar' | 'status'> & {
  readonly status?: OrderStatus;
  /** Bars to wait beyond the next one (default: the fill model's latency). */
  readonly delay?: number;
};

/** What the multi-order programs (bracket, DCA) need from the manager. */
export interface ProgramContext extends ExecContext {
  create(st: PairState, init: NewOrder, now: number): WorkingOrder;
  get(id: string): WorkingOrder | undefined;
}

/**
 * A bracket is three orders: the entry (type 'bracket', a market or limit buy) and two dormant legs,
 * a stop-loss and a take-profit that name each other as OCO. The legs arm when the entry fills
 * (their qty follows the entry's filled qty), so they protect exactly the position it opened.
 */
export function submitBracket(
  ctx: ProgramContext,
  st: PairState,
  req: BracketRequest,
  v: ValidRequest,
  now: number,
): WorkingOrder {
  const entry = ctx.create(
    st,
    {
      clientId: req.clientId,
      type: 'bracket',
      pair: req.pair,
      side: 'buy',
      qty: v.qty,
      quoteAmount: v.quoteAmount,
      price: req.entryPrice,
      tif: v.tif,
      expiresAt: v.expiresAt,
      request: req,
      exec: req.entryPrice === undefined ? 'market' : 'limit-buy',
    },
    now,
  );
  const leg = (type: 'stop-loss' | 'take-profit'): WorkingOrder =>
    ctx.create(
      st,
      {
        clientId: undefined,
        type,
        pair: req.pair,
        side: 'sell',
        qty: 0,
        quoteAmount: undefined,
        ...(type === 'stop-loss' ? { stopPrice: req.stopPrice } : { price: req.takeProfitPrice }),
        exitReason: type,
        parentId: entry.id,
        request: req,
        exec: 'dormant',
        protective: true,
        status: 'pending',
      },
      now,
    );
  const stop = leg('stop-loss');
  const target = leg('take-profit');
  stop.ocoId = target.id;
  target.ocoId = stop.id;
  entry.childIds.push(stop.id, target.id);
  return entry;
}

/**
 * Arms (or resizes) a bracket's legs after an entry fill. A leg armed by an intrabar (limit) fill
 * remembers that price: its stop may still fill in this bar from there (the adverse path), its
 * target waits for the next bar.
 */
export function armLegs(
  ctx: ProgramContext,
  st: PairState,
  entry: WorkingOrder,
  armedAt: number,
  ts: number,
): void {
  for (const id of entry.childIds) {
    const leg = ctx.get(id);
    if (!leg || isTerminal(leg.status)) continue;
    leg.qty = entry.filledQty;
    if (leg.exec !== 'dormant') continue;
    leg.exec = leg.type === 'stop-loss' ? 'stop' : 'target';
    leg.eligibleBar = st.bar;
    if (!Number.isNaN(armedAt)) {
      leg.armedBar = st.bar;
      leg.armedAt = armedAt;
    }
    if (leg.exec === 'target') ctx.move(leg, 'open', ts, `armed: entry ${entry.id} filled`);
  }
}

/** A DCA parent ('program') and its first buy at the next open. */
export function submitDca(
  ctx: ProgramContext,
  st: PairState,
  req: DcaScheduleRequest | DcaSafetyRequest,
  now: number,
): WorkingOrder {
  const parent = ctx.create(
    st,
    {
      clientId: req.clientId,
      type: 'dca',
      pair: req.pair,
      side: 'buy',
      qty: undefined,
      quoteAmount: req.quoteAmount,
      request: req,
      exec: 'program',
      status: 'open',
      delay: 0,
      program:
        req.mode === 'schedule'
          ? {
              mode: 'schedule',
              placed: 0,
              total: req.count,
              everyBars: req.everyBars,
              barsSince: 0,
              quoteAmount: req.quoteAmount,
              scale: 1,
              stepPct: 0,
            }
          : {
              mode: 'safety',
              placed: 0,
              total: 1 + req.maxSafetyOrders,
              everyBars: 0,
              barsSince: 0,
              quoteAmount: req.quoteAmount,
              scale: req.scale,
              stepPct: req.stepPct,
            },
    },
    now,
  );
  placeChild(ctx, st, parent, now);
  return parent;
}

/** Places the program's next buy: a market buy (schedule, initial) or a safety limit buy. */
function placeChild(ctx: ProgramContext, st: PairState, parent: WorkingOrder, now: number): void {
  const p = parent.program!;
  const k = p.placed;
  const quoteAmount = p.quoteAmount * p.scale ** (p.mode === 'safety' ? k : 0);
  const safety = p.mode === 'safety' && k > 0;
  const price = safety ? parent.averageFillPrice * (1 - p.stepPct / 100) : undefined;
  const child = ctx.create(
    st,
    {
      clientId: undefined,
      type: safety ? 'limit' : 'market',
      pair: parent.pair,
      side: 'buy',
      qty: undefined,
      quoteAmount,
      price,
      tif: safety ? 'GTC' : undefined,
      parentId: parent.id,
      request: safety
        ? { type: 'limit', pair: parent.pair, side: 'buy', price: price!, quoteAmount }
        : { type: 'market', pair: parent.pair, side: 'buy', quoteAmount },
      exec: safety ? 'limit-buy' : 'market',
    },
    now,
  );
  parent.childIds.push(child.id);
  p.placed += 1;
}

/** Step 5 for a schedule: one more buy every `everyBars` closes until `count` are placed. */
export function stepSchedule(
  ctx: ProgramContext,
  st: PairState,
  parent: WorkingOrder,
  ts: number,
): void {
  const p = parent.program!;
  if (p.mode !== 'schedule' || p.placed >= p.total) return;
  p.barsSince += 1;
  if (p.barsSince < p.everyBars) return;
  p.barsSince = 0;
  placeChild(ctx, st, parent, ts);
}

/** A DCA child filled (in part or whole): the parent aggregates it and the program moves on. */
export function dcaChildFilled(
  ctx: ProgramContext,
  st: PairState,
  parent: WorkingOrder,
  child: WorkingOrder,
  fill: Fill,
): void {
  parent.recordFill(fill.qty, fill.price, fill.fee);
  if (parent.status === 'open') ctx.move(parent, 'partially-filled', fill.ts, `${child.id} filled`);
  if (child.status !== 'filled') return;
  const p = parent.program!;
  if (p.placed < p.total) {
    if (p.mode === 'safety') placeChild(ctx, st, parent, fill.ts);
    return;
  }
  const working = parent.childIds.some((id) => {
    const c = ctx.get(id);
    return c !== undefined && !isTerminal(c.status);
  });
  if (!working) ctx.move(parent, 'filled', fill.ts, `all ${p.total} buys filled`);
}
