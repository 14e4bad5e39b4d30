import { ValidationError } from '../errors.js';
import { resolveParams } from '../strategies/params.js';
import type { ParamSchema, ParamValues } from '../strategies/types.js';

/** How the risk gate turns equity into a target order size (see sizing.ts). */
export const SIZING_METHODS = ['fixed-fraction', 'atr', 'kelly'] as const;
export type SizingMethod = (typeof SIZING_METHODS)[number];

/**
 * The risk gate's parameters: one schema validates `PUT /bot/config`, CLI `--risk k=v` and drives the
 * dashboard's form. Every "Pct" or "Fraction" is a FRACTION (0.25 = 25 %), like the backtest
 * metrics (DESIGN §3). The defaults are those of a cautious self-hosted bot: a quarter of equity at
 * most in one pair, three pairs at most, trading halted after a 5 % day or a 20 % drawdown.
 */
export const RISK_PARAMS = {
  sizingMethod: {
    type: 'enum',
    options: SIZING_METHODS,
    default: 'fixed-fraction',
    description:
      'How a buy is sized: a fixed fraction of equity, the ATR stop distance, or fractional Kelly from the bot’s own closed trades.',
  },
  riskFraction: {
    type: 'number',
    min: 0.001,
    max: 1,
    default: 0.1,
    step: 0.01,
    description: 'fixed-fraction: fraction of equity put into one buy (0.1 = 10 %).',
  },
  atrRiskFraction: {
    type: 'number',
    min: 0.0005,
    max: 0.1,
    default: 0.01,
    step: 0.0005,
    description:
      'atr: fraction of equity lost if the stop at atrStopMultiple × ATR below entry is hit (0.01 = 1 %).',
  },
  atrStopMultiple: {
    type: 'number',
    min: 0.5,
    max: 10,
    default: 2,
    step: 0.5,
    description: 'atr: stop distance in ATRs used to size the position.',
  },
  kellyFraction: {
    type: 'number',
    min: 0.05,
    max: 1,
    default: 0.5,
    step: 0.05,
    description:
      'kelly: share of the full Kelly fraction to bet (0.5 = half Kelly; full Kelly is too volatile for estimated edges).',
  },
  kellyMinTrades: {
    type: 'integer',
    min: 5,
    max: 1000,
    default: 30,
    step: 5,
    description:
      'kelly: closed trades needed before the win rate is trusted; with fewer, sizing falls back to fixed-fraction.',
  },
  maxPositionPct: {
    type: 'number',
    min: 0.01,
    max: 1,
    default: 0.25,
    step: 0.01,
    description: 'Largest value held in one pair, as a fraction of equity (0.25 = 25 %).',
  },
  maxOpenPositions: {
    type: 'integer',
    min: 1,
    max: 50,
    default: 3,
    step: 1,
    description:
      'Pairs held at once; a buy in a new pair beyond it is vetoed (adding to one is not).',
  },
  minOrderUsd: {
    type: 'number',
    min: 0,
    max: 1_000_000,
    default: 10,
    step: 1,
    description:
      'Smallest order worth sending, in quote currency (fees and dust make smaller ones pointless).',
  },
  minConfidence: {
    type: 'number',
    min: 0,
    max: 1,
    default: 0.6,
    step: 0.05,
    description: 'Buys proposed with a lower confidence (0..1) are vetoed.',
  },
  dailyLossLimitPct: {
    type: 'number',
    min: 0.005,
    max: 1,
    default: 0.05,
    step: 0.005,
    description:
      'No new buys once equity is more than this fraction below its value at the start of the UTC day.',
  },
  maxDrawdownPct: {
    type: 'number',
    min: 0.01,
    max: 1,
    default: 0.2,
    step: 0.01,
    description:
      'Circuit breaker: no new buys while equity is more than this fraction below its peak.',
  },
  cooldownLosses: {
    type: 'integer',
    min: 0,
    max: 50,
    default: 3,
    step: 1,
    description: 'Consecutive losing trades that start a cooldown (0 = never).',
  },
  cooldownMinutes: {
    type: 'integer',
    min: 0,
    max: 10_080,
    default: 240,
    step: 15,
    description: 'How long buys pause after the last of those losing trades.',
  },
  maxSlippageBps: {
    type: 'number',
    min: 1,
    max: 5000,
    default: 100,
    step: 5,
    description:
      'Largest expected price impact accepted, in basis points; a bigger buy is shrunk until it fits.',
  },
} as const satisfies ParamSchema;

/** The validated, complete risk configuration the gate reads. */
export interface RiskConfig {
  readonly sizingMethod: SizingMethod;
  readonly riskFraction: number;
  readonly atrRiskFraction: number;
  readonly atrStopMultiple: number;
  readonly kellyFraction: number;
  readonly kellyMinTrades: number;
  readonly maxPositionPct: number;
  readonly maxOpenPositions: number;
  readonly minOrderUsd: number;
  readonly minConfidence: number;
  readonly dailyLossLimitPct: number;
  readonly maxDrawdownPct: number;
  readonly cooldownLosses: number;
  readonly cooldownMinutes: number;
  readonly maxSlippageBps: number;
}

type NumericKey = Exclude<keyof RiskConfig, 'sizingMethod'>;

function numberOf(values: ParamValues, key: NumericKey): number {
  const v = values[key];
  if (typeof v !== 'number') {
    // resolveParams fills and coerces every key; reaching this means the schema and type diverged.
    throw new ValidationError(`risk: ${key} must be a number, got ${String(v)}`, {
      parameter: key,
    });
  }
  return v;
}

function isSizingMethod(v: unknown): v is SizingMethod {
  return typeof v === 'string' && (SIZING_METHODS as readonly string[]).includes(v);
}

/**
 * Validates a raw risk configuration (from JSON, env or CLI strings) against RISK_PARAMS: missing
 * keys take their default, strings are coerced, out-of-range values throw a ValidationError naming
 * the parameter. The result is frozen so a running bot cannot have its limits changed under it.
 */
export function resolveRiskConfig(raw: Readonly<Record<string, unknown>> = {}): RiskConfig {
  const values = resolveParams(RISK_PARAMS, raw, 'risk parameter');
  const method = values.sizingMethod;
  if (!isSizingMethod(method)) {
    throw new ValidationError(`risk: sizingMethod must be one of ${SIZING_METHODS.join(', ')}`, {
      parameter: 'sizingMethod',
      value: method,
    });
  }
  return Object.freeze({
    sizingMethod: method,
    riskFraction: numberOf(values, 'riskFraction'),
    atrRiskFraction: numberOf(values, 'atrRiskFraction'),
    atrStopMultiple: numberOf(values, 'atrStopMultiple'),
    kellyFraction: numberOf(values, 'kellyFraction'),
    kellyMinTrades: numberOf(values, 'kellyMinTrades'),
    maxPositionPct: numberOf(values, 'maxPositionPct'),
    maxOpenPositions: numberOf(values, 'maxOpenPositions'),
    minOrderUsd: numberOf(values, 'minOrderUsd'),
    minConfidence: numberOf(values, 'minConfidence'),
    dailyLossLimitPct: numberOf(values, 'dailyLossLimitPct'),
    maxDrawdownPct: numberOf(values, 'maxDrawdownPct'),
    cooldownLosses: numberOf(values, 'cooldownLosses'),
    cooldownMinutes: numberOf(values, 'cooldownMinutes'),
    maxSlippageBps: numberOf(values, 'maxSlippageBps'),
  });
}

/** The defaults as a RiskConfig, for tests and a bot started without a risk section. */
export const DEFAULT_RISK_CONFIG: RiskConfig = Object.freeze({
  sizingMethod: RISK_PARAMS.sizingMethod.default,
  riskFraction: RISK_PARAMS.riskFraction.default,
  atrRiskFraction: RISK_PARAMS.atrRiskFraction.default,
  atrStopMultiple: RISK_PARAMS.atrStopMultiple.default,
  kellyFraction: RISK_PARAMS.kellyFraction.default,
  kellyMinTrades: RISK_PARAMS.kellyMinTrades.default,
  maxPositionPct: RISK_PARAMS.maxPositionPct.default,
  maxOpenPositions: RISK_PARAMS.maxOpenPositions.default,
  minOrderUsd: RISK_PARAMS.minOrderUsd.default,
  minConfidence: RISK_PARAMS.minConfidence.default,
  dailyLossLimitPct: RISK_PARAMS.dailyLossLimitPct.default,
  maxDrawdownPct: RISK_PARAMS.maxDrawdownPct.default,
  cooldownLosses: RISK_PARAMS.cooldownLosses.default,
  cooldownMinutes: RISK_PARAMS.cooldownMinutes.default,
  maxSlippageBps: RISK_PARAMS.maxSlippageBps.default,
});
