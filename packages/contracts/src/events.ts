/**
 * Socket.io contract (DESIGN §3): one schema per server → client event, each payload carrying `ts`
 * (ms UTC: when the server sent it, or a stored record's own time), and the client → server
 * `subscribe` / `unsubscribe` requests with their acknowledgements. Payloads that describe a stored
 * record have the shape its REST list answers with, so the dashboard merges live updates into what
 * it fetched. The server checks every payload against these schemas before it sends; the web client
 * may check what arrives with the same schemas.
 *
 * Rooms: every socket is in `user:<id>`; `market:<PAIR>`, `logs` (trader/admin) and `bot:<id>` are
 * joined with `subscribe`. The comment on each event names the room it is meant for.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DecisionSummary } from './ai.js';
import { BacktestStatus } from './backtests.js';
import { BotStatus, LogEntry } from './bot.js';
import { Timestamp } from './common.js';
import { CandleView, Pair, TimeframeLabel } from './market.js';
import { MsgField } from './messages.js';
import { Nullable } from './nullable.js';
import { OrderView } from './orders.js';
import { PortfolioOverview } from './portfolio.js';
import { TradeView } from './trades.js';

/** When the server sent the event (records that have their own time keep it, see each event). */
const SentAt = Type.Integer({ minimum: 0, description: 'ms UTC, when the server sent it' });

/** Room `bot:<id>`: the bot's state changed; the same shape as GET /bot/status. */
export const BotStatusEvent = Type.Object({ ...BotStatus.properties, ts: SentAt });

/** Room `bot:<id>`: a new portfolio snapshot; the same shape as GET /portfolio/overview. */
export const PortfolioUpdateEvent = Type.Object({ ...PortfolioOverview.properties, ts: SentAt });

/**
 * Room `bot:<id>`: the AI layer proposed something and the risk gate ruled; the same shape as an
 * item of GET /ai/decisions (`ts` is the decision's time).
 */
export const AiDecisionEvent = DecisionSummary;

/** Room `market:<pair>`: a price update. */
export const MarketTickEvent = Type.Object({
  ts: Timestamp, // the price's time
  pair: Pair,
  price: Type.Number({ minimum: 0, description: 'quote currency per base unit' }),
  source: Type.String({ examples: ['replay', 'jupiter'] }),
});

/** Room `market:<pair>`: the forming candle changed, or a candle closed (`closed: true`). */
export const MarketCandleEvent = Type.Object({
  ts: SentAt,
  pair: Pair,
  timeframe: TimeframeLabel,
  candle: CandleView,
  closed: Type.Boolean({ description: 'false while the candle is still forming' }),
});

/**
 * Rooms `bot:<id>` and the placing user's `user:<id>`: an order changed state; the same shape as an
 * item of GET /orders.
 */
export const OrderUpdateEvent = Type.Object({ ...OrderView.properties, ts: SentAt });

/** Room `bot:<id>`: a fill opened or closed a trade; the same shape as an item of GET /trades. */
export const TradeExecutedEvent = Type.Object({ ...TradeView.properties, ts: SentAt });

/** Room `logs` (trader/admin only): a log line; the same shape as an item of GET /bot/logs. */
export const LogEntryEvent = LogEntry;

export const SystemAlertLevel = Type.Union([
  Type.Literal('info'),
  Type.Literal('warning'),
  Type.Literal('critical'),
]);

/**
 * Everyone (no room), or one session: an operator notice. `code` marks notices a client acts on:
 * `token_expired` (refresh, then reconnect) and `session_revoked` (log in again), each followed by a
 * server-side disconnect.
 */
export const SystemAlertEvent = Type.Object({
  ts: SentAt,
  level: SystemAlertLevel,
  message: Type.String({ minLength: 1, maxLength: 500 }),
  messageMsg: MsgField("the message as a message descriptor; absent for an admin's own text"),
  code: Type.Union([
    Type.Literal('admin'),
    Type.Literal('system'),
    Type.Literal('token_expired'),
    Type.Literal('session_revoked'),
  ]),
});

/** Room `user:<id>` of whoever started it: a backtest advanced. */
export const BacktestProgressEvent = Type.Object({
  ts: SentAt,
  backtestId: Type.Integer({ minimum: 1 }),
  status: BacktestStatus,
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'fraction done' }),
  candlesProcessed: Type.Integer({ minimum: 0 }),
  candlesTotal: Type.Integer({ minimum: 0 }),
  message: Nullable(Type.String()),
});

/** Every server → client event and its payload schema. */
export const ServerEvents = {
  'bot:status': BotStatusEvent,
  'portfolio:update': PortfolioUpdateEvent,
  'ai:decision': AiDecisionEvent,
  'market:tick': MarketTickEvent,
  'market:candle': MarketCandleEvent,
  'order:update': OrderUpdateEvent,
  'trade:executed': TradeExecutedEvent,
  'log:entry': LogEntryEvent,
  'system:alert': SystemAlertEvent,
  'backtest:progress': BacktestProgressEvent,
} as const;
export type ServerEvents = typeof ServerEvents;
export type ServerEventName = keyof ServerEvents;
export type ServerEventPayload<E extends ServerEventName> = Static<ServerEvents[E]>;

/** socket.io's typed-events map for `Socket<ServerToClientEvents>` (client) / emit (server). */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerEventPayload<E>) => void;
};

/** A channel a client may subscribe to: `market:<PAIR>`, `logs` or `bot:<id>`. */
export const SocketChannel = Type.String({
  pattern: '^(logs|market:[A-Z0-9]{2,12}/[A-Z0-9]{2,12}|bot:[A-Za-z0-9_-]{1,64})$',
  examples: ['market:SOL/USDC', 'logs', 'bot:default'],
});

/** Payload of `subscribe` and `unsubscribe`. */
export const SubscribeRequest = Type.Object(
  { channel: SocketChannel },
  { additionalProperties: false },
);
export type SubscribeRequest = Static<typeof SubscribeRequest>;

/** Acknowledgement of `subscribe` / `unsubscribe`. */
export const SubscribeAck = Type.Union([
  Type.Object({ ok: Type.Literal(true), channel: SocketChannel }),
  Type.Object({
    ok: Type.Literal(false),
    error: Type.Object({
      code: Type.String({ examples: ['VALIDATION_ERROR', 'FORBIDDEN', 'LIMIT_EXCEEDED'] }),
      message: Type.String(),
    }),
  }),
]);
export type SubscribeAck = Static<typeof SubscribeAck>;

/** socket.io's typed-events map of what a client sends. */
export interface ClientToServerEvents {
  subscribe: (payload: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (payload: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
}

/** `POST /api/v1/system/alerts` (admin): sends `system:alert` to every connected client. */
export const SystemAlertBody = Type.Object(
  { level: SystemAlertLevel, message: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type SystemAlertBody = Static<typeof SystemAlertBody>;
