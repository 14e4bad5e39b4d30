export type { CandleLike, StreamingIndicator, ScalarStream } from './types.js';
export { RollingExtremes } from './rolling-extremes.js';
export { trueRange } from './true-range.js';
export * from './sma.js';
export * from './ema.js';
