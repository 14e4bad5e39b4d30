import type { Candle } from '../candles/types.js';
import { english, msg } from '../messages/en.js';
import type { Msg } from '../messages/msg.js';
import type { Regime } from '../regime/types.js';

/**
 * One parameter of a strategy (or of the risk gate): the single description that validates CLI
 * `--param k=v`, drives the optimiser's search space and generates the dashboard's forms.
 */
export type ParamSpec =
  | {
      readonly type: 'integer' | 'number';
      readonly min: number;
      readonly max: number;
      readonly default: number;
      readonly description: string;
      /** Step for optimisation grids and form spinners. */
      readonly step?: number;
    }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | {
      readonly type: 'enum';
      readonly options: readonly string[];
      readonly default: string;
      readonly description: string;
    };

export type ParamSchema = Readonly<Record<string, ParamSpec>>;
export type ParamValues = Readonly<Record<string, number | boolean | string>>;

export type SignalSide = 'buy' | 'sell' | 'hold';

/**
 * What a strategy thinks after a candle closed. Spot and long-only: `buy` opens or adds to a long,
 * `sell` closes it. Stop and target are absolute prices (optional suggestions the decision provider
 * may use); confidence is 0..1.
 */
export interface Signal {
  readonly side: SignalSide;
  readonly confidence: number;
  /** `english(reasonMsg)`: what logs, the CLI and stored records show. */
  readonly reason: string;
  /** The reason as a message, so the dashboard can say it in the reader's language. */
  readonly reasonMsg: Msg;
  readonly stopLoss?: number;
  readonly takeProfit?: number;
}

const HOLD_REASON: Msg = Object.freeze(msg('signal.hold'));

/**
 * The shared "nothing to do" signal; strategies return it instead of allocating one per candle. Its
 * message is frozen and rendered once here, so the HOLD path costs nothing for being translatable.
 */
export const HOLD: Signal = Object.freeze({
  side: 'hold',
  confidence: 0,
  reason: english(HOLD_REASON),
  reasonMsg: HOLD_REASON,
});

/**
 * What a strategy may see when a candle closes: that candle, its own earlier view (it keeps its
 * streaming indicators itself), the regime, and whether it holds a position. Nothing after `now`
 * exists here, so a strategy cannot look ahead.
 */
export interface StrategyContext {
  readonly pair: string;
  /** The candle that just closed (open time `ts`). */
  readonly candle: Candle;
  /** Number of candles this strategy has seen, this one included. */
  readonly seen: number;
  readonly regime: Regime;
  /** Base quantity held in this pair (0 when flat). */
  readonly positionQty: number;
}

/** A configured strategy running over one pair; stateful (its streaming indicators). */
export interface StrategyInstance {
  /** Candles needed before its signals mean anything (longest indicator warm-up). */
  readonly warmup: number;
  evaluate(ctx: StrategyContext): Signal;
}

/** A strategy's family; the rules provider weighs families differently in each regime. */
export type StrategyStyle = 'momentum' | 'mean-reversion' | 'trend' | 'breakout';

export interface StrategyDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly style: StrategyStyle;
  readonly params: ParamSchema;
  /** `params` are already validated and complete (defaults filled in). */
  create(params: ParamValues): StrategyInstance;
}
