import { ValidationError } from '../errors.js';
import { english } from '../messages/en.js';
import type { Msg } from '../messages/msg.js';
import type { ParamSpec, ParamValues, Signal } from './types.js';

/** The ATR parameters every built-in shares, so stops mean the same thing across strategies. */
export const atrParams = {
  atrPeriod: {
    type: 'integer',
    min: 2,
    max: 100,
    default: 14,
    step: 1,
    description: 'ATR period used for the stop and target suggestions.',
  },
  stopAtr: {
    type: 'number',
    min: 0.5,
    max: 10,
    default: 2,
    step: 0.25,
    description: 'Suggested stop-loss distance below the entry close, in ATRs.',
  },
} as const satisfies Record<string, ParamSpec>;

/** Target distance in ATRs, with a per-strategy default (trend strategies let winners run further). */
export function targetAtrParam(defaultAtr: number): ParamSpec {
  return {
    type: 'number',
    min: 0.5,
    max: 20,
    default: defaultAtr,
    step: 0.25,
    description: 'Suggested take-profit distance above the entry close, in ATRs.',
  };
}

/** A validated numeric parameter; create() receives resolved params, this guards direct callers. */
export function numberParam(params: ParamValues, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw missing(key, 'a number', v);
  return v;
}

export function booleanParam(params: ParamValues, key: string): boolean {
  const v = params[key];
  if (typeof v !== 'boolean') throw missing(key, 'true or false', v);
  return v;
}

export function enumParam<T extends string>(
  params: ParamValues,
  key: string,
  options: readonly T[],
): T {
  const v = params[key];
  const found = options.find((o) => o === v);
  if (found === undefined) throw missing(key, `one of ${options.join(', ')}`, v);
  return found;
}

function missing(key: string, wanted: string, got: unknown): ValidationError {
  return new ValidationError(
    `parameter ${key} must be ${wanted}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}` +
      ' (pass params through resolveParams)',
    { parameter: key },
  );
}

export function clamp01(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/** A confidence as shown and stored: 0..1 to 4 decimals (0.9, not 0.8999999999999999). */
export function confidenceOf(x: number): number {
  return Math.round(clamp01(x) * 1e4) / 1e4;
}

/** A number for a reason sentence: `sig` significant digits, no exponent noise for prices. */
export function fmt(x: number, sig = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 10 ** sig) return x.toFixed(0);
  return String(Number(x.toPrecision(sig)));
}

/**
 * A buy with ATR-based bracket suggestions: stop `close − stopAtr × ATR`, target `close + targetAtr ×
 * ATR` unless a strategy-specific target above the close is given. A stop at or below zero (huge ATR
 * on a tiny price) is left out rather than suggested. `reason` is rendered from `reasonMsg` here,
 * once per signal, so the two can never disagree.
 */
export function buySignal(
  confidence: number,
  reasonMsg: Msg,
  close: number,
  atr: number,
  stopAtr: number,
  targetAtr: number,
  target?: number,
): Signal {
  const stopLoss = close - stopAtr * atr;
  const takeProfit = target !== undefined && target > close ? target : close + targetAtr * atr;
  const c = confidenceOf(confidence);
  const reason = english(reasonMsg);
  return stopLoss > 0
    ? { side: 'buy', confidence: c, reason, reasonMsg, stopLoss, takeProfit }
    : { side: 'buy', confidence: c, reason, reasonMsg, takeProfit };
}

export function sellSignal(confidence: number, reasonMsg: Msg): Signal {
  return {
    side: 'sell',
    confidence: confidenceOf(confidence),
    reason: english(reasonMsg),
    reasonMsg,
  };
}
