import type { Candle } from '../candles/types.js';
import { limitBuyFillPrice, stopFillPrice, targetFillPrice } from '../fills/fill-model.js';
import type { Fill } from '../ledger/types.js';
import type { MarketSpec } from '../market/market.js';
import { executeOrder, type PairState } from './execute.js';
import { armLegs, dcaChildFilled, stepSchedule, type ProgramContext } from './programs.js';
import { isTerminal } from './state-machine.js';
import type { IndicatorSource } from './types.js';
import type { WorkingOrder } from './working-order.js';

export interface BarContext extends ProgramContext {
  readonly latency: number;
}

/** Working, past its latency, and (GTD) in a bar that opened before its expiry. */
function ready(o: WorkingOrder, st: PairState, candle: Candle): boolean {
  return (
    !isTerminal(o.status) &&
    o.eligibleBar <= st.bar &&
    (o.expiresAt === undefined || candle.ts < o.expiresAt)
  );
}

/**
 * Steps 1–5 of one closed bar for a pair with working orders (the OrderManager doc lists them).
 * Orders created during the bar are appended to `st.working`; they act from their eligible bar on.
 */
export function processBar(ctx: BarContext, st: PairState, candle: Candle): Fill[] {
  const fills: Fill[] = [];
  const ts = candle.ts;
  const w = st.working;
  const run = (o: WorkingOrder, ref: number, kind: 'taker' | 'maker', armedAt: number): void => {
    const fill = executeOrder(ctx, o, st, candle, ref, kind);
    if (!fill) return;
    fills.push(fill);
    afterFill(ctx, o, st, fill, armedAt);
  };
  st.volumeTaken = 0;

  // 1. Market orders due this bar fill at its open; latency-delayed orders start working.
  for (let i = 0; i < w.length; i++) {
    const o = w[i]!;
    if (!ready(o, st, candle)) continue;
    if (
      o.status === 'pending' &&
      (o.exec === 'market' || o.exec === 'limit-buy' || o.exec === 'target')
    ) {
      ctx.move(o, 'open', ts, 'working: latency elapsed');
    }
    if (o.exec === 'market') run(o, candle.open, 'taker', Number.NaN);
  }
  // 2a. Limit buys: low ≤ limit, at min(limit, open). A bracket entry arms its legs at that price.
  for (let i = 0; i < w.length; i++) {
    const o = w[i]!;
    if (o.exec !== 'limit-buy' || !ready(o, st, candle)) continue;
    const p = limitBuyFillPrice(o.price!, candle);
    if (!Number.isNaN(p)) run(o, p, 'maker', p);
  }
  // 2b. Sell stops: low ≤ stop, from min(stop, open); then a market order for any remainder.
  for (let i = 0; i < w.length; i++) {
    const o = w[i]!;
    if (o.exec !== 'stop' || !ready(o, st, candle)) continue;
    const open = o.armedBar === st.bar ? o.armedAt : candle.open;
    const p = stopFillPrice(o.stopPrice!, candle, open);
    if (Number.isNaN(p)) continue;
    if (ctx.ledger.qty(o.pair) === 0) {
      ctx.end(o, 'cancelled', ts, `stop ${o.stopPrice!} reached with nothing held`);
      continue;
    }
    o.exec = 'market';
    ctx.move(o, 'open', ts, `triggered: low ${candle.low} ≤ stop ${o.stopPrice!}`);
    st.stopBar = st.bar;
    run(o, p, 'taker', Number.NaN);
  }
  // 2c. Sell targets: high ≥ target, at max(target, open) — not in a bar where a stop of the pair
  // fired (adverse first), nor for a target armed inside this bar.
  for (let i = 0; i < w.length && st.stopBar !== st.bar; i++) {
    const o = w[i]!;
    if (o.exec !== 'target' || o.armedBar === st.bar || !ready(o, st, candle)) continue;
    const p = targetFillPrice(o.price!, candle);
    if (!Number.isNaN(p)) run(o, p, 'maker', Number.NaN);
  }
  // 3. Trailing stops ratchet on this bar's high (after 2b: a bar never hits the stop it raised).
  for (const o of w) {
    if (o.trail === undefined || o.exec !== 'stop' || !ready(o, st, candle)) continue;
    o.highWater = Math.max(o.highWater, candle.high);
    const t = o.trail;
    const level =
      'percent' in t
        ? o.highWater * (1 - t.percent / 100)
        : o.highWater - t.atrMultiple * st.lookup(`atr${t.atrPeriod ?? 14}`);
    if (level > o.stopPrice!) o.stopPrice = level;
  }
  // 4. Expiries: IOC/FOK after their first working bar; GTD when the next bar opens at/after expiry.
  for (const o of w) {
    if (isTerminal(o.status)) continue;
    if ((o.tif === 'IOC' || o.tif === 'FOK') && o.eligibleBar <= st.bar) {
      const what = o.filledQty > 0 ? 'remainder' : 'order';
      ctx.end(o, 'expired', ts, `${o.tif}: ${what} not filled in its first bar`);
    } else if (
      o.expiresAt !== undefined &&
      (o.expiresAt <= ts || o.expiresAt <= ts + st.interval)
    ) {
      ctx.end(o, 'expired', ts, `GTD: expires at ${o.expiresAt}`);
    }
  }
  // 5. At the close: indicators, then conditions and DCA schedules (they fill from the next bar).
  st.book?.update(candle);
  for (let i = 0, n = w.length; i < n; i++) {
    const o = w[i]!;
    if (!ready(o, st, candle)) continue;
    if (o.exec === 'condition' && o.condition!.evaluate(st.lookup)) {
      o.exec = 'market';
      o.eligibleBar = st.bar + 1 + ctx.latency;
      ctx.move(o, 'open', ts, `condition "${o.condition!.text}" true at close ${candle.close}`);
    } else if (o.exec === 'program') {
      stepSchedule(ctx, st, o, ts);
    }
  }
  return fills;
}

/**
 * After a fill: a bracket entry arms its legs; the first fill of an OCO leg cancels the other leg
 * and what is left of the entry; a DCA child feeds its program; and when a sell leaves the pair flat,
 * the exits protecting that position (and safety DCAs buying into it) are cancelled — a stale stop
 * must not sell the next position.
 */
export function afterFill(
  ctx: ProgramContext,
  o: WorkingOrder,
  st: PairState,
  fill: Fill,
  armedAt: number,
): void {
  const ts = fill.ts;
  if (o.type === 'bracket') armLegs(ctx, st, o, armedAt, ts);
  const parent = o.parentId === undefined ? undefined : ctx.get(o.parentId);
  if (o.ocoId !== undefined && o.filledQty === fill.qty) {
    const sibling = ctx.get(o.ocoId);
    if (sibling) ctx.end(sibling, 'cancelled', ts, `OCO: ${o.id} filled`);
    if (parent) ctx.end(parent, 'cancelled', ts, `bracket exit ${o.id} filled`);
  }
  if (parent?.type === 'dca') dcaChildFilled(ctx, st, parent, o, fill);
  if (o.side === 'sell' && ctx.ledger.qty(o.pair) === 0) {
    for (const other of st.working) {
      if (other === o || isTerminal(other.status)) continue;
      const endsWithPosition =
        (other.protective && other.exec !== 'dormant') ||
        (other.program?.mode === 'safety' && other.filledQty > 0);
      if (endsWithPosition) ctx.end(other, 'cancelled', ts, `position closed by ${o.id}`);
    }
  }
}

export function newPairState(market: MarketSpec, book: IndicatorSource | undefined): PairState {
  return {
    market,
    working: [],
    book,
    lookup: book ? (name) => book.value(name) : () => Number.NaN,
    bar: 0,
    lastTs: Number.NaN,
    interval: Number.NaN,
    lastClose: Number.NaN,
    volumeTaken: 0,
    stopBar: -1,
  };
}

/**
 * Fills a sell now, outside any bar, at the pair's last mark: taker with the fixed slippage only (no
 * bar volume to measure impact against, no cap). For the end of a backtest, where no next bar exists.
 */
export function fillNow(ctx: BarContext, o: WorkingOrder, st: PairState, now: number): Fill | null {
  const price = ctx.ledger.markOf(o.pair);
  const candle = { ts: now, open: price, high: price, low: price, close: price, volume: Infinity };
  st.volumeTaken = 0;
  const fill = executeOrder(ctx, o, st, candle, price, 'taker');
  if (fill) afterFill(ctx, o, st, fill, Number.NaN);
  return fill;
}
