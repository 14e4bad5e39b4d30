import type { DecisionAction } from '@numerusx/core';
import type { AnswerSchema, ObjectSchema } from './schema.js';

const STEP: ObjectSchema = {
  type: 'object',
  description: 'one step of your reasoning',
  properties: {
    title: { type: 'string', description: 'a short title, e.g. "Trend"' },
    detail: { type: 'string', description: 'one or two sentences' },
  },
};

/** The decision a model proposes (core's Decision, as the model writes it). */
export const DECISION_SCHEMA: AnswerSchema = {
  name: 'trade_decision',
  type: 'object',
  description: 'a spot, long-only trading decision for one pair',
  properties: {
    action: {
      type: 'string',
      enum: ['buy', 'sell', 'hold'],
      description: 'buy opens a position, sell closes the whole position, hold does nothing',
    },
    pair: { type: 'string', description: 'the pair decided on, exactly as given' },
    sizeUsd: {
      type: 'number',
      minimum: 0,
      description: 'order size in quote currency, ≥ 0, at most maxPositionUsd; 0 for a hold',
    },
    stopLoss: {
      type: 'number',
      nullable: true,
      description: 'absolute stop price, below the price for a buy; null for a sell or a hold',
    },
    takeProfit: {
      type: 'number',
      nullable: true,
      description: 'absolute target price, above the price for a buy; null for a sell or a hold',
    },
    confidence: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'how sure you are, from 0 to 1',
    },
    reasoning: { type: 'string', description: 'why, in two to four sentences' },
    steps: { type: 'array', description: 'your reasoning, step by step', items: STEP },
  },
};

export interface DecisionAnswer {
  readonly action: DecisionAction;
  readonly pair: string;
  readonly sizeUsd: number;
  readonly stopLoss: number | null;
  readonly takeProfit: number | null;
  readonly confidence: number;
  readonly reasoning: string;
  readonly steps: readonly { readonly title: string; readonly detail: string }[];
}

/** Multi-step, step 1: read the market without deciding. */
export const ANALYSIS_SCHEMA: AnswerSchema = {
  name: 'market_analysis',
  type: 'object',
  description: 'an analysis of the market for one pair, without a decision',
  properties: {
    bias: {
      type: 'string',
      enum: ['bullish', 'bearish', 'neutral'],
      description: 'the direction the evidence favours',
    },
    analysis: {
      type: 'string',
      description:
        'what the price, ATR, regime, signals and position say, in three to six sentences',
    },
  },
};

export interface AnalysisAnswer {
  readonly bias: 'bullish' | 'bearish' | 'neutral';
  readonly analysis: string;
}

/** Multi-step, step 3: look for reasons the proposal is wrong. */
export const CRITIQUE_SCHEMA: AnswerSchema = {
  name: 'decision_critique',
  type: 'object',
  description: 'a critical review of a proposed trading decision',
  properties: {
    verdict: {
      type: 'string',
      enum: ['approve', 'hold'],
      description: 'approve keeps the proposal; hold replaces it with doing nothing',
    },
    confidence: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'your confidence in the proposal after review, from 0 to 1',
    },
    critique: { type: 'string', description: 'the strongest objections and your verdict, briefly' },
  },
};

export interface CritiqueAnswer {
  readonly verdict: 'approve' | 'hold';
  readonly confidence: number;
  readonly critique: string;
}
