export * from './candles/load-candles.js';
