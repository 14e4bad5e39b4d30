/**
 * Serves the built dashboard (apps/web/dist) at `/`: hashed files under /assets cached for a year
 * (their name changes with their content), index.html never cached, and every other GET outside
 * the API answered with index.html so deep links (/decisions/42) reach the single-page app. When
 * the dashboard was not built, `/` says how to build it instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from './error-handler.js';

/** apps/web/dist of this repository. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const YEAR_S = 365 * 24 * 3600;

export async function installDashboard(
  app: FastifyInstance,
  dir: string,
  apiPrefix: string,
): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true }, config: { auth: 'public' } }, (_req, reply) =>
      sendError(
        reply,
        503,
        'NOT_AVAILABLE',
        'the dashboard is not built: run `npm run build -w @numerusx/web` (npm start does it); ' +
          'the API is under /api/v1 and its docs at /api/docs',
      ),
    );
    return;
  }
  const assets = join(dir, 'assets');
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: false,
    // Ours, per file (setHeaders): the plugin's default would be max-age=0 on everything.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.startsWith(assets) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache',
      );
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true }, config: { auth: 'public' } }, (_req, reply) =>
    sendIndex(reply),
  );
  // Deep links: any other GET of a page (not the API, sockets, or a file) is the app's.
  app.get('/*', { schema: { hide: true }, config: { auth: 'public' } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isPage =
      !path.startsWith(apiPrefix) &&
      !path.startsWith('/socket.io') &&
      !path.startsWith('/assets/') &&
      !/\.[a-z0-9]+$/i.test(path);
    // A browser navigating asks for HTML; an API client or a script gets the JSON 404.
    if (isPage && (req.headers.accept ?? '').includes('text/html')) return sendIndex(reply);
    return sendError(reply, 404, 'NOT_FOUND', `no route GET ${path}`);
  });
}
