/**
 * Answers in the formats of Jupiter's Price API v3 and GeckoTerminal's pool OHLCV, for the live
 * feed's tests (served by the shared fake HTTP server on 127.0.0.1).
 */
import { SOLANA_MINTS } from '../../src/index.js';
import type { FakeReply, RecordedRequest } from '../ai/fake-http.js';

export const { SOL, USDC } = SOLANA_MINTS;
export const POOL = '58oQChx4yWmvKdwLLZzBi4ChoCc2fqCUWBkwMihLYQo2';

/** A Price API v3 answer: mint → {usdPrice, blockId, decimals, priceChange24h, …}. */
export function priceBody(prices: Readonly<Record<string, unknown>>): unknown {
  return Object.fromEntries(
    Object.entries(prices).map(([mint, usdPrice]) => [
      mint,
      {
        createdAt: '2024-06-05T08:55:25.527Z',
        liquidity: 621_679_197.67,
        usdPrice,
        blockId: 348_004_023,
        decimals: mint === SOL ? 9 : 6,
        priceChange24h: 1.29,
      },
    ]),
  );
}

/** [ts_seconds, open, high, low, close, volume_usd], listed newest first as GeckoTerminal does. */
export type OhlcvRow = readonly [number, number, number, number, number, number];

export function ohlcvBody(rows: readonly OhlcvRow[]): unknown {
  return {
    data: {
      id: 'bc786a99-7205-4c80-aaa1-b9634d97c926',
      type: 'ohlcv_request_response',
      attributes: { ohlcv_list: rows },
    },
    meta: {
      base: { address: SOL, name: 'Wrapped SOL', symbol: 'SOL', coingecko_coin_id: 'solana' },
      quote: { address: USDC, name: 'USD Coin', symbol: 'USDC', coingecko_coin_id: 'usd-coin' },
    },
  };
}

export const isPrice = (r: RecordedRequest): boolean => r.path.startsWith('/price/v3');
export const isOhlcv = (r: RecordedRequest): boolean => r.path.includes('/ohlcv/');

/** Routes a request to the handler of its API; anything else is a 404 like a wrong base URL. */
export function route(
  prices: (index: number) => FakeReply,
  ohlcv: (index: number) => FakeReply = () => ({ json: ohlcvBody([]) }),
): (r: RecordedRequest) => FakeReply {
  let p = 0;
  let o = 0;
  return (r) => {
    if (isPrice(r)) return prices(p++);
    if (isOhlcv(r)) return ohlcv(o++);
    return { status: 404, json: { errors: [{ status: '404', title: 'Not Found' }] } };
  };
}
