import { describe, expect, it } from 'vitest';
import type { Decision, DecisionInput } from '@numerusx/core';
import { checkSanity, type DecisionAnswer } from '../../src/index.js';
import { BUY, HOLDING, INPUT } from './fixtures.js';

interface Case {
  name: string;
  input: DecisionInput;
  answer: Partial<DecisionAnswer>;
  /** The decision's fields when accepted, or the first issue's start when rejected. */
  expect: Partial<Decision> | { issue: string };
}

// INPUT: SOL/USDC at 100, flat, maxPositionUsd 2,500. HOLDING: 10 SOL at average 90.
// Each answer is BUY (buy 1,000, stop 96, target 108) with the overrides shown.
// prettier-ignore
const cases: Case[] = [
  { name: 'a sane buy passes',            input: INPUT,   answer: {},                   expect: { action: 'buy', sizeUsd: 1_000 } },
  { name: 'buy: stop above the price',    input: INPUT,   answer: { stopLoss: 101 },    expect: { issue: 'buy: stopLoss 101' } },
  { name: 'buy: stop at the price',       input: INPUT,   answer: { stopLoss: 100 },    expect: { issue: 'buy: stopLoss 100' } },
  { name: 'buy: target below the price',  input: INPUT,   answer: { takeProfit: 99 },   expect: { issue: 'buy: takeProfit 99' } },
  { name: 'buy: no stop',                 input: INPUT,   answer: { stopLoss: null },   expect: { issue: 'buy: stopLoss and takeProfit' } },
  { name: 'buy: size 0',                  input: INPUT,   answer: { sizeUsd: 0 },       expect: { issue: 'buy: sizeUsd must be above 0' } },
  { name: 'buy: no room under the limit', input: { ...INPUT, maxPositionUsd: 0 }, answer: {}, expect: { issue: 'buy: the risk limits' } },
  { name: 'buy: 9,000 clipped to 2,500',  input: INPUT,   answer: { sizeUsd: 9_000 },   expect: { action: 'buy', sizeUsd: 2_500 } },
  // clipped to the max, floored to cents: 123.456 → 123.45
  { name: 'buy: clipped to whole cents',  input: { ...INPUT, maxPositionUsd: 123.456 }, answer: {}, expect: { sizeUsd: 123.45 } },
  { name: 'another pair',                 input: INPUT,   answer: { pair: 'SOL/USDT' }, expect: { issue: 'pair "SOL/USDT"' } },
  { name: 'sell when flat',               input: INPUT,   answer: { action: 'sell' },   expect: { issue: 'sell while flat' } },
  // the whole position: 10 SOL × 100 = 1,000, whatever size the model wrote
  { name: 'sell closes the position',     input: HOLDING, answer: { action: 'sell', sizeUsd: 5 }, expect: { action: 'sell', sizeUsd: 1_000, stopLoss: null, takeProfit: null } },
  { name: 'hold clears size and bracket', input: INPUT,   answer: { action: 'hold' },   expect: { action: 'hold', sizeUsd: 0, stopLoss: null } },
];

describe('checkSanity', () => {
  it.each(cases)('$name', (c) => {
    const result = checkSanity({ ...BUY, ...c.answer }, c.input);
    if ('issue' in c.expect) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]).toMatch(new RegExp(`^${escape(c.expect.issue)}`));
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.decision).toMatchObject(c.expect);
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
