/**
 * The AI decisions hub: every proposal stored with its inputs, provider, cost and later outcome.
 * Prompts and raw model answers are shown to admins only (they may quote account data).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';
import { Pair } from './market.js';
import { MsgField } from './messages.js';
import { Nullable } from './nullable.js';

export const DecisionAction = Type.Union([
  Type.Literal('buy'),
  Type.Literal('sell'),
  Type.Literal('hold'),
]);
export const DecisionStatus = Type.Union([
  Type.Literal('PENDING'),
  Type.Literal('EXECUTED'),
  Type.Literal('VETOED'),
  Type.Literal('FAILED'),
  Type.Literal('HOLD'),
]);
const Provider = Type.String({ pattern: '^[a-z0-9_.-]{1,40}$', examples: ['rules', 'gemini'] });

export const DecisionsQuery = Type.Object(
  {
    ...PageQuery,
    pair: Type.Optional(Pair),
    action: Type.Optional(DecisionAction),
    status: Type.Optional(DecisionStatus),
    provider: Type.Optional(Provider),
    minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type DecisionsQuery = Static<typeof DecisionsQuery>;

const Json = Type.Unknown({ description: 'stored JSON document' });

export const DecisionSummary = Type.Object({
  id: Type.Integer(),
  botId: Type.String(),
  ts: Timestamp,
  pair: Type.String(),
  action: DecisionAction,
  sizeUsd: Type.Number(),
  stopLoss: Nullable(Type.Number()),
  takeProfit: Nullable(Type.Number()),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  reasoning: Type.String(),
  reasoningMsg: MsgField(
    "the reasoning as a message (rules provider); null for a model's free-text reasoning",
  ),
  provider: Type.String(),
  model: Nullable(Type.String()),
  regime: Nullable(Type.String()),
  status: DecisionStatus,
  latencyMs: Nullable(Type.Number()),
  costUsd: Nullable(Type.Number()),
  orderId: Nullable(Type.Integer()),
  outcome: Nullable(Json, {
    description:
      'set once the horizon passed: {horizonMs, priceAtDecision, priceAfter, marketReturn, decisionReturn, scored, basis: "trade"|"paper", pnl}; null until then',
  }),
});
export type DecisionSummary = Static<typeof DecisionSummary>;

export const DecisionsPage = Page(DecisionSummary, 'Decisions, newest first');
export type DecisionsPage = Static<typeof DecisionsPage>;

// The stored documents stay `unknown` in the answers: their shape belongs to the provider that
// wrote them, and rows written before messages existed lack the `…Msg` descriptors beside the texts.
export const DecisionDetail = Type.Object({
  ...DecisionSummary.properties,
  steps: Type.Unknown({
    description: 'stored JSON: an array of {title, detail, titleMsg?, detailMsg?}',
  }),
  inputs: Type.Unknown({
    description:
      'stored JSON: {price, regime, signals: [{strategyId, signal: {side, confidence, reason, reasonMsg?}}], …}',
  }),
  validation: Json,
  riskVerdict: Nullable(
    Type.Unknown({
      description:
        'stored JSON: {verdict, sizeUsd, reasons: [{rule, message, messageMsg?}]}, or {error, errorMsg?} when interrupted',
    }),
  ),
  tokensIn: Nullable(Type.Integer()),
  tokensOut: Nullable(Type.Integer()),
  prompt: Nullable(Type.String(), { description: 'admins only; null for others' }),
  rawResponse: Nullable(Type.String(), { description: 'admins only; null for others' }),
  redacted: Type.Boolean({ description: 'true: prompt and rawResponse were withheld' }),
});
export type DecisionDetail = Static<typeof DecisionDetail>;

export const AiPerformanceQuery = Type.Object(
  {
    pair: Type.Optional(Pair),
    provider: Type.Optional(Provider),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type AiPerformanceQuery = Static<typeof AiPerformanceQuery>;

export const PerformanceGroup = Type.Object({
  key: Type.String({ examples: ['rules', 'trending-up', '0.6-0.7'] }),
  decisions: Type.Integer({ description: 'decisions with a known outcome pnl' }),
  wins: Type.Integer(),
  losses: Type.Integer(),
  winRate: Nullable(Type.Number(), { description: 'wins / decisions' }),
  totalPnl: Type.Number(),
  averagePnl: Nullable(Type.Number()),
  averageConfidence: Nullable(Type.Number()),
  averageReturn: Nullable(Type.Number(), {
    description: 'mean return of following the decisions over the horizon (0.01 = 1 %)',
  }),
  costUsd: Type.Number({ description: 'model spend on these decisions, USD' }),
});
export type PerformanceGroup = Static<typeof PerformanceGroup>;

export const AiPerformance = Type.Object({
  evaluated: Type.Integer({ description: 'decisions whose outcome carries a pnl' }),
  unreadable: Type.Integer({ description: 'decisions with an outcome but no numeric pnl' }),
  unscored: Type.Integer({
    description: 'holds past their horizon: the market move is kept, there is no side to score',
  }),
  byProvider: Type.Array(PerformanceGroup),
  byRegime: Type.Array(PerformanceGroup, { description: 'regime "unknown" when none stored' }),
  byConfidence: Type.Array(PerformanceGroup, { description: 'buckets of 0.1; the last is 0.9-1' }),
  costByDay: Type.Array(
    Type.Object({
      day: Timestamp,
      costUsd: Type.Number({ description: 'model spend that UTC day' }),
      decisions: Type.Integer({ minimum: 0 }),
    }),
    { description: 'every decision (with or without outcome), oldest day first' },
  ),
});
export type AiPerformance = Static<typeof AiPerformance>;
