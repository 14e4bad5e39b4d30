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
import type { BotRuntime } from './runtime/bot-runtime.js';
import {
  DEFAULT_BOT_SETTINGS,
  createBotRuntime,
  type BotSettings,
} from './runtime/create-runtime.js';
import type { Notify } from './runtime/notify.js';

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
  /** The bot runtime's settings (mode, provider, replay pace, lease…); paper + rules by default. */
  readonly bot?: BotSettings | undefined;
  /** Where runtime events go (Socket.io, connected once it exists); nowhere by default. */
  readonly notify?: Notify | undefined;
  /** Unexpected runtime failures (the server's logger). */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Each processed candle's duration (metrics). */
  readonly onCycle?: ((ms: number) => void) | undefined;
}

export interface ModuleServices {
  readonly bot: BotService;
  readonly portfolio: PortfolioService;
  readonly trades: TradesService;
  readonly orders: OrdersService;
  readonly ai: AiService;
  readonly market: MarketService;
  readonly backtests: BacktestsService;
  readonly runtime: BotRuntime;
}

export function createModuleServices(ports: ModulePorts): ModuleServices {
  const { db, clock, audit } = ports;
  const botRepo = new BotRepository(db.kysely);
  const market = new MarketService(new CandleFiles(ports.marketDataDir));
  const reads = new CachedReads(ports.cache, ports.readCacheTtlMs);
  const portfolio = new PortfolioService(new PortfolioRepository(db.kysely), reads);
  const trades = new TradesService(new TradesRepository(db.kysely), reads);
  // The runtime reads the configuration through the bot service, built right after it.
  const ref: { bot?: BotService } = {};
  const runtime = createBotRuntime({
    db,
    clock,
    audit,
    portfolio,
    trades,
    botConfig: async () => {
      if (ref.bot === undefined) throw new Error('bot service not built');
      return (await ref.bot.config()).config;
    },
    settings: { ...(ports.bot ?? DEFAULT_BOT_SETTINGS), marketDataDir: ports.marketDataDir },
    notify: ports.notify ?? (() => undefined),
    onError: ports.onError ?? (() => undefined),
    onCycle: ports.onCycle,
  });
  const bot = new BotService(botRepo, audit, clock, runtime);
  ref.bot = bot;
  return {
    bot,
    runtime,
    portfolio,
    trades,
    orders: new OrdersService(new OrdersRepository(db.kysely), audit, clock, runtime),
    ai: new AiService(new AiRepository(db.kysely)),
    market,
    backtests: new BacktestsService({
      repo: new BacktestsRepository(db.kysely),
      market,
      audit,
      clock,
      log: (entry) => botRepo.insertLog(entry),
      exclusiveDatabase: db.kind === 'sqlite',
      notify: ports.notify,
    }),
  };
}

export function moduleRoutes(app: Api, services: ModuleServices, runtime: RuntimeSettings): void {
  botRoutes(app, services.bot, runtime);
  portfolioRoutes(app, services.portfolio);
  tradesRoutes(app, services.trades);
  ordersRoutes(app, services.orders);
  aiRoutes(app, services.ai);
  marketRoutes(app, services.market, (pair) => services.runtime.ticker(pair));
  backtestsRoutes(app, services.backtests);
  strategiesRoutes(app);
}
