/**
 * The bot as the API sees it: its status (the runtime's state on this instance, or the instance
 * running it), start / stop / emergency stop / re-arm through the runtime, the versioned trading
 * configuration (a saved version reaches a running bot before its next candle) and the logs.
 */
import type {
  BotConfigView,
  BotStatus,
  LogEntry,
  TradingConfig,
  TradingConfigInput,
} from '@numerusx/contracts';
import { Conflict, RISK_PARAMS, type Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../db/database-errors.js';
import { storedMsg, wireMsg } from '../db/stored-msg.js';
import { status as statusText } from '../runtime/texts.js';
import { paramSpecViews } from '../strategies/strategies.js';
import type { BotRuntime, LiveConsent } from '../runtime/bot-runtime.js';
import { DEFAULT_BOT_ID } from './bot-id.js';
import type { BotConfigRow, BotRepository, LogFilter, LogRow } from './bot.repository.js';
import { defaultTradingConfig, resolveTradingConfig } from './trading-config.js';

export type BotAction = 'start' | 'stop' | 'rearm';

/** What the process was started with (environment), shown by the status. */
export interface RuntimeSettings {
  readonly mode: 'paper' | 'live';
  readonly provider: string;
}

export class BotService {
  private readonly botId = DEFAULT_BOT_ID;

  constructor(
    private readonly repo: BotRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly runtime: BotRuntime,
  ) {}

  async status(runtime: RuntimeSettings): Promise<BotStatus> {
    const [config, lastDecisionAt, lastTradeAt, openPositions] = await Promise.all([
      this.config(),
      this.repo.lastDecisionAt(this.botId),
      this.repo.lastTradeAt(this.botId),
      this.repo.openPositions(this.botId),
    ]);
    const view = await this.runtime.freshView();
    const run = view.run;
    const feed = run?.feed.status();
    const progress = feed !== undefined && 'progress' in feed ? feed.progress : null;
    const said =
      view.elsewhere !== undefined
        ? statusText('runningOnInstance', { instance: view.elsewhere })
        : view.message;
    return {
      botId: this.botId,
      state: view.elsewhere !== undefined ? 'running' : view.state,
      since: view.since,
      mode: runtime.mode,
      provider: runtime.provider,
      runtimeAvailable: true,
      message: said.text,
      messageMsg: said.msg,
      configVersion: config.version,
      strategy: run?.config.strategy.id ?? config.config.strategy.id,
      pairs: run?.config.pairs ?? config.config.pairs,
      lastDecisionAt,
      lastTradeAt,
      openPositions,
      activeProvider: run?.decisions.active ?? runtime.provider,
      instance: view.elsewhere ?? (run === undefined ? null : this.runtime.instanceId),
      cycles: run?.dex.cycles ?? 0,
      marketTime: run === undefined ? null : run.feed.clock.now(),
      feed:
        feed === undefined
          ? null
          : {
              source: feed.source,
              label: feed.label,
              labelMsg: wireMsg(feed.labelMsg),
              state: feed.state,
              progress: typeof progress === 'number' ? progress : null,
            },
    };
  }

  /** start / stop / rearm through the runtime (each audited there). */
  async control(
    actor: Actor,
    action: BotAction,
    reason: string | undefined,
    live?: LiveConsent,
  ): Promise<void> {
    if (action === 'start') await this.runtime.start(actor, reason, live);
    else if (action === 'stop') await this.runtime.stop(actor, reason);
    else await this.runtime.rearm(actor, reason);
  }

  async emergencyStop(
    actor: Actor,
    options: { closePositions: boolean; reason?: string | undefined },
  ): Promise<void> {
    await this.runtime.emergencyStop(actor, options);
  }

  /** The latest saved version, or the core defaults as version 0. */
  async config(): Promise<BotConfigView> {
    const row = await this.repo.latestConfig(this.botId);
    return row === undefined ? this.defaults() : this.view(row);
  }

  /** Validates with the core, stores the next version, audits before/after. */
  async updateConfig(
    actor: Actor & { id: number },
    input: TradingConfigInput,
  ): Promise<BotConfigView> {
    const config = resolveTradingConfig(input);
    const before = await this.config();
    let row: BotConfigRow;
    try {
      row = await this.repo.insertConfig({
        botId: this.botId,
        version: before.version + 1,
        config: JSON.stringify(config),
        createdAt: this.clock.now(),
        createdBy: actor.id,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('the configuration was changed at the same time; reload and retry');
      }
      throw error;
    }
    const after = this.view(row);
    this.runtime.configChanged(config);
    await this.audit.record(actor, 'bot.config.update', 'ok', {
      target: `bot:${this.botId}`,
      details: { version: row.version, before: before.config, after: config },
    });
    return after;
  }

  async logs(filter: LogFilter): Promise<LogRow[]> {
    return this.repo.listLogs(filter);
  }

  private defaults(): BotConfigView {
    return {
      botId: this.botId,
      version: 0,
      isDefault: true,
      createdAt: null,
      createdBy: null,
      config: defaultTradingConfig(),
      riskParams: paramSpecViews(RISK_PARAMS),
    };
  }

  private view(row: BotConfigRow): BotConfigView {
    return {
      botId: row.bot_id,
      version: row.version,
      isDefault: false,
      createdAt: row.created_at,
      createdBy: row.created_by,
      config: JSON.parse(row.config) as TradingConfig,
      riskParams: paramSpecViews(RISK_PARAMS),
    };
  }
}

export function logEntry(r: LogRow): LogEntry {
  return {
    id: r.id,
    ts: r.ts,
    level: r.level,
    source: r.source,
    message: r.message,
    messageMsg: storedMsg(r.message_msg),
    botId: r.bot_id,
    details: r.details === null ? null : detailsOf(r.details),
  };
}

/**
 * Log details are written by other components (the runtime, backtests): a line whose details are
 * not a JSON object is still shown, with the text kept, rather than failing the whole page.
 */
function detailsOf(text: string): Record<string, unknown> {
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
      return doc as Record<string, unknown>;
    }
  } catch {
    // not JSON: fall through and keep the text
  }
  return { text };
}
