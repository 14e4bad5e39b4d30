/** `numerusx db migrate`: applies pending migrations to DATABASE_URL (or the embedded SQLite). */
import type { Command } from 'commander';
import { loadConfig, migrate, openDatabase } from '@numerusx/server';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        const applied = await migrate(database);
        process.stdout.write(
          applied.length === 0 ? 'database is up to date\n' : `applied: ${applied.join(', ')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
