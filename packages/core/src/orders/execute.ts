import type { Candle } from '../candles/types.js';
import { InsufficientFunds } from '../errors.js';
import type { FillModel, Execution } from '../fills/fill-model.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Fill } from '../ledger/types.js';
import { roundDown, type MarketSpec } from '../market/market.js';
import type { IndicatorSource, OrderStatus } from './types.js';
import type { WorkingOrder } from './working-order.js';

/** The order manager's per-pair state. */
export interface PairState {
  readonly market: MarketSpec;
  /** Non-terminal orders of the pair, in submission order (compacted after each bar). */
  working: WorkingOrder[];
  readonly book: IndicatorSource | undefined;
  /** `(name) => book.value(name)`, made once so a bar allocates no closure. */
  readonly lookup: (name: string) => number;
  /** Candles processed so far. */
  bar: number;
  lastTs: number;
  /** Gap between the last two candles (ms), NaN until known: when a GTD order's last bar closes. */
  interval: number;
  lastClose: number;
  /** Base quantity this manager's fills took from the current bar (the volume cap is per bar). */
  volumeTaken: number;
  /** The bar in which a stop fired (targets of the pair wait: adverse first). */
  stopBar: number;
}

/** What execution needs from the manager: the books, the model, and lifecycle moves with cascades. */
export interface ExecContext {
  readonly ledger: Ledger;
  readonly model: FillModel;
  move(o: WorkingOrder, to: OrderStatus, ts: number, reason: string): void;
  end(o: WorkingOrder, to: 'cancelled' | 'expired' | 'rejected', ts: number, reason: string): void;
}

/**
 * Executes as much of `o` as the bar allows at `ref` (the open, the stop's or the limit's fill
 * price): `taker` adds slippage against the taker, `maker` fills at `ref` exactly. Books the fill in
 * the ledger and moves the order to partially-filled or filled. Returns null, with the order left
 * working, when nothing can fill now (volume cap used up, a FOK that cannot fill in full); ends the
 * order when it never can (a sell with nothing held, funds short → rejected).
 */
export function executeOrder(
  ctx: ExecContext,
  o: WorkingOrder,
  st: PairState,
  candle: Candle,
  ref: number,
  kind: 'taker' | 'maker',
): Fill | null {
  const { ledger, model } = ctx;
  const m = st.market;
  const bd = m.baseDecimals;
  const ts = candle.ts;
  let want: number;
  if (o.side === 'buy') {
    if (o.quoteAmount !== undefined) {
      want =
        kind === 'taker'
          ? model.takerQtyForQuote(o.quoteLeft, ref, candle, m)
          : model.makerQtyForQuote(o.quoteLeft, ref, m);
      if (want <= 0) {
        if (o.filledQty > 0) ctx.move(o, 'filled', ts, 'the budget left buys less than one unit');
        else ctx.end(o, 'rejected', ts, `quote ${o.quoteLeft} buys less than one ${m.base} unit`);
        return null;
      }
    } else {
      want = o.remainingQty();
    }
  } else {
    const held = ledger.qty(o.pair);
    want = o.qty === 'all' ? held : o.remainingQty();
    if (o.protective) want = Math.min(want, held);
    if (want <= 0) {
      ctx.end(o, 'cancelled', ts, `nothing to sell: no ${m.base} held`);
      return null;
    }
    if (want > held) {
      ctx.end(o, 'rejected', ts, `insufficient funds: sell ${want} ${m.base} but ${held} is held`);
      return null;
    }
  }
  const cap = roundDown(model.volumeCap(candle, m) - st.volumeTaken, bd);
  const qty = Math.min(want, cap);
  if (qty <= 0 || (o.tif === 'FOK' && qty < want)) return null;
  const e: Execution =
    kind === 'taker' ? model.taker(o.side, qty, ref, candle, m) : model.maker(qty, ref, m);
  const fill: Fill =
    o.side === 'sell'
      ? { ...base(o, e, ts), exitReason: o.exitReason ?? 'signal' }
      : base(o, e, ts);
  try {
    ledger.apply(fill);
  } catch (err) {
    if (!(err instanceof InsufficientFunds)) throw err;
    ctx.end(o, 'rejected', ts, `insufficient funds: ${err.message}`);
    return null;
  }
  st.volumeTaken += qty;
  o.recordFill(qty, e.price, e.fee);
  const done = isComplete(o, ledger.qty(o.pair), e.price, model, m);
  ctx.move(o, done ? 'filled' : 'partially-filled', ts, `${o.side} ${qty} at ${e.price}`);
  return fill;
}

function base(o: WorkingOrder, e: Execution, ts: number): Fill {
  return {
    orderId: o.id,
    pair: o.pair,
    side: o.side,
    ts,
    qty: e.qty,
    price: e.price,
    fee: e.fee,
    slippage: e.slippage,
  };
}

function isComplete(
  o: WorkingOrder,
  held: number,
  price: number,
  model: FillModel,
  m: MarketSpec,
): boolean {
  if (o.side === 'sell') {
    if (o.qty === 'all') return held === 0;
    return o.remainingQty() <= 0 || (o.protective && held === 0);
  }
  if (o.quoteAmount !== undefined) return model.makerQtyForQuote(o.quoteLeft, price, m) <= 0;
  return o.remainingQty() <= 0;
}
