/** Records security and control actions; lists them for admins. */
import type { Clock } from '@numerusx/core';
import type { AuditEntry, AuditFilter, AuditRepository, AuditRow } from './audit.repository.js';

/** Who acted, from where: every service method that changes something takes one. */
export interface Actor {
  readonly id: number | null;
  readonly username: string | null;
  readonly ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', ip: null };

export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(
    actor: Actor,
    action: string,
    outcome: AuditEntry['outcome'],
    extra: { target?: string | null; details?: Readonly<Record<string, unknown>> } = {},
  ): Promise<void> {
    return this.repo.insert(
      {
        actorId: actor.id,
        actorName: actor.username,
        ip: actor.ip,
        action,
        outcome,
        ...extra,
      },
      this.clock.now(),
    );
  }

  list(filter: AuditFilter): Promise<AuditRow[]> {
    return this.repo.list(filter);
  }
}
