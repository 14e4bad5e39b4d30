import type { DecisionInput } from '@numerusx/core';
import {
  ANALYSIS_SCHEMA,
  CRITIQUE_SCHEMA,
  DECISION_SCHEMA,
  type AnalysisAnswer,
  type DecisionAnswer,
} from './answer-schemas.js';
import { SYSTEM_TEXT, answerFormat, marketContext, type Prompt } from './prompt.js';

/**
 * The three prompts of multi-step mode. Splitting the work lets each call do one thing: the analysis
 * is written before any action is on the table (so it is not a justification of one), and the
 * critique reads the proposal as an outsider whose only power is to downgrade it to a hold.
 */
export function analysePrompt(input: DecisionInput): Prompt {
  return {
    system: SYSTEM_TEXT,
    user:
      `${marketContext(input)}\n\n` +
      'Step 1 of 3: analyse only. Do not propose a trade yet; say what the evidence shows and ' +
      `where it conflicts. ${answerFormat(ANALYSIS_SCHEMA)}`,
  };
}

export function proposePrompt(input: DecisionInput, analysis: AnalysisAnswer): Prompt {
  return {
    system: SYSTEM_TEXT,
    user:
      `${marketContext(input)}\n\n` +
      `Analysis from step 1 (bias ${analysis.bias}):\n${analysis.analysis}\n\n` +
      `Step 2 of 3: propose one decision based on this analysis. ${answerFormat(DECISION_SCHEMA)}`,
  };
}

export function critiquePrompt(input: DecisionInput, proposal: DecisionAnswer): Prompt {
  return {
    system: SYSTEM_TEXT,
    user:
      `${marketContext(input)}\n\n` +
      `Proposed decision from step 2:\n${JSON.stringify(proposal, null, 2)}\n\n` +
      'Step 3 of 3: review this proposal critically. Look for what it ignores: conflicting ' +
      'signals, the regime, the stop distance against the ATR, the size against the limits, ' +
      'the open position. Answer "hold" if the objections outweigh the case for acting, ' +
      `otherwise "approve". ${answerFormat(CRITIQUE_SCHEMA)}`,
  };
}
