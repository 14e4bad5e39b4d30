import type { Candle } from '../candles/types.js';
import type { ExitReason } from '../ledger/types.js';

export type OrderSide = 'buy' | 'sell';

export type OrderType =
  | 'market'
  | 'limit'
  | 'stop-loss'
  | 'take-profit'
  | 'trailing-stop'
  | 'bracket'
  | 'dca'
  | 'conditional';

/**
 * `pending`: accepted, not working yet (waiting for its latency, its trigger or its condition);
 * `open`: working; `partially-filled`: some filled, the rest working; the other four are terminal.
 */
export type OrderStatus =
  'pending' | 'open' | 'partially-filled' | 'filled' | 'cancelled' | 'expired' | 'rejected';

/**
 * GTC: good till cancelled. IOC: fill what the first eligible bar allows, expire the rest. FOK: fill
 * all in the first eligible bar or expire. GTD: good till `expiresAt` (works in the bars that open
 * before it).
 */
export type TimeInForce = 'GTC' | 'IOC' | 'FOK' | 'GTD';

/** A sell size: a base quantity, or 'all' = the whole position when the order executes. */
export type SellQty = number | 'all';

/** One status change, recorded on the order. `from` is null for the creation. */
export interface OrderTransition {
  readonly ts: number;
  readonly from: OrderStatus | null;
  readonly to: OrderStatus;
  readonly reason: string;
}

interface RequestBase {
  readonly pair: string;
  /** Idempotency key: submitting it again returns the existing order. */
  readonly clientId?: string;
}

/** Buys give exactly one of `qty` (base) or `quoteAmount`; sells give `qty` (default 'all'). */
interface Sized {
  readonly qty?: SellQty;
  readonly quoteAmount?: number;
}

/** Why a sell is placed; a plain sell from the engine loop is 'signal' (the default). */
interface Reasoned {
  readonly reason?: ExitReason;
}

export interface MarketOrderRequest extends RequestBase, Sized, Reasoned {
  readonly type: 'market';
  readonly side: OrderSide;
}

export interface LimitOrderRequest extends RequestBase, Sized, Reasoned {
  readonly type: 'limit';
  readonly side: OrderSide;
  readonly price: number;
  /** Default GTC. */
  readonly tif?: TimeInForce;
  /** ms UTC, GTD only. */
  readonly expiresAt?: number;
}

/** Sells the position when the price falls to `stopPrice` (must be below the current price). */
export interface StopLossRequest extends RequestBase {
  readonly type: 'stop-loss';
  readonly side?: 'sell';
  readonly stopPrice: number;
  readonly qty?: SellQty;
}

/** Sells the position when the price rises to `price` (must be above the current price). */
export interface TakeProfitRequest extends RequestBase {
  readonly type: 'take-profit';
  readonly side?: 'sell';
  readonly price: number;
  readonly qty?: SellQty;
}

/** Trail by a percentage of the highest high, or by a multiple of ATR(`atrPeriod`, default 14). */
export type Trail =
  { readonly percent: number } | { readonly atrMultiple: number; readonly atrPeriod?: number };

export interface TrailingStopRequest extends RequestBase {
  readonly type: 'trailing-stop';
  readonly side?: 'sell';
  readonly trail: Trail;
  readonly qty?: SellQty;
}

/**
 * A buy with an OCO stop and target attached to the position it opens: when one exit fills the
 * other is cancelled. Entry at market, or a limit at `entryPrice` (with `tif`/`expiresAt`).
 */
export interface BracketRequest extends RequestBase {
  readonly type: 'bracket';
  readonly side?: 'buy';
  readonly qty?: number;
  readonly quoteAmount?: number;
  readonly entryPrice?: number;
  readonly tif?: TimeInForce;
  readonly expiresAt?: number;
  readonly stopPrice: number;
  readonly takeProfitPrice: number;
}

/** `count` market buys of `quoteAmount` each, one every `everyBars` bars, the first at the next open. */
export interface DcaScheduleRequest extends RequestBase {
  readonly type: 'dca';
  readonly mode: 'schedule';
  readonly side?: 'buy';
  readonly quoteAmount: number;
  readonly count: number;
  readonly everyBars: number;
}

/**
 * An initial market buy of `quoteAmount`, then up to `maxSafetyOrders` limit buys, each `stepPct` %
 * below the program's average entry and `scale` times the previous size.
 */
export interface DcaSafetyRequest extends RequestBase {
  readonly type: 'dca';
  readonly mode: 'safety';
  readonly side?: 'buy';
  readonly quoteAmount: number;
  readonly stepPct: number;
  readonly scale: number;
  readonly maxSafetyOrders: number;
}

/** A market order placed when `condition` (see parseCondition) holds at a bar's close. */
export interface ConditionalOrderRequest extends RequestBase, Sized, Reasoned {
  readonly type: 'conditional';
  readonly side: OrderSide;
  readonly condition: string;
}

export type OrderRequest =
  | MarketOrderRequest
  | LimitOrderRequest
  | StopLossRequest
  | TakeProfitRequest
  | TrailingStopRequest
  | BracketRequest
  | DcaScheduleRequest
  | DcaSafetyRequest
  | ConditionalOrderRequest;

/**
 * An order as the API and the dashboard see it. The object is the manager's live record (read-only
 * to callers): copy it to keep a point-in-time view.
 */
export interface Order {
  /** Deterministic: the manager's prefix + a sequence number. */
  readonly id: string;
  readonly clientId: string | undefined;
  readonly type: OrderType;
  readonly pair: string;
  readonly side: OrderSide;
  /** Requested base quantity ('all' = the position at execution), undefined for quote-sized buys. */
  readonly qty: SellQty | undefined;
  readonly quoteAmount: number | undefined;
  /** Limit / target / bracket limit-entry price. */
  readonly price: number | undefined;
  /** Stop level; a trailing stop's current level (it only rises). */
  readonly stopPrice: number | undefined;
  readonly tif: TimeInForce | undefined;
  readonly expiresAt: number | undefined;
  /** For sells: the exit reason its fills carry. */
  readonly exitReason: ExitReason | undefined;
  /** The bracket or DCA program this order belongs to. */
  readonly parentId: string | undefined;
  readonly childIds: readonly string[];
  /** The other leg of an OCO pair, cancelled when this one fills. */
  readonly ocoId: string | undefined;
  readonly status: OrderStatus;
  readonly filledQty: number;
  /** Volume-weighted fill price, NaN before the first fill. */
  readonly averageFillPrice: number;
  /** Fees paid, quote currency. */
  readonly fees: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly history: readonly OrderTransition[];
  /** The request as submitted (type-specific parameters: trail, DCA, condition). */
  readonly request: OrderRequest;
}

/**
 * What the order manager reads from a pair's indicators: the IndicatorBook's shape (kept as an
 * interface so a test can hand in a stub).
 */
export interface IndicatorSource {
  add(names: readonly string[]): void;
  update(candle: Candle): void;
  value(name: string): number;
}
