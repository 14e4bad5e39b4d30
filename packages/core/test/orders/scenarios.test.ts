// Order-manager scenarios as tables (STYLE.md): a few bars [open, high, low, close, volume], what is
// submitted after which close, and the fills and trades expected, the arithmetic beside each number.
// Fills are stamped with the bar they happen in. Frictionless fills unless a case sets costs. The
// harness asserts the ledger invariant after every fill, mark and action.
import { describe, expect, it } from 'vitest';
import { runScenario, normalise, sig, SOL, ts, type Scenario } from './harness.js';

const P = SOL.pair;
const V = 1000;

const cases: Scenario[] = [
  {
    name: 'market buy fills at the next open, not at the close it was decided on',
    bars: [
      [100, 101, 99, 100, V], // 0: decided here
      [102, 103, 101, 102, V], // 1: fills at this open
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } }],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 102 }],
    statuses: { 'ord-1': 'filled' },
  },
  {
    name: 'market sell from the loop carries exit reason signal',
    bars: [
      [100, 101, 99, 100, V],
      [100, 105, 99, 104, V], // buy at 100
      [106, 107, 105, 106, V], // sell at 106
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 1, submit: { type: 'market', pair: P, side: 'sell', qty: 'all' } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 106, exitReason: 'signal' },
    ],
    trades: [{ entryPrice: 100, exitPrice: 106, qty: 1, pnl: 6 /* (106 − 100) × 1 */ }],
  },
  {
    name: 'market sell with reason manual',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // buy at 100
      [97, 98, 96, 97, V], // sell at 97
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 2 } },
      { after: 1, submit: { type: 'market', pair: P, side: 'sell', qty: 2, reason: 'manual' } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 2, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 2, price: 97, exitReason: 'manual' },
    ],
    trades: [{ exitReason: 'manual', pnl: -6 /* (97 − 100) × 2 */ }],
  },
  {
    name: 'latencyBars 2: submitted after bar 0, fills at the open of bar 0 + 1 + 2',
    fillModel: { latencyBars: 2 },
    bars: [
      [100, 101, 99, 100, V], // 0: submitted after this close
      [101, 102, 100, 101, V], // 1: latency
      [102, 103, 101, 102, V], // 2: latency
      [103, 104, 102, 103, V], // 3: fills at 103
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } }],
    fills: [{ bar: 3, order: 'ord-1', side: 'buy', qty: 1, price: 103 }],
  },
  {
    name: 'latencyBars 1 applies to limits too: not working in the bar it would have filled',
    fillModel: { latencyBars: 1 },
    bars: [
      [100, 101, 99, 100, V], // 0: submitted after this close
      [97, 98, 96, 97, V], // 1: pending (latency): no fill although low 96 ≤ 98
      [99, 100, 97, 99, V], // 2: working: min(98, 99) = 98
    ],
    actions: [{ after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98 } }],
    fills: [{ bar: 2, order: 'ord-1', side: 'buy', qty: 1, price: 98 }],
  },
  {
    name: 'fee and fixed slippage: against the taker, kept apart',
    fillModel: { feeBps: 10, slippageBps: 50 },
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // buy 1 at 100 × 1.005 = 100.5, fee 0.1005
      [110, 111, 109, 110, V], // sell 1 at 110 × 0.995 = 109.45, fee 0.10945
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 1, submit: { type: 'market', pair: P, side: 'sell', qty: 1 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100.5 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 109.45, exitReason: 'signal' },
    ],
    trades: [
      {
        entryPrice: 100.5,
        exitPrice: 109.45,
        fee: 0.20995, // 0.1005 + 0.10945
        pnl: 8.74005, // (109.45 − 100.5) × 1 − 0.20995
      },
    ],
  },
  {
    name: 'market impact: 2 bps per 1 % of the bar volume taken',
    fillModel: { impactBpsPerVolumePct: 2 },
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // 10 of 1000 = 1 % → 2 bps → 100 × 1.0002
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 10 } }],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 10, price: 100.02 }],
  },
  {
    name: 'volume cap 10 %: partial fills, the remainder at the next opens',
    fillModel: { maxVolumePct: 10 },
    bars: [
      [100, 101, 99, 100, 5],
      [100, 101, 99, 100, 5], // cap 0.5 of 5
      [101, 102, 100, 101, 5], // cap 0.5
      [102, 103, 101, 102, 5], // last 0.2
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1.2 } }],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 0.5, price: 100 },
      { bar: 2, order: 'ord-1', side: 'buy', qty: 0.5, price: 101 },
      { bar: 3, order: 'ord-1', side: 'buy', qty: 0.2, price: 102 },
    ],
    statuses: { 'ord-1': 'filled' },
  },
  {
    name: 'quote-sized buy: the largest qty whose cost + fee fits',
    fillModel: { feeBps: 10 },
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // 1000 / (100 × 1.001) = 9.990009990 (9 decimals, rounded down)
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', quoteAmount: 1000 } }],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 9.99000999, price: 100 }],
  },
  {
    name: 'limit buy GTC: waits for low ≤ limit, fills at the limit',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // low 99 > 98: no
      [99, 100, 97, 98, V], // low 97 ≤ 98: min(98, 99) = 98
    ],
    actions: [{ after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98 } }],
    fills: [{ bar: 2, order: 'ord-1', side: 'buy', qty: 1, price: 98 }],
    statuses: { 'ord-1': 'filled' },
  },
  {
    name: 'limit buy: a gap down fills at the better open',
    bars: [
      [100, 101, 99, 100, V],
      [96, 97, 95, 96, V], // min(98, 96) = 96
    ],
    actions: [{ after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98 } }],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 96 }],
  },
  {
    name: 'limit IOC: not touched in its first bar, expired',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // low 99 > 98: expired at this bar
      [99, 100, 97, 98, V], // would have filled
    ],
    actions: [
      { after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98, tif: 'IOC' } },
    ],
    fills: [],
    statuses: { 'ord-1': 'expired' },
  },
  {
    name: 'limit IOC: partial fill (volume cap), the remainder expired',
    fillModel: { maxVolumePct: 10 },
    bars: [
      [100, 101, 99, 100, 5],
      [99, 100, 97, 98, 5], // cap 0.5 of 5 at 98
      [97, 98, 96, 97, 50],
    ],
    actions: [
      { after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98, tif: 'IOC' } },
    ],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 0.5, price: 98 }],
    statuses: { 'ord-1': 'expired' },
  },
  {
    name: 'limit FOK: cannot fill in full (cap 0.5 < 1), nothing filled, expired',
    fillModel: { maxVolumePct: 10 },
    bars: [
      [100, 101, 99, 100, 5],
      [99, 100, 97, 98, 5],
    ],
    actions: [
      { after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98, tif: 'FOK' } },
    ],
    fills: [],
    statuses: { 'ord-1': 'expired' },
  },
  {
    name: 'limit FOK: fills in full',
    fillModel: { maxVolumePct: 10 },
    bars: [
      [100, 101, 99, 100, 50],
      [99, 100, 97, 98, 50], // cap 5 ≥ 1
    ],
    actions: [
      { after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 98, tif: 'FOK' } },
    ],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 98 }],
    statuses: { 'ord-1': 'filled' },
  },
  {
    name: 'limit GTD: works in the bars opening before expiresAt, then expires',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // 1: working
      [100, 101, 98, 99, V], // 2: working; closes at ts(3) = expiresAt → expired
      [96, 97, 94, 95, V], // 3: would have filled at 95
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'limit',
          pair: P,
          side: 'buy',
          qty: 1,
          price: 95,
          tif: 'GTD',
          expiresAt: ts(3),
        },
      },
    ],
    fills: [],
    statuses: { 'ord-1': 'expired' },
  },
  {
    name: 'stop-loss: low ≤ stop fills at the stop',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // buy at 100; low 99 > 95
      [99, 100, 94, 96, V], // low 94 ≤ 95: min(95, 99) = 95
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 95 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 95, exitReason: 'stop-loss' },
    ],
    trades: [{ exitReason: 'stop-loss', pnl: -5 /* (95 − 100) × 1 */ }],
  },
  {
    name: 'stop-loss: a gap through the stop fills at the worse open',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [90, 92, 88, 91, V], // opens below 95: min(95, 90) = 90
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 95 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 90, exitReason: 'stop-loss' },
    ],
  },
  {
    name: 'stop-loss: partial fill under the volume cap, the rest as a market order next open',
    fillModel: { maxVolumePct: 10 },
    bars: [
      [100, 101, 99, 100, 100],
      [100, 101, 99, 100, 100], // buy 2 (cap 10)
      [99, 100, 94, 96, 10], // stop: cap 1 of 10 at 95
      [93, 94, 92, 93, 100], // remainder 1 at the open, 93
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 2 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 95 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 2, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 95, exitReason: 'stop-loss' },
      { bar: 3, order: 'ord-2', side: 'sell', qty: 1, price: 93, exitReason: 'stop-loss' },
    ],
    trades: [
      { qty: 1, pnl: -5 /* (95 − 100) × 1 */ },
      { qty: 1, pnl: -7 /* (93 − 100) × 1 */ },
    ],
    statuses: { 'ord-2': 'filled' },
  },
  {
    name: 'take-profit: high ≥ target fills at the target',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [105, 111, 104, 108, V], // max(110, 105) = 110
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'take-profit', pair: P, price: 110 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 110, exitReason: 'take-profit' },
    ],
    trades: [{ exitReason: 'take-profit', pnl: 10 }],
  },
  {
    name: 'take-profit: a gap up fills at the better open',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [115, 116, 112, 114, V], // max(110, 115) = 115
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'take-profit', pair: P, price: 110 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 115, exitReason: 'take-profit' },
    ],
  },
  {
    name: 'stop and take-profit both touched in one bar: the stop (adverse) first',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [100, 112, 94, 100, V], // low 94 ≤ 95 and high 112 ≥ 110: stop at 95
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 95 } },
      { after: 0, submit: { type: 'take-profit', pair: P, price: 110 } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 95, exitReason: 'stop-loss' },
    ],
    statuses: { 'ord-2': 'filled', 'ord-3': 'cancelled' }, // position closed
  },
  {
    name: 'a signal sell that closes the position cancels its protective stop',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [104, 105, 103, 104, V], // sell at 104
      [80, 81, 79, 80, V], // the stop would have fired
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 90 } },
      { after: 1, submit: { type: 'market', pair: P, side: 'sell', qty: 'all' } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-3', side: 'sell', qty: 1, price: 104, exitReason: 'signal' },
    ],
    statuses: { 'ord-2': 'cancelled' },
  },
  {
    name: 'trailing stop 10 %: ratchets on highs after the trigger check, fills on the way down',
    bars: [
      [100, 101, 99, 100, V], // 0: stop starts at 100 × 0.9 = 90
      [100, 120, 99, 118, V], // 1: buy at 100; low 99 > 90; then 120 × 0.9 = 108
      [118, 125, 109, 110, V], // 2: low 109 > 108 (its own high would put the stop at 112.5)
      [111, 112, 105, 106, V], // 3: stop 112.5 gapped: min(112.5, 111) = 111
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'trailing-stop', pair: P, trail: { percent: 10 } } },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 3, order: 'ord-2', side: 'sell', qty: 1, price: 111, exitReason: 'trailing-stop' },
    ],
    trades: [{ exitReason: 'trailing-stop', pnl: 11 }],
  },
  {
    name: 'trailing stop 2 × ATR(2): trails the high by the ATR, never lowers',
    book: ['atr2'],
    bars: [
      [100, 101, 99, 100, V], // 0
      [100, 102, 98, 100, V], // 1: TR 4
      [100, 103, 97, 100, V], // 2: TR 6 → ATR (4 + 6) / 2 = 5; stop 100 − 2 × 5 = 90
      [100, 110, 99, 108, V], // 3: buy 100; ratchet 110 − 2 × 5 = 100; TR 11 → ATR (5 + 11) / 2 = 8
      [108, 112, 103, 110, V], // 4: low 103 > 100; 112 − 2 × 8 = 96 < 100 → stays 100
      [109, 111, 99, 100, V], // 5: low 99 ≤ 100: min(100, 109) = 100
    ],
    actions: [
      { after: 2, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      {
        after: 2,
        submit: { type: 'trailing-stop', pair: P, trail: { atrMultiple: 2, atrPeriod: 2 } },
      },
    ],
    fills: [
      { bar: 3, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 5, order: 'ord-2', side: 'sell', qty: 1, price: 100, exitReason: 'trailing-stop' },
    ],
  },
  {
    name: 'bracket (market entry): target fills, OCO cancels the stop',
    bars: [
      [100, 101, 99, 100, V],
      [100, 104, 99, 103, V], // entry at 100
      [104, 111, 102, 109, V], // high 111 ≥ 110: max(110, 104) = 110
    ],
    actions: [
      {
        after: 0,
        submit: { type: 'bracket', pair: P, qty: 1, stopPrice: 95, takeProfitPrice: 110 },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-3', side: 'sell', qty: 1, price: 110, exitReason: 'take-profit' },
    ],
    statuses: { 'ord-1': 'filled', 'ord-2': 'cancelled', 'ord-3': 'filled' },
  },
  {
    name: 'bracket: stop and target both touched → the stop fills first, the target is cancelled',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // entry at 100
      [100, 112, 94, 100, V], // both touched: adverse first
    ],
    actions: [
      {
        after: 0,
        submit: { type: 'bracket', pair: P, qty: 1, stopPrice: 95, takeProfitPrice: 110 },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-2', side: 'sell', qty: 1, price: 95, exitReason: 'stop-loss' },
    ],
    trades: [{ exitReason: 'stop-loss', exitPrice: 95 /* 100 × (1 − 0.05) */ }],
    statuses: { 'ord-2': 'filled', 'ord-3': 'cancelled' },
  },
  {
    name: 'bracket: both touched in the entry bar itself → entry at the open, then the stop',
    bars: [
      [100, 101, 99, 100, V],
      [100, 112, 94, 100, V],
    ],
    actions: [
      {
        after: 0,
        submit: { type: 'bracket', pair: P, qty: 1, stopPrice: 95, takeProfitPrice: 110 },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 1, order: 'ord-2', side: 'sell', qty: 1, price: 95, exitReason: 'stop-loss' },
    ],
    statuses: { 'ord-3': 'cancelled' },
  },
  {
    name: 'bracket (limit entry): a target armed inside the bar waits for the next bar',
    bars: [
      [100, 101, 99, 100, V],
      [100, 105, 97, 103, V], // entry at 98; high 105 ≥ 104 but armed intrabar: wait
      [103, 106, 101, 105, V], // max(104, 103) = 104
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'bracket',
          pair: P,
          qty: 1,
          entryPrice: 98,
          stopPrice: 94,
          takeProfitPrice: 104,
        },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 98 },
      { bar: 2, order: 'ord-3', side: 'sell', qty: 1, price: 104, exitReason: 'take-profit' },
    ],
  },
  {
    name: 'bracket (limit entry): the stop may fill in the entry bar, from the entry price',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 93, 95, V], // entry at 98, then low 93 ≤ 94: min(94, 98) = 94
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'bracket',
          pair: P,
          qty: 1,
          entryPrice: 98,
          stopPrice: 94,
          takeProfitPrice: 104,
        },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 98 },
      { bar: 1, order: 'ord-2', side: 'sell', qty: 1, price: 94, exitReason: 'stop-loss' },
    ],
  },
  {
    name: 'bracket (IOC limit entry) not filled: entry expired, legs cancelled',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // low 99 > 90
      [80, 81, 79, 80, V],
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'bracket',
          pair: P,
          qty: 1,
          entryPrice: 90,
          tif: 'IOC',
          stopPrice: 85,
          takeProfitPrice: 120,
        },
      },
    ],
    fills: [],
    statuses: { 'ord-1': 'expired', 'ord-2': 'cancelled', 'ord-3': 'cancelled' },
  },
  {
    name: 'DCA schedule: 3 buys of 100 USDC every 2 bars',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // 1: buy 100 / 100 = 1
      [110, 111, 109, 110, V], // 2
      [125, 126, 124, 125, V], // 3: buy 100 / 125 = 0.8
      [100, 101, 99, 100, V], // 4
      [80, 81, 79, 80, V], // 5: buy 100 / 80 = 1.25
      [80, 81, 79, 80, V], // 6: done
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'dca',
          mode: 'schedule',
          pair: P,
          quoteAmount: 100,
          count: 3,
          everyBars: 2,
        },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-2', side: 'buy', qty: 1, price: 100 },
      { bar: 3, order: 'ord-3', side: 'buy', qty: 0.8, price: 125 },
      { bar: 5, order: 'ord-4', side: 'buy', qty: 1.25, price: 80 },
    ],
    statuses: { 'ord-1': 'filled', 'ord-2': 'filled', 'ord-3': 'filled', 'ord-4': 'filled' },
  },
  {
    name: 'DCA safety: 50 % below the average, size × 2, at most 2 safety orders',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V], // 1: initial 100 / 100 = 1; safety 1 at 100 × 0.5 = 50 for 200
      [60, 61, 49, 55, V], // 2: 200 / 50 = 4; avg (100 + 200) / 5 = 60; safety 2 at 30 for 400
      [40, 41, 20, 25, V], // 3: 400 / 30 = 13.333333333 (rounded down); cap reached
      [25, 26, 5, 10, V], // 4: nothing more
    ],
    actions: [
      {
        after: 0,
        submit: {
          type: 'dca',
          mode: 'safety',
          pair: P,
          quoteAmount: 100,
          stepPct: 50,
          scale: 2,
          maxSafetyOrders: 2,
        },
      },
    ],
    fills: [
      { bar: 1, order: 'ord-2', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-3', side: 'buy', qty: 4, price: 50 },
      { bar: 3, order: 'ord-4', side: 'buy', qty: 13.333333333, price: 30 },
    ],
    statuses: { 'ord-1': 'filled', 'ord-4': 'filled' },
  },
  {
    name: 'conditional "close > sma3": fires at a close, fills at the next open',
    book: [],
    bars: [
      [10, 10, 10, 10, V], // 0: sma3 warming (unknown → false)
      [10, 10.5, 9.5, 10, V], // 1: warming
      [10, 10.5, 9.5, 10, V], // 2: sma3 10: 10 > 10 false
      [10, 13, 10, 13, V], // 3: sma3 (10 + 10 + 13) / 3 = 11: 13 > 11 true
      [13.5, 14, 13, 13.8, V], // 4: fills at 13.5
    ],
    actions: [
      {
        after: -1,
        submit: { type: 'conditional', pair: P, side: 'buy', qty: 1, condition: 'close > sma3' },
      },
    ],
    fills: [{ bar: 4, order: 'ord-1', side: 'buy', qty: 1, price: 13.5 }],
    statuses: { 'ord-1': 'filled' },
  },
  {
    name: 'idempotent clientId: the same request twice places one order',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1, clientId: 'abc' } },
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1, clientId: 'abc' } },
    ],
    fills: [{ bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 }],
  },
  {
    name: 'cancel: a cancelled limit never fills',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [94, 95, 93, 94, V], // would have filled at 94
    ],
    actions: [
      { after: 0, submit: { type: 'limit', pair: P, side: 'buy', qty: 1, price: 95 } },
      { after: 1, cancel: 'ord-1' },
    ],
    fills: [],
    statuses: { 'ord-1': 'cancelled' },
  },
  {
    name: 'closeAll emergency: working orders cancelled, position sold at the next open',
    bars: [
      [100, 101, 99, 100, V],
      [100, 101, 99, 100, V],
      [98, 99, 97, 98, V], // sold at 98
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 0, submit: { type: 'stop-loss', pair: P, stopPrice: 90 } },
      { after: 1, closeAll: 'emergency' },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 2, order: 'ord-3', side: 'sell', qty: 1, price: 98, exitReason: 'emergency' },
    ],
    statuses: { 'ord-2': 'cancelled', 'ord-3': 'filled' },
  },
  {
    name: 'closeAll end-of-data, immediate: sold at the last close',
    bars: [
      [100, 101, 99, 100, V],
      [100, 103, 99, 102, V], // buy at 100; last close 102
    ],
    actions: [
      { after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 1 } },
      { after: 1, closeAll: 'end-of-data', immediate: true },
    ],
    fills: [
      { bar: 1, order: 'ord-1', side: 'buy', qty: 1, price: 100 },
      { bar: 1, order: 'ord-2', side: 'sell', qty: 1, price: 102, exitReason: 'end-of-data' },
    ],
    trades: [{ exitReason: 'end-of-data', pnl: 2 }],
  },
  {
    name: 'insufficient funds at the open (gap up): rejected, nothing applied',
    capital: 1000,
    bars: [
      [100, 101, 99, 100, V], // 9.9 × 100 = 990 ≤ 1000 at submission
      [110, 111, 109, 110, V], // 9.9 × 110 = 1089 > 1000
    ],
    actions: [{ after: 0, submit: { type: 'market', pair: P, side: 'buy', qty: 9.9 } }],
    fills: [],
    statuses: { 'ord-1': 'rejected' },
  },
];

describe('order manager scenarios', () => {
  it.each(cases)('$name', (c) => {
    const out = runScenario(c);
    expect(out.fills).toEqual(normalise(c.fills));
    if (c.trades) {
      const trades = out.ledger.closedTrades().map((t) => ({
        ...t,
        entryPrice: sig(t.entryPrice),
        exitPrice: sig(t.exitPrice),
        fee: sig(t.fee),
        pnl: sig(t.pnl),
      }));
      expect(trades).toMatchObject(
        c.trades.map((t) => ({
          ...t,
          ...(t.pnl === undefined ? {} : { pnl: sig(t.pnl) }),
          ...(t.fee === undefined ? {} : { fee: sig(t.fee) }),
        })),
      );
    }
    if (c.statuses) expect(out.statuses).toMatchObject(c.statuses);
    expect(out.ledger.checks).toBeGreaterThan(c.bars.length);
  });
});
