/** GET /ai/decisions, /ai/decisions/:id, /ai/performance. */
import {
  AiPerformance,
  AiPerformanceQuery,
  DecisionDetail,
  DecisionsPage,
  DecisionsQuery,
  ErrorResponse,
  IdParams,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { hasRole } from '../http/authenticate.js';
import { cursorId, pageOf } from '../http/pagination.js';
import { decisionSummary, type AiService } from './ai.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const viewer = { auth: 'viewer' as const };

export function aiRoutes(app: Api, ai: AiService): void {
  app.get(
    '/ai/decisions',
    {
      schema: {
        tags: ['ai'],
        summary: 'AI decisions, newest first, filtered',
        querystring: DecisionsQuery,
        response: { 200: DecisionsPage, ...errors },
      },
      config: viewer,
    },
    async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const rows = await ai.list({ ...filter, before: cursorId(cursor), limit: limit + 1 });
      return pageOf(rows, limit, decisionSummary);
    },
  );

  app.get(
    '/ai/decisions/:id',
    {
      schema: {
        tags: ['ai'],
        summary: 'One decision with its inputs and steps; prompt and raw answer for admins only',
        params: IdParams,
        response: { 200: DecisionDetail, ...errors, 404: ErrorResponse },
      },
      config: viewer,
    },
    (req) => ai.get(req.params.id, req.user !== undefined && hasRole(req.user.role, 'admin')),
  );

  app.get(
    '/ai/performance',
    {
      schema: {
        tags: ['ai'],
        summary: 'Win rate and pnl of decisions with an outcome, by provider, regime, confidence',
        querystring: AiPerformanceQuery,
        response: { 200: AiPerformance, ...errors },
      },
      config: viewer,
    },
    (req) => ai.performance(req.query),
  );
}
