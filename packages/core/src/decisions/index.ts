export type * from './types.js';
export { createRulesProvider } from './rules-provider.js';
export type { RulesProviderOptions } from './rules-provider.js';
export { DEFAULT_WEIGHTS, weightOf } from './rules-weights.js';
export type { StyleWeights } from './rules-weights.js';
