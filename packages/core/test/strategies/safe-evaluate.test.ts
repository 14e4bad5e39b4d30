import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/candles/types.js';
import { safeEvaluate } from '../../src/strategies/safe-evaluate.js';
import { HOLD } from '../../src/strategies/types.js';
import type { Signal, StrategyContext, StrategyInstance } from '../../src/strategies/types.js';

const candle: Candle = { ts: 0, open: 100, high: 101, low: 99, close: 100, volume: 1 };
const ctx: StrategyContext = {
  pair: 'SOL/USDC',
  candle,
  seen: 1,
  regime: { kind: 'ranging', adx: 15, atrPct: 0.01, volatility: 0.01 },
  positionQty: 0,
};

/** A strategy that returns whatever it is given (typed loosely on purpose: junk is the point). */
function returning(value: unknown): StrategyInstance {
  return { warmup: 0, evaluate: () => value as Signal };
}

const good = { side: 'buy', confidence: 0.7, reason: 'setup', stopLoss: 95, takeProfit: 110 };

// prettier-ignore
const junk: { name: string; value: unknown; error: string }[] = [
  { name: 'undefined', value: undefined, error: 'invalid signal: expected an object, got undefined' },
  { name: 'a string', value: 'buy', error: 'expected an object, got "buy"' },
  { name: 'unknown side', value: { ...good, side: 'short' }, error: 'side must be buy, sell or hold, got "short"' },
  { name: 'confidence above 1', value: { ...good, confidence: 1.5 }, error: 'confidence must be a number from 0 to 1, got 1.5' },
  { name: 'confidence NaN', value: { ...good, confidence: Number.NaN }, error: 'got NaN' },
  { name: 'confidence as text', value: { ...good, confidence: '0.7' }, error: 'got "0.7"' },
  { name: 'empty reason', value: { ...good, reason: '  ' }, error: 'reason must be a non-empty string, got "  "' },
  { name: 'missing reason', value: { side: 'sell', confidence: 0.5 }, error: 'reason must be a non-empty string, got undefined' },
  { name: 'stop NaN', value: { ...good, stopLoss: Number.NaN }, error: 'stopLoss must be a finite number, got NaN' },
  // a stop above the entry would close the trade at once
  { name: 'buy with stop above close', value: { ...good, stopLoss: 101 }, error: "a buy's stopLoss must be above 0 and below the close 100, got 101" },
  { name: 'buy with stop at 0', value: { ...good, stopLoss: 0 }, error: 'got 0' },
  { name: 'buy with target below close', value: { ...good, takeProfit: 99 }, error: "a buy's takeProfit must be above the close 100, got 99" },
  { name: 'target Infinity', value: { ...good, takeProfit: Number.POSITIVE_INFINITY }, error: 'takeProfit must be a finite number, got Infinity' },
];

describe('safeEvaluate', () => {
  it('passes a valid signal through unchanged', () => {
    const signal = good as Signal;
    expect(safeEvaluate(returning(signal), ctx)).toEqual({ signal });
    expect(safeEvaluate(returning(signal), ctx).signal).toBe(signal);
  });

  it('passes a sell without a bracket, and a sell whose levels are not a buy bracket', () => {
    const sell = { side: 'sell', confidence: 0.6, reason: 'exit', stopLoss: 120 } as Signal;
    expect(safeEvaluate(returning(sell), { ...ctx, positionQty: 1 })).toEqual({ signal: sell });
  });

  it('returns one shared result for HOLD (no allocation on the hot path)', () => {
    const a = safeEvaluate(returning(HOLD), ctx);
    expect(a).toEqual({ signal: HOLD });
    expect(safeEvaluate(returning(HOLD), ctx)).toBe(a);
  });

  it('turns a throwing strategy into HOLD with the error recorded', () => {
    const broken: StrategyInstance = {
      warmup: 0,
      evaluate: () => {
        throw new RangeError('index out of bounds');
      },
    };
    expect(safeEvaluate(broken, ctx)).toEqual({
      signal: HOLD,
      error: 'strategy threw: index out of bounds',
    });
    const throwsText: StrategyInstance = {
      warmup: 0,
      evaluate: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a careless plug-in might
        throw 'oops';
      },
    };
    expect(safeEvaluate(throwsText, ctx).error).toBe('strategy threw: oops');
  });

  it.each(junk)('turns junk into HOLD: $name', ({ value, error }) => {
    const result = safeEvaluate(returning(value), ctx);
    expect(result.signal).toBe(HOLD);
    expect(result.error).toContain(error);
  });
});
