import { ValidationError } from '../errors.js';
import { breakout } from './breakout.js';
import { meanReversion } from './mean-reversion.js';
import { momentum } from './momentum.js';
import { resolveParams } from './params.js';
import { trendFollowing } from './trend-following.js';
import type { StrategyDefinition, StrategyInstance, StrategyStyle } from './types.js';

const builtIns: readonly StrategyDefinition[] = [momentum, meanReversion, trendFollowing, breakout];

/** The built-in strategies by id (`GET /strategies`, CLI `--strategy`, the optimiser). */
export const strategies: ReadonlyMap<string, StrategyDefinition> = new Map(
  builtIns.map((d) => [d.id, d]),
);

/** The definition of `id`; an unknown id is a ValidationError listing the known ones. */
export function getStrategy(id: string): StrategyDefinition {
  const def = strategies.get(id);
  if (def === undefined) {
    const known = [...strategies.keys()];
    throw new ValidationError(`unknown strategy "${id}"; known: ${known.join(', ')}`, {
      strategy: id,
      known,
    });
  }
  return def;
}

/** Every built-in, in a stable order (the dashboard's list, the CLI's help). */
export function listStrategies(): readonly StrategyDefinition[] {
  return builtIns;
}

/** The style of a registered strategy, undefined for an id not in the registry. */
export function strategyStyle(id: string): StrategyStyle | undefined {
  return strategies.get(id)?.style;
}

/**
 * A running instance of `id` from raw parameters (CLI strings, JSON): validated with resolveParams
 * (defaults filled, errors name the parameter and the range), then created. Cross-parameter rules
 * (e.g. a fast period below the slow one) are checked by the strategy and are ValidationErrors too.
 */
export function createStrategy(
  id: string,
  rawParams: Readonly<Record<string, unknown>> = {},
): StrategyInstance {
  const def = getStrategy(id);
  return def.create(resolveParams(def.params, rawParams, `${id} parameter`));
}
