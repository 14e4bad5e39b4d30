export * from './config.js';
export * from './sizing.js';
export * from './risk-gate.js';
export * from './position-guard.js';
export * from './risk-input.js';
