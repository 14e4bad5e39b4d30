// Order-manager behaviour outside the scenario table: the hot path, hooks, cascades, queries.
import { describe, expect, it } from 'vitest';
import { InvalidOrder } from '../../src/errors.js';
import type { Candle } from '../../src/candles/types.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { marketSpec } from '../../src/market/market.js';
import { OrderManager } from '../../src/orders/order-manager.js';
import type { Order, OrderTransition } from '../../src/orders/types.js';
import { CheckedLedger, FRICTIONLESS, history, managerFor, SOL, ts } from './harness.js';

const P = SOL.pair;
const bar = (i: number, o: number, h: number, l: number, c: number, v = 1e3): Candle => ({
  ts: ts(i),
  open: o,
  high: h,
  low: l,
  close: c,
  volume: v,
});

describe('OrderManager', () => {
  it('a bar without working orders returns one shared frozen empty array and marks the ledger', () => {
    const { manager, ledger } = managerFor({});
    const a = manager.onCandle(P, bar(0, 100, 101, 99, 100));
    const b = manager.onCandle(P, bar(1, 100, 101, 99, 101));
    expect(a).toBe(b);
    expect(a).toHaveLength(0);
    expect(Object.isFrozen(a)).toBe(true);
    expect(ledger.markOf(P)).toBe(101);
  });

  it('the idle path is cheap: 1M bars well under a second', () => {
    // A plain ledger: the checking one would dominate the timing.
    const ledger = new Ledger({ capital: 1e4, markets: [SOL] });
    const manager = new OrderManager({ markets: [SOL], ledger, fillModel: FRICTIONLESS });
    const c = { ts: 0, open: 100, high: 101, low: 99, close: 100, volume: 1e3 };
    const n = 1_000_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      c.ts = i * 60_000;
      manager.onCandle(P, c);
    }
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(1000);
  });

  it('ids are the prefix plus a sequence; onUpdate sees every creation and transition', () => {
    const ledger = new CheckedLedger({ capital: 1e4, markets: [SOL] });
    const seen: string[] = [];
    const manager = new OrderManager({
      markets: [SOL],
      ledger,
      fillModel: FRICTIONLESS,
      idPrefix: 'bot7-',
      onUpdate: (o: Order, t: OrderTransition) => seen.push(`${o.id} ${t.from ?? 'new'}→${t.to}`),
    });
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1 }, ts(1));
    manager.submit({ type: 'limit', pair: P, side: 'buy', qty: 1, price: 50 }, ts(1));
    manager.onCandle(P, bar(1, 100, 101, 99, 100));
    manager.cancel('bot7-2', ts(2), 'changed my mind');
    expect(seen).toEqual([
      'bot7-1 new→open',
      'bot7-2 new→open',
      'bot7-1 open→filled',
      'bot7-2 open→cancelled',
    ]);
    expect(manager.openOrders()).toEqual([]);
    expect(manager.allOrders().map((o) => o.id)).toEqual(['bot7-1', 'bot7-2']);
    expect(manager.order('bot7-2')?.history.at(-1)?.reason).toBe('changed my mind');
  });

  it('cancel: unknown id and already-cancelled orders are InvalidOrder', () => {
    const { manager } = managerFor({});
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    expect(() => manager.cancel('ord-9', ts(1), 'x')).toThrow(InvalidOrder);
    const o = manager.submit({ type: 'limit', pair: P, side: 'buy', qty: 1, price: 90 }, ts(1));
    manager.cancel(o.id, ts(1), 'x');
    expect(() => manager.cancel(o.id, ts(1), 'again')).toThrow(/already cancelled/);
  });

  it('cancelling a DCA program cancels its working child; a stopped child stops the program', () => {
    const { manager } = managerFor({});
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    const dca = manager.submit(
      {
        type: 'dca',
        mode: 'safety',
        pair: P,
        quoteAmount: 100,
        stepPct: 10,
        scale: 1,
        maxSafetyOrders: 3,
      },
      ts(1),
    );
    manager.onCandle(P, bar(1, 100, 101, 99, 100)); // initial buy; safety limit at 90 placed
    expect(manager.openOrders().map((o) => `${o.id} ${o.type} ${o.price ?? ''}`)).toEqual([
      'ord-1 dca ',
      'ord-3 limit 90',
    ]);
    manager.cancel(dca.id, ts(2), 'enough');
    expect(manager.order('ord-3')?.status).toBe('cancelled');
    expect(manager.openOrders()).toEqual([]);

    const second = manager.submit(
      { type: 'dca', mode: 'schedule', pair: P, quoteAmount: 100, count: 5, everyBars: 1 },
      ts(2),
    );
    manager.cancel('ord-5', ts(2), 'skip this one'); // its first child
    expect(second.status).toBe('cancelled');
    expect(second.history.at(-1)?.reason).toBe('DCA stopped: ord-5 cancelled');
  });

  it('a DCA child refused for funds stops the program, nothing applied', () => {
    const { manager, ledger } = managerFor({ capital: 250 });
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    const dca = manager.submit(
      { type: 'dca', mode: 'schedule', pair: P, quoteAmount: 100, count: 3, everyBars: 1 },
      ts(1),
    );
    for (let i = 1; i <= 4; i++) manager.onCandle(P, bar(i, 100, 101, 99, 100));
    // 100 + 100 bought; the third 100 > 50 left.
    expect(ledger.qty(P)).toBe(2);
    expect(ledger.cash).toBe(50);
    expect(dca.status).toBe('cancelled');
    expect(manager.order('ord-4')?.status).toBe('rejected');
  });

  it('bracket with a partially filled entry: legs follow the filled qty; an exit cancels the rest', () => {
    const { manager, ledger } = managerFor({ fillModel: { maxVolumePct: 10 } });
    manager.onCandle(P, bar(0, 100, 101, 99, 100, 10));
    const entry = manager.submit(
      { type: 'bracket', pair: P, qty: 3, entryPrice: 100, stopPrice: 95, takeProfitPrice: 110 },
      ts(1),
    );
    manager.onCandle(P, bar(1, 100, 101, 99.5, 100, 10)); // 1 of 3 at 100 (cap 1 of 10)
    expect(entry.status).toBe('partially-filled');
    expect([manager.order('ord-2')?.qty, manager.order('ord-3')?.qty]).toEqual([1, 1]);
    manager.onCandle(P, bar(2, 105, 111, 104, 110, 10)); // no entry (low 104); target sells 1
    expect(ledger.qty(P)).toBe(0);
    expect(manager.order('ord-3')?.status).toBe('filled');
    expect(manager.order('ord-2')?.status).toBe('cancelled');
    expect(entry.status).toBe('cancelled');
    expect(entry.history.at(-1)?.reason).toBe('bracket exit ord-3 filled');
    expect(entry.filledQty).toBe(1);
  });

  it('a trailing stop shows its level and only raises it', () => {
    const { manager } = managerFor({});
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1 }, ts(1));
    const t = manager.submit({ type: 'trailing-stop', pair: P, trail: { percent: 5 } }, ts(1));
    expect(t.stopPrice).toBe(95); // 100 × 0.95
    manager.onCandle(P, bar(1, 100, 120, 99, 110));
    expect(t.stopPrice).toBe(114); // 120 × 0.95
    manager.onCandle(P, bar(2, 116, 117, 115, 116));
    expect(t.stopPrice).toBe(114);
    expect(history(t)).toEqual(['new→pending']);
  });

  it('a conditional sell with crosses_below exits with reason signal', () => {
    const { manager, ledger } = managerFor({ book: [] });
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1 }, ts(1));
    manager.submit(
      { type: 'conditional', pair: P, side: 'sell', condition: 'crosses_below(close, 95)' },
      ts(1),
    );
    manager.onCandle(P, bar(1, 100, 101, 99, 100)); // buy; close 100 ≥ 95 (first evaluation)
    manager.onCandle(P, bar(2, 97, 98, 93, 94)); // crosses below 95 at this close
    const fills = manager.onCandle(P, bar(3, 93, 94, 92, 93)); // sell at the open
    expect(fills.map((f) => [f.side, f.price, f.exitReason])).toEqual([['sell', 93, 'signal']]);
    expect(ledger.qty(P)).toBe(0);
  });

  it('closeAll without a pair closes every market', () => {
    const btc = marketSpec('BTC/USDC');
    const ledger = new CheckedLedger({ capital: 1e5, markets: [SOL, btc] });
    const manager = new OrderManager({ markets: [SOL, btc], ledger, fillModel: FRICTIONLESS });
    manager.onCandle(P, bar(0, 100, 101, 99, 100));
    manager.onCandle('BTC/USDC', bar(0, 40_000, 40_100, 39_900, 40_000));
    manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1 }, ts(1));
    manager.submit({ type: 'market', pair: 'BTC/USDC', side: 'buy', qty: 0.1 }, ts(1));
    manager.onCandle(P, bar(1, 100, 101, 99, 100));
    manager.onCandle('BTC/USDC', bar(1, 40_000, 40_100, 39_900, 40_000));
    const r = manager.closeAll(undefined, ts(2), 'emergency', { immediate: true });
    expect(r.fills.map((f) => [f.pair, f.qty, f.exitReason])).toEqual([
      [P, 1, 'emergency'],
      ['BTC/USDC', 0.1, 'emergency'],
    ]);
    expect(ledger.snapshot().positions).toEqual([]);
    expect(ledger.cash).toBe(1e5);
  });

  it('a market not in the ledger is refused', () => {
    const ledger = new CheckedLedger({ capital: 1, markets: [SOL] });
    expect(
      () =>
        new OrderManager({ markets: [marketSpec('BTC/USDC')], ledger, fillModel: FRICTIONLESS }),
    ).toThrow(/not in the ledger/);
  });
});
