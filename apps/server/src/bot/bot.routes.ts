/** /bot: status, start / stop / emergency-stop / rearm, config, logs. */
import {
  BotActionBody,
  BotConfigView,
  BotLogsQuery,
  BotStatus,
  EmergencyStopBody,
  ErrorResponse,
  LogsPage,
  TradingConfigInput,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import { cursorId, pageOf } from '../http/pagination.js';
import { logEntry, type BotAction, type BotService, type RuntimeSettings } from './bot.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const ACTIONS: readonly { action: BotAction; summary: string; auth: 'trader' | 'admin' }[] = [
  {
    action: 'start',
    summary: 'Start the trading loop (409 while running or emergency-stopped)',
    auth: 'trader',
  },
  {
    action: 'stop',
    summary: 'Stop the trading loop; positions and working orders stay',
    auth: 'trader',
  },
  { action: 'rearm', summary: 'Lift an emergency stop (the bot stays stopped)', auth: 'admin' },
];

export function botRoutes(app: Api, bot: BotService, runtime: RuntimeSettings): void {
  app.get(
    '/bot/status',
    {
      schema: {
        tags: ['bot'],
        summary: 'State of the bot, its configuration version and latest activity',
        response: { 200: BotStatus, ...errors },
      },
      config: { auth: 'viewer' },
    },
    () => bot.status(runtime),
  );

  for (const { action, summary, auth } of ACTIONS) {
    app.post(
      `/bot/${action}`,
      {
        schema: {
          tags: ['bot'],
          summary,
          body: BotActionBody,
          response: { 200: BotStatus, ...errors, 409: ErrorResponse, 503: ErrorResponse },
        },
        config: { auth },
      },
      async (req) => {
        const role = req.user?.role ?? 'viewer';
        await bot.control(actorOf(req), action, req.body?.reason, {
          role,
          confirmLive: req.body?.confirmLive,
        });
        return bot.status(runtime);
      },
    );
  }

  app.post(
    '/bot/emergency-stop',
    {
      schema: {
        tags: ['bot'],
        summary:
          'Halt now, cancel working orders, optionally sell every position; start is refused until a re-arm',
        body: EmergencyStopBody,
        response: { 200: BotStatus, ...errors },
      },
      config: { auth: 'trader' },
    },
    async (req) => {
      await bot.emergencyStop(actorOf(req), {
        closePositions: req.body?.closePositions ?? false,
        reason: req.body?.reason,
      });
      return bot.status(runtime);
    },
  );

  app.get(
    '/bot/config',
    {
      schema: {
        tags: ['bot'],
        summary: 'The trading configuration: latest saved version, or the defaults as version 0',
        response: { 200: BotConfigView, ...errors },
      },
      config: { auth: 'viewer' },
    },
    () => bot.config(),
  );

  app.put(
    '/bot/config',
    {
      schema: {
        tags: ['bot'],
        summary: 'Save a new configuration version (validated with the engine’s own rules)',
        body: TradingConfigInput,
        response: { 200: BotConfigView, ...errors, 409: ErrorResponse },
      },
      config: { auth: 'admin' },
    },
    (req) => bot.updateConfig(actorOf(req), req.body),
  );

  app.get(
    '/bot/logs',
    {
      schema: {
        tags: ['bot'],
        summary: 'Bot and system log entries, newest first (trader and admin, like the logs room)',
        querystring: BotLogsQuery,
        response: { 200: LogsPage, ...errors },
      },
      config: { auth: 'trader' },
    },
    async (req) => {
      const q = req.query;
      const rows = await bot.logs({
        level: q.level,
        source: q.source,
        from: q.from,
        to: q.to,
        before: cursorId(q.cursor),
        limit: q.limit + 1,
      });
      return pageOf(rows, q.limit, logEntry);
    },
  );
}
