/**
 * How one decision is stored (DESIGN §2: inputs, prompt, raw answer, provider, tokens, cost,
 * latency, validation, later the verdict and outcome) and how its stored row is announced.
 */
import type { Insertable } from 'kysely';
import {
  english,
  msg,
  type DecisionInput,
  type Decision,
  type Msg,
  type RiskVerdict,
} from '@numerusx/core';
import type { DecisionTrace } from '@numerusx/adapters';
import type { AiDecisionsTable } from '../db/schema.js';
import { msgColumn } from '../db/stored-msg.js';

const OFFLINE_RULES = msg('runtime.decision.offlineRules');

/** A provider's answer with its trace when it has one (model providers), or none (rules). */
export interface Answer {
  readonly decision: Decision;
  readonly trace: DecisionTrace | undefined;
  readonly provider: string;
  readonly model: string | null;
  /** Measured around the call for providers without a trace. */
  readonly latencyMs: number;
}

export function decisionRow(
  botId: string,
  input: DecisionInput,
  answer: Answer,
  context: { readonly strategyId: string; readonly timeframe: string },
): Insertable<AiDecisionsTable> {
  const { decision, trace } = answer;
  return {
    bot_id: botId,
    ts: input.ts,
    pair: input.pair,
    action: decision.action,
    size_usd: decision.sizeUsd,
    stop_loss: decision.stopLoss,
    take_profit: decision.takeProfit,
    confidence: decision.confidence,
    reasoning: decision.reasoning,
    // A model's reasoning is free text (no message); the steps, signals and risk reasons carry
    // their messages inside their JSON documents.
    reasoning_msg: msgColumn(decision.reasoningMsg),
    steps: JSON.stringify(decision.steps),
    inputs: JSON.stringify({
      price: input.price,
      regime: input.regime,
      signals: input.signals,
      portfolio: input.portfolio,
      maxPositionUsd: input.maxPositionUsd,
      atr: Number.isFinite(input.atr) ? input.atr : null,
      strategy: context.strategyId,
      timeframe: context.timeframe,
    }),
    prompt: trace?.prompt ?? null,
    raw_response: trace?.rawResponse ?? null,
    provider: answer.provider,
    model: answer.model,
    regime: input.regime.kind,
    tokens_in: trace?.tokensIn ?? null,
    tokens_out: trace?.tokensOut ?? null,
    cost_usd: trace?.costUsd ?? null,
    latency_ms: trace?.latencyMs ?? answer.latencyMs,
    validation: JSON.stringify(
      trace === undefined
        ? { ok: true, reason: english(OFFLINE_RULES), reasonMsg: OFFLINE_RULES }
        : {
            ...trace.validation,
            attempts: trace.attempts,
            ...(trace.fallback === undefined ? {} : { fallback: trace.fallback }),
            ...(trace.error === undefined ? {} : { error: trace.error }),
          },
    ),
    // A hold needs no gate and places nothing: it is final as stored.
    status: decision.action === 'hold' ? 'HOLD' : 'PENDING',
    risk_verdict: null,
    order_id: null,
    outcome: null,
  };
}

export function verdictJson(
  verdict: RiskVerdict,
  extra?: { rule: string; message: string; messageMsg: Msg },
): string {
  return JSON.stringify({
    verdict: extra === undefined ? verdict.verdict : 'veto',
    sizeUsd: extra === undefined ? verdict.sizeUsd : 0,
    reasons: extra === undefined ? verdict.reasons : [...verdict.reasons, extra],
  });
}
