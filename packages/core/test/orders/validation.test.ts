// Submission checks: each refused request, the error type, and the message that tells the user why.
// The market has seen one bar closing at 100 (the "current price"); cash is 10 000 USDC, 1 SOL held.
import { describe, expect, it } from 'vitest';
import { InsufficientFunds, InvalidOrder } from '../../src/errors.js';
import type { OrderRequest } from '../../src/orders/types.js';
import { managerFor, SOL, ts } from './harness.js';

const P = SOL.pair;

function market(options: { book?: readonly string[] } = {}) {
  const setup = managerFor(options);
  const { manager } = setup;
  manager.onCandle(P, { ts: ts(0), open: 100, high: 101, low: 99, close: 100, volume: 1e3 });
  manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1 }, ts(1));
  manager.onCandle(P, { ts: ts(1), open: 100, high: 101, low: 99, close: 100, volume: 1e3 });
  return setup;
}

// A request that is not well-typed on purpose (requests may come from JSON).
const raw = (r: Record<string, unknown>): OrderRequest => r as unknown as OrderRequest;

const invalid: [string, OrderRequest, RegExp][] = [
  [
    'unknown pair',
    { type: 'market', pair: 'DOGE/USDC', side: 'buy', qty: 1 },
    /unknown pair DOGE\/USDC/,
  ],
  ['unknown type', raw({ type: 'iceberg', pair: P, side: 'buy', qty: 1 }), /unknown order type/],
  ['no side', raw({ type: 'market', pair: P, qty: 1 }), /side must be "buy" or "sell"/],
  ['qty 0', { type: 'market', pair: P, side: 'buy', qty: 0 }, /qty must be > 0/],
  ['qty < 0', { type: 'market', pair: P, side: 'buy', qty: -1 }, /qty must be > 0/],
  ['qty NaN', { type: 'market', pair: P, side: 'buy', qty: Number.NaN }, /qty must be > 0/],
  [
    'qty below one base unit (SOL 9 decimals)',
    { type: 'market', pair: P, side: 'buy', qty: 1e-10 },
    /rounds down to 0 at 9 decimals/,
  ],
  [
    'buy with qty and quoteAmount',
    { type: 'market', pair: P, side: 'buy', qty: 1, quoteAmount: 100 },
    /exactly one of qty/,
  ],
  ['buy with neither', { type: 'market', pair: P, side: 'buy' }, /exactly one of qty/],
  ['buy "all"', { type: 'market', pair: P, side: 'buy', qty: 'all' }, /"all" is for sells/],
  [
    'sell by quoteAmount',
    { type: 'market', pair: P, side: 'sell', quoteAmount: 50 },
    /not quoteAmount/,
  ],
  [
    'quoteAmount ≤ 0',
    { type: 'market', pair: P, side: 'buy', quoteAmount: 0 },
    /quoteAmount must be > 0/,
  ],
  [
    'exit reason on a buy',
    { type: 'market', pair: P, side: 'buy', qty: 1, reason: 'manual' },
    /sells only/,
  ],
  [
    'unknown exit reason',
    raw({ type: 'market', pair: P, side: 'sell', qty: 1, reason: 'boredom' }),
    /reason must be one of/,
  ],
  [
    'limit price 0',
    { type: 'limit', pair: P, side: 'buy', qty: 1, price: 0 },
    /limit price must be > 0/,
  ],
  [
    'limit price negative',
    { type: 'limit', pair: P, side: 'buy', qty: 1, price: -5 },
    /limit price must be > 0/,
  ],
  [
    'unknown tif',
    raw({ type: 'limit', pair: P, side: 'buy', qty: 1, price: 90, tif: 'DAY' }),
    /tif must be one of/,
  ],
  [
    'GTD without expiresAt',
    { type: 'limit', pair: P, side: 'buy', qty: 1, price: 90, tif: 'GTD' },
    /GTD needs expiresAt/,
  ],
  [
    'GTD in the past',
    { type: 'limit', pair: P, side: 'buy', qty: 1, price: 90, tif: 'GTD', expiresAt: ts(0) },
    /after now/,
  ],
  [
    'expiresAt without GTD',
    { type: 'limit', pair: P, side: 'buy', qty: 1, price: 90, expiresAt: ts(9) },
    /only for tif GTD/,
  ],
  ['stop price 0', { type: 'stop-loss', pair: P, stopPrice: 0 }, /stop price must be > 0/],
  [
    'stop above the current price (long exit)',
    { type: 'stop-loss', pair: P, stopPrice: 105 },
    /stop 105 is at or above the current price 100/,
  ],
  [
    'stop at the current price',
    { type: 'stop-loss', pair: P, stopPrice: 100 },
    /at or above the current price/,
  ],
  [
    'a buy stop (no shorting, no stop entries)',
    raw({ type: 'stop-loss', pair: P, side: 'buy', stopPrice: 95 }),
    /is a sell on a spot long-only market/,
  ],
  [
    'target below the current price',
    { type: 'take-profit', pair: P, price: 95 },
    /target 95 is at or below the current price 100/,
  ],
  [
    'trailing percent 0',
    { type: 'trailing-stop', pair: P, trail: { percent: 0 } },
    /trail percent must be in \(0, 100\)/,
  ],
  [
    'trailing percent 100',
    { type: 'trailing-stop', pair: P, trail: { percent: 100 } },
    /trail percent/,
  ],
  [
    'trailing ATR without a book',
    { type: 'trailing-stop', pair: P, trail: { atrMultiple: 2 } },
    /needs an indicator book/,
  ],
  ['trailing without a trail', raw({ type: 'trailing-stop', pair: P }), /trail must be/],
  [
    'bracket stop above entry',
    { type: 'bracket', pair: P, qty: 1, stopPrice: 101, takeProfitPrice: 110 },
    /need stop < entry < target/,
  ],
  [
    'bracket target below entry',
    { type: 'bracket', pair: P, qty: 1, entryPrice: 95, stopPrice: 90, takeProfitPrice: 94 },
    /need stop < entry < target/,
  ],
  [
    'bracket tif on a market entry',
    { type: 'bracket', pair: P, qty: 1, tif: 'IOC', stopPrice: 90, takeProfitPrice: 110 },
    /apply to a limit entry/,
  ],
  [
    'a sell bracket (no shorting)',
    raw({ type: 'bracket', pair: P, side: 'sell', qty: 1, stopPrice: 90, takeProfitPrice: 110 }),
    /is a buy/,
  ],
  [
    'DCA count 0',
    { type: 'dca', mode: 'schedule', pair: P, quoteAmount: 10, count: 0, everyBars: 1 },
    /count must be a whole number/,
  ],
  [
    'DCA everyBars 1.5',
    { type: 'dca', mode: 'schedule', pair: P, quoteAmount: 10, count: 2, everyBars: 1.5 },
    /everyBars/,
  ],
  [
    'DCA stepPct 100',
    {
      type: 'dca',
      mode: 'safety',
      pair: P,
      quoteAmount: 10,
      stepPct: 100,
      scale: 1,
      maxSafetyOrders: 1,
    },
    /stepPct must be below 100/,
  ],
  [
    'DCA scale 0',
    {
      type: 'dca',
      mode: 'safety',
      pair: P,
      quoteAmount: 10,
      stepPct: 5,
      scale: 0,
      maxSafetyOrders: 1,
    },
    /scale must be > 0/,
  ],
  [
    'DCA negative cap',
    {
      type: 'dca',
      mode: 'safety',
      pair: P,
      quoteAmount: 10,
      stepPct: 5,
      scale: 1,
      maxSafetyOrders: -1,
    },
    /maxSafetyOrders/,
  ],
  [
    'DCA unknown mode',
    raw({ type: 'dca', mode: 'grid', pair: P, quoteAmount: 10 }),
    /mode must be/,
  ],
  [
    'conditional without a book',
    { type: 'conditional', pair: P, side: 'buy', qty: 1, condition: 'close > sma3' },
    /needs an indicator book/,
  ],
  [
    'empty clientId',
    { type: 'market', pair: P, side: 'buy', qty: 1, clientId: '' },
    /clientId must be a non-empty string/,
  ],
];

const funds: [string, OrderRequest, RegExp][] = [
  [
    'buy above the cash',
    { type: 'market', pair: P, side: 'buy', qty: 100 },
    /needs about 10000\.000000 USDC, cash is 9900/,
  ],
  [
    'quote above the cash',
    { type: 'market', pair: P, side: 'buy', quoteAmount: 20_000 },
    /cash is 9900/,
  ],
  [
    'limit buy above the cash',
    { type: 'limit', pair: P, side: 'buy', qty: 200, price: 50 },
    /cash is 9900/,
  ],
  [
    'sell above the holding',
    { type: 'market', pair: P, side: 'sell', qty: 2 },
    /sell 2 SOL but 1 is held/,
  ],
];

describe('order validation', () => {
  it.each(invalid)('InvalidOrder: %s', (_name, request, message) => {
    const { manager, ledger } = market();
    const before = manager.allOrders().length;
    expect(() => manager.submit(request, ts(2))).toThrow(InvalidOrder);
    expect(() => manager.submit(request, ts(2))).toThrow(message);
    expect(manager.allOrders()).toHaveLength(before); // nothing recorded
    ledger.check();
  });

  it.each(funds)('InsufficientFunds: %s', (_name, request, message) => {
    const { manager } = market();
    expect(() => manager.submit(request, ts(2))).toThrow(InsufficientFunds);
    expect(() => manager.submit(request, ts(2))).toThrow(message);
  });

  it('a bad condition is an InvalidOrder naming the column', () => {
    const { manager } = market({ book: [] });
    expect(() =>
      manager.submit(
        { type: 'conditional', pair: P, side: 'buy', qty: 1, condition: 'close >' },
        ts(2),
      ),
    ).toThrow(InvalidOrder);
    expect(() =>
      manager.submit(
        { type: 'conditional', pair: P, side: 'buy', qty: 1, condition: 'close > foo9' },
        ts(2),
      ),
    ).toThrow(/unknown indicator "foo9"/);
  });

  it('an ATR trailing stop is refused while the ATR warms up', () => {
    const { manager } = market({ book: ['atr14'] });
    expect(() =>
      manager.submit({ type: 'trailing-stop', pair: P, trail: { atrMultiple: 2 } }, ts(2)),
    ).toThrow(/atr14 is not available yet/);
  });

  it('a clientId reused for a different order is refused', () => {
    const { manager } = market();
    manager.submit(
      { type: 'limit', pair: P, side: 'buy', qty: 1, price: 90, clientId: 'x' },
      ts(2),
    );
    expect(() =>
      manager.submit({ type: 'market', pair: P, side: 'buy', qty: 1, clientId: 'x' }, ts(2)),
    ).toThrow(/clientId x already names order ord-2/);
  });

  it('quantities are rounded down to the base decimals at submission', () => {
    const { manager } = market();
    const o = manager.submit({ type: 'market', pair: P, side: 'buy', qty: 0.1234567891234 }, ts(2));
    expect(o.qty).toBe(0.123456789);
  });
});
