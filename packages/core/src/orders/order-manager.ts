import type { Candle } from '../candles/types.js';
import { InvalidOrder, ValidationError } from '../errors.js';
import { FillModel, type FillModelConfig } from '../fills/fill-model.js';
import type { Ledger } from '../ledger/ledger.js';
import type { ExitReason, Fill } from '../ledger/types.js';
import type { MarketSpec } from '../market/market.js';
import { fillNow, newPairState, processBar, type BarContext } from './bar.js';
import type { PairState } from './execute.js';
import { placeOrder } from './place.js';
import type { NewOrder } from './programs.js';
import { isTerminal } from './state-machine.js';
import type {
  IndicatorSource,
  Order,
  OrderRequest,
  OrderStatus,
  OrderTransition,
} from './types.js';
import { validateRequest } from './validate.js';
import { WorkingOrder } from './working-order.js';

export interface OrderManagerConfig {
  readonly markets: readonly MarketSpec[];
  /** Every fill is booked here; its marks and holdings are read for validation. */
  readonly ledger: Ledger;
  readonly fillModel?: Partial<FillModelConfig>;
  /**
   * Makes the IndicatorBook of a pair (trailing stops by ATR, conditional orders). Called once per
   * pair at construction; the manager feeds the book itself at every close, so hand it a fresh book
   * (not one the engine loop also updates).
   */
  readonly book?: (pair: string) => IndicatorSource;
  /** Order ids are `${idPrefix}${sequence}` (default 'ord-'): deterministic, replayable. */
  readonly idPrefix?: string;
  /** Called on every order creation and status change (for `order:update` events and stores). */
  readonly onUpdate?: (order: Order, transition: OrderTransition) => void;
}

/** What `closeAll` did: the sells it queued (or filled at once) and their fills. */
export interface CloseAllResult {
  readonly cancelled: readonly Order[];
  readonly orders: readonly Order[];
  readonly fills: readonly Fill[];
}

/** Returned by every bar without a fill: no allocation on the backtest's hot path. */
const NO_FILLS: readonly Fill[] = Object.freeze([]);

/**
 * The one place orders live, for backtest, paper and live alike (DESIGN §2 "One engine loop"): it
 * validates and records orders, drives their state machine, and on each CLOSED bar of a pair
 * produces the fills the paper fill model allows, booking each in the ledger. Steps per bar:
 *
 * 1. market orders due this bar (latency elapsed, triggered remainders, fired conditions) fill at
 *    its OPEN;
 * 2. intrabar triggers: (a) limit buys, (b) sell stops (stop-loss, trailing, bracket stop),
 *    (c) sell targets (take-profit, limit sells, bracket target) — skipped for the pair when a stop
 *    fired in this bar (adverse first), and for a target armed inside this bar;
 * 3. trailing stops ratchet on this bar's HIGH — after step 2, so a bar cannot both raise its stop
 *    and hit it;
 * 4. expiries: IOC/FOK after their first bar, GTD after the last bar opening before `expiresAt`;
 * 5. at the close: the pair's IndicatorBook is updated, conditions are evaluated and DCA schedules
 *    counted; what they place fills at the next bar's open (plus latency).
 *
 * Then the ledger is marked at the close (also on the idle path, which allocates nothing). Events
 * inside a bar are stamped with the bar's ts.
 *
 * Rules worth knowing:
 * - An order submitted after bar t closed acts from bar t + 1 + latencyBars (all types: latency is
 *   the trip to the venue); until then it is `pending`.
 * - Protective exits (stop-loss, take-profit, trailing-stop, bracket legs) sell at most what is held
 *   and are cancelled when a sell leaves the pair flat, so they never sell the next position. Other
 *   sells of more than is held are rejected.
 * - Funds are not reserved between orders: each buy is checked at submission against the cash at
 *   the last close, then again by the ledger at execution (rejected when short, nothing applied).
 */
export class OrderManager {
  private readonly ledger: Ledger;
  private readonly model: FillModel;
  private readonly latency: number;
  private readonly pairs = new Map<string, PairState>();
  /** The state of the last pair looked up (see state()). */
  private recent: PairState | undefined;
  private readonly byId = new Map<string, WorkingOrder>();
  private readonly byClientId = new Map<string, WorkingOrder>();
  private readonly orders: WorkingOrder[] = [];
  private readonly idPrefix: string;
  private readonly onUpdate: OrderManagerConfig['onUpdate'];
  private sequence = 0;
  private readonly ctx: BarContext;

  constructor(config: OrderManagerConfig) {
    this.ledger = config.ledger;
    this.model = new FillModel(config.fillModel);
    this.latency = this.model.config.latencyBars;
    this.idPrefix = config.idPrefix ?? 'ord-';
    this.onUpdate = config.onUpdate;
    for (const market of config.markets) {
      if (!this.ledger.hasMarket(market.pair)) {
        throw new ValidationError(`market ${market.pair} is not in the ledger`);
      }
      this.pairs.set(market.pair, newPairState(market, config.book?.(market.pair)));
    }
    this.ctx = {
      ledger: this.ledger,
      model: this.model,
      move: (o, to, ts, reason) => {
        this.move(o, to, ts, reason);
      },
      end: (o, to, ts, reason) => {
        this.end(o, to, ts, reason);
      },
      create: (st, init, now) => this.create(st, init, now),
      get: (id) => this.byId.get(id),
      latency: this.latency,
    };
  }

  get fillModel(): FillModel {
    return this.model;
  }

  /**
   * Validates and accepts an order (InvalidOrder / InsufficientFunds otherwise, nothing recorded).
   * A request with a clientId already seen returns that order instead of placing another.
   */
  submit(request: OrderRequest, now: number): Order {
    if (request.clientId !== undefined) {
      const existing = this.byClientId.get(request.clientId);
      if (existing) {
        if (existing.pair !== request.pair || existing.request.type !== request.type) {
          throw new InvalidOrder(
            `clientId ${request.clientId} already names order ${existing.id} (${existing.request.type} ${existing.pair})`,
          );
        }
        return existing;
      }
    }
    const st = this.state(request.pair);
    const v = validateRequest(request, {
      market: st.market,
      lastClose: st.lastClose,
      cash: this.ledger.cash,
      held: this.ledger.qty(request.pair),
      feeBps: this.model.config.feeBps,
      now,
      book: st.book,
    });
    return placeOrder(this.ctx, st, request, v, now);
  }

  /** Cancels a working order (InvalidOrder when unknown or already terminal), with its cascade. */
  cancel(orderId: string, now: number, reason: string): Order {
    const o = this.byId.get(orderId);
    if (!o) throw new InvalidOrder(`unknown order ${orderId}`, { orderId });
    this.move(o, 'cancelled', now, reason);
    this.cascade(o, now);
    this.compact(this.state(o.pair));
    return o;
  }

  /**
   * Cancels every working order of `pair` (all pairs when undefined) and queues a market sell of each
   * position, carrying `reason` ('emergency', 'end-of-data', 'manual'). With `immediate`, the sells
   * fill now at the pair's last mark (fixed slippage, no volume cap): the end of a backtest, where
   * no next bar exists.
   */
  closeAll(
    pair: string | undefined,
    now: number,
    reason: ExitReason,
    options: { readonly immediate?: boolean } = {},
  ): CloseAllResult {
    const orders: Order[] = [];
    const fills: Fill[] = [];
    const cancelled: Order[] = [];
    for (const st of pair === undefined ? this.pairs.values() : [this.state(pair)]) {
      const working = [...st.working];
      for (const o of working) this.end(o, 'cancelled', now, `close all: ${reason}`);
      cancelled.push(...working);
      if (this.ledger.qty(st.market.pair) > 0) {
        const immediate = options.immediate === true;
        const sell = this.create(
          st,
          {
            clientId: undefined,
            type: 'market',
            pair: st.market.pair,
            side: 'sell',
            qty: 'all',
            quoteAmount: undefined,
            exitReason: reason,
            request: { type: 'market', pair: st.market.pair, side: 'sell', qty: 'all', reason },
            exec: 'market',
            ...(immediate ? { status: 'open' as const, delay: -1 } : {}),
          },
          now,
        );
        orders.push(sell);
        const fill = immediate ? fillNow(this.ctx, sell, st, now) : null;
        if (fill) fills.push(fill);
      }
      this.compact(st);
    }
    return { cancelled, orders, fills };
  }

  /** Working (non-terminal) orders, of one pair or all, in submission order. */
  openOrders(pair?: string): readonly Order[] {
    if (pair !== undefined) return this.state(pair).working.filter((o) => !isTerminal(o.status));
    return this.orders.filter((o) => !isTerminal(o.status));
  }

  /** Every order ever accepted, in submission order. */
  allOrders(): readonly Order[] {
    return this.orders;
  }

  order(id: string): Order | undefined {
    return this.byId.get(id);
  }

  /** Processes one CLOSED bar of `pair` (steps in the class doc); returns its fills. */
  onCandle(pair: string, candle: Candle): readonly Fill[] {
    const st = this.state(pair);
    st.bar += 1;
    if (st.lastTs === st.lastTs) st.interval = candle.ts - st.lastTs;
    st.lastTs = candle.ts;
    if (st.working.length === 0) {
      st.book?.update(candle);
      st.lastClose = candle.close;
      this.ledger.mark(pair, candle.close, candle.ts);
      return NO_FILLS;
    }
    const fills = processBar(this.ctx, st, candle);
    st.lastClose = candle.close;
    this.ledger.mark(pair, candle.close, candle.ts);
    this.compact(st);
    return fills.length === 0 ? NO_FILLS : fills;
  }

  private state(pair: string): PairState {
    // A one-entry cache in front of the Map: a backtest asks about the same pair bar after bar.
    const recent = this.recent;
    if (recent !== undefined && recent.market.pair === pair) return recent;
    const st = this.pairs.get(pair);
    if (!st) {
      throw new InvalidOrder(
        `unknown pair ${pair}; markets: ${[...this.pairs.keys()].join(', ')}`,
        { pair },
      );
    }
    this.recent = st;
    return st;
  }

  private create(st: PairState, init: NewOrder, now: number): WorkingOrder {
    const delay = init.delay ?? this.latency;
    const status: OrderStatus =
      init.status ??
      (init.exec === 'stop' || init.exec === 'condition' || init.exec === 'dormant' || delay > 0
        ? 'pending'
        : 'open');
    const o = new WorkingOrder({
      ...init,
      id: `${this.idPrefix}${++this.sequence}`,
      status,
      eligibleBar: st.bar + 1 + delay,
      now,
      baseDecimals: st.market.baseDecimals,
    });
    this.byId.set(o.id, o);
    if (o.clientId !== undefined) this.byClientId.set(o.clientId, o);
    this.orders.push(o);
    st.working.push(o);
    this.onUpdate?.(o, o.history[0]!);
    return o;
  }

  private move(o: WorkingOrder, to: OrderStatus, ts: number, reason: string): void {
    const t = o.transition(to, ts, reason);
    this.onUpdate?.(o, t);
  }

  /** Ends a working order (no-op when already terminal) and what depends on it. */
  private end(
    o: WorkingOrder,
    to: 'cancelled' | 'expired' | 'rejected',
    ts: number,
    reason: string,
  ): void {
    if (isTerminal(o.status)) return;
    this.move(o, to, ts, reason);
    this.cascade(o, ts);
  }

  /**
   * A DCA parent takes its working children along; a bracket entry that ends unfilled takes its
   * legs; a DCA child that ends unfilled stops its program (its budget plan no longer holds).
   */
  private cascade(o: WorkingOrder, ts: number): void {
    const takeChildren = o.type === 'dca' || (o.type === 'bracket' && o.filledQty === 0);
    if (takeChildren) {
      for (const id of o.childIds) {
        const child = this.byId.get(id);
        if (child) this.end(child, 'cancelled', ts, `parent ${o.id} ${o.status}`);
      }
    }
    const parent = o.parentId === undefined ? undefined : this.byId.get(o.parentId);
    if (parent?.type === 'dca' && o.status !== 'filled') {
      this.end(parent, 'cancelled', ts, `DCA stopped: ${o.id} ${o.status}`);
    }
  }

  private compact(st: PairState): void {
    const w = st.working;
    let k = 0;
    for (const o of w) if (!isTerminal(o.status)) w[k++] = o;
    w.length = k;
  }
}
