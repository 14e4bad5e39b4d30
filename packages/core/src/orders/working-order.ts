import type { ExitReason } from '../ledger/types.js';
import { roundHalfEven } from '../market/market.js';
import type { Condition } from './condition.js';
import { assertTransition } from './state-machine.js';
import type {
  Order,
  OrderRequest,
  OrderSide,
  OrderStatus,
  OrderTransition,
  OrderType,
  SellQty,
  TimeInForce,
  Trail,
} from './types.js';

/**
 * How the manager treats an order in a bar (the step of `onCandle` that looks at it):
 * - `market`: fills at the open of its first eligible bar (step 1), the remainder at later opens;
 * - `limit-buy`: fills intrabar when low ≤ price (step 2a);
 * - `stop`: a sell stop (stop-loss, trailing-stop) that turns into `market` when triggered (2b);
 * - `target`: a sell at a price or better (take-profit, limit sell) (2c);
 * - `condition`: evaluated at the close (step 5), then turns into `market`;
 * - `program`: a DCA parent, which only places children (step 5);
 * - `dormant`: a bracket leg waiting for its entry to fill.
 */
export type ExecMode =
  'market' | 'limit-buy' | 'stop' | 'target' | 'condition' | 'program' | 'dormant';

/** A DCA parent's progress. */
export interface DcaProgram {
  readonly mode: 'schedule' | 'safety';
  /** Children placed so far (the initial buy included). */
  placed: number;
  /** Children the program places at most. */
  readonly total: number;
  readonly everyBars: number;
  barsSince: number;
  readonly quoteAmount: number;
  readonly scale: number;
  readonly stepPct: number;
}

export interface OrderInit {
  readonly id: string;
  readonly clientId: string | undefined;
  readonly type: OrderType;
  readonly pair: string;
  readonly side: OrderSide;
  readonly qty: SellQty | undefined;
  readonly quoteAmount: number | undefined;
  readonly price?: number | undefined;
  readonly stopPrice?: number | undefined;
  readonly tif?: TimeInForce | undefined;
  readonly expiresAt?: number | undefined;
  readonly exitReason?: ExitReason | undefined;
  readonly parentId?: string | undefined;
  readonly request: OrderRequest;
  readonly exec: ExecMode;
  /** Exits that protect a position: they sell at most what is held and end when it is closed. */
  readonly protective?: boolean;
  readonly trail?: Trail | undefined;
  readonly condition?: Condition | undefined;
  readonly program?: DcaProgram | undefined;
  readonly eligibleBar: number;
  readonly status: OrderStatus;
  readonly now: number;
  readonly baseDecimals: number;
}

/** The manager's mutable record of an order; callers see it through the read-only `Order`. */
export class WorkingOrder implements Order {
  readonly id: string;
  readonly clientId: string | undefined;
  readonly type: OrderType;
  readonly pair: string;
  readonly side: OrderSide;
  qty: SellQty | undefined;
  readonly quoteAmount: number | undefined;
  readonly price: number | undefined;
  stopPrice: number | undefined;
  readonly tif: TimeInForce | undefined;
  readonly expiresAt: number | undefined;
  readonly exitReason: ExitReason | undefined;
  readonly parentId: string | undefined;
  readonly childIds: string[] = [];
  ocoId: string | undefined;
  status: OrderStatus;
  filledQty = 0;
  averageFillPrice = Number.NaN;
  fees = 0;
  readonly createdAt: number;
  updatedAt: number;
  readonly history: OrderTransition[];
  readonly request: OrderRequest;

  exec: ExecMode;
  readonly protective: boolean;
  /** The pair's bar count from which the order may act (submission bar + 1 + latency). */
  eligibleBar: number;
  /** Quote budget left of a quote-sized buy. */
  quoteLeft: number;
  readonly trail: Trail | undefined;
  /** Highest high seen by a trailing stop. */
  highWater = Number.NaN;
  readonly condition: Condition | undefined;
  readonly program: DcaProgram | undefined;
  /** Bar in which a bracket leg was armed by an intrabar entry fill (−1: not), and that price. */
  armedBar = -1;
  armedAt = Number.NaN;
  private readonly baseDecimals: number;

  constructor(init: OrderInit) {
    this.id = init.id;
    this.clientId = init.clientId;
    this.type = init.type;
    this.pair = init.pair;
    this.side = init.side;
    this.qty = init.qty;
    this.quoteAmount = init.quoteAmount;
    this.price = init.price;
    this.stopPrice = init.stopPrice;
    this.tif = init.tif;
    this.expiresAt = init.expiresAt;
    this.exitReason = init.exitReason;
    this.parentId = init.parentId;
    this.request = init.request;
    this.exec = init.exec;
    this.protective = init.protective ?? false;
    this.trail = init.trail;
    this.condition = init.condition;
    this.program = init.program;
    this.eligibleBar = init.eligibleBar;
    this.quoteLeft = init.quoteAmount ?? 0;
    this.status = init.status;
    this.createdAt = init.now;
    this.updatedAt = init.now;
    this.baseDecimals = init.baseDecimals;
    this.history = [{ ts: init.now, from: null, to: init.status, reason: 'accepted' }];
  }

  /** Moves to `to` if the state machine allows it (InvalidOrder otherwise) and records why. */
  transition(to: OrderStatus, ts: number, reason: string): OrderTransition {
    assertTransition(this.id, this.status, to);
    const t: OrderTransition = { ts, from: this.status, to, reason };
    this.history.push(t);
    this.status = to;
    this.updatedAt = ts;
    return t;
  }

  /** Folds one fill into the filled quantity, the average fill price, the fees and the budget. */
  recordFill(qty: number, price: number, fee: number): void {
    const filled = roundHalfEven(this.filledQty + qty, this.baseDecimals);
    this.averageFillPrice =
      this.filledQty === 0
        ? price
        : (this.averageFillPrice * this.filledQty + qty * price) / filled;
    this.filledQty = filled;
    this.fees += fee;
    if (this.quoteAmount !== undefined) this.quoteLeft -= qty * price + fee;
  }

  /** Base quantity still to fill for a numeric qty (0 for 'all' and quote-sized orders). */
  remainingQty(): number {
    return typeof this.qty === 'number'
      ? roundHalfEven(this.qty - this.filledQty, this.baseDecimals)
      : 0;
  }
}
