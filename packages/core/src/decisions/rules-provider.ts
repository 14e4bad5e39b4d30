import { ValidationError } from '../errors.js';
import { english, msg } from '../messages/en.js';
import type { Msg } from '../messages/msg.js';
import { strategyStyle } from '../strategies/registry.js';
import type { Signal, StrategyStyle } from '../strategies/types.js';
import { explain, SIGNALS } from './rules-explain.js';
import type { Level, Outcome, Tally, Vote } from './rules-explain.js';
import { DEFAULT_WEIGHTS, weightOf } from './rules-weights.js';
import type { StyleWeights } from './rules-weights.js';
import type { Decision, DecisionInput, DecisionProvider, DecisionStep } from './types.js';

export interface RulesProviderOptions {
  /** Net weighted confidence a buy needs, default 0.5 (0 < x ≤ 1). */
  readonly threshold?: number;
  /** Net weighted confidence a sell needs, default 0.25: leaving takes less conviction. */
  readonly exitThreshold?: number;
  /** Weight of each style in each regime, default DEFAULT_WEIGHTS. */
  readonly weights?: StyleWeights;
  /** Style of a strategy id, default the registry's; undefined weighs 1. */
  readonly styleOf?: (strategyId: string) => StrategyStyle | undefined;
  /** Default stop and target distances in ATRs when the strongest signal suggests none (2, 3). */
  readonly stopAtr?: number;
  readonly targetAtr?: number;
  /**
   * Write each decision's reasoning and steps (default true). False leaves them empty, for a caller
   * that only acts on and counts decisions and never shows them (the backtest's own provider): the
   * text is most of what an active decision costs, and every other field is the same either way.
   */
  readonly explain?: boolean;
}

/** The steps of a provider created with `explain: false`, which writes no text (nor message). */
const NO_STEPS: readonly DecisionStep[] = Object.freeze([]);

const IDLE_REASONING = Object.freeze(msg('decision.idle.reasoning'));
const IDLE_SIGNALS = Object.freeze(msg('decision.idle.signals'));

/**
 * The offline decision provider (`NUMERUSX_AI_PROVIDER=rules`, and every backtest by default): a
 * regime-weighted vote of the strategies' signals, synchronous and deterministic (same input, same
 * Decision, no clock, no randomness).
 *
 * 1. Each non-hold signal scores weight(style, regime) × confidence (see DEFAULT_WEIGHTS).
 * 2. Buy and sell scores are summed; the larger side wins by the difference (opposite votes cancel),
 *    capped at 1: that net is the decision's confidence.
 * 3. Spot, long-only: a buy only when flat and net ≥ threshold, sized confidence × maxPositionUsd
 *    (floored to cents); a sell only when holding and net ≥ exitThreshold, for the whole position.
 *    Anything else holds, and the reasoning says which rule held it back.
 * 4. A buy's stop and target come from the strongest buy signal when it suggests valid ones (stop
 *    below the price, target above), else price ∓ stopAtr / targetAtr × ATR, else null.
 *
 * When no strategy signals anything, which is almost every candle of a backtest, it returns one
 * frozen hold Decision per pair, built once, so the hot loop pays no string building.
 */
export function createRulesProvider(opts: RulesProviderOptions = {}): DecisionProvider {
  const threshold = checkFraction('threshold', opts.threshold ?? 0.5);
  const exitThreshold = checkFraction('exitThreshold', opts.exitThreshold ?? 0.25);
  const stopAtr = checkPositive('stopAtr', opts.stopAtr ?? 2);
  const targetAtr = checkPositive('targetAtr', opts.targetAtr ?? 3);
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const styleOf = opts.styleOf ?? strategyStyle;
  const explained = opts.explain ?? true;
  const idle = new Map<string, Decision>();

  function idleDecision(pair: string): Decision {
    let d = idle.get(pair);
    if (d === undefined) {
      d = deepFreeze({
        action: 'hold',
        pair,
        sizeUsd: 0,
        stopLoss: null,
        takeProfit: null,
        confidence: 0,
        reasoning: english(IDLE_REASONING),
        reasoningMsg: IDLE_REASONING,
        steps: [
          {
            title: SIGNALS.text,
            detail: english(IDLE_SIGNALS),
            titleMsg: SIGNALS.msg,
            detailMsg: IDLE_SIGNALS,
          },
        ],
      });
      idle.set(pair, d);
    }
    return d;
  }

  function tally(input: DecisionInput): Tally {
    const votes: Vote[] = [];
    let buyScore = 0;
    let sellScore = 0;
    let strongestBuy: Vote | undefined;
    let strongestSell: Vote | undefined;
    for (const { strategyId, signal } of input.signals) {
      if (signal.side !== 'buy' && signal.side !== 'sell') continue;
      const style = styleOf(strategyId);
      const weight = weightOf(weights, input.regime.kind, style);
      const confidence = sanitize(signal.confidence);
      const vote: Vote = {
        strategyId,
        style,
        weight,
        confidence,
        score: weight * confidence,
        signal,
      };
      votes.push(vote);
      if (signal.side === 'buy') {
        buyScore += vote.score;
        if (strongestBuy === undefined || vote.score > strongestBuy.score) strongestBuy = vote;
      } else {
        sellScore += vote.score;
        if (strongestSell === undefined || vote.score > strongestSell.score) strongestSell = vote;
      }
    }
    const side = buyScore > sellScore ? 'buy' : sellScore > buyScore ? 'sell' : null;
    const net = round4(Math.min(1, Math.abs(buyScore - sellScore)));
    const strongest = side === 'buy' ? strongestBuy : side === 'sell' ? strongestSell : undefined;
    return { votes, buyScore, sellScore, side, net, strongest };
  }

  function outcome(input: DecisionInput, t: Tally): Outcome {
    const qty = input.portfolio.positionQty;
    if (t.votes.length === 0) return WHY_NO_USABLE_SIGNAL;
    if (t.side === null) return WHY_CANCEL;
    if (t.side === 'buy') {
      if (qty > 0) return WHY_ALREADY_HELD;
      if (t.net < threshold) {
        return {
          action: 'hold',
          why: msg('decision.why.belowEntry', { net: t.net.toFixed(2), threshold }),
        };
      }
      const sizeUsd = floorCents(t.net * input.maxPositionUsd);
      if (!(sizeUsd > 0)) return WHY_NO_ROOM;
      return { action: 'buy', sizeUsd, ...bracket(input, t.strongest?.signal) };
    }
    if (!(qty > 0)) return WHY_NO_POSITION;
    if (t.net < exitThreshold) {
      return {
        action: 'hold',
        why: msg('decision.why.belowExit', { net: t.net.toFixed(2), threshold: exitThreshold }),
      };
    }
    return { action: 'sell', sizeUsd: floorCents(qty * input.price) };
  }

  function bracket(
    input: DecisionInput,
    signal: Signal | undefined,
  ): { stop: Level | undefined; target: Level | undefined } {
    const price = input.price;
    const atr = input.atr > 0 ? input.atr : Number.NaN;
    const s = signal?.stopLoss;
    const tp = signal?.takeProfit;
    const atrStop = price - stopAtr * atr;
    const stop =
      s !== undefined && s > 0 && s < price
        ? { price: s, from: 'signal' as const }
        : atrStop > 0
          ? { price: atrStop, from: 'atr' as const }
          : undefined;
    const target =
      tp !== undefined && tp > price
        ? { price: tp, from: 'signal' as const }
        : atr > 0
          ? { price: price + targetAtr * atr, from: 'atr' as const }
          : undefined;
    return { stop, target };
  }

  return {
    id: 'rules',
    // decide() below returns the idle hold whenever no signal is a buy or sell.
    holdsWithoutSignal: true,
    decide(input: DecisionInput): Decision {
      let active = false;
      for (const s of input.signals) {
        if (s.signal.side !== 'hold') {
          active = true;
          break;
        }
      }
      if (!active) return idleDecision(input.pair);
      const t = tally(input);
      const o = outcome(input, t);
      const action = o.action;
      const pair = input.pair;
      const sizeUsd = action === 'hold' ? 0 : o.sizeUsd;
      const stopLoss = action === 'buy' ? (o.stop?.price ?? null) : null;
      const takeProfit = action === 'buy' ? (o.target?.price ?? null) : null;
      const confidence = action === 'hold' ? 0 : t.net;
      // Two literals rather than a conditional spread: this is the backtest's hot path.
      if (!explained) {
        return {
          action,
          pair,
          sizeUsd,
          stopLoss,
          takeProfit,
          confidence,
          reasoning: '',
          steps: NO_STEPS,
        };
      }
      const e = explain(input, t, o, { threshold, exitThreshold, stopAtr, targetAtr });
      return {
        action,
        pair,
        sizeUsd,
        stopLoss,
        takeProfit,
        confidence,
        reasoning: e.reasoning,
        reasoningMsg: e.reasoningMsg,
        steps: e.steps,
      };
    },
  };
}

/** The holds whose reason has no number, built once. */
const WHY_NO_USABLE_SIGNAL = holdBecause(msg('decision.why.noUsableSignal'));
const WHY_CANCEL = holdBecause(msg('decision.why.cancel'));
const WHY_ALREADY_HELD = holdBecause(msg('decision.why.alreadyHeld'));
const WHY_NO_ROOM = holdBecause(msg('decision.why.noRoom'));
const WHY_NO_POSITION = holdBecause(msg('decision.why.noPosition'));

function holdBecause(why: Msg): Outcome {
  return Object.freeze({ action: 'hold', why: Object.freeze(why) });
}

/** A signal's confidence as a usable 0..1 number (junk counts as 0: it cannot tip the vote). */
function sanitize(c: number): number {
  return Number.isFinite(c) ? (c < 0 ? 0 : c > 1 ? 1 : c) : 0;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Down to whole cents, never above the limit it was derived from (1e-9 absorbs 0.29999… cases). */
function floorCents(x: number): number {
  return Number.isFinite(x) && x > 0 ? Math.floor(x * 100 + 1e-9) / 100 : 0;
}

function checkFraction(name: string, v: number): number {
  if (!(v > 0 && v <= 1)) {
    throw new ValidationError(`${name} must be a number above 0 and at most 1, got ${v}`, {
      parameter: name,
      value: v,
    });
  }
  return v;
}

function checkPositive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) {
    throw new ValidationError(`${name} must be a finite number above 0, got ${v}`, {
      parameter: name,
      value: v,
    });
  }
  return v;
}

function deepFreeze(d: Decision): Decision {
  if (d.reasoningMsg !== undefined) Object.freeze(d.reasoningMsg);
  for (const step of d.steps) Object.freeze(step);
  Object.freeze(d.steps);
  return Object.freeze(d);
}
