import type { Msg } from '../messages/msg.js';
import type { Regime } from '../regime/types.js';
import type { Signal } from '../strategies/types.js';

export type DecisionAction = 'buy' | 'sell' | 'hold';

/**
 * One step of a provider's reasoning, drawn as a timeline in the AI decisions hub. The messages are
 * the texts as data, for the dashboard to render in its language; `title` and `detail` are their
 * English. A model provider writes free text and has no messages.
 */
export interface DecisionStep {
  readonly title: string;
  readonly detail: string;
  readonly titleMsg?: Msg;
  readonly detailMsg?: Msg;
}

/**
 * The AI layer's proposal (DESIGN §2). Only a proposal: the risk gate may shrink or veto it and only
 * the order manager acts. `sizeUsd` is in the quote currency; stop and target are absolute prices,
 * null for a hold.
 */
export interface Decision {
  readonly action: DecisionAction;
  readonly pair: string;
  readonly sizeUsd: number;
  readonly stopLoss: number | null;
  readonly takeProfit: number | null;
  readonly confidence: number;
  readonly reasoning: string;
  /** `reasoning` as a message (the offline rules provider); absent for a model's free text. */
  readonly reasoningMsg?: Msg;
  readonly steps: readonly DecisionStep[];
}

/** Everything a provider is given to decide on one pair at one closed candle. */
export interface DecisionInput {
  readonly pair: string;
  readonly ts: number;
  readonly price: number;
  readonly regime: Regime;
  readonly signals: readonly { readonly strategyId: string; readonly signal: Signal }[];
  readonly portfolio: {
    readonly equity: number;
    readonly cash: number;
    /** Base quantity held in this pair and its average entry price (0, NaN when flat). */
    readonly positionQty: number;
    readonly averageEntry: number;
  };
  /** The largest position the risk rules allow now, in quote currency (a hint for sizing). */
  readonly maxPositionUsd: number;
  /** ATR of the pair (for stop distances), NaN during warm-up. */
  readonly atr: number;
}

/**
 * The port every AI provider plugs into: offline rules here, Gemini and OpenAI-compatible models in
 * the adapters. Synchronous providers return a Decision so a backtest loop pays no promise per candle.
 */
export interface DecisionProvider {
  readonly id: string;
  /**
   * True when decide() always holds while every signal is a hold (the offline rules provider: no
   * signal, nothing to weigh). The backtest then does not ask on such candles, which are almost all
   * of them: the answer is known, and a hold changes nothing, so the input (several objects) is not
   * built. A model that may act on the portfolio or the regime alone leaves it unset and is asked
   * on every candle.
   */
  readonly holdsWithoutSignal?: boolean;
  decide(input: DecisionInput): Decision | Promise<Decision>;
}
