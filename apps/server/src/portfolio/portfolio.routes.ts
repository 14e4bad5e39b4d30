/** /portfolio: overview, positions, equity history, performance — from the stored ledger. */
import {
  ErrorResponse,
  HistoryPage,
  HistoryQuery,
  PerformanceQuery,
  PortfolioOverview,
  PortfolioPerformance,
  PositionsPage,
  PositionsQuery,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { cursorId } from '../http/pagination.js';
import { jsonReplies } from '../http/json-reply.js';
import type { PortfolioService } from './portfolio.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const viewer = { auth: 'viewer' as const };

export function portfolioRoutes(app: Api, portfolio: PortfolioService): void {
  const sendOverview = jsonReplies();
  const sendPositions = jsonReplies();
  const sendHistory = jsonReplies();
  const sendPerformance = jsonReplies();
  app.get(
    '/portfolio/overview',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Latest snapshot and open positions (hasData false before the bot has run)',
        response: { 200: PortfolioOverview, ...errors },
      },
      config: viewer,
    },
    async (_req, reply) => sendOverview(reply, await portfolio.overview()),
  );

  app.get(
    '/portfolio/positions',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Open positions',
        querystring: PositionsQuery,
        response: { 200: PositionsPage, ...errors },
      },
      config: viewer,
    },
    async (req, reply) => {
      const page = { before: cursorId(req.query.cursor), limit: req.query.limit };
      return sendPositions(reply, await portfolio.positions(page));
    },
  );

  app.get(
    '/portfolio/history',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Equity snapshots in a time range, every one or the last of each hour/day',
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errors },
      },
      config: viewer,
    },
    async (req, reply) => {
      const { cursor, ...range } = req.query;
      return sendHistory(reply, await portfolio.history({ ...range, after: cursorId(cursor) }));
    },
  );

  app.get(
    '/portfolio/performance',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Return, drawdown, Sharpe… of the daily equity and the closed trades',
        querystring: PerformanceQuery,
        response: { 200: PortfolioPerformance, ...errors },
      },
      config: viewer,
    },
    async (req, reply) => sendPerformance(reply, await portfolio.performance(req.query)),
  );
}
