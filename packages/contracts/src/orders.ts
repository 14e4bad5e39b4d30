/**
 * Orders: the stored ones (GET /orders) and manual requests (POST /orders), one schema per order
 * type, mirroring the core's OrderRequest (packages/core/src/orders/types.ts).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';
import { Pair } from './market.js';
import { Nullable } from './nullable.js';
import { NO_CONTROL } from './strategies.js';
import { OrderSide } from './trades.js';

export const OrderStatus = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('open'),
    Type.Literal('partially-filled'),
    Type.Literal('filled'),
    Type.Literal('cancelled'),
    Type.Literal('expired'),
    Type.Literal('rejected'),
  ],
  { description: 'pending/open/partially-filled are working; the others are final' },
);

export const OrdersQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(OrderStatus),
    pair: Type.Optional(Pair),
    side: Type.Optional(OrderSide),
    decisionId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the order the decision placed' }),
    ),
  },
  { additionalProperties: false },
);
export type OrdersQuery = Static<typeof OrdersQuery>;

export const OrderView = Type.Object({
  id: Type.Integer(),
  clientId: Type.String(),
  botId: Type.String(),
  pair: Type.String(),
  side: OrderSide,
  type: Type.String(),
  status: Type.String(),
  qty: Nullable(Type.Number()),
  quoteSize: Nullable(Type.Number()),
  limitPrice: Nullable(Type.Number()),
  stopPrice: Nullable(Type.Number()),
  filledQty: Type.Number(),
  avgFillPrice: Nullable(Type.Number()),
  fee: Type.Number(),
  source: Type.Union([Type.Literal('bot'), Type.Literal('manual')]),
  decisionId: Nullable(Type.Integer()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrderView = Static<typeof OrderView>;

export const OrdersPage = Page(OrderView, 'Orders, newest first');
export type OrdersPage = Static<typeof OrdersPage>;

// ---- POST /orders: one schema per type ------------------------------------------------------

const Positive = (description: string) => Type.Number({ exclusiveMinimum: 0, description });
const TimeInForce = Type.Union(
  ['GTC', 'IOC', 'FOK', 'GTD'].map((t) => Type.Literal(t)),
  { description: 'GTC (default), IOC, FOK, or GTD with expiresAt' },
);
const ExitReason = Type.Union(
  ['signal', 'stop-loss', 'take-profit', 'trailing-stop', 'manual', 'emergency', 'end-of-data'].map(
    (r) => Type.Literal(r),
  ),
  { description: 'why a sell is placed (sells only)' },
);
const SellQty = Type.Union([Positive('base units'), Type.Literal('all')], {
  description: 'base units, or "all" = the whole position when it executes',
});
const base = {
  pair: Pair,
  clientId: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', description: 'idempotency key' }),
  ),
};
const sized = {
  qty: Type.Optional(SellQty),
  quoteAmount: Type.Optional(Positive('quote currency (buys)')),
};
const closed = { additionalProperties: false } as const;
const SellOnly = Type.Optional(Type.Literal('sell'));

export const OrderRequestVariants = {
  market: Type.Object(
    {
      ...base,
      ...sized,
      type: Type.Literal('market'),
      side: OrderSide,
      reason: Type.Optional(ExitReason),
    },
    { ...closed, description: 'buy: exactly one of qty or quoteAmount; sell: qty (default all)' },
  ),
  limit: Type.Object(
    {
      ...base,
      ...sized,
      type: Type.Literal('limit'),
      side: OrderSide,
      price: Positive('limit price'),
      tif: Type.Optional(TimeInForce),
      expiresAt: Type.Optional(Timestamp),
      reason: Type.Optional(ExitReason),
    },
    closed,
  ),
  'stop-loss': Type.Object(
    {
      ...base,
      type: Type.Literal('stop-loss'),
      side: SellOnly,
      stopPrice: Positive('trigger'),
      qty: Type.Optional(SellQty),
    },
    { ...closed, description: 'sells when the price falls to stopPrice (below the price)' },
  ),
  'take-profit': Type.Object(
    {
      ...base,
      type: Type.Literal('take-profit'),
      side: SellOnly,
      price: Positive('target'),
      qty: Type.Optional(SellQty),
    },
    { ...closed, description: 'sells when the price rises to price (above the price)' },
  ),
  'trailing-stop': Type.Object(
    {
      ...base,
      type: Type.Literal('trailing-stop'),
      side: SellOnly,
      trail: Type.Union([
        Type.Object(
          { percent: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }) },
          closed,
        ),
        Type.Object(
          {
            atrMultiple: Positive('stop distance in ATRs'),
            atrPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 14 })),
          },
          closed,
        ),
      ]),
      qty: Type.Optional(SellQty),
    },
    closed,
  ),
  bracket: Type.Object(
    {
      ...base,
      type: Type.Literal('bracket'),
      side: Type.Optional(Type.Literal('buy')),
      qty: Type.Optional(Positive('base units')),
      quoteAmount: Type.Optional(Positive('quote currency')),
      entryPrice: Type.Optional(Positive('limit entry; market entry when absent')),
      tif: Type.Optional(TimeInForce),
      expiresAt: Type.Optional(Timestamp),
      stopPrice: Positive('stop below the entry'),
      takeProfitPrice: Positive('target above the entry'),
    },
    { ...closed, description: 'a buy with an OCO stop and target' },
  ),
  'dca:schedule': Type.Object(
    {
      ...base,
      type: Type.Literal('dca'),
      mode: Type.Literal('schedule'),
      side: Type.Optional(Type.Literal('buy')),
      quoteAmount: Positive('each buy'),
      count: Type.Integer({ minimum: 1, maximum: 10_000 }),
      everyBars: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    },
    { ...closed, description: 'count market buys of quoteAmount, one every everyBars bars' },
  ),
  'dca:safety': Type.Object(
    {
      ...base,
      type: Type.Literal('dca'),
      mode: Type.Literal('safety'),
      side: Type.Optional(Type.Literal('buy')),
      quoteAmount: Positive('initial buy'),
      stepPct: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }),
      scale: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
      maxSafetyOrders: Type.Integer({ minimum: 0, maximum: 1000 }),
    },
    { ...closed, description: 'a buy, then limit buys stepPct % below the average entry' },
  ),
  conditional: Type.Object(
    {
      ...base,
      ...sized,
      type: Type.Literal('conditional'),
      side: OrderSide,
      condition: Type.String({
        minLength: 1,
        maxLength: 500,
        pattern: NO_CONTROL,
        examples: ['close > sma200 * 1.02 and rsi14 < 70'],
      }),
      reason: Type.Optional(ExitReason),
    },
    { ...closed, description: 'a market order placed when condition holds at a close' },
  ),
} satisfies Record<string, TSchema>;

export const OrderRequestBody = Type.Union(Object.values(OrderRequestVariants), {
  description: 'one of the order types; `type` (and `mode` for dca) selects the schema',
});
export type OrderRequestBody = Static<typeof OrderRequestBody>;

/** The schema a body claims by its `type` (and `mode` for dca); undefined for an unknown type. */
export function orderRequestVariant(body: unknown): TSchema | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, mode } = body as { type?: unknown; mode?: unknown };
  const key = type === 'dca' && typeof mode === 'string' ? `dca:${mode}` : type;
  if (typeof key !== 'string' || !Object.hasOwn(OrderRequestVariants, key)) return undefined;
  return OrderRequestVariants[key as keyof typeof OrderRequestVariants];
}
