export * from './common.js';
export * from './auth.js';
export * from './audit.js';
export * from './system.js';
