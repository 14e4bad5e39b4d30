export * from './candles/load-candles.js';
export * from './ai/index.js';
export * from './feeds/index.js';
