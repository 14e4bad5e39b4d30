import { english, msg } from '../messages/en.js';
import type { Msg, MsgParam } from '../messages/msg.js';
import { fmt } from '../strategies/signal-helpers.js';
import type { Signal, StrategyStyle } from '../strategies/types.js';
import type { DecisionInput, DecisionStep } from './types.js';
import { joined, money, num, pct, reasonClause, regimeName, strategyName } from './rules-words.js';

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

/** What the rules decided: a hold and why, or an order with its size (and a buy's bracket). */
export type Outcome =
  | { readonly action: 'hold'; readonly why: Msg }
  | { readonly action: 'sell'; readonly sizeUsd: number }
  | {
      readonly action: 'buy';
      readonly sizeUsd: number;
      readonly stop: Level | undefined;
      readonly target: Level | undefined;
    };

export interface ExplainSettings {
  readonly threshold: number;
  readonly exitThreshold: number;
  readonly stopAtr: number;
  readonly targetAtr: number;
}

export interface Explanation {
  readonly reasoning: string;
  readonly reasoningMsg: Msg;
  readonly steps: DecisionStep[];
}

/** A timeline step whose texts are rendered from its messages; titles are shared constants. */
function step(title: { readonly msg: Msg; readonly text: string }, detailMsg: Msg): DecisionStep {
  return { title: title.text, detail: english(detailMsg), titleMsg: title.msg, detailMsg };
}

function title(m: Msg): { readonly msg: Msg; readonly text: string } {
  return Object.freeze({ msg: Object.freeze(m), text: english(m) });
}

const REGIME = title(msg('decision.step.regime'));
/** Exported for the idle decision's single step. */
export const SIGNALS = title(msg('decision.step.signals'));
const ENSEMBLE = title(msg('decision.step.ensemble'));
const PROPOSAL = title(msg('decision.step.proposal'));

/**
 * The rules provider's account of one decision: a paragraph for the decisions list and four
 * timeline steps (Regime, Signals, Ensemble, Proposal) with every number used, so a user can redo
 * the arithmetic. Each text is a message rendered to English once; number formatting is fixed (no
 * locale), keeping decisions deterministic.
 */
export function explain(
  input: DecisionInput,
  t: Tally,
  o: Outcome,
  s: ExplainSettings,
): Explanation {
  const r = input.regime;
  const regime = regimeName(r.kind);
  const adx = num(r.adx, 3);
  const atrPct = pct(r.atrPct);
  const regimeMsg = msg('decision.regimeDetail', {
    regime,
    adx,
    atrPct,
    volatility: pct(r.volatility),
  });

  // A vote's reason is quoted twice (Signals step and paragraph): cut its full stop once.
  const reasons = t.votes.map((v) => reasonClause(v.signal));
  const holds = input.signals.filter((x) => x.signal.side !== 'buy' && x.signal.side !== 'sell');
  const items: Msg[] = t.votes.map((v, i) =>
    msg(v.signal.side === 'buy' ? 'decision.signal.buy' : 'decision.signal.sell', {
      strategy: strategyName(v.strategyId),
      confidence: v.confidence.toFixed(2),
      reason: reasons[i]!,
    }),
  );
  if (holds.length > 0) {
    const strategies = joined(
      holds.map((x) => strategyName(x.strategyId)),
      'decision.join.comma',
    );
    items.push(msg('decision.signal.holds', { strategies }));
  }
  const signalsMsg = msg('decision.signal.list', { items });

  const ensembleMsg = msg('decision.ensemble.detail', {
    regime,
    buy: terms(t, 'buy'),
    sell: terms(t, 'sell'),
    net:
      t.side === null
        ? msg('decision.ensemble.tie')
        : msg(t.side === 'buy' ? 'decision.ensemble.netBuy' : 'decision.ensemble.netSell', {
            net: t.net.toFixed(2),
            threshold: s.threshold,
            exitThreshold: s.exitThreshold,
          }),
  });

  const steps: DecisionStep[] = [
    step(REGIME, regimeMsg),
    step(SIGNALS, signalsMsg),
    step(ENSEMBLE, ensembleMsg),
    step(PROPOSAL, proposal(input, o, t, s)),
  ];

  const votes = t.votes.map((v, i) =>
    msg(v.signal.side === 'buy' ? 'decision.vote.buy' : 'decision.vote.sell', {
      strategy: strategyName(v.strategyId),
      confidence: v.confidence.toFixed(2),
      weight: v.weight,
      score: v.score.toFixed(2),
      reason: reasons[i]!,
    }),
  );
  const score =
    t.side === null
      ? msg('decision.score.tie', { score: t.buyScore.toFixed(2) })
      : msg(t.side === 'buy' ? 'decision.score.buy' : 'decision.score.sell', {
          buy: t.buyScore.toFixed(2),
          sell: t.sellScore.toFixed(2),
          net: t.net.toFixed(2),
        });
  const reasoningMsg = msg(
    input.signals.length === 1 ? 'decision.reasoning.one' : 'decision.reasoning.many',
    {
      regime,
      adx,
      atrPct,
      signalled: t.votes.length,
      total: input.signals.length,
      votes,
      score,
      conclusion: conclusion(input, o, t),
    },
  );
  return { reasoning: english(reasoningMsg), reasoningMsg, steps };
}

/** One side of the Ensemble step: its score as the sum of confidence × weight per vote. */
function terms(t: Tally, side: 'buy' | 'sell'): Msg {
  const vs = t.votes.filter((v) => v.signal.side === side);
  if (vs.length === 0)
    return msg(side === 'buy' ? 'decision.ensemble.buyNone' : 'decision.ensemble.sellNone');
  const parts: MsgParam[] = vs.map((v) =>
    msg(v.style === undefined ? 'decision.ensemble.termUnknownStyle' : 'decision.ensemble.term', {
      strategy: strategyName(v.strategyId),
      confidence: v.confidence.toFixed(2),
      weight: v.weight,
    }),
  );
  return msg(side === 'buy' ? 'decision.ensemble.buy' : 'decision.ensemble.sell', {
    score: (side === 'buy' ? t.buyScore : t.sellScore).toFixed(2),
    terms: joined(parts, 'decision.join.plus'),
  });
}

function proposal(input: DecisionInput, o: Outcome, t: Tally, s: ExplainSettings): Msg {
  if (o.action === 'hold') return msg('decision.proposal.hold', { why: o.why });
  const size = money(o.sizeUsd);
  if (o.action === 'sell') {
    return msg('decision.proposal.sell', {
      qty: fmt(input.portfolio.positionQty, 6),
      price: fmt(input.price),
      size,
    });
  }
  const who = t.strongest?.strategyId;
  const level = (l: Level | undefined, atrs: number): Msg => {
    if (l === undefined) return msg('decision.level.none');
    const price = fmt(l.price);
    if (l.from === 'atr') return msg('decision.level.atr', { price, atrs, atr: fmt(input.atr) });
    return who === undefined
      ? msg('decision.level.signal', { price })
      : msg('decision.level.strategy', { price, strategy: strategyName(who) });
  };
  return msg('decision.proposal.buy', {
    size,
    net: t.net.toFixed(2),
    max: money(input.maxPositionUsd),
    price: fmt(input.price),
    stop: level(o.stop, s.stopAtr),
    target: level(o.target, s.targetAtr),
  });
}

function conclusion(input: DecisionInput, o: Outcome, t: Tally): Msg {
  if (o.action === 'hold') return msg('decision.conclusion.hold', { why: o.why });
  if (o.action === 'sell') {
    return msg('decision.conclusion.sell', { size: money(o.sizeUsd), price: fmt(input.price) });
  }
  const params: Record<string, MsgParam> = {
    size: money(o.sizeUsd),
    percent: Math.round(t.net * 100),
    max: money(input.maxPositionUsd),
  };
  if (o.stop !== undefined) params.stop = fmt(o.stop.price);
  if (o.target !== undefined) params.target = fmt(o.target.price);
  const key =
    o.stop !== undefined
      ? o.target !== undefined
        ? 'decision.conclusion.buyStopTarget'
        : 'decision.conclusion.buyStop'
      : o.target !== undefined
        ? 'decision.conclusion.buyTarget'
        : 'decision.conclusion.buyBare';
  return msg(key, params);
}
