/** `numerusx serve`: the server (API, Socket.io, dashboard) with configuration from the environment. */
import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the server: API v1, realtime feed and dashboard (PORT, HOST, NUMERUSX_DATA_DIR, DATABASE_URL, REDIS_URL, …)',
    )
    .action(async () => {
      // Loaded on use: the other commands need none of the server's dependencies.
      const { loadConfig, startServer } = await import('@numerusx/server');
      const config = loadConfig();
      const server = await startServer(config);
      if (server.firstAdmin !== undefined) {
        const { username, generatedPassword } = server.firstAdmin;
        // Printed once on the terminal, never logged: only its hash is stored.
        process.stdout.write(
          generatedPassword === undefined
            ? `\nAdmin account "${username}" created with NUMERUSX_ADMIN_PASSWORD.\n\n`
            : `\nAdmin account created. Username: ${username}  Password: ${generatedPassword}\n` +
                'This password is shown only once; change it after logging in.\n\n',
        );
      }
      process.stdout.write(
        `NumerusX listening on ${server.url} (API docs: ${server.url}/api/docs)\n`,
      );
      let closing = false;
      const shutdown = (signal: string) => {
        if (closing) return;
        closing = true;
        server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            server.app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => {
        shutdown('SIGTERM');
      });
      process.once('SIGINT', () => {
        shutdown('SIGINT');
      });
    });
}
