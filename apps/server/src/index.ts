export { buildApp, API_PREFIX, type AppDeps } from './app.js';
export { loadConfig, type AppConfig } from './config.js';
export {
  startServer,
  openRedis,
  systemClock,
  type RunningServer,
  type StartOptions,
} from './server.js';
export { openDatabase, migrate, type Db } from './db/database.js';
export { createServices, type Services } from './services.js';
export { MemoryKvStore, RedisKvStore } from './kv/kv-store.js';
export { CACHE_TAGS, type CacheTag, type ReadCache } from './cache/read-cache.js';
export { MemoryReadCache } from './cache/memory-cache.js';
export { createReadCache } from './cache/redis-invalidation.js';
export { SYSTEM_ACTOR } from './audit/audit.service.js';
export {
  createRealtime,
  rooms,
  sendSystemAlert,
  type Realtime,
  type Room,
} from './realtime/index.js';
