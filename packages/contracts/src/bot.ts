/** The bot: status, start/stop, trading configuration and logs (DESIGN §3). */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from './common.js';
import { Pair, TimeframeLabel } from './market.js';
import { MsgField } from './messages.js';
import { Nullable } from './nullable.js';
import { NO_CONTROL, ParamSpecView, ParamValues, StrategyId } from './strategies.js';

export const BotState = Type.Union(
  [
    Type.Literal('stopped'),
    Type.Literal('starting'),
    Type.Literal('running'),
    Type.Literal('stopping'),
    Type.Literal('emergency-stopped'),
    Type.Literal('error'),
  ],
  {
    description:
      'emergency-stopped: halted until re-armed (POST /bot/rearm); error: the loop stopped on an error (see message)',
  },
);

export const BotStatus = Type.Object({
  botId: Type.String(),
  state: BotState,
  since: Nullable(Timestamp, {
    description: 'when the bot entered this state (the server start while it has never run)',
  }),
  mode: Type.Union([Type.Literal('paper'), Type.Literal('live')]),
  provider: Type.String({ description: 'configured AI decision provider (NUMERUSX_AI_PROVIDER)' }),
  runtimeAvailable: Type.Boolean({
    description: 'whether this build can run the trading loop in this mode',
  }),
  message: Type.String({ description: 'what the state means, for a person' }),
  messageMsg: MsgField('the message as a message descriptor, for translation'),
  configVersion: Type.Integer({ minimum: 0, description: '0 = the defaults, never saved' }),
  strategy: Type.String(),
  pairs: Type.Array(Type.String()),
  lastDecisionAt: Nullable(Timestamp),
  lastTradeAt: Nullable(Timestamp),
  openPositions: Type.Integer({ minimum: 0, description: 'positions with a non-zero quantity' }),
  activeProvider: Type.String({
    description: 'who decides now: the configured provider, or rules while its budget is spent',
  }),
  instance: Nullable(Type.String(), { description: 'the instance running the bot (lease holder)' }),
  cycles: Type.Integer({ minimum: 0, description: 'candles processed by this run' }),
  marketTime: Nullable(Timestamp, {
    description: "the feed's clock: simulated time in a replay, wall time live",
  }),
  feed: Nullable(
    Type.Object({
      source: Type.String(),
      label: Type.String({ description: 'the market and where its data comes from' }),
      labelMsg: MsgField('the label as a message descriptor, for translation'),
      state: Type.String(),
      progress: Nullable(Type.Number({ description: 'replay: fraction of its data replayed' })),
    }),
  ),
});
export type BotStatus = Static<typeof BotStatus>;

const Reason = Type.Optional(
  Type.String({ maxLength: 500, pattern: NO_CONTROL, description: 'kept in the audit' }),
);

/** Optional body of start / stop / rearm; no body at all is fine too. */
export const BotActionBody = Type.Union([
  Type.Object(
    {
      reason: Reason,
      confirmLive: Type.Optional(
        Type.Boolean({
          description:
            'start in live mode (admin only): true confirms that the bot trades real funds from the wallet',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

/** Optional body of emergency-stop. */
export const EmergencyStopBody = Type.Union([
  Type.Object(
    {
      reason: Reason,
      closePositions: Type.Optional(
        Type.Boolean({
          default: false,
          description: 'also sell every position at its last price (default: keep them)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
export type EmergencyStopBody = Static<typeof EmergencyStopBody>;
export type BotActionBody = Static<typeof BotActionBody>;

/** What PUT /bot/config accepts: omitted params and risk values take their defaults. */
export const TradingConfigInput = Type.Object(
  {
    strategy: Type.Object(
      { id: StrategyId, params: Type.Optional(ParamValues) },
      { additionalProperties: false },
    ),
    risk: Type.Optional(ParamValues),
    pairs: Type.Array(Pair, { minItems: 1, maxItems: 20, uniqueItems: true }),
    timeframe: Type.Optional(TimeframeLabel),
  },
  { additionalProperties: false },
);
export type TradingConfigInput = Static<typeof TradingConfigInput>;

/** A complete trading configuration, every parameter resolved (as stored). */
export const TradingConfig = Type.Object({
  strategy: Type.Object({ id: Type.String(), params: ParamValues }),
  risk: ParamValues,
  pairs: Type.Array(Type.String()),
  timeframe: Type.String(),
});
export type TradingConfig = Static<typeof TradingConfig>;

export const BotConfigView = Type.Object({
  botId: Type.String(),
  version: Type.Integer({ minimum: 0, description: '0 = built-in defaults, never saved' }),
  isDefault: Type.Boolean(),
  createdAt: Nullable(Timestamp),
  createdBy: Nullable(Type.Integer()),
  config: TradingConfig,
  riskParams: Type.Array(ParamSpecView, { description: 'the risk parameters, for forms' }),
});
export type BotConfigView = Static<typeof BotConfigView>;

export const LogLevel = Type.Union([
  Type.Literal('debug'),
  Type.Literal('info'),
  Type.Literal('warn'),
  Type.Literal('error'),
]);

export const BotLogsQuery = Type.Object(
  {
    ...PageQuery,
    level: Type.Optional(LogLevel),
    source: Type.Optional(Type.String({ pattern: '^[a-z0-9_.:-]{1,64}$', examples: ['backtest'] })),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type BotLogsQuery = Static<typeof BotLogsQuery>;

export const LogEntry = Type.Object({
  id: Type.Integer(),
  ts: Timestamp,
  level: LogLevel,
  source: Type.String(),
  message: Type.String(),
  messageMsg: MsgField('the message as a message descriptor; null for lines without one'),
  botId: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type LogEntry = Static<typeof LogEntry>;

export const LogsPage = Page(LogEntry, 'Log entries, newest first');
export type LogsPage = Static<typeof LogsPage>;
