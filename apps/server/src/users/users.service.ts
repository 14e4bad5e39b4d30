/** Accounts: the first-start admin, creation, roles, disabling and passwords. Audited. */
import { AuthError, Conflict, NotFound, ValidationError, type Clock } from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { hashPassword, generatePassword, verifyPassword } from '../auth/passwords.js';
import type { AuthService, PublicUser } from '../auth/auth.service.js';
import { publicUser } from '../auth/auth.service.js';
import type { Role } from '../db/schema.js';
import type { UserRow, UsersRepository } from './users.repository.js';

export const USERNAME_PATTERN = /^[a-zA-Z0-9_.-]{3,32}$/;

export interface UserView extends PublicUser {
  readonly disabled: boolean;
  readonly createdAt: number;
}

export function userView(u: UserRow): UserView {
  return { ...publicUser(u), disabled: u.disabled !== 0, createdAt: u.created_at };
}

export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the admin on first start (no user at all). Returns the generated password when none was
   * configured, for the caller to print once; undefined when nothing was created or it was given.
   */
  async ensureAdmin(admin: {
    username: string;
    password: string | undefined;
  }): Promise<{ username: string; generatedPassword: string | undefined } | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const password = admin.password ?? generatePassword();
    await this.users.insert({
      username: admin.username,
      passwordHash: await hashPassword(password),
      role: 'admin',
      now: this.clock.now(),
    });
    return {
      username: admin.username,
      generatedPassword: admin.password === undefined ? password : undefined,
    };
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(userView);
  }

  async get(id: number): Promise<UserView> {
    return userView(await this.mustFind(id));
  }

  async create(
    actor: Actor,
    input: { username: string; password: string; role: Role },
  ): Promise<UserView> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw new ValidationError('username: 3 to 32 letters, digits, dot, dash or underscore', {
        field: 'username',
      });
    }
    if ((await this.users.findByUsername(input.username)) !== undefined) {
      throw new Conflict(`username "${input.username}" is taken`);
    }
    const row = await this.users.insert({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      now: this.clock.now(),
    });
    await this.audit.record(actor, 'user.create', 'ok', {
      target: `user:${row.id}`,
      details: { username: row.username, role: row.role },
    });
    return userView(row);
  }

  /** Changes role and/or disabled; disabling or demoting revokes the user's sessions. */
  async update(
    actor: Actor,
    id: number,
    changes: { role?: Role; disabled?: boolean },
  ): Promise<UserView> {
    const before = await this.mustFind(id);
    if (
      id === actor.id &&
      (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))
    ) {
      throw new Conflict('an admin cannot disable or demote their own account');
    }
    const row = await this.users.update(id, {
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      updated_at: this.clock.now(),
    });
    if (row === undefined) throw new NotFound(`user ${id} not found`);
    if (row.disabled !== before.disabled || row.role !== before.role) {
      await this.auth.revokeUserSessions(id);
    }
    await this.audit.record(actor, 'user.update', 'ok', {
      target: `user:${id}`,
      details: { before: userView(before), after: userView(row) },
    });
    return userView(row);
  }

  /** A user changing their own password: needs the current one; every session ends. */
  async changeOwnPassword(
    actor: Actor & { id: number },
    current: string,
    next: string,
  ): Promise<void> {
    const user = await this.mustFind(actor.id);
    if (!(await verifyPassword(user.password_hash, current))) {
      await this.audit.record(actor, 'user.password', 'failed', { target: `user:${actor.id}` });
      throw new AuthError('INVALID_CREDENTIALS', 'current password is wrong');
    }
    await this.setPassword(actor, actor.id, next);
  }

  /** An admin (or the CLI) setting a password; every session of that user ends. */
  async setPassword(actor: Actor, id: number, password: string): Promise<void> {
    await this.mustFind(id);
    const now = this.clock.now();
    await this.users.update(id, {
      password_hash: await hashPassword(password),
      password_changed_at: now,
      updated_at: now,
    });
    await this.auth.revokeUserSessions(id);
    await this.audit.record(actor, 'user.password', 'ok', { target: `user:${id}` });
  }

  async revokeSessions(actor: Actor, id: number): Promise<void> {
    await this.mustFind(id);
    await this.auth.revokeUserSessions(id);
    await this.audit.record(actor, 'user.revoke_sessions', 'ok', { target: `user:${id}` });
  }

  async findByUsername(username: string): Promise<UserView | undefined> {
    const row = await this.users.findByUsername(username);
    return row === undefined ? undefined : userView(row);
  }

  private async mustFind(id: number): Promise<UserRow> {
    const row = await this.users.findById(id);
    if (row === undefined) throw new NotFound(`user ${id} not found`);
    return row;
  }
}
