export * from './types.js';
// checkCandle and CandleColumns stay internal: readers outside core go through buildCandleSeries.
export { buildCandleSeries, type CandleRow } from './validate.js';
export * from './parse.js';
export * from './timeframe.js';
export * from './resample.js';
