/**
 * Market data. Until the bot runtime brings a live feed, the server serves the real exchange candles
 * shipped in datasets/market/ as a replay feed, and says so in every answer.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from './common.js';
import { MsgField } from './messages.js';

/** A spot market as `BASE/QUOTE`. */
export const Pair = Type.String({
  pattern: '^[A-Z0-9]{2,12}/[A-Z0-9]{2,12}$',
  description: 'BASE/QUOTE, upper case',
  examples: ['SOL/USDC'],
});

/** A candle interval label (1m, 5m, 15m, 1h, 4h, 1d, 1w …); the server checks it is a known one. */
export const TimeframeLabel = Type.String({
  pattern: '^[0-9]{1,2}[mhdw]$',
  description: 'candle interval: 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w',
  examples: ['1h'],
});

export const DatasetId = Type.String({
  pattern: '^[a-z0-9_-]{1,40}/[A-Za-z0-9_-]{1,40}$',
  description: 'a dataset id from GET /market/pairs',
  examples: ['yanniedog-binance/SOL_USDT-1h'],
});

export const MarketDataset = Type.Object({
  id: DatasetId,
  pair: Type.String({ examples: ['SOL/USDT'] }),
  timeframe: Type.String({ description: 'native interval; coarser ones are resampled' }),
  label: Type.String({ examples: ['SOL/USDT 1h (Binance spot, replayed)'] }),
  labelMsg: MsgField('the label as a message descriptor, for translation'),
  source: Type.String({ description: 'where the candles come from' }),
  sourceMsg: MsgField('the source as a message descriptor, for translation'),
  replay: Type.Literal(true, { description: 'historical candles replayed, not a live market' }),
  from: Timestamp,
  to: Timestamp,
  candles: Type.Integer(),
});
export type MarketDataset = Static<typeof MarketDataset>;

export const MarketPairs = Type.Object({
  items: Type.Array(MarketDataset),
  live: Type.Boolean({ description: 'false: no live feed until the bot runtime exists' }),
});
export type MarketPairs = Static<typeof MarketPairs>;

export const CandlesQuery = Type.Object(
  {
    pair: Pair,
    timeframe: Type.Optional(TimeframeLabel),
    dataset: Type.Optional(DatasetId),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    limit: Type.Integer({
      minimum: 1,
      maximum: 5000,
      default: 500,
      description: 'with from: the first candles at or after it; else the last ones up to to',
    }),
  },
  { additionalProperties: false },
);
export type CandlesQuery = Static<typeof CandlesQuery>;

export const CandleView = Type.Object({
  ts: Timestamp,
  open: Type.Number(),
  high: Type.Number(),
  low: Type.Number(),
  close: Type.Number(),
  volume: Type.Number({ description: 'base asset' }),
});

export const CandlesResponse = Type.Object({
  pair: Type.String(),
  timeframe: Type.String(),
  dataset: Type.String(),
  label: Type.String(),
  labelMsg: MsgField('the label as a message descriptor, for translation'),
  replay: Type.Literal(true),
  candles: Type.Array(CandleView, { description: 'oldest first; ts = open time' }),
  incomplete: Type.Array(Timestamp, {
    description: 'open times of returned resampled candles built from fewer source candles (gaps)',
  }),
  hasMore: Type.Boolean({ description: 'more candles exist beyond the limit in that direction' }),
});
export type CandlesResponse = Static<typeof CandlesResponse>;

export const TickerQuery = Type.Object({ pair: Pair }, { additionalProperties: false });
export type TickerQuery = Static<typeof TickerQuery>;

/** The running bot's latest price of a pair (its feed's last tick). */
export const Ticker = Type.Object({
  pair: Pair,
  price: Type.Number({ exclusiveMinimum: 0 }),
  ts: Timestamp,
  source: Type.String({ examples: ['replay:binance-spot', 'jupiter:price-v3'] }),
  label: Type.String({ description: 'the market and where its data comes from' }),
  labelMsg: MsgField('the label as a message descriptor, for translation'),
});
export type Ticker = Static<typeof Ticker>;
