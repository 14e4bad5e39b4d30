/** `numerusx db migrate`: applies pending migrations to DATABASE_URL (or the embedded SQLite). */
import type { Command } from 'commander';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations')
    .action(async () => {
      const { loadConfig, migrate, openDatabase } = await import('@numerusx/server');
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
