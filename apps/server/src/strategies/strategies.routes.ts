/** GET /strategies: the built-in strategies and their parameter schemas, from the core registry. */
import { ErrorResponse, StrategiesResponse } from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { strategyViews } from './strategies.js';

export function strategiesRoutes(app: Api): void {
  // Computed once: the registry is fixed for the life of the process.
  const body = { items: strategyViews() };
  app.get(
    '/strategies',
    {
      schema: {
        tags: ['backtests'],
        summary: 'Built-in strategies with their parameter schemas',
        response: { 200: StrategiesResponse, 401: ErrorResponse },
      },
      config: { auth: 'viewer' },
    },
    () => body,
  );
}
