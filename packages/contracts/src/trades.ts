/** Trades the bot made (round trips; exit fields are null while open). */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';
import { Pair } from './market.js';
import { Nullable } from './nullable.js';

export const OrderSide = Type.Union([Type.Literal('buy'), Type.Literal('sell')]);

export const TradesQuery = Type.Object(
  {
    ...PageQuery,
    pair: Type.Optional(Pair),
    side: Type.Optional(OrderSide),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    decisionId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the trades the decision led to' }),
    ),
  },
  { additionalProperties: false, description: 'from/to filter on the entry time' },
);
export type TradesQuery = Static<typeof TradesQuery>;

export const TradeView = Type.Object({
  id: Type.Integer(),
  botId: Type.String(),
  pair: Type.String(),
  side: OrderSide,
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  entryTs: Timestamp,
  entryPrice: Type.Number(),
  exitTs: Nullable(Timestamp),
  exitPrice: Nullable(Type.Number()),
  qty: Type.Number(),
  fee: Type.Number({ description: 'both legs, quote currency' }),
  pnl: Nullable(Type.Number({ description: 'net of fees; null while open' })),
  exitReason: Nullable(Type.String()),
  orderId: Nullable(Type.Integer()),
  decisionId: Nullable(Type.Integer()),
});
export type TradeView = Static<typeof TradeView>;

export const TradesPage = Page(TradeView, 'Trades, newest first');
export type TradesPage = Static<typeof TradesPage>;

export const TradeStatsQuery = Type.Object(
  { pair: Type.Optional(Pair), from: Type.Optional(Timestamp), to: Type.Optional(Timestamp) },
  { additionalProperties: false, description: 'from/to filter on the exit time' },
);
export type TradeStatsQuery = Static<typeof TradeStatsQuery>;

export const TradeStats = Type.Object({
  closed: Type.Integer({ description: 'closed trades (with a pnl)' }),
  open: Type.Integer({ description: 'trades not closed yet (pair filter only)' }),
  wins: Type.Integer({ description: 'pnl > 0' }),
  losses: Type.Integer({ description: 'pnl < 0' }),
  breakeven: Type.Integer({ description: 'pnl = 0' }),
  winRate: Nullable(Type.Number(), { description: 'wins / closed; null without trades' }),
  totalPnl: Type.Number(),
  grossProfit: Type.Number(),
  grossLoss: Type.Number({ description: 'Σ of losing pnl, as a positive amount' }),
  fees: Type.Number({ description: 'fees of the closed trades' }),
  profitFactor: Nullable(Type.Number(), {
    description: 'grossProfit / grossLoss; null if no loss',
  }),
  expectancy: Nullable(Type.Number(), { description: 'totalPnl / closed' }),
  bestTrade: Nullable(Type.Number()),
  worstTrade: Nullable(Type.Number()),
});
export type TradeStats = Static<typeof TradeStats>;
