import type { Decision, DecisionInput } from '@numerusx/core';
import type { DecisionAnswer } from './answer-schemas.js';

export type SanityResult =
  | { readonly ok: true; readonly decision: Decision; readonly adjustments: readonly string[] }
  | { readonly ok: false; readonly issues: readonly string[] };

/**
 * The rules a schema-valid answer must also meet before it becomes a Decision. Spot, long-only:
 *
 * - `pair` must equal the input's pair exactly (an answer about another market is not this one's).
 * - buy: a positive size, stopLoss and takeProfit both set with 0 < stopLoss < price < takeProfit,
 *   and room under maxPositionUsd. A size above maxPositionUsd is CLIPPED to it (floored to cents),
 *   not rejected: the limit is a sizing hint the risk gate enforces again anyway, the direction and
 *   bracket are still the model's view, and rejecting would throw away a paid answer over a number
 *   the gate would shrink. The clip is listed in the validation's adjustments.
 * - sell: closes the whole position, so it needs one; a sell when flat is rejected (it becomes a
 *   HOLD). Its size is set to the position's value and stop/target to null.
 * - hold: size 0 and no stop or target, whatever the model wrote.
 *
 * Anything rejected here is a hold with `validation.reason = 'sanity'`.
 */
export function checkSanity(answer: DecisionAnswer, input: DecisionInput): SanityResult {
  if (answer.pair !== input.pair) {
    return { ok: false, issues: [`pair "${answer.pair}" is not the requested "${input.pair}"`] };
  }
  const base = {
    pair: input.pair,
    confidence: answer.confidence,
    reasoning: answer.reasoning,
    steps: answer.steps.map((s) => ({ title: s.title, detail: s.detail })),
  };
  switch (answer.action) {
    case 'hold':
      return {
        ok: true,
        decision: { ...base, action: 'hold', sizeUsd: 0, stopLoss: null, takeProfit: null },
        adjustments:
          answer.sizeUsd !== 0 || answer.stopLoss !== null || answer.takeProfit !== null
            ? ['hold: size, stop and target cleared']
            : [],
      };
    case 'sell':
      return checkSell(answer, input, base);
    case 'buy':
      return checkBuy(answer, input, base);
  }
}

type Base = Pick<Decision, 'pair' | 'confidence' | 'reasoning' | 'steps'>;

function checkSell(answer: DecisionAnswer, input: DecisionInput, base: Base): SanityResult {
  const qty = input.portfolio.positionQty;
  if (!(qty > 0)) {
    return {
      ok: false,
      issues: ['sell while flat: there is no position to close (spot, long-only)'],
    };
  }
  const sizeUsd = floorCents(qty * input.price);
  const adjustments: string[] = [];
  if (Math.abs(answer.sizeUsd - sizeUsd) >= 0.01) {
    adjustments.push(`sell: size ${answer.sizeUsd} set to the whole position, ${sizeUsd}`);
  }
  if (answer.stopLoss !== null || answer.takeProfit !== null) {
    adjustments.push('sell: stop and target cleared');
  }
  return {
    ok: true,
    decision: { ...base, action: 'sell', sizeUsd, stopLoss: null, takeProfit: null },
    adjustments,
  };
}

function checkBuy(answer: DecisionAnswer, input: DecisionInput, base: Base): SanityResult {
  const { price, maxPositionUsd } = input;
  const { stopLoss, takeProfit } = answer;
  const issues: string[] = [];
  if (!(answer.sizeUsd > 0)) issues.push('buy: sizeUsd must be above 0');
  if (!(maxPositionUsd > 0)) issues.push('buy: the risk limits allow no position now');
  if (stopLoss === null || takeProfit === null) {
    issues.push('buy: stopLoss and takeProfit are both required');
  } else {
    if (!(stopLoss > 0 && stopLoss < price)) {
      issues.push(`buy: stopLoss ${stopLoss} must be above 0 and below the price ${price}`);
    }
    if (!(takeProfit > price)) {
      issues.push(`buy: takeProfit ${takeProfit} must be above the price ${price}`);
    }
  }
  if (issues.length > 0 || stopLoss === null || takeProfit === null) return { ok: false, issues };

  const adjustments: string[] = [];
  let sizeUsd = answer.sizeUsd;
  if (sizeUsd > maxPositionUsd) {
    const clipped = floorCents(maxPositionUsd);
    adjustments.push(`buy: size ${sizeUsd} clipped to maxPositionUsd ${clipped}`);
    sizeUsd = clipped;
  }
  if (!(sizeUsd > 0)) return { ok: false, issues: ['buy: the clipped size is below one cent'] };
  return {
    ok: true,
    decision: { ...base, action: 'buy', sizeUsd, stopLoss, takeProfit },
    adjustments,
  };
}

/** Down to whole cents; the 1e-9 absorbs float noise such as 0.29 × 100 = 28.999…96. */
function floorCents(x: number): number {
  return Number.isFinite(x) && x > 0 ? Math.floor(x * 100 + 1e-9) / 100 : 0;
}
