// Test runner for order-manager scenarios: a few bars, the actions taken after given bars' closes,
// and everything the manager produced. The ledger invariant is asserted after EVERY ledger event
// (each fill and each mark) and after every action, through a checking Ledger subclass.
import type { FillModelConfig } from '../../src/fills/fill-model.js';
import { IndicatorBook } from '../../src/indicators/indicator-book.js';
import { Ledger } from '../../src/ledger/ledger.js';
import type { ClosedTrade, ExitReason, Fill } from '../../src/ledger/types.js';
import { marketSpec, type MarketSpec } from '../../src/market/market.js';
import { OrderManager } from '../../src/orders/order-manager.js';
import type { Order, OrderRequest, OrderStatus } from '../../src/orders/types.js';

/** [open, high, low, close, volume] */
export type Bar = readonly [number, number, number, number, number];

export const T0 = Date.UTC(2024, 0, 1);
export const BAR_MS = 300_000;
export const ts = (i: number): number => T0 + i * BAR_MS;
export const SOL = marketSpec('SOL/USDC');

/** No fee, no slippage, no impact, no volume cap, no latency: the trigger rules alone. */
export const FRICTIONLESS: Partial<FillModelConfig> = {
  feeBps: 0,
  slippageBps: 0,
  impactBpsPerVolumePct: 0,
  maxVolumePct: 100,
  latencyBars: 0,
};

/** A Ledger that checks its invariant after every event and counts the checks. */
export class CheckedLedger extends Ledger {
  checks = 0;

  override apply(fill: Fill): ClosedTrade | undefined {
    const trade = super.apply(fill);
    this.check();
    return trade;
  }

  override mark(pair: string, price: number, at: number): void {
    super.mark(pair, price, at);
    this.check();
  }

  check(): void {
    this.assertInvariant();
    this.checks += 1;
  }
}

/** Something done after bar `after` closed (−1: before the first bar). */
export type Action =
  | { readonly after: number; readonly submit: OrderRequest }
  | { readonly after: number; readonly cancel: string }
  | { readonly after: number; readonly closeAll: ExitReason; readonly immediate?: boolean };

export interface ExpectedFill {
  readonly bar: number;
  readonly order: string;
  readonly side: 'buy' | 'sell';
  readonly qty: number;
  readonly price: number;
  readonly exitReason?: ExitReason;
}

export interface Scenario {
  readonly name: string;
  readonly bars: readonly Bar[];
  readonly actions: readonly Action[];
  readonly fillModel?: Partial<FillModelConfig>;
  readonly capital?: number;
  /** Indicator names every pair's book starts with (a book is given when this is set). */
  readonly book?: readonly string[];
  readonly fills: readonly ExpectedFill[];
  readonly trades?: readonly Partial<ClosedTrade>[];
  /** Final status per order id. */
  readonly statuses?: Readonly<Record<string, OrderStatus>>;
}

export interface Outcome {
  readonly fills: ExpectedFill[];
  readonly rawFills: Fill[];
  readonly ledger: CheckedLedger;
  readonly manager: OrderManager;
  readonly statuses: Record<string, OrderStatus>;
}

/** Prices and quantities compared at 12 significant digits (the tables show the arithmetic). */
export const sig = (x: number): number => Number(x.toPrecision(12));

export function managerFor(
  s: Pick<Scenario, 'fillModel' | 'capital' | 'book'>,
  markets: readonly MarketSpec[] = [SOL],
): { ledger: CheckedLedger; manager: OrderManager } {
  const ledger = new CheckedLedger({ capital: s.capital ?? 10_000, markets });
  const names = s.book;
  const manager = new OrderManager({
    markets,
    ledger,
    fillModel: { ...FRICTIONLESS, ...s.fillModel },
    ...(names ? { book: () => new IndicatorBook(names) } : {}),
  });
  return { ledger, manager };
}

export function runScenario(s: Scenario): Outcome {
  const { ledger, manager } = managerFor(s);
  const fills: ExpectedFill[] = [];
  const rawFills: Fill[] = [];
  const act = (after: number): void => {
    for (const a of s.actions) {
      if (a.after !== after) continue;
      const now = after < 0 ? T0 - BAR_MS : ts(after + 1);
      if ('submit' in a) manager.submit(a.submit, now);
      else if ('cancel' in a) manager.cancel(a.cancel, now, 'test');
      else {
        const r = manager.closeAll(SOL.pair, now, a.closeAll, { immediate: a.immediate === true });
        for (const f of r.fills) record(f, after);
      }
      ledger.check();
    }
  };
  const record = (f: Fill, bar: number): void => {
    rawFills.push(f);
    fills.push({
      bar,
      order: f.orderId,
      side: f.side,
      qty: sig(f.qty),
      price: sig(f.price),
      ...(f.exitReason ? { exitReason: f.exitReason } : {}),
    });
  };
  act(-1);
  s.bars.forEach((b, i) => {
    const [open, high, low, close, volume] = b;
    for (const f of manager.onCandle(SOL.pair, { ts: ts(i), open, high, low, close, volume })) {
      record(f, i);
    }
    act(i);
  });
  const statuses: Record<string, OrderStatus> = {};
  for (const o of manager.allOrders()) statuses[o.id] = o.status;
  return { fills, rawFills, ledger, manager, statuses };
}

/** The expected fills with prices/qtys at the comparison precision. */
export function normalise(expected: readonly ExpectedFill[]): ExpectedFill[] {
  return expected.map((f) => ({ ...f, qty: sig(f.qty), price: sig(f.price) }));
}

export function history(o: Order | undefined): string[] {
  return (o?.history ?? []).map((t) => `${t.from ?? 'new'}→${t.to}`);
}
