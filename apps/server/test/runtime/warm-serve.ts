/**
 * `node --import tsx warm-serve.ts <numerusx.js> serve`: the real `numerusx serve`, with the server's
 * modules loaded before it is told to start (a line on stdin). See crash-server.ts.
 */
import { fileURLToPath } from 'node:url';

// Specifiers in variables: loaded as the CLI loads them, not type-checked into this project.
const server = '@numerusx/server';
const main = new URL('../../../cli/src/main.ts', import.meta.url).href;

await import(server);
process.stdout.write('WARM\n');
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => {
    resolve();
  });
});
process.stdin.destroy();
// What `node apps/cli/bin/numerusx.js serve` would have in process.argv.
process.argv = [process.execPath, fileURLToPath(new URL(main)), ...process.argv.slice(3)];
await import(main);
