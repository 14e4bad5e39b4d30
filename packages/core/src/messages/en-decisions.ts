import { EN_SIGNALS } from './en-signals.js';
import type { Catalog } from './msg.js';

/** `T`'s templates without their final full stop (the type of withoutFinalStops' result). */
export type WithoutFinalStops<T> = {
  readonly [K in keyof T]: T[K] extends `${infer S}.`
    ? S
    : T[K] extends string
      ? T[K]
      : WithoutFinalStops<T[K]>;
};

/**
 * A catalog's sentences as clauses: each template without its final full stop. A decision quotes a
 * signal's reason mid-sentence, where the English has always dropped that stop, and a renderer cannot
 * cut text from a template; so each language derives these clause templates from its own signal
 * sentences with this function instead of writing them twice.
 */
export function withoutFinalStops<T extends Catalog>(catalog: T): WithoutFinalStops<T> {
  const out: Record<string, string | Catalog> = {};
  for (const [name, value] of Object.entries(catalog)) {
    out[name] =
      typeof value === 'string'
        ? value.endsWith('.')
          ? value.slice(0, -1)
          : value
        : withoutFinalStops(value);
  }
  return out as WithoutFinalStops<T>;
}

/**
 * English templates for the offline rules provider's decision texts (see msg.ts for the placeholder
 * syntax). Numbers arrive preformatted (fixed decimals, no locale) so a decision reads the same on
 * every machine. Buy and sell get whole sentences of their own rather than a `{{side}}` word, so a
 * language can conjugate or reorder them as its grammar needs.
 */
export const EN_DECISIONS = {
  /** A number the market had not produced yet (indicator warm-up). */
  na: 'n/a',
  /** Built-in strategy ids as they appear inside sentences (a custom id is shown as is). */
  strategy: {
    momentum: 'momentum',
    'mean-reversion': 'mean-reversion',
    'trend-following': 'trend-following',
    breakout: 'breakout',
  },
  /** Signal reasons quoted mid-sentence: `decision.clause.X` is `signal.X` without its final stop. */
  clause: withoutFinalStops(EN_SIGNALS),
  /** Joins for lists whose separator is not the catalog's `listSeparator`. */
  join: {
    comma: '{{left}}, {{right}}',
    plus: '{{left}} + {{right}}',
  },
  /** The decision of a candle on which no strategy signalled. */
  idle: {
    reasoning: 'No strategy signalled on this candle, so there is nothing to weigh: hold.',
    signals: 'Every strategy returned hold.',
  },
  /** Timeline step titles. */
  step: {
    regime: 'Regime',
    signals: 'Signals',
    ensemble: 'Ensemble',
    proposal: 'Proposal',
  },
  /** The Regime step. */
  regimeDetail:
    '{{regime}}: ADX {{adx}}, ATR {{atrPct}} of price, volatility {{volatility}} per candle',
  /** The Signals step: one entry per signal, then the strategies that held. */
  signal: {
    list: '{{items}}',
    buy: '{{strategy}} buy {{confidence}}: {{reason}}',
    sell: '{{strategy}} sell {{confidence}}: {{reason}}',
    holds: 'hold: {{strategies}}',
  },
  /** The Ensemble step: each side's weighted sum, then the net. */
  ensemble: {
    detail: 'weights for {{regime}}; {{buy}}; {{sell}}; {{net}}',
    buyNone: 'buy 0',
    sellNone: 'sell 0',
    buy: 'buy {{score}} = {{terms}}',
    sell: 'sell {{score}} = {{terms}}',
    term: '{{strategy}} {{confidence}} × {{weight}}',
    termUnknownStyle: '{{strategy}} {{confidence}} × {{weight}} (unknown style)',
    tie: 'tie: no side',
    netBuy: 'net buy {{net}} (entry threshold {{threshold}}, exit {{exitThreshold}})',
    netSell: 'net sell {{net}} (entry threshold {{threshold}}, exit {{exitThreshold}})',
  },
  /** The Proposal step. */
  proposal: {
    hold: 'hold: {{why}}',
    sell: 'sell the whole position, {{qty}} at ~{{price}} ≈ {{size}}',
    buy: 'buy {{size}} ({{net}} × max {{max}}) at ~{{price}}; stop {{stop}}; target {{target}}',
  },
  /** A stop or target level in the Proposal step, and where it came from. */
  level: {
    none: 'none (no ATR yet)',
    strategy: "{{price}} ({{strategy}}'s suggestion)",
    signal: "{{price}} (signal's suggestion)",
    atr: '{{price}} ({{atrs}} ATR of {{atr}})',
  },
  /** The paragraph: regime, the votes, the score, the conclusion. */
  reasoning: {
    one: 'In a {{regime}} market (ADX {{adx}}, ATR {{atrPct}}), {{signalled}} of {{total}} strategy signalled: {{votes}}. {{score}}; {{conclusion}}.',
    many: 'In a {{regime}} market (ADX {{adx}}, ATR {{atrPct}}), {{signalled}} of {{total}} strategies signalled: {{votes}}. {{score}}; {{conclusion}}.',
  },
  vote: {
    buy: '{{strategy}} says buy (confidence {{confidence}}, weight {{weight}} → {{score}}): {{reason}}',
    sell: '{{strategy}} says sell (confidence {{confidence}}, weight {{weight}} → {{score}}): {{reason}}',
  },
  score: {
    tie: 'Buy and sell both score {{score}}, so they cancel',
    buy: 'Buy {{buy}} against sell {{sell}} leaves buy {{net}}',
    sell: 'Buy {{buy}} against sell {{sell}} leaves sell {{net}}',
  },
  conclusion: {
    hold: 'but {{why}}, so the bot holds',
    sell: 'the pair is held, so sell the whole position (~{{size}} at {{price}})',
    buyStopTarget:
      'the pair is flat, so buy {{size}} ({{percent}} % of the {{max}} the risk limits allow) with a stop at {{stop}} and a target at {{target}}',
    buyStop:
      'the pair is flat, so buy {{size}} ({{percent}} % of the {{max}} the risk limits allow) with a stop at {{stop}}',
    buyTarget:
      'the pair is flat, so buy {{size}} ({{percent}} % of the {{max}} the risk limits allow) with a target at {{target}}',
    buyBare:
      'the pair is flat, so buy {{size}} ({{percent}} % of the {{max}} the risk limits allow) without a stop suggestion (no ATR yet)',
  },
  /** Why a hold is a hold (quoted by the Proposal step and the conclusion). */
  why: {
    noUsableSignal: 'no signal was a usable buy or sell',
    cancel: 'the buy and sell scores cancel out',
    alreadyHeld: 'the pair is already held (spot, long-only: no adding)',
    belowEntry: 'net {{net}} is below the entry threshold {{threshold}}',
    noRoom: 'the risk limits allow no position now',
    noPosition: 'there is no position to sell (spot, long-only)',
    belowExit: 'net {{net}} is below the exit threshold {{threshold}}',
  },
} as const;
