import type { Decision, DecisionInput, DecisionStep } from '@numerusx/core';
import {
  ANALYSIS_SCHEMA,
  CRITIQUE_SCHEMA,
  DECISION_SCHEMA,
  type AnalysisAnswer,
  type CritiqueAnswer,
  type DecisionAnswer,
} from './answer-schemas.js';
import { holdDecision } from './hold.js';
import type { ModelSession, StepFailure } from './model-session.js';
import { analysePrompt, critiquePrompt, proposePrompt } from './multi-step-prompts.js';
import { decisionPrompt } from './prompt.js';
import { checkSanity } from './sanity.js';
import type { FallbackReason, Validation } from './types.js';

/** A decision with what the trace needs to say about it. */
export interface Outcome {
  readonly decision: Decision;
  readonly validation: Validation;
  readonly fallback?: FallbackReason;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Single mode: one call; the model's own steps become the decision's steps. */
export async function decideInOneStep(
  session: ModelSession,
  input: DecisionInput,
): Promise<Outcome> {
  const answer = await session.ask<DecisionAnswer>(
    'decide',
    decisionPrompt(input),
    DECISION_SCHEMA,
  );
  if (!answer.ok) return held(input, answer, []);
  const sane = checkSanity(answer.value, input);
  if (!sane.ok) return insane(input, sane.issues, []);
  return { decision: sane.decision, validation: { ok: true, adjustments: sane.adjustments } };
}

/**
 * Multi-step mode: analyse → propose → critique, one call each, the three becoming the decision's
 * steps. The critique can only make the decision more cautious: "hold" downgrades it, and an
 * "approve" lowers its confidence to the critic's when that is lower. Two shortcuts save money: a
 * proposal that is already a hold (or fails the sanity rules) is not critiqued. A critique that
 * fails (timeout, invalid answer, budget) leaves the proposal unreviewed, so it holds: multi-step
 * mode exists to act only on reviewed proposals.
 */
export async function decideInThreeSteps(
  session: ModelSession,
  input: DecisionInput,
): Promise<Outcome> {
  const analysis = await session.ask<AnalysisAnswer>(
    'analyse',
    analysePrompt(input),
    ANALYSIS_SCHEMA,
  );
  if (!analysis.ok) return held(input, analysis, []);
  const analysed: DecisionStep = {
    title: `Analyse: ${analysis.value.bias}`,
    detail: analysis.value.analysis,
  };

  const proposal = await session.ask<DecisionAnswer>(
    'propose',
    proposePrompt(input, analysis.value),
    DECISION_SCHEMA,
  );
  if (!proposal.ok) return held(input, proposal, [analysed]);
  const sane = checkSanity(proposal.value, input);
  if (!sane.ok) return insane(input, sane.issues, [analysed]);
  const proposed: DecisionStep = {
    title: `Propose: ${sane.decision.action}`,
    detail: sane.decision.reasoning,
  };
  if (sane.decision.action === 'hold') {
    return {
      decision: { ...sane.decision, steps: [analysed, proposed] },
      validation: { ok: true, adjustments: sane.adjustments },
    };
  }

  const critique = await session.ask<CritiqueAnswer>(
    'critique',
    critiquePrompt(input, proposal.value),
    CRITIQUE_SCHEMA,
  );
  if (!critique.ok) return held(input, critique, [analysed, proposed]);
  const { verdict, critique: text, confidence } = critique.value;
  const steps = [analysed, proposed, { title: `Critique: ${verdict}`, detail: text }];
  if (verdict === 'hold') {
    return {
      decision: {
        ...holdDecision(input.pair, `the self-critique rejected the ${sane.decision.action}`),
        reasoning: `Self-critique downgraded the proposed ${sane.decision.action} to hold: ${text}`,
        steps,
      },
      validation: {
        ok: true,
        adjustments: [...sane.adjustments, `critique: ${sane.decision.action} downgraded to hold`],
      },
    };
  }
  const adjustments = [...sane.adjustments];
  let finalConfidence = sane.decision.confidence;
  if (confidence < finalConfidence) {
    adjustments.push(`critique: confidence lowered from ${finalConfidence} to ${confidence}`);
    finalConfidence = confidence;
  }
  return {
    decision: { ...sane.decision, confidence: finalConfidence, steps },
    validation: { ok: true, adjustments },
  };
}

function held(input: DecisionInput, f: StepFailure, steps: readonly DecisionStep[]): Outcome {
  const base = {
    decision: holdDecision(input.pair, f.why, steps),
    validation: f.validation,
    fallback: f.fallback,
  };
  return f.error === undefined ? base : { ...base, error: f.error };
}

function insane(
  input: DecisionInput,
  issues: readonly string[],
  steps: readonly DecisionStep[],
): Outcome {
  return {
    decision: holdDecision(
      input.pair,
      `the model's proposal broke the sanity rules: ${issues.join('; ')}`,
      steps,
    ),
    validation: { ok: false, reason: 'sanity', issues },
    fallback: 'invalid-answer',
  };
}
