import { fmt } from '../strategies/signal-helpers.js';
import type { Signal, StrategyStyle } from '../strategies/types.js';
import type { DecisionAction, DecisionInput, DecisionStep } from './types.js';

/** One non-hold signal as the rules provider weighed it. */
export interface Vote {
  readonly strategyId: string;
  readonly style: StrategyStyle | undefined;
  readonly weight: number;
  readonly confidence: number;
  readonly score: number;
  readonly signal: Signal;
}

export interface Tally {
  readonly votes: readonly Vote[];
  readonly buyScore: number;
  readonly sellScore: number;
  /** The side with the larger score, null on a tie. */
  readonly side: 'buy' | 'sell' | null;
  /** |buy − sell| capped at 1, rounded to 4 decimals. */
  readonly net: number;
  readonly strongest: Vote | undefined;
}

export interface Level {
  readonly price: number;
  readonly from: 'signal' | 'atr';
}

export interface Outcome {
  readonly action: DecisionAction;
  /** Why a hold is a hold. */
  readonly why?: string;
  readonly sizeUsd?: number;
  readonly stop?: Level | undefined;
  readonly target?: Level | undefined;
}

export interface ExplainSettings {
  readonly threshold: number;
  readonly exitThreshold: number;
  readonly stopAtr: number;
  readonly targetAtr: number;
}

/**
 * The rules provider's account of one decision: a paragraph for the decisions list and four
 * timeline steps (Regime, Signals, Ensemble, Proposal) with every number used, so a user can redo
 * the arithmetic. Number formatting is fixed (no locale), keeping decisions deterministic.
 */
export function explain(
  input: DecisionInput,
  t: Tally,
  o: Outcome,
  s: ExplainSettings,
): { reasoning: string; steps: DecisionStep[] } {
  const r = input.regime;
  const regimeText =
    `${r.kind}: ADX ${num(r.adx, 3)}, ATR ${pct(r.atrPct)} of price, ` +
    `volatility ${pct(r.volatility)} per candle`;

  const holds = input.signals.filter((x) => x.signal.side !== 'buy' && x.signal.side !== 'sell');
  const signalsText = [
    ...t.votes.map(
      (v) =>
        `${v.strategyId} ${v.signal.side} ${v.confidence.toFixed(2)}: ${v.signal.reason.replace(/\.$/, '')}`,
    ),
    ...(holds.length > 0 ? [`hold: ${holds.map((x) => x.strategyId).join(', ')}`] : []),
  ].join('; ');

  const terms = (side: 'buy' | 'sell'): string => {
    const vs = t.votes.filter((v) => v.signal.side === side);
    if (vs.length === 0) return `${side} 0`;
    const parts = vs.map(
      (v) =>
        `${v.strategyId} ${v.confidence.toFixed(2)} × ${v.weight}${v.style === undefined ? ' (unknown style)' : ''}`,
    );
    return `${side} ${(side === 'buy' ? t.buyScore : t.sellScore).toFixed(2)} = ${parts.join(' + ')}`;
  };
  const netText =
    t.side === null
      ? 'tie: no side'
      : `net ${t.side} ${t.net.toFixed(2)} (entry threshold ${s.threshold}, exit ${s.exitThreshold})`;
  const ensembleText = `weights for ${r.kind}; ${terms('buy')}; ${terms('sell')}; ${netText}`;

  const proposalText = proposal(input, o, t, s);
  const steps: DecisionStep[] = [
    { title: 'Regime', detail: regimeText },
    { title: 'Signals', detail: signalsText },
    { title: 'Ensemble', detail: ensembleText },
    { title: 'Proposal', detail: proposalText },
  ];

  const n = t.votes.length;
  const voteText = t.votes
    .map(
      (v) =>
        `${v.strategyId} says ${v.signal.side} (confidence ${v.confidence.toFixed(2)}, weight ` +
        `${v.weight} → ${v.score.toFixed(2)}): ${v.signal.reason.replace(/\.$/, '')}`,
    )
    .join('; ');
  const scoreText =
    t.side === null
      ? `Buy and sell both score ${t.buyScore.toFixed(2)}, so they cancel`
      : `Buy ${t.buyScore.toFixed(2)} against sell ${t.sellScore.toFixed(2)} leaves ` +
        `${t.side} ${t.net.toFixed(2)}`;
  const reasoning =
    `In a ${r.kind} market (ADX ${num(r.adx, 3)}, ATR ${pct(r.atrPct)}), ${n} of ` +
    `${input.signals.length} ${input.signals.length === 1 ? 'strategy' : 'strategies'} signalled: ` +
    `${voteText}. ${scoreText}; ${conclusion(input, o, t)}.`;
  return { reasoning, steps };
}

function proposal(input: DecisionInput, o: Outcome, t: Tally, s: ExplainSettings): string {
  if (o.action === 'hold') return `hold: ${o.why ?? 'no action'}`;
  const size = money(o.sizeUsd ?? 0);
  if (o.action === 'sell') {
    return `sell the whole position, ${fmt(input.portfolio.positionQty, 6)} at ~${fmt(input.price)} ≈ ${size}`;
  }
  const who = t.strongest?.strategyId ?? 'signal';
  const level = (l: Level | undefined, atrs: number): string =>
    l === undefined
      ? 'none (no ATR yet)'
      : `${fmt(l.price)} (${l.from === 'signal' ? `${who}'s suggestion` : `${atrs} ATR of ${fmt(input.atr)}`})`;
  return (
    `buy ${size} (${t.net.toFixed(2)} × max ${money(input.maxPositionUsd)}) at ~${fmt(input.price)}; ` +
    `stop ${level(o.stop, s.stopAtr)}; target ${level(o.target, s.targetAtr)}`
  );
}

function conclusion(input: DecisionInput, o: Outcome, t: Tally): string {
  if (o.action === 'hold') return `but ${o.why ?? 'nothing qualifies'}, so the bot holds`;
  if (o.action === 'sell') {
    return `the pair is held, so sell the whole position (~${money(o.sizeUsd ?? 0)} at ${fmt(input.price)})`;
  }
  const bracket = [
    o.stop === undefined ? undefined : `a stop at ${fmt(o.stop.price)}`,
    o.target === undefined ? undefined : `a target at ${fmt(o.target.price)}`,
  ].filter((x) => x !== undefined);
  return (
    `the pair is flat, so buy ${money(o.sizeUsd ?? 0)} (${Math.round(t.net * 100)} % of the ` +
    `${money(input.maxPositionUsd)} the risk limits allow)` +
    (bracket.length > 0
      ? ` with ${bracket.join(' and ')}`
      : ' without a stop suggestion (no ATR yet)')
  );
}

function num(x: number, sig: number): string {
  return Number.isFinite(x) ? fmt(x, sig) : 'n/a';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : 'n/a';
}

/** 1234.5 → "1,234.50" (fixed format, no locale: the same text on every machine). */
function money(x: number): string {
  const [int = '0', frac = '00'] = x.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
