/**
 * The API v1 modules on top of the database — bot, portfolio, trades, orders, ai, market,
 * backtests, strategies — built from the ports and registered on the API. Kept apart from
 * services.ts and app.ts so each of those gains one line.
 */
import type { Clock } from '@numerusx/core';
import { aiRoutes } from './ai/ai.routes.js';
import { AiRepository } from './ai/ai.repository.js';
import { AiService } from './ai/ai.service.js';
import type { AuditService } from './audit/audit.service.js';
import { BacktestsRepository } from './backtests/backtests.repository.js';
import { backtestsRoutes } from './backtests/backtests.routes.js';
import { BacktestsService } from './backtests/backtests.service.js';
import { BotRepository } from './bot/bot.repository.js';
import { botRoutes } from './bot/bot.routes.js';
import { BotService, type RuntimeSettings } from './bot/bot.service.js';
import { CachedReads } from './cache/cached-reads.js';
import type { ReadCache } from './cache/read-cache.js';
import type { Db } from './db/database.js';
import type { Api } from './http/api.js';
import { CandleFiles } from './market/candle-files.js';
import { marketRoutes } from './market/market.routes.js';
import { MarketService } from './market/market.service.js';
import { OrdersRepository } from './orders/orders.repository.js';
import { ordersRoutes } from './orders/orders.routes.js';
import { OrdersService } from './orders/orders.service.js';
import { PortfolioRepository } from './portfolio/portfolio.repository.js';
import { portfolioRoutes } from './portfolio/portfolio.routes.js';
import { PortfolioService } from './portfolio/portfolio.service.js';
import { strategiesRoutes } from './strategies/strategies.routes.js';
import { TradesRepository } from './trades/trades.repository.js';
import { tradesRoutes } from './trades/trades.routes.js';
import { TradesService } from './trades/trades.service.js';

export interface ModulePorts {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  /** Hot reads (trades, portfolio) answer from it; their services invalidate it. */
  readonly cache: ReadCache;
  /** How long a cached read may be served when no writer invalidates it (2 s by default). */
  readonly readCacheTtlMs?: number | undefined;
  /** Folder of the replayed candle files; datasets/market/ of the repository by default. */
  readonly marketDataDir?: string | undefined;
}

export interface ModuleServices {
  readonly bot: BotService;
  readonly portfolio: PortfolioService;
  readonly trades: TradesService;
  readonly orders: OrdersService;
  readonly ai: AiService;
  readonly market: MarketService;
  readonly backtests: BacktestsService;
}

export function createModuleServices(ports: ModulePorts): ModuleServices {
  const { db, clock, audit } = ports;
  const botRepo = new BotRepository(db.kysely);
  const market = new MarketService(new CandleFiles(ports.marketDataDir));
  const reads = new CachedReads(ports.cache, ports.readCacheTtlMs);
  return {
    bot: new BotService(botRepo, audit, clock),
    portfolio: new PortfolioService(new PortfolioRepository(db.kysely), clock, reads),
    trades: new TradesService(new TradesRepository(db.kysely), reads),
    orders: new OrdersService(new OrdersRepository(db.kysely), audit, clock),
    ai: new AiService(new AiRepository(db.kysely)),
    market,
    backtests: new BacktestsService({
      repo: new BacktestsRepository(db.kysely),
      market,
      audit,
      clock,
      log: (entry) => botRepo.insertLog(entry),
      exclusiveDatabase: db.kind === 'sqlite',
    }),
  };
}

export function moduleRoutes(app: Api, services: ModuleServices, runtime: RuntimeSettings): void {
  botRoutes(app, services.bot, runtime);
  portfolioRoutes(app, services.portfolio);
  tradesRoutes(app, services.trades);
  ordersRoutes(app, services.orders);
  aiRoutes(app, services.ai);
  marketRoutes(app, services.market);
  backtestsRoutes(app, services.backtests);
  strategiesRoutes(app);
}
