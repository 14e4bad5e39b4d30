import type { Candle } from '../candles/types.js';
import type { Decision } from '../decisions/types.js';
import type { FillModel } from '../fills/fill-model.js';
import type { Ledger } from '../ledger/ledger.js';
import type { RiskInput } from './risk-gate.js';

/**
 * The risk gate's input for a decision taken at `candle`'s close, read from the books the engine
 * keeps: the backtest, the running bot and a manual order are gated on exactly the same facts.
 */
export function riskInputOf(
  decision: Decision,
  books: { readonly ledger: Ledger; readonly fillModel: FillModel },
  candle: Candle,
  atr: number,
  now: number,
): RiskInput {
  return {
    decision,
    portfolio: books.ledger.snapshot(),
    closedTrades: books.ledger.closedTrades(),
    price: candle.close,
    atr,
    now,
    expectedSlippageBps: (sizeUsd) => books.fillModel.estimateSlippageBps(sizeUsd, candle),
  };
}
