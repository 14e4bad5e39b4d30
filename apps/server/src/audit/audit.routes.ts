/** GET /audit: the audit trail for admins, filterable, newest first. */
import { AuditPage, AuditQuery, ErrorResponse } from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { cursorId, pageOf } from '../http/pagination.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(app: Api, audit: AuditService): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['system'],
        summary: 'Audit trail (admin)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
      config: { auth: 'admin' },
    },
    async (req) => {
      const q = req.query;
      const rows = await audit.list({
        ...(q.action !== undefined ? { action: q.action } : {}),
        ...(q.actorId !== undefined ? { actorId: q.actorId } : {}),
        ...(q.outcome !== undefined ? { outcome: q.outcome } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        before: cursorId(q.cursor),
        limit: q.limit + 1,
      });
      return pageOf(rows, q.limit, (r) => ({
        id: r.id,
        ts: r.ts,
        actorId: r.actor_id,
        actorName: r.actor_name,
        ip: r.ip,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
      }));
    },
  );
}
