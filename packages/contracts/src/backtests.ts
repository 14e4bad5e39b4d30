/** Backtests run by the server (POST /backtests) and their DESIGN §3 result. */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';
import { DatasetId, Pair, TimeframeLabel } from './market.js';
import { Nullable } from './nullable.js';
import { ParamValues, StrategyId } from './strategies.js';

const Ratio = (description: string) => Nullable(Type.Number(), { description });

/** DESIGN §3: returns and drawdowns are fractions (0.12 = 12 %), money in the quote currency. */
export const PerformanceMetrics = Type.Object({
  totalReturn: Type.Number({ description: 'final / initial − 1' }),
  cagr: Ratio('annual growth rate; null for an empty curve'),
  sharpe: Ratio('annualised, risk-free 0; null with < 2 returns or no variance'),
  sortino: Ratio('annualised; null without a losing period'),
  calmar: Ratio('cagr / maxDrawdown; null without a drawdown'),
  maxDrawdown: Type.Number({ description: 'largest fall from a peak, 0..1' }),
  maxDrawdownDuration: Type.Number({ description: 'longest time under water, ms' }),
  winRate: Ratio('winning trades / trades; null without trades'),
  profitFactor: Ratio('gross profit / |gross loss|; null without a losing trade'),
  expectancy: Ratio('mean pnl per trade; null without trades'),
  averageWin: Ratio('mean pnl of winners'),
  averageLoss: Ratio('mean pnl of losers (negative)'),
  exposure: Type.Number({ description: 'share of periods with a position open, 0..1' }),
  tradeCount: Type.Integer(),
  bestTrade: Ratio('highest trade pnl'),
  worstTrade: Ratio('lowest trade pnl'),
  periodsPerYear: Type.Number({ description: 'annualisation used (365.25 days / period)' }),
});
export type PerformanceMetrics = Static<typeof PerformanceMetrics>;

export const BacktestRequest = Type.Object(
  {
    strategy: StrategyId,
    params: Type.Optional(ParamValues),
    risk: Type.Optional(ParamValues),
    pair: Pair,
    timeframe: Type.Optional(TimeframeLabel),
    dataset: Type.Optional(DatasetId),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    capital: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1e12,
      default: 10_000,
      description: 'starting cash, quote currency',
    }),
    feeBps: Type.Number({ minimum: 0, maximum: 1000, default: 10, description: 'fee per fill' }),
    slippageBps: Type.Number({
      minimum: 0,
      maximum: 1000,
      default: 5,
      description: 'fixed slippage per fill',
    }),
  },
  {
    additionalProperties: false,
    description: 'pair (and optional timeframe / dataset) as listed by GET /market/pairs',
  },
);
export type BacktestRequest = Static<typeof BacktestRequest>;

export const BacktestStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);

export const BacktestAccepted = Type.Object({
  id: Type.Integer(),
  status: BacktestStatus,
  queuePosition: Type.Integer({ minimum: 0, description: 'backtests ahead of this one' }),
});
export type BacktestAccepted = Static<typeof BacktestAccepted>;

const ResultTrade = Type.Object({
  pair: Type.String(),
  side: Type.String(),
  entryTs: Timestamp,
  entryPrice: Type.Number(),
  exitTs: Timestamp,
  exitPrice: Type.Number(),
  qty: Type.Number(),
  fee: Type.Number(),
  pnl: Type.Number(),
  exitReason: Type.String(),
});

export const BacktestResult = Type.Object({
  strategy: Type.Object({ id: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) }),
  markets: Type.Array(Type.String()),
  timeframe: Type.String(),
  period: Type.Object({ from: Timestamp, to: Timestamp, candles: Type.Integer() }),
  capital: Type.Number(),
  metrics: PerformanceMetrics,
  buyAndHold: PerformanceMetrics,
  decisions: Type.Object({
    proposed: Type.Integer(),
    approved: Type.Integer(),
    resized: Type.Integer(),
    vetoed: Type.Integer(),
    vetoReasons: Type.Record(Type.String(), Type.Integer()),
    strategyErrors: Type.Record(Type.String(), Type.Integer()),
  }),
  trades: Type.Array(ResultTrade),
  equity: Type.Array(Type.Object({ ts: Timestamp, equity: Type.Number() })),
  final: Type.Object({
    cash: Type.Number(),
    positions: Type.Array(
      Type.Object({ asset: Type.String(), qty: Type.Number(), mark: Type.Number() }),
    ),
    equity: Type.Number({ description: 'cash + Σ qty × mark' }),
  }),
});
export type BacktestResult = Static<typeof BacktestResult>;

export const BacktestSummary = Type.Object({
  id: Type.Integer(),
  status: BacktestStatus,
  strategy: Type.String(),
  request: Type.Record(Type.String(), Type.Unknown(), { description: 'the request as accepted' }),
  error: Nullable(Type.String()),
  createdAt: Timestamp,
  createdBy: Nullable(Type.Integer()),
  finishedAt: Nullable(Timestamp),
});
export type BacktestSummary = Static<typeof BacktestSummary>;

export const BacktestDetail = Type.Object({
  ...BacktestSummary.properties,
  result: Nullable(BacktestResult, { description: 'set once status is done' }),
});
export type BacktestDetail = Static<typeof BacktestDetail>;

export const BacktestsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(BacktestStatus),
    strategy: Type.Optional(StrategyId),
  },
  { additionalProperties: false },
);
export type BacktestsQuery = Static<typeof BacktestsQuery>;

export const BacktestsPage = Page(BacktestSummary, 'Backtests, newest first, without results');
export type BacktestsPage = Static<typeof BacktestsPage>;
