/**
 * The bot as the API sees it. The trading loop (bot runtime) is not part of this build: status says
 * `stopped` truthfully, start/stop answer NotAvailable (and the attempt is audited), while the
 * configuration and the logs are real and read from the database.
 */
import type {
  BotConfigView,
  BotStatus,
  LogEntry,
  TradingConfig,
  TradingConfigInput,
} from '@numerusx/contracts';
import { Conflict, NotAvailable, RISK_PARAMS, type Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../db/database-errors.js';
import { paramSpecViews } from '../strategies/strategies.js';
import { DEFAULT_BOT_ID } from './bot-id.js';
import type { BotConfigRow, BotRepository, LogFilter, LogRow } from './bot.repository.js';
import { defaultTradingConfig, resolveTradingConfig } from './trading-config.js';

export type BotAction = 'start' | 'stop' | 'emergency-stop';

/** What the process was started with (environment), shown by the status. */
export interface RuntimeSettings {
  readonly mode: 'paper' | 'live';
  readonly provider: string;
}

const NO_RUNTIME =
  'the trading loop arrives with the bot runtime, which is not part of this build yet';

export class BotService {
  private readonly since: number;
  private readonly botId = DEFAULT_BOT_ID;

  constructor(
    private readonly repo: BotRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    // The bot has been stopped since this process started: it never runs in this build.
    this.since = clock.now();
  }

  async status(runtime: RuntimeSettings): Promise<BotStatus> {
    const [config, lastDecisionAt, lastTradeAt, openPositions] = await Promise.all([
      this.config(),
      this.repo.lastDecisionAt(this.botId),
      this.repo.lastTradeAt(this.botId),
      this.repo.openPositions(this.botId),
    ]);
    return {
      botId: this.botId,
      state: 'stopped',
      since: this.since,
      mode: runtime.mode,
      provider: runtime.provider,
      runtimeAvailable: false,
      message: `stopped: ${NO_RUNTIME}`,
      configVersion: config.version,
      strategy: config.config.strategy.id,
      pairs: config.config.pairs,
      lastDecisionAt,
      lastTradeAt,
      openPositions,
    };
  }

  /** start / stop / emergency-stop: audited as failed, then refused with NotAvailable. */
  async control(actor: Actor, action: BotAction, reason: string | undefined): Promise<never> {
    // Audit action names are `[a-z_.]` (the audit filter's pattern): emergency-stop → emergency_stop.
    await this.audit.record(actor, `bot.${action.replace('-', '_')}`, 'failed', {
      target: `bot:${this.botId}`,
      details: { error: 'NOT_AVAILABLE', ...(reason !== undefined ? { reason } : {}) },
    });
    throw new NotAvailable(`cannot ${action.replace('-', ' ')} the bot: ${NO_RUNTIME}`);
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
