import type { RegimeKind } from '../regime/types.js';
import type { StrategyStyle } from '../strategies/types.js';

/** How much one style's signals count in one regime (1 = at face value). */
export type StyleWeights = Readonly<Record<RegimeKind, Readonly<Record<StrategyStyle, number>>>>;

/**
 * The rules provider's weight table. A signal scores `weight × confidence`, and a buy needs a score
 * of 0.5 (an exit 0.25), so a weight says which setups can act alone in that regime:
 *
 * | regime        | momentum | mean-reversion | trend | breakout |
 * |---------------|----------|----------------|-------|----------|
 * | trending-up   | 1.0      | 0.5            | 1.3   | 1.2      |
 * | trending-down | 0.7      | 0.4            | 1.0   | 0.6      |
 * | ranging       | 0.8      | 1.3            | 0.5   | 0.7      |
 * | volatile      | 0.4      | 0.4            | 0.4   | 0.4      |
 * | unknown       | 0.7      | 0.7            | 0.7   | 0.7      |
 *
 * Why: trend and breakout entries are what an up-trend rewards (a breakout in a range usually fails
 * back into it); mean reversion is what a range rewards and is dangerous in a down-trend (a band walk
 * looks like a dip every candle), so there it cannot buy alone; momentum turns work everywhere but
 * best with the trend. In a volatile market (ATR far above its norm) no single strategy may open a
 * position (0.4 × 1.0 < 0.5): only agreement between two can, because stops are wide and slippage
 * high. During the regime's warm-up only strong setups act. Exits use the same weights against the
 * lower exit threshold: every built-in's sells (confidence ≥ 0.65) still pass at 0.4, so a regime
 * never traps the bot in a position, while weak custom sells can be outvoted.
 */
export const DEFAULT_WEIGHTS: StyleWeights = {
  'trending-up': { momentum: 1.0, 'mean-reversion': 0.5, trend: 1.3, breakout: 1.2 },
  'trending-down': { momentum: 0.7, 'mean-reversion': 0.4, trend: 1.0, breakout: 0.6 },
  ranging: { momentum: 0.8, 'mean-reversion': 1.3, trend: 0.5, breakout: 0.7 },
  volatile: { momentum: 0.4, 'mean-reversion': 0.4, trend: 0.4, breakout: 0.4 },
  unknown: { momentum: 0.7, 'mean-reversion': 0.7, trend: 0.7, breakout: 0.7 },
};

/** The weight of a style in a regime; a strategy of unknown style counts at face value (1). */
export function weightOf(
  weights: StyleWeights,
  regime: RegimeKind,
  style: StrategyStyle | undefined,
): number {
  return style === undefined ? 1 : weights[regime][style];
}
