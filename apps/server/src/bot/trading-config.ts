/**
 * The bot's trading configuration (strategy + params, risk limits, pairs, timeframe): its defaults
 * and its validation, both taken from the core so the API cannot drift from what the engine accepts.
 */
import type { TradingConfig, TradingConfigInput } from '@numerusx/contracts';
import {
  DEFAULT_RISK_CONFIG,
  createStrategy,
  getStrategy,
  listStrategies,
  marketSpec,
  paramDefaults,
  parseTimeframe,
  resolveParams,
  resolveRiskConfig,
} from '@numerusx/core';

export const DEFAULT_TIMEFRAME = '1h';
/** The pair the shipped replay data serves (datasets/market), so a fresh bot has candles. */
export const DEFAULT_PAIRS: readonly string[] = ['SOL/USDT'];

/** What GET /bot/config shows before any PUT: the first built-in strategy, core defaults. */
export function defaultTradingConfig(): TradingConfig {
  const strategy = listStrategies()[0]!;
  return {
    strategy: { id: strategy.id, params: { ...paramDefaults(strategy.params) } },
    risk: { ...DEFAULT_RISK_CONFIG },
    pairs: [...DEFAULT_PAIRS],
    timeframe: DEFAULT_TIMEFRAME,
  };
}

/**
 * Validates a configuration with the core's own rules (strategy registry and params, cross-parameter
 * checks at creation, risk limits, pair format, timeframe) and returns it complete: every default
 * written out, so a later change of a default never silently changes a saved configuration.
 * Throws ValidationError naming the field.
 */
export function resolveTradingConfig(input: TradingConfigInput): TradingConfig {
  const def = getStrategy(input.strategy.id);
  const raw = input.strategy.params ?? {};
  const params = resolveParams(def.params, raw, `${def.id} parameter`);
  createStrategy(def.id, raw); // runs the strategy's cross-parameter rules (e.g. fast < slow)
  const risk = resolveRiskConfig(input.risk ?? {});
  for (const pair of input.pairs) marketSpec(pair);
  const timeframe = input.timeframe ?? DEFAULT_TIMEFRAME;
  parseTimeframe(timeframe);
  return {
    strategy: { id: def.id, params: { ...params } },
    risk: { ...risk },
    pairs: [...input.pairs],
    timeframe,
  };
}
