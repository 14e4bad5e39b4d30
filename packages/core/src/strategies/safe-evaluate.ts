import { isMsg } from '../messages/msg.js';
import { HOLD } from './types.js';
import type { Signal, StrategyContext, StrategyInstance } from './types.js';

/** What the engine gets from one strategy on one candle: a usable signal, and why not if replaced. */
export interface SafeSignal {
  readonly signal: Signal;
  /** Set when the strategy threw or returned something unusable; `signal` is then HOLD. */
  readonly error?: string;
}

const HOLD_RESULT: SafeSignal = Object.freeze({ signal: HOLD });

/**
 * Runs one strategy on one candle so that a broken strategy costs its own vote, never the bot: a
 * throw or a malformed signal becomes HOLD with the problem recorded (the engine logs it and may
 * disable the strategy). Checks: side is buy/sell/hold, confidence a finite number in 0..1, reason
 * a non-empty string, reasonMsg (when present) a message `{key, params?}`, and for a buy any stop is a positive price below the close and any target a
 * price above it (a stop above the entry would sell at once; NaN would disable the bracket).
 * The HOLD path returns a shared frozen result, so the hot loop allocates nothing.
 */
export function safeEvaluate(instance: StrategyInstance, ctx: StrategyContext): SafeSignal {
  let signal: unknown;
  try {
    signal = instance.evaluate(ctx);
  } catch (e) {
    return { signal: HOLD, error: `strategy threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (signal === HOLD) return HOLD_RESULT;
  const problem = signalProblem(signal, ctx.candle.close);
  if (problem !== undefined) return { signal: HOLD, error: `invalid signal: ${problem}` };
  return { signal: signal as Signal };
}

/** Why `value` is not a usable Signal at this close, or undefined when it is. */
export function signalProblem(value: unknown, close: number): string | undefined {
  if (typeof value !== 'object' || value === null)
    return `expected an object, got ${describe(value)}`;
  const s = value as Record<string, unknown>;
  const side = s.side;
  if (side !== 'buy' && side !== 'sell' && side !== 'hold') {
    return `side must be buy, sell or hold, got ${describe(side)}`;
  }
  const confidence = s.confidence;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
    return `confidence must be a number from 0 to 1, got ${describe(confidence)}`;
  }
  if (typeof s.reason !== 'string' || s.reason.trim() === '') {
    return `reason must be a non-empty string, got ${describe(s.reason)}`;
  }
  // A malformed message would break whoever renders it later (the dashboard), far from the cause.
  // An absent one is let through, as before messages existed: an untyped plug-in may not set it.
  if (s.reasonMsg !== undefined && !isMsg(s.reasonMsg)) {
    return `reasonMsg must be a message {key, params?}, got ${describe(s.reasonMsg)}`;
  }
  const { stopLoss, takeProfit } = s;
  if (stopLoss !== undefined && (typeof stopLoss !== 'number' || !Number.isFinite(stopLoss))) {
    return `stopLoss must be a finite number, got ${describe(stopLoss)}`;
  }
  if (
    takeProfit !== undefined &&
    (typeof takeProfit !== 'number' || !Number.isFinite(takeProfit))
  ) {
    return `takeProfit must be a finite number, got ${describe(takeProfit)}`;
  }
  if (side === 'buy') {
    if (stopLoss !== undefined && !(stopLoss > 0 && stopLoss < close)) {
      return `a buy's stopLoss must be above 0 and below the close ${close}, got ${stopLoss}`;
    }
    if (takeProfit !== undefined && !(takeProfit > close)) {
      return `a buy's takeProfit must be above the close ${close}, got ${takeProfit}`;
    }
  }
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
