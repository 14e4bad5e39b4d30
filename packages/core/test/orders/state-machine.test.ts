// The order lifecycle: every legal move, every illegal one, and the manager refusing illegal moves.
import { describe, expect, it } from 'vitest';
import { InvalidOrder } from '../../src/errors.js';
import {
  ORDER_TRANSITIONS,
  assertTransition,
  canTransition,
  isTerminal,
} from '../../src/orders/state-machine.js';
import type { OrderStatus } from '../../src/orders/types.js';
import { history, managerFor, SOL, ts } from './harness.js';

const ALL: OrderStatus[] = [
  'pending',
  'open',
  'partially-filled',
  'filled',
  'cancelled',
  'expired',
  'rejected',
];

//  from                to                  legal
const table: [OrderStatus, OrderStatus, boolean][] = [
  ['pending', 'open', true], // latency elapsed, stop triggered, condition true
  ['pending', 'cancelled', true],
  ['pending', 'expired', true],
  ['pending', 'rejected', true],
  ['pending', 'partially-filled', false], // must be working (open) first
  ['pending', 'filled', false],
  ['pending', 'pending', false],
  ['open', 'partially-filled', true],
  ['open', 'filled', true],
  ['open', 'cancelled', true],
  ['open', 'expired', true], // IOC/FOK/GTD
  ['open', 'rejected', true], // insufficient funds at execution
  ['open', 'pending', false], // no going back
  ['open', 'open', false],
  ['partially-filled', 'partially-filled', true], // a further partial fill
  ['partially-filled', 'filled', true],
  ['partially-filled', 'cancelled', true],
  ['partially-filled', 'expired', true],
  ['partially-filled', 'rejected', true],
  ['partially-filled', 'open', false],
  ['partially-filled', 'pending', false],
  ...(['filled', 'cancelled', 'expired', 'rejected'] as const).flatMap((from) =>
    ALL.map((to): [OrderStatus, OrderStatus, boolean] => [from, to, false]),
  ), // terminal: nothing more
];

describe('order state machine', () => {
  it.each(table)('%s → %s: %s', (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal);
    if (legal)
      expect(() => {
        assertTransition('ord-1', from, to);
      }).not.toThrow();
    else
      expect(() => {
        assertTransition('ord-1', from, to);
      }).toThrow(InvalidOrder);
  });

  it('the table covers all 7 × 7 pairs of statuses once', () => {
    expect(new Set(table.map(([f, t]) => `${f}>${t}`)).size).toBe(49);
    expect(table).toHaveLength(49);
    const legal = table.filter(([, , l]) => l).length;
    expect(Object.values(ORDER_TRANSITIONS).flat()).toHaveLength(legal);
  });

  it('terminal statuses', () => {
    expect(ALL.filter(isTerminal)).toEqual(['filled', 'cancelled', 'expired', 'rejected']);
  });

  it('the manager refuses an illegal move: cancelling a filled order', () => {
    const { manager } = managerFor({});
    manager.onCandle(SOL.pair, {
      ts: ts(0),
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 1e3,
    });
    const o = manager.submit({ type: 'market', pair: SOL.pair, side: 'buy', qty: 1 }, ts(1));
    manager.onCandle(SOL.pair, {
      ts: ts(1),
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 1e3,
    });
    expect(o.status).toBe('filled');
    expect(() => manager.cancel(o.id, ts(2), 'too late')).toThrow(
      /ord-1: cannot go from filled to cancelled \(the order is already filled\)/,
    );
    expect(history(o)).toEqual(['new→open', 'open→filled']);
  });

  it('records every transition with its time and reason', () => {
    const { manager } = managerFor({ fillModel: { latencyBars: 1 } });
    manager.onCandle(SOL.pair, {
      ts: ts(0),
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 1e3,
    });
    const o = manager.submit({ type: 'market', pair: SOL.pair, side: 'buy', qty: 1 }, ts(1));
    manager.onCandle(SOL.pair, {
      ts: ts(1),
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 1e3,
    });
    manager.onCandle(SOL.pair, {
      ts: ts(2),
      open: 101,
      high: 101,
      low: 99,
      close: 100,
      volume: 1e3,
    });
    expect(o.history).toEqual([
      { ts: ts(1), from: null, to: 'pending', reason: 'accepted' },
      { ts: ts(2), from: 'pending', to: 'open', reason: 'working: latency elapsed' },
      { ts: ts(2), from: 'open', to: 'filled', reason: 'buy 1 at 101' },
    ]);
  });
});
