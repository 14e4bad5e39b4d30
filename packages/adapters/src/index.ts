export * from './candles/load-candles.js';
export * from './ai/index.js';
export * from './feeds/index.js';
export * from './jupiter/index.js';
export * from './wallet/index.js';
