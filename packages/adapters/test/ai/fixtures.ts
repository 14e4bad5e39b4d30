import { HOLD, SimulatedClock, msg, type DecisionInput } from '@numerusx/core';
import type { AiProviderOptions, DecisionAnswer } from '../../src/index.js';

/** 2024-03-01 12:00 UTC. */
export const NOON = Date.UTC(2024, 2, 1, 12);
export const DAY_MS = 86_400_000;

export function clockAtNoon(): SimulatedClock {
  return new SimulatedClock(NOON);
}

/** SOL/USDC at 100 in an uptrend, one buy signal, flat, 2,500 allowed. */
export const INPUT: DecisionInput = {
  pair: 'SOL/USDC',
  ts: NOON,
  price: 100,
  regime: { kind: 'trending-up', adx: 31.5, atrPct: 0.02, volatility: 0.011 },
  signals: [
    {
      strategyId: 'ema-cross',
      signal: {
        side: 'buy',
        confidence: 0.8,
        reason: 'fast EMA crossed above slow EMA',
        reasonMsg: msg('signal.text', { text: 'fast EMA crossed above slow EMA' }),
        stopLoss: 96,
        takeProfit: 110,
      },
    },
    { strategyId: 'rsi-reversion', signal: HOLD },
  ],
  portfolio: { equity: 10_000, cash: 10_000, positionQty: 0, averageEntry: Number.NaN },
  maxPositionUsd: 2_500,
  atr: 2,
};

/** The same market while holding 10 SOL bought at 90. */
export const HOLDING: DecisionInput = {
  ...INPUT,
  portfolio: { equity: 10_000, cash: 9_000, positionQty: 10, averageEntry: 90 },
};

/** A sane buy for INPUT. */
export const BUY: DecisionAnswer = {
  action: 'buy',
  pair: 'SOL/USDC',
  sizeUsd: 1_000,
  stopLoss: 96,
  takeProfit: 108,
  confidence: 0.7,
  reasoning: 'Uptrend with a fresh EMA cross; stop 2 ATR below.',
  steps: [
    { title: 'Trend', detail: 'ADX 31.5 with +DI above -DI.' },
    { title: 'Entry', detail: 'EMA cross confirms.' },
  ],
};

export function answer(overrides: Partial<DecisionAnswer> = {}): string {
  return JSON.stringify({ ...BUY, ...overrides });
}

/** Settings that keep every test in the tens of milliseconds. */
export const FAST: Omit<AiProviderOptions, 'model'> = {
  timeoutMs: 500,
  retries: 2,
  minBackoffMs: 1,
  maxBackoffMs: 4,
  pricing: { inputUsdPerMillion: 0.3, outputUsdPerMillion: 2.5 },
};
