export type * from './types.js';
export { ManualScheduler, realScheduler } from './scheduler.js';
export { MemoryTtlCache } from './ttl-cache.js';
export { tickPath, tickTime } from './tick-path.js';
export type { ReplaySeries } from './replay-market.js';
export { ReplayFeed } from './replay-feed.js';
export type { ReplayOptions, ReplayStatus } from './replay-feed.js';
export {
  BINANCE_REPLAY_SOURCE,
  SHIPPED_MARKET_DIR,
  SHIPPED_REPLAY_FILES,
  loadShippedReplayData,
} from './replay-data.js';
export { LiveFeed } from './live-feed.js';
export type { LiveFeedDeps, LiveStatus } from './live-feed.js';
export { DEFAULT_LIVE_MARKETS, SOLANA_MINTS, resolveLiveOptions } from './live-config.js';
export type { LiveFeedOptions, LiveMarket, ResolvedLiveOptions } from './live-config.js';
export { DEFAULT_JUPITER_BASE_URL, JUPITER_PRICE_SOURCE } from './jupiter-price.js';
export { DEFAULT_GECKO_BASE_URL, GECKO_OHLCV_SOURCE } from './gecko-ohlcv.js';
