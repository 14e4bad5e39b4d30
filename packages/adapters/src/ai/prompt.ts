import type { DecisionInput, RegimeKind } from '@numerusx/core';
import { DECISION_SCHEMA } from './answer-schemas.js';
import { describeSchema, type AnswerSchema } from './schema.js';

/** A prompt as sent: the system text (role and rules) and the user text (this candle's facts). */
export interface Prompt {
  readonly system: string;
  readonly user: string;
}

export const SYSTEM_TEXT = [
  'You are the decision layer of NumerusX, a spot, long-only trading bot for Solana DEX markets.',
  'You propose one action for one pair; hard risk rules then shrink or veto it, so never argue',
  'with the limits you are given. Prefer hold when the evidence is weak or conflicting: a missed',
  'trade costs nothing, a bad one costs money. Answer with a single JSON object and nothing else.',
].join(' ');

/**
 * How to read each regime. The regime detector's class changes which signals deserve trust: trend
 * signals lie in a range, mean-reversion signals lie in a trend, and a volatile market makes every
 * stop too tight. The same guidance steers the rules provider's weights (core's DEFAULT_WEIGHTS).
 */
const GUIDANCE: Readonly<Record<RegimeKind, string>> = {
  'trending-up':
    'An uptrend (ADX at or above the trend line, +DI over -DI). Trend and momentum signals deserve ' +
    'the most weight; pullbacks can be entries. Put the stop beyond normal noise (about 2 ATR) and ' +
    'let the target run to at least twice the stop distance. Mean-reversion sell signals are weak here.',
  'trending-down':
    'A downtrend. Spot, long-only: do not fight it. Prefer hold when flat and consider closing an ' +
    'open position; a counter-trend buy needs several agreeing signals, a tight stop and a modest size.',
  ranging:
    'A range (no trend by ADX). Mean-reversion signals deserve the most weight and breakouts often ' +
    'fail. Buy near support with the target inside the range, keep the size modest, and treat ' +
    'trend-following buy signals with suspicion.',
  volatile:
    'Volatile: candles range far more than their recent normal. Prefer hold. If you buy, use a ' +
    'smaller size, a wider stop (2.5 ATR or more) and a lower confidence; closing a losing position ' +
    'early is acceptable.',
  unknown:
    'The regime is not classified yet (indicators warming up). Be conservative: hold unless the ' +
    'signals agree strongly.',
};

export function regimeGuidance(kind: RegimeKind): string {
  return GUIDANCE[kind];
}

/** The facts of one decision: market, indicators, regime, signals, portfolio and limits. */
export function marketContext(input: DecisionInput): string {
  const { regime, portfolio } = input;
  const atr =
    input.atr > 0
      ? `${num(input.atr)} (${pct(input.atr / input.price)} of price)`
      : 'not available yet (warm-up)';
  const signals =
    input.signals.length === 0
      ? ['- none']
      : input.signals.map(({ strategyId, signal: s }) => {
          const hints = [
            s.stopLoss === undefined ? null : `suggested stop ${num(s.stopLoss)}`,
            s.takeProfit === undefined ? null : `suggested target ${num(s.takeProfit)}`,
          ].filter((h) => h !== null);
          const extra = hints.length > 0 ? ` (${hints.join(', ')})` : '';
          return `- ${strategyId}: ${s.side.toUpperCase()}, confidence ${num(s.confidence, 3)}: ${s.reason}${extra}`;
        });
  return [
    `Pair: ${input.pair}`,
    `Time (UTC): ${isoTime(input.ts)}`,
    `Price: ${num(input.price)}`,
    `ATR: ${atr}`,
    `Regime: ${regime.kind} (ADX ${num(regime.adx, 3)}, ATR% ${pct(regime.atrPct)}, ` +
      `volatility per candle ${pct(regime.volatility)})`,
    `Guidance for this regime: ${regimeGuidance(regime.kind)}`,
    '',
    'Strategy signals:',
    ...signals,
    '',
    'Portfolio:',
    `- equity ${usd(portfolio.equity)}, cash ${usd(portfolio.cash)}`,
    `- position in ${input.pair}: ${position(input)}`,
    '',
    'Risk limits and rules:',
    `- maxPositionUsd: ${usd(input.maxPositionUsd)} (the largest buy allowed now)`,
    '- spot, long-only: buy opens a position, sell closes the whole position, nothing is shorted',
    '- a buy needs 0 < stopLoss < price < takeProfit; a sell when flat is meaningless',
  ].join('\n');
}

/** The single-call prompt: context, then the answer's shape. */
export function decisionPrompt(input: DecisionInput): Prompt {
  return {
    system: SYSTEM_TEXT,
    user: `${marketContext(input)}\n\nDecide now. ${answerFormat(DECISION_SCHEMA)}`,
  };
}

/** Described in the prompt as well as sent as a schema, so the json_object fallback still works. */
export function answerFormat(schema: AnswerSchema): string {
  return `Answer with one JSON object with exactly these fields:\n${describeSchema(schema)}`;
}

/** The prompt as one text, for the trace: what was sent, with each part labelled. */
export function promptText(p: Prompt): string {
  return `[system]\n${p.system}\n\n[user]\n${p.user}`;
}

function position(input: DecisionInput): string {
  const { positionQty: qty, averageEntry: entry } = input.portfolio;
  if (!(qty > 0)) return 'flat';
  const value = qty * input.price;
  const pnl = entry > 0 ? `, unrealised ${signedPct(input.price / entry - 1)}` : '';
  return `${num(qty)} held at average ${num(entry)} (value ${usd(value)}${pnl})`;
}

/** Significant digits rather than fixed decimals: prices run from 60,000 (BTC) to 0.00001 (memes). */
export function num(x: number, digits = 8): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : 'n/a';
}

function usd(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

function pct(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(2)} %` : 'n/a';
}

function signedPct(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${pct(fraction)}`;
}

function isoTime(ts: number): string {
  // Date's own range; beyond it toISOString() would throw, and decide() must not.
  return Math.abs(ts) <= 8.64e15 ? new Date(ts).toISOString() : 'unknown';
}
