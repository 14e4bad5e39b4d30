/** GET /trades, /trades/stats, /trades/:id. */
import {
  ErrorResponse,
  IdParams,
  TradeStats,
  TradeStatsQuery,
  TradeView,
  TradesPage,
  TradesQuery,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { cursorId } from '../http/pagination.js';
import { jsonReplies } from '../http/json-reply.js';
import type { TradesService } from './trades.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const viewer = { auth: 'viewer' as const };

export function tradesRoutes(app: Api, trades: TradesService): void {
  const sendList = jsonReplies();
  const sendStats = jsonReplies();
  const sendTrade = jsonReplies();
  app.get(
    '/trades',
    {
      schema: {
        tags: ['trades'],
        summary: 'Trades, newest first, filtered by pair, side, status and entry time',
        querystring: TradesQuery,
        response: { 200: TradesPage, ...errors },
      },
      config: viewer,
    },
    async (req, reply) => {
      const { cursor, ...filter } = req.query;
      return sendList(reply, await trades.list({ ...filter, before: cursorId(cursor) }));
    },
  );

  // Registered before /trades/:id; find-my-way prefers the static segment anyway.
  app.get(
    '/trades/stats',
    {
      schema: {
        tags: ['trades'],
        summary: 'Count, wins, losses, win rate, pnl, fees and profit factor of closed trades',
        querystring: TradeStatsQuery,
        response: { 200: TradeStats, ...errors },
      },
      config: viewer,
    },
    async (req, reply) => sendStats(reply, await trades.stats(req.query)),
  );

  app.get(
    '/trades/:id',
    {
      schema: {
        tags: ['trades'],
        summary: 'One trade',
        params: IdParams,
        response: { 200: TradeView, ...errors, 404: ErrorResponse },
      },
      config: viewer,
    },
    async (req, reply) => sendTrade(reply, await trades.get(req.params.id)),
  );
}
