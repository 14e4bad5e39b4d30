export * from './errors.js';
export * from './candles/index.js';
export * from './indicators/index.js';
