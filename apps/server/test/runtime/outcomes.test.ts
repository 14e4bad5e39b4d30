import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/runtime/outcomes.js';

const H = 24 * 3_600_000;

describe('a decision’s outcome after its horizon', () => {
  it.each([
    // action, size, price then → after, its trades, expected
    {
      name: 'buy whose trade closed: scored on the trade’s pnl',
      d: { action: 'buy', size_usd: 1000 },
      at: 100,
      after: 110,
      trades: [{ pnl: 42.5, exit_ts: 1 }],
      want: { marketReturn: 0.1, decisionReturn: 0.1, scored: true, basis: 'trade', pnl: 42.5 },
    },
    {
      name: 'buy still open: scored on paper, size × return',
      d: { action: 'buy', size_usd: 1000 },
      at: 100,
      after: 95,
      trades: [{ pnl: null, exit_ts: null }],
      want: { decisionReturn: -0.05, scored: true, basis: 'paper', pnl: -50 },
    },
    {
      name: 'sell before a fall: right, positive return',
      d: { action: 'sell', size_usd: 500 },
      at: 100,
      after: 90,
      trades: [],
      want: { marketReturn: -0.1, decisionReturn: 0.1, basis: 'paper', pnl: 50 },
    },
    {
      name: 'hold: the market move is kept, nothing scored',
      d: { action: 'hold', size_usd: 0 },
      at: 100,
      after: 120,
      trades: [],
      want: { marketReturn: 0.2, decisionReturn: null, scored: false },
    },
  ] as const)('$name', ({ d, at, after, trades, want }) => {
    const o = outcomeOf(d, at, after, H, trades);
    expect(o).toMatchObject({ horizonMs: H, priceAtDecision: at, priceAfter: after });
    for (const [k, v] of Object.entries(want)) {
      if (typeof v === 'number') expect(o[k as keyof typeof o]).toBeCloseTo(v, 12);
      else expect(o[k as keyof typeof o]).toEqual(v);
    }
    if (want.scored === false) expect(o).not.toHaveProperty('pnl');
  });
});
