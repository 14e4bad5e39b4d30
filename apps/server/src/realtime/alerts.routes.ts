/**
 * POST /system/alerts (admin): an operator notice sent as `system:alert` to every connected client
 * and written to the audit trail. Also the simplest way to see the realtime feed work end to end.
 */
import {
  ErrorResponse,
  SystemAlertBody,
  SystemAlertEvent,
  type ServerEventPayload,
} from '@numerusx/contracts';
import type { Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import type { Realtime } from './realtime.js';

export interface AlertDeps {
  readonly realtime: Realtime;
  readonly audit: AuditService;
  readonly clock: Clock;
}

/** Sends the alert to everyone and audits it; the CLI and the bot runtime can call it directly. */
export async function sendSystemAlert(
  deps: AlertDeps,
  input: { actor: Actor; level: SystemAlertBody['level']; message: string },
): Promise<ServerEventPayload<'system:alert'>> {
  const alert = {
    ts: deps.clock.now(),
    level: input.level,
    message: input.message,
    code: 'admin' as const,
  };
  const sent = deps.realtime.emit(null, 'system:alert', alert);
  await deps.audit.record(input.actor, 'system.alert', sent ? 'ok' : 'failed', {
    details: { level: input.level, message: input.message },
  });
  return alert;
}

export function alertRoutes(app: Api, deps: AlertDeps): void {
  app.post(
    '/system/alerts',
    {
      schema: {
        tags: ['system'],
        summary: 'Send a system:alert to every connected Socket.io client',
        body: SystemAlertBody,
        response: {
          202: SystemAlertEvent,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
      config: { auth: 'admin' },
    },
    async (req, reply) => {
      const alert = await sendSystemAlert(deps, { actor: actorOf(req), ...req.body });
      return reply.code(202).send(alert);
    },
  );
}
