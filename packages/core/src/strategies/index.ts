export * from './types.js';
export { resolveParams, paramDefaults, describeAllowed } from './params.js';
export {
  strategies,
  getStrategy,
  listStrategies,
  strategyStyle,
  createStrategy,
} from './registry.js';
export { safeEvaluate, signalProblem } from './safe-evaluate.js';
export type { SafeSignal } from './safe-evaluate.js';
export { momentum } from './momentum.js';
export { meanReversion } from './mean-reversion.js';
export { trendFollowing } from './trend-following.js';
export { breakout } from './breakout.js';
