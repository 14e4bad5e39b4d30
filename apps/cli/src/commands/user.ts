/**
 * `numerusx user add|passwd|list|disable|enable`: accounts without the server, through the same
 * service (argon2id, audit trail, session revocation). Passwords come from standard input or a
 * prompt-free pipe, never from the command line (shell history, ps).
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { readStdinSecret } from '../stdin-secret.js';
import { ValidationError } from '@numerusx/core';
import type { Services } from '@numerusx/server';

const ROLES = ['admin', 'trader', 'viewer'] as const;
type Role = (typeof ROLES)[number];
const CLI_ACTOR = { id: null, username: 'cli', ip: null };

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  // Loaded on use: the other commands need none of the server's dependencies.
  const {
    MemoryKvStore,
    RedisKvStore,
    createServices,
    loadConfig,
    migrate,
    openDatabase,
    openRedis,
    systemClock,
  } = await import('@numerusx/server');
  const config = loadConfig();
  const db = openDatabase(config.database);
  let redis: Awaited<ReturnType<typeof openRedis>> | undefined;
  try {
    await migrate(db);
    // Revoked sessions: refresh tokens die in the database at once; live access tokens are refused
    // at once by servers sharing Redis, and otherwise expire within their 15 minutes.
    redis = config.redisUrl === undefined ? undefined : await openRedis(config.redisUrl);
    const services = createServices({
      db,
      kv: redis === undefined ? new MemoryKvStore(systemClock) : new RedisKvStore(redis),
      clock: systemClock,
      // The CLI never issues or checks a token: a throwaway key, not a constant in the source.
      jwtSecret: randomBytes(32).toString('hex'),
    });
    return await fn(services);
  } finally {
    redis?.disconnect();
    await db.close();
  }
}

async function readPassword(): Promise<string> {
  // One trailing newline is the pipe's (echo), not the password's.
  const text = await readStdinSecret('password', 'echo "$PW" | numerusx user add alice');
  return text.replace(/\r?\n$/, '');
}

async function findId(s: Services, username: string): Promise<number> {
  const user = await s.users.findByUsername(username);
  if (user === undefined) throw new ValidationError(`no user "${username}"`);
  return user.id;
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('Manage accounts (password on standard input)');
  user
    .command('add <username>')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .description('Create an account; the password is read from standard input')
    .action(async (username: string, opts: { role: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        throw new ValidationError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const password = await readPassword();
      const created = await withServices((s) =>
        s.users.create(CLI_ACTOR, { username, password, role: opts.role as Role }),
      );
      process.stdout.write(`created ${created.username} (${created.role}), id ${created.id}\n`);
    });
  user
    .command('passwd <username>')
    .description('Set a password (read from standard input); ends every session of the user')
    .action(async (username: string) => {
      const password = await readPassword();
      await withServices(async (s) =>
        s.users.setPassword(CLI_ACTOR, await findId(s, username), password),
      );
      process.stdout.write(`password of ${username} changed; their sessions are revoked\n`);
    });
  user
    .command('list')
    .description('List accounts')
    .action(async () => {
      const users = await withServices((s) => s.users.list());
      for (const u of users) {
        process.stdout.write(
          `${u.id}\t${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}\n`,
        );
      }
    });
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(
        disabled ? 'Disable an account and end its sessions' : 'Enable a disabled account',
      )
      .action(async (username: string) => {
        await withServices(async (s) =>
          s.users.update(CLI_ACTOR, await findId(s, username), { disabled }),
        );
        process.stdout.write(`${username} ${disabled ? 'disabled' : 'enabled'}\n`);
      });
  }
}
