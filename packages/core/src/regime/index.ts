export type * from './types.js';
export { RegimeDetector, detectRegimes } from './detect-regime.js';
export type { RegimeOptions } from './detect-regime.js';
export { REGIME_KIND_MSG } from './regime-msg.js';
