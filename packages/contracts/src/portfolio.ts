/**
 * The portfolio as the bot's ledger stored it (snapshots and positions). Before the bot has run there
 * is no data: answers say `hasData: false` and carry nulls, never invented numbers.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PerformanceMetrics } from './backtests.js';
import { Page, PageQuery, Timestamp } from './common.js';
import { Nullable } from './nullable.js';

const Money = (description: string) => Nullable(Type.Number(), { description });

export const PortfolioPosition = Type.Object({
  id: Type.Integer(),
  asset: Type.String({ examples: ['SOL'] }),
  qty: Type.Number({ description: 'base units held' }),
  avgEntry: Type.Number({ description: 'average entry price, quote currency' }),
  mark: Type.Number({ description: 'last mark price' }),
  value: Type.Number({ description: 'qty × mark' }),
  unrealizedPnl: Type.Number({ description: '(mark − avgEntry) × qty' }),
  realizedPnl: Type.Number(),
  updatedAt: Timestamp,
});
export type PortfolioPosition = Static<typeof PortfolioPosition>;

export const PortfolioOverview = Type.Object({
  botId: Type.String(),
  hasData: Type.Boolean({ description: 'false: no snapshot stored yet; money fields are null' }),
  asOf: Nullable(Timestamp, { description: 'time of the latest snapshot' }),
  equity: Money('cash + positions value'),
  cash: Money('quote currency'),
  positionsValue: Money('Σ qty × mark'),
  realizedPnl: Money('since the bot started'),
  unrealizedPnl: Money('open positions'),
  fees: Money('paid since the bot started'),
  change24h: Nullable(
    Type.Object({
      since: Timestamp,
      abs: Type.Number({ description: 'equity now − equity then' }),
      pct: Nullable(Type.Number(), { description: 'fraction (0.02 = 2 %)' }),
    }),
    {
      description:
        'against the last snapshot at least 24 h older than the latest one (market time); null without one',
    },
  ),
  positions: Type.Array(PortfolioPosition),
});
export type PortfolioOverview = Static<typeof PortfolioOverview>;

export const PositionsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type PositionsQuery = Static<typeof PositionsQuery>;

export const PositionsPage = Page(PortfolioPosition, 'Open positions (qty ≠ 0)');
export type PositionsPage = Static<typeof PositionsPage>;

export const HistoryInterval = Type.Union(
  [Type.Literal('raw'), Type.Literal('1h'), Type.Literal('1d')],
  { description: 'raw: every snapshot; 1h/1d: the last snapshot of each UTC hour/day' },
);

export const HistoryQuery = Type.Object(
  {
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    interval: Type.Optional(HistoryInterval),
    cursor: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,16}$', description: 'nextCursor of the previous page' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 500 }),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const HistoryPoint = Type.Object({
  id: Type.Integer(),
  ts: Timestamp,
  equity: Type.Number(),
  cash: Type.Number(),
  positionsValue: Type.Number(),
  realizedPnl: Type.Number(),
  unrealizedPnl: Type.Number(),
  fees: Type.Number(),
});
export type HistoryPoint = Static<typeof HistoryPoint>;

export const HistoryPage = Type.Object(
  {
    interval: HistoryInterval,
    items: Type.Array(HistoryPoint),
    nextCursor: Nullable(Type.String()),
  },
  { description: 'Snapshots oldest first (chart order); the cursor continues forward' },
);
export type HistoryPage = Static<typeof HistoryPage>;

export const PerformanceQuery = Type.Object(
  { from: Type.Optional(Timestamp), to: Type.Optional(Timestamp) },
  { additionalProperties: false },
);
export type PerformanceQuery = Static<typeof PerformanceQuery>;

export const PortfolioPerformance = Type.Object({
  hasData: Type.Boolean({ description: 'false: no snapshot in the range; metrics is null' }),
  from: Nullable(Timestamp),
  to: Nullable(Timestamp),
  days: Type.Integer({ description: 'daily equity points the metrics use' }),
  startEquity: Nullable(Type.Number()),
  endEquity: Nullable(Type.Number()),
  metrics: Nullable(PerformanceMetrics, {
    description: 'daily closes of equity and the trades closed in the range',
  }),
});
export type PortfolioPerformance = Static<typeof PortfolioPerformance>;
