/**
 * Assembles the bot runtime from the server's ports: repository, log, announcer, feed and provider
 * factories. Nothing starts here; `BotRuntime.init()` (startServer) resumes a bot left running.
 */
import { msg, type Clock } from '@numerusx/core';
import type { AuditService } from '../audit/audit.service.js';
import { DEFAULT_BOT_ID } from '../bot/bot-id.js';
import type { AiSettings, RuntimeConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { PortfolioService } from '../portfolio/portfolio.service.js';
import type { TradesService } from '../trades/trades.service.js';
import { Announcer } from './announcer.js';
import { BotLog } from './bot-log.js';
import { launchRun } from './bot-run.js';
import { BotRuntime } from './bot-runtime.js';
import { DecisionSource } from './decision-source.js';
import { replayFeedFactory, type FeedFactory } from './feed-factory.js';
import { createModelProvider } from './model-provider.js';
import type { Notify } from './notify.js';
import { RuntimeRepository } from './runtime.repository.js';
import { named, said } from './texts.js';
import type { LiveSetup } from './live-setup.js';
import type { TradingConfig } from '@numerusx/contracts';

/** What the runtime needs to know from the configuration (AppConfig's subset; CLI-safe defaults). */
export interface BotSettings {
  readonly mode: 'paper' | 'live';
  readonly aiProvider: 'rules' | 'gemini' | 'openai';
  readonly geminiApiKey: string | undefined;
  readonly ai: AiSettings;
  readonly runtime: RuntimeConfig;
  /** Replayed candles; the repository's datasets/market by default. */
  readonly marketDataDir?: string | undefined;
  /** Overrides the feed (tests, bench). */
  readonly feeds?: FeedFactory | undefined;
  /** Live mode's exchange and feed, prepared at server start (live-setup.ts). */
  readonly live?: LiveSetup | undefined;
}

export const DEFAULT_BOT_SETTINGS: BotSettings = {
  mode: 'paper',
  aiProvider: 'rules',
  geminiApiKey: undefined,
  ai: {
    model: undefined,
    mode: 'single',
    geminiBaseUrl: undefined,
    openaiBaseUrl: undefined,
    openaiApiKey: undefined,
    maxCostUsdPerDay: undefined,
    maxTokensPerDay: undefined,
    usdPerMillionIn: 0,
    usdPerMillionOut: 0,
  },
  runtime: {
    replayPaceMs: 2000,
    paperCapital: 10_000,
    leaseTtlMs: 15_000,
    outcomeHorizonCandles: 24,
  },
};

export interface RuntimePorts {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly portfolio: PortfolioService;
  readonly trades: TradesService;
  readonly botConfig: () => Promise<TradingConfig>;
  readonly settings: BotSettings;
  readonly notify: Notify;
  readonly onError: (error: unknown) => void;
  readonly onCycle?: ((ms: number) => void) | undefined;
}

export function createBotRuntime(ports: RuntimePorts): BotRuntime {
  const botId = DEFAULT_BOT_ID;
  const { settings, clock, notify } = ports;
  const repo = new RuntimeRepository(ports.db.kysely);
  const log = new BotLog(ports.db.kysely, botId, clock, notify, ports.onError);
  const announce = new Announcer({
    botId,
    notify,
    portfolio: ports.portfolio,
    trades: ports.trades,
    now: () => clock.now(),
  });
  const feeds =
    settings.feeds ??
    settings.live?.feeds ??
    replayFeedFactory({ paceMs: settings.runtime.replayPaceMs, dataDir: settings.marketDataDir });
  const ref: { runtime?: BotRuntime; source?: DecisionSource } = {};
  const decisions = (): DecisionSource => {
    const model = createModelProvider(
      { provider: settings.aiProvider, geminiApiKey: settings.geminiApiKey, ai: settings.ai },
      {
        clock,
        onBudgetExhausted: (event) => ref.source?.budgetExhausted(event),
      },
    );
    const source = new DecisionSource(model, {
      onFallback: (event) => {
        const line = msg('runtime.log.budgetSpent', {
          provider: named('provider', event.provider),
          limit: named('budgetLimit', event.limit),
          tokens: event.tokens,
          cost: event.costUsd.toFixed(4),
          day: event.day,
        });
        const { text, msg: messageMsg } = said(line);
        notify(null, 'system:alert', {
          ts: clock.now(),
          level: 'warning',
          message: text,
          messageMsg,
          code: 'system',
        });
        void log.warn(line, { provider: event.provider, limit: event.limit });
        ref.runtime?.announceState();
      },
      onRecovered: (provider) => {
        void log.info(
          msg('runtime.log.budgetRecovered', { provider: named('provider', provider) }),
        );
      },
    });
    ref.source = source;
    return source;
  };
  const runtime = new BotRuntime({
    botId,
    repo,
    audit: ports.audit,
    log,
    clock,
    leaseTtlMs: settings.runtime.leaseTtlMs,
    live: settings.live === undefined ? undefined : { address: settings.live.address },
    capital: settings.runtime.paperCapital,
    manual: { repo, announce, log },
    onError: ports.onError,
    launch: (ctx) =>
      launchRun(
        {
          botId,
          repo,
          feeds,
          config: ports.botConfig,
          decisions,
          announce,
          log,
          wallClock: clock,
          outcomeHorizonCandles: settings.runtime.outcomeHorizonCandles,
          onCycle: ports.onCycle,
          live:
            settings.live === undefined
              ? undefined
              : { exchange: settings.live.exchange, budget: settings.live.budget },
        },
        ctx,
      ),
  });
  ref.runtime = runtime;
  return runtime;
}
