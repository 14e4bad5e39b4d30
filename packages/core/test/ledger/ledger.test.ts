// The ledger as tables: a sequence of fills and marks, and the books expected after each event,
// the arithmetic beside each number. The invariant (equity = cash + Σ qty × mark, exactly; plus
// rounding and the accounting identity) is asserted after EVERY event.
import { describe, expect, it } from 'vitest';
import { InsufficientFunds, InvalidOrder, ValidationError } from '../../src/errors.js';
import { assertLedgerInvariant, Ledger } from '../../src/ledger/ledger.js';
import type { ClosedTrade, ExitReason, Fill, PortfolioSnapshot } from '../../src/ledger/types.js';
import { marketSpec } from '../../src/market/market.js';

const SOL = marketSpec('SOL/USDC'); // base 9 decimals, quote 6
const P = SOL.pair;
const DAY = 86_400_000;
const T = Date.UTC(2024, 0, 1, 12);

type Event =
  | readonly [
      'buy' | 'sell',
      qty: number,
      price: number,
      fee: number,
      slippage?: number,
      reason?: ExitReason,
    ]
  | readonly ['mark', price: number];

interface Step {
  readonly event: Event;
  readonly at?: number;
  readonly expect: Partial<Omit<PortfolioSnapshot, 'positions'>> & { qty?: number; avg?: number };
}

interface LedgerCase {
  readonly name: string;
  readonly capital: number;
  readonly steps: readonly Step[];
  readonly trades?: readonly Partial<ClosedTrade>[];
}

const close = (x: number): number => Number(x.toPrecision(12));

function play(ledger: Ledger, event: Event, at: number): void {
  if (event[0] === 'mark') {
    ledger.mark(P, event[1], at);
    return;
  }
  const [side, qty, price, fee, slippage = 0, reason] = event;
  const fill: Fill = { orderId: 'o', pair: P, side, ts: at, qty, price, fee, slippage };
  ledger.apply(reason ? { ...fill, exitReason: reason } : fill);
}

const cases: LedgerCase[] = [
  {
    name: 'buy then sell with fees: average entry excludes fees, pnl nets both legs',
    capital: 1000,
    steps: [
      // buy 2 at 100, fee 0.2, slippage 0.1 (kept apart): cash 1000 − 200 − 0.2
      {
        event: ['buy', 2, 100, 0.2, 0.1],
        expect: { cash: 799.8, qty: 2, avg: 100, equity: 999.8, fees: 0.2, slippage: 0.1 },
      },
      // mark 110: equity 799.8 + 2 × 110
      { event: ['mark', 110], expect: { equity: 1019.8, peakEquity: 1019.8 } },
      // sell 2 at 110, fee 0.22: cash 799.8 + 220 − 0.22; pnl (110 − 100) × 2 − 0.22 − 0.2
      {
        event: ['sell', 2, 110, 0.22, 0.11],
        expect: { cash: 1019.58, qty: 0, realizedPnl: 19.58, fees: 0.42, slippage: 0.21 },
      },
    ],
    trades: [
      { qty: 2, entryPrice: 100, exitPrice: 110, fee: 0.42, pnl: 19.58, exitReason: 'signal' },
    ],
  },
  {
    name: 'average entry over two buys; each sell is a row at that average',
    capital: 1000,
    steps: [
      { event: ['buy', 1, 100, 0.1], expect: { cash: 899.9, avg: 100 } },
      // avg (100 + 120) / 2 = 110
      { event: ['buy', 1, 120, 0.12], at: T + 1, expect: { cash: 779.78, qty: 2, avg: 110 } },
      // pnl (130 − 110) × 1 − 0.13 − 0.22 / 2
      {
        event: ['sell', 1, 130, 0.13, 0, 'take-profit'],
        expect: { realizedPnl: 19.76, qty: 1, avg: 110 },
      },
      // pnl (100 − 110) × 1 − 0.1 − 0.11 (the rest of the entry fees); 19.76 − 10.21
      { event: ['sell', 1, 100, 0.1, 0, 'stop-loss'], expect: { realizedPnl: 9.55, qty: 0 } },
    ],
    trades: [
      { entryTs: T, entryPrice: 110, qty: 1, fee: 0.24, pnl: 19.76, exitReason: 'take-profit' },
      { entryTs: T, entryPrice: 110, qty: 1, fee: 0.21, pnl: -10.21, exitReason: 'stop-loss' },
    ],
  },
  {
    name: 'partial sells: their own rows, pro-rata share of the entry fee',
    capital: 1000,
    steps: [
      { event: ['buy', 3, 100, 0.3], expect: { cash: 699.7 } },
      // share 0.3 × 1 / 3 = 0.1: pnl 10 − 0.11 − 0.1
      { event: ['sell', 1, 110, 0.11], expect: { realizedPnl: 9.79, qty: 2 } },
      // the last sell takes the rest, 0.2: pnl −20 − 0.18 − 0.2; 9.79 − 20.38
      { event: ['sell', 2, 90, 0.18], expect: { realizedPnl: -10.59, qty: 0, cash: 989.41 } },
      // a new round trip opens at its own time
      { event: ['buy', 1, 95, 0], at: T + 60_000, expect: { qty: 1, avg: 95 } },
    ],
    trades: [
      { qty: 1, fee: 0.21, pnl: 9.79 },
      { qty: 2, fee: 0.38, pnl: -20.38 },
    ],
  },
  {
    name: 'rounding: qty in SOL units (9 decimals), cash in USDC units (6 decimals)',
    capital: 1000,
    steps: [
      // 1000 − 0.123456789 × 123.456789 − 0.015241 = 984.74318024981 → 984.743180
      {
        event: ['buy', 0.123456789, 123.456789, 0.015241],
        expect: { cash: 984.74318, qty: 0.123456789 },
      },
      // 0.123456789 + 0.1 + 0.2 is stored as 0.423456789, not 0.42345678900000004
      { event: ['buy', 0.1, 1, 0], expect: { qty: 0.223456789 } },
      { event: ['buy', 0.2, 1, 0], expect: { qty: 0.423456789 } },
      { event: ['sell', 0.3, 1, 0], expect: { qty: 0.123456789 } },
    ],
  },
  {
    name: 'unrealised pnl follows the mark; equity is cash + qty × mark',
    capital: 500,
    steps: [
      { event: ['buy', 4, 50, 0.2], expect: { cash: 299.8, equity: 499.8 } },
      { event: ['mark', 45], expect: { equity: 479.8 /* 299.8 + 4 × 45 */, peakEquity: 500 } },
      { event: ['mark', 60], expect: { equity: 539.8 /* 299.8 + 4 × 60 */, peakEquity: 539.8 } },
    ],
  },
  {
    name: 'the day start equity resets at UTC midnight, to the equity just before the new day',
    capital: 1000,
    steps: [
      { event: ['buy', 10, 100, 0], at: T, expect: { dayStartEquity: 1000 } },
      { event: ['mark', 90], at: T + 60_000, expect: { equity: 900, dayStartEquity: 1000 } },
      // next UTC day: starts from 900 (the equity at midnight), then the mark moves it
      { event: ['mark', 95], at: T + DAY, expect: { equity: 950, dayStartEquity: 900 } },
      {
        event: ['mark', 80],
        at: T + DAY + 1,
        expect: { equity: 800, dayStartEquity: 900, peakEquity: 1000 },
      },
    ],
  },
];

describe('ledger tables', () => {
  it.each(cases)('$name', (c) => {
    const ledger = new Ledger({ capital: c.capital, markets: [SOL] });
    for (const step of c.steps) {
      play(ledger, step.event, step.at ?? T);
      ledger.assertInvariant();
      const s = ledger.snapshot();
      assertLedgerInvariant(s);
      const { qty, avg, ...fields } = step.expect;
      for (const [k, v] of Object.entries(fields)) {
        expect([k, close(s[k as keyof typeof fields])]).toEqual([k, v]);
      }
      if (qty !== undefined) expect(ledger.qty(P)).toBe(qty);
      if (avg !== undefined) expect(close(ledger.position(P)!.averageEntry)).toBe(avg);
    }
    if (c.trades) {
      const trades = ledger
        .closedTrades()
        .map((t) => ({ ...t, fee: close(t.fee), pnl: close(t.pnl) }));
      expect(trades).toMatchObject(c.trades);
    }
  });
});

describe('ledger refusals: nothing is partially applied', () => {
  const fill = (side: 'buy' | 'sell', qty: number, price: number, fee = 0): Fill => ({
    orderId: 'x',
    pair: P,
    side,
    ts: T,
    qty,
    price,
    fee,
    slippage: 0,
  });

  //  name                             fill                                 error
  const refusals: [string, Fill, typeof InsufficientFunds | typeof InvalidOrder, RegExp][] = [
    [
      'buy above the cash',
      fill('buy', 10, 100, 1),
      InsufficientFunds,
      /costs more than the cash 900/,
    ],
    ['buy that only the fee pushes over', fill('buy', 9, 100, 0.000001), InsufficientFunds, /cash/],
    [
      'sell above the holding',
      fill('sell', 1.5, 100),
      InsufficientFunds,
      /sell 1.5 SOL but only 1 is held/,
    ],
    [
      'qty not rounded to 9 decimals',
      fill('buy', 0.1234567891, 100),
      InvalidOrder,
      /rounded down to 9 decimals/,
    ],
    ['qty 0', fill('buy', 0, 100), InvalidOrder, /qty 0 must be > 0/],
    ['negative fee', fill('buy', 1, 100, -1), InvalidOrder, /fee ≥ 0/],
    ['price 0', fill('sell', 1, 0), InvalidOrder, /price must be > 0/],
    [
      'unknown pair',
      { ...fill('buy', 1, 1), pair: 'BTC/USDC' },
      InvalidOrder,
      /unknown pair BTC\/USDC/,
    ],
  ];
  it.each(refusals)('%s', (_name, f, type, message) => {
    const ledger = new Ledger({ capital: 1000, markets: [SOL] });
    ledger.apply(fill('buy', 1, 100)); // cash 900, 1 SOL
    const before = ledger.snapshot();
    expect(() => ledger.apply(f)).toThrow(type);
    expect(() => ledger.apply(f)).toThrow(message);
    expect(ledger.snapshot()).toEqual(before);
    expect(ledger.closedTrades()).toEqual([]);
    expect(ledger.fills()).toHaveLength(1);
    ledger.assertInvariant();
  });

  it('a buy costing exactly the cash is allowed and leaves 0', () => {
    const ledger = new Ledger({ capital: 100.1, markets: [SOL] });
    ledger.apply(fill('buy', 1, 100, 0.1));
    expect(ledger.cash).toBe(0);
    expect(Object.is(ledger.cash, -0)).toBe(false);
    ledger.assertInvariant();
  });
});

describe('ledger setup and views', () => {
  it('refuses markets with different quote currencies, duplicates, bad capital', () => {
    expect(() => new Ledger({ capital: 1, markets: [SOL, marketSpec('ETH/USDT')] })).toThrow(
      /share one quote currency/,
    );
    expect(() => new Ledger({ capital: 1, markets: [SOL, SOL] })).toThrow(/listed twice/);
    expect(() => new Ledger({ capital: -1, markets: [SOL] })).toThrow(ValidationError);
    expect(() => new Ledger({ capital: 1, markets: [] })).toThrow(/at least one market/);
  });

  it('refuses a mark that is not a positive price', () => {
    const ledger = new Ledger({ capital: 1, markets: [SOL] });
    expect(() => {
      ledger.mark(P, 0, T);
    }).toThrow(/finite number > 0/);
    expect(() => {
      ledger.mark(P, Number.NaN, T);
    }).toThrow(ValidationError);
  });

  it('position views, snapshot and the equity curve', () => {
    const ledger = new Ledger({ capital: 1000, markets: [SOL] });
    expect(ledger.position(P)).toBeUndefined();
    expect(ledger.recordEquity(T)).toEqual({ ts: T, equity: 1000 });
    ledger.apply({
      orderId: 'a',
      pair: P,
      side: 'buy',
      ts: T,
      qty: 2,
      price: 100,
      fee: 0,
      slippage: 0,
    });
    ledger.mark(P, 105, T + 1);
    expect(ledger.position(P)).toEqual({
      pair: P,
      asset: 'SOL',
      qty: 2,
      averageEntry: 100,
      mark: 105,
      unrealizedPnl: 10, // (105 − 100) × 2
      openedAt: T,
    });
    ledger.recordEquity(T + 1);
    expect(ledger.equityCurve()).toEqual([
      { ts: T, equity: 1000 },
      { ts: T + 1, equity: 1010 }, // 800 + 2 × 105
    ]);
    expect(ledger.snapshot().positions).toHaveLength(1);
  });

  it('assertLedgerInvariant names the breach', () => {
    const ledger = new Ledger({ capital: 1000, markets: [SOL] });
    const s = ledger.snapshot();
    expect(() => {
      assertLedgerInvariant({ ...s, equity: 1000.01 });
    }).toThrow(/equity 1000.01 ≠ cash \+ Σ qty × mark = 1000/);
    expect(() => {
      assertLedgerInvariant({ ...s, cash: -1, equity: -1 });
    }).toThrow(/cash -1 < 0/);
    expect(() => {
      assertLedgerInvariant({ ...s, peakEquity: 999 });
    }).toThrow(/peak 999 below/);
  });
});
