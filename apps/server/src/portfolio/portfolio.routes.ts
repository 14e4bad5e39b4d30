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
import { cursorId } from '../http/cursor.js';
import { pageOf } from '../http/pagination.js';
import { positionView, type PortfolioService } from './portfolio.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const viewer = { auth: 'viewer' as const };

export function portfolioRoutes(app: Api, portfolio: PortfolioService): void {
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
    () => portfolio.overview(),
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
    async (req) => {
      const rows = await portfolio.positions({
        before: cursorId(req.query.cursor),
        limit: req.query.limit + 1,
      });
      return pageOf(rows, req.query.limit, positionView);
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
    (req) => portfolio.history({ ...req.query, after: cursorId(req.query.cursor) }),
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
    (req) => portfolio.performance(req.query),
  );
}
