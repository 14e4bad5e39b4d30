/** GET /market/pairs, /market/candles, /market/ticker: the replay feed, labelled as such. */
import {
  CandlesQuery,
  CandlesResponse,
  ErrorResponse,
  MarketPairs,
  Ticker,
  TickerQuery,
} from '@numerusx/contracts';
import type { Api } from '../http/api.js';
import type { MarketService } from './market.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function marketRoutes(
  app: Api,
  market: MarketService,
  latest: (pair: string) => Ticker | undefined,
): void {
  app.get(
    '/market/pairs',
    {
      schema: {
        tags: ['market'],
        summary: 'Pairs the replay feed serves (real exchange candles shipped with NumerusX)',
        response: { 200: MarketPairs, ...errors },
      },
      config: { auth: 'viewer' },
    },
    async () => ({ items: await market.datasets(), live: false }),
  );

  app.get(
    '/market/candles',
    {
      schema: {
        tags: ['market'],
        summary: 'Replayed candles of a pair, resampled to the timeframe asked for',
        querystring: CandlesQuery,
        response: { 200: CandlesResponse, ...errors },
      },
      config: { auth: 'viewer' },
    },
    (req) => market.candles(req.query),
  );

  app.get(
    '/market/ticker',
    {
      schema: {
        tags: ['market'],
        summary:
          "Latest price of a pair from the running bot's feed (503 while the bot is stopped)",
        querystring: TickerQuery,
        response: { 200: Ticker, ...errors, 503: ErrorResponse },
      },
      config: { auth: 'viewer' },
    },
    (req) => market.ticker(req.query.pair, latest(req.query.pair)),
  );
}
