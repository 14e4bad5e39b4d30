export * from './common.js';
export * from './auth.js';
export * from './audit.js';
export * from './system.js';
export * from './events.js';
// API v1 modules: bot, portfolio, trades, orders, ai, market, backtests, strategies.
export * from './strategies.js';
export * from './market.js';
export * from './bot.js';
export * from './portfolio.js';
export * from './trades.js';
export * from './orders.js';
export * from './ai.js';
export * from './backtests.js';
export * from './messages.js';
