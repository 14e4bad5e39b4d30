import type { Decision, DecisionStep } from '@numerusx/core';

/**
 * The decision every failure becomes: do nothing. A hold changes no position, so it is the one
 * answer that is always safe when the model could not be asked, did not answer or answered nonsense.
 * `why` is shown in the dashboard; `steps` keeps whatever reasoning came before the failure.
 */
export function holdDecision(
  pair: string,
  why: string,
  steps: readonly DecisionStep[] = [],
): Decision {
  return {
    action: 'hold',
    pair,
    sizeUsd: 0,
    stopLoss: null,
    takeProfit: null,
    confidence: 0,
    reasoning: `Holding: ${why}`,
    steps: [...steps, { title: 'Hold', detail: why }],
  };
}
