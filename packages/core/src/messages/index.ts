export * from './msg.js';
export * from './en.js';
export { withoutFinalStops } from './en-decisions.js';
