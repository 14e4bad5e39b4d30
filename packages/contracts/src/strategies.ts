/**
 * Strategies and parameter schemas (GET /strategies, the risk section of GET /bot/config). The
 * parameter specs come from the core's registry at run time; these schemas only describe their shape.
 */
import { Type, type Static } from '@sinclair/typebox';

/** A strategy id from GET /strategies; the server checks it against the registry. */
export const StrategyId = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,39}$',
  description: 'id of a strategy listed by GET /strategies',
  examples: ['momentum'],
});

/** Free text without control characters (PostgreSQL refuses NUL in text; nobody types them). */
export const NO_CONTROL = '^[^\\u0000-\\u001f]*$';

/** A parameter value: numbers, booleans and enum options (strings). */
export const ParamValue = Type.Union([
  Type.Number(),
  Type.Boolean(),
  Type.String({ maxLength: 64, pattern: NO_CONTROL }),
]);

/**
 * Raw parameter values by name. The server validates them against the strategy's (or the risk
 * gate's) schema: unknown names and out-of-range values are refused, missing ones take the default.
 */
export const ParamValues = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' }),
  ParamValue,
  {
    additionalProperties: false,
    maxProperties: 50,
    description: 'parameter name → value; see the params of GET /strategies',
    examples: [{ rsiPeriod: 14 }],
  },
);
export type ParamValues = Static<typeof ParamValues>;

/** One parameter as forms and the optimiser see it. */
export const ParamSpecView = Type.Object({
  name: Type.String(),
  type: Type.Union([
    Type.Literal('integer'),
    Type.Literal('number'),
    Type.Literal('boolean'),
    Type.Literal('enum'),
  ]),
  default: ParamValue,
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  step: Type.Optional(Type.Number({ description: 'step for forms and optimisation grids' })),
  options: Type.Optional(Type.Array(Type.String(), { description: 'allowed values of an enum' })),
  description: Type.String(),
});
export type ParamSpecView = Static<typeof ParamSpecView>;

export const StrategyView = Type.Object({
  id: Type.String({ examples: ['momentum'] }),
  name: Type.String(),
  description: Type.String(),
  style: Type.String({ description: 'family: momentum, mean-reversion, trend or breakout' }),
  params: Type.Array(ParamSpecView),
});
export type StrategyView = Static<typeof StrategyView>;

export const StrategiesResponse = Type.Object(
  { items: Type.Array(StrategyView) },
  { description: 'The built-in strategies, in a stable order' },
);
export type StrategiesResponse = Static<typeof StrategiesResponse>;
