/** POST /backtests (202, runs in the background), GET /backtests, GET /backtests/:id. */
import {
  BacktestAccepted,
  BacktestDetail,
  BacktestRequest,
  BacktestsPage,
  BacktestsQuery,
  ErrorResponse,
  IdParams,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import { actorOf } from '../http/authenticate.js';
import { cursorId, pageOf } from '../http/pagination.js';
import { backtestSummary, type BacktestsService } from './backtests.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function backtestsRoutes(app: Api, backtests: BacktestsService): void {
  // Runs a previous process left unfinished are failed before the first request is served, and
  // the running one is awaited on close so nothing writes to a closed database.
  app.addHook('onReady', async () => {
    await backtests.recoverInterrupted();
  });
  app.addHook('onClose', () => backtests.shutdown());

  app.post(
    '/backtests',
    {
      schema: {
        tags: ['backtests'],
        summary: 'Queue a backtest over replayed candles; poll GET /backtests/:id for the result',
        body: BacktestRequest,
        response: { 202: BacktestAccepted, ...errors, 409: ErrorResponse },
      },
      config: { auth: 'trader' },
    },
    async (req, reply) => reply.code(202).send(await backtests.submit(actorOf(req), req.body)),
  );

  app.get(
    '/backtests',
    {
      schema: {
        tags: ['backtests'],
        summary: 'Backtests, newest first, without their results',
        querystring: BacktestsQuery,
        response: { 200: BacktestsPage, ...errors },
      },
      config: { auth: 'viewer' },
    },
    async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const rows = await backtests.list({ ...filter, before: cursorId(cursor), limit: limit + 1 });
      return pageOf(rows, limit, backtestSummary);
    },
  );

  app.get(
    '/backtests/:id',
    {
      schema: {
        tags: ['backtests'],
        summary: 'One backtest with its result once done (DESIGN §3 shape)',
        params: IdParams,
        response: { 200: BacktestDetail, ...errors },
      },
      config: { auth: 'viewer' },
    },
    (req) => backtests.get(req.params.id),
  );
}
