import { describe, expect, it } from 'vitest';
import type { Decision, DecisionInput } from '../../src/decisions/types.js';
import { createRulesProvider } from '../../src/decisions/rules-provider.js';
import type { RulesProviderOptions } from '../../src/decisions/rules-provider.js';
import { DEFAULT_WEIGHTS } from '../../src/decisions/rules-weights.js';
import { ValidationError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import type { RegimeKind } from '../../src/regime/types.js';
import { HOLD } from '../../src/strategies/types.js';
import type { Signal } from '../../src/strategies/types.js';

type Vote = DecisionInput['signals'][number];

const buy = (
  strategyId: string,
  confidence: number,
  stopLoss?: number,
  takeProfit?: number,
): Vote => ({
  strategyId,
  signal: {
    side: 'buy',
    confidence,
    reason: `${strategyId} setup`,
    reasonMsg: msg('signal.text', { text: `${strategyId} setup` }),
    ...(stopLoss === undefined ? {} : { stopLoss }),
    ...(takeProfit === undefined ? {} : { takeProfit }),
  },
});
const sell = (strategyId: string, confidence: number): Vote => ({
  strategyId,
  signal: {
    side: 'sell',
    confidence,
    reason: `${strategyId} exit`,
    reasonMsg: msg('signal.text', { text: `${strategyId} exit` }),
  },
});
const hold = (strategyId: string): Vote => ({ strategyId, signal: HOLD });

interface Given {
  readonly regime?: RegimeKind;
  readonly signals: readonly Vote[];
  /** Base quantity held (0 = flat). */
  readonly qty?: number;
  readonly maxPositionUsd?: number;
  readonly atr?: number;
}

/** Price 100, ATR 2, $1,000 allowed, flat unless told. */
function inputOf(g: Given): DecisionInput {
  return {
    pair: 'SOL/USDC',
    ts: Date.UTC(2024, 0, 1),
    price: 100,
    regime: { kind: g.regime ?? 'trending-up', adx: 30, atrPct: 0.02, volatility: 0.012 },
    signals: g.signals,
    portfolio: {
      equity: 10_000,
      cash: 10_000 - (g.qty ?? 0) * 100,
      positionQty: g.qty ?? 0,
      averageEntry: g.qty ? 90 : Number.NaN,
    },
    maxPositionUsd: g.maxPositionUsd ?? 1000,
    atr: g.atr ?? 2,
  };
}

interface DecideCase extends Given {
  readonly name: string;
  readonly opts?: RulesProviderOptions;
  readonly expect: Partial<Decision> & { readonly why?: string };
}

// prettier-ignore
const cases: DecideCase[] = [
  // ── weighting by regime (entry threshold 0.5) ───────────────────────────────────────────────
  // 0.8 × 1.0 = 0.80 ≥ 0.5 → buy 0.80 × 1000; stop and target from the signal
  { name: 'momentum in an up-trend buys', regime: 'trending-up', signals: [buy('momentum', 0.8, 95, 108)], expect: { action: 'buy', sizeUsd: 800, confidence: 0.8, stopLoss: 95, takeProfit: 108 } },
  // 0.6 × 0.8 = 0.48 < 0.5
  { name: 'a weak momentum setup in a range holds', regime: 'ranging', signals: [buy('momentum', 0.6)], expect: { action: 'hold', sizeUsd: 0, confidence: 0, why: 'below the entry threshold 0.5' } },
  // 0.6 × 1.3 = 0.78
  { name: 'mean reversion in a range buys', regime: 'ranging', signals: [buy('mean-reversion', 0.6)], expect: { action: 'buy', sizeUsd: 780, confidence: 0.78 } },
  // 1.0 × 0.4 = 0.40 < 0.5: mean reversion cannot buy a down-trend alone
  { name: 'mean reversion in a down-trend holds', regime: 'trending-down', signals: [buy('mean-reversion', 1)], expect: { action: 'hold' } },
  // 1.0 × 0.4 = 0.40: no single strategy opens in a volatile market…
  { name: 'one strategy in a volatile market holds', regime: 'volatile', signals: [buy('trend-following', 1)], expect: { action: 'hold' } },
  // …two that agree do: 1.0 × 0.4 + 0.9 × 0.4 = 0.76
  { name: 'two agreeing strategies in a volatile market buy', regime: 'volatile', signals: [buy('trend-following', 1), buy('breakout', 0.9), hold('momentum')], expect: { action: 'buy', sizeUsd: 760, confidence: 0.76 } },
  // 0.9 × 1.3 = 1.17, capped at 1 → the full 1000
  { name: 'the score is capped at 1', regime: 'trending-up', signals: [buy('trend-following', 0.9)], expect: { action: 'buy', sizeUsd: 1000, confidence: 1 } },
  // a strategy the registry does not know weighs 1: 0.55 × 1 = 0.55 even when volatile
  { name: 'unknown strategy ids weigh 1', regime: 'volatile', signals: [buy('my-custom', 0.55)], expect: { action: 'buy', sizeUsd: 550, confidence: 0.55 } },
  // ── opposing votes cancel ──────────────────────────────────────────────────────────────────
  // buy 0.8 × 1.3 = 1.04, sell 0.7 × 0.8 = 0.56 → net buy 0.48 < 0.5
  { name: 'a sell vote cancels part of a buy', regime: 'ranging', signals: [buy('mean-reversion', 0.8), sell('momentum', 0.7)], expect: { action: 'hold', why: 'net 0.48 is below the entry threshold 0.5' } },
  // 0.5 × 1 each way
  { name: 'a tie holds', regime: 'trending-up', signals: [buy('momentum', 0.5), sell('my-custom', 0.5)], expect: { action: 'hold', why: 'cancel out' } },
  // ── spot, long-only ────────────────────────────────────────────────────────────────────────
  { name: 'no buy while holding', qty: 2, signals: [buy('momentum', 0.9)], expect: { action: 'hold', why: 'already held' } },
  { name: 'no sell when flat', signals: [sell('momentum', 0.9)], expect: { action: 'hold', why: 'no position to sell' } },
  // 0.65 × 0.4 = 0.26 ≥ exit 0.25: exits pass even when volatile; the whole 2.5 × 100
  { name: 'a sell when holding closes the whole position', regime: 'volatile', qty: 2.5, signals: [sell('momentum', 0.65)], expect: { action: 'sell', sizeUsd: 250, confidence: 0.26, stopLoss: null, takeProfit: null } },
  // 0.2 × 1 = 0.2 < exit 0.25
  { name: 'a weak sell holds', qty: 1, signals: [sell('my-custom', 0.2)], expect: { action: 'hold', why: 'below the exit threshold 0.25' } },
  // ── stops, targets, size ───────────────────────────────────────────────────────────────────
  // no suggestion: 100 − 2 × 2 = 96 and 100 + 3 × 2 = 106
  { name: 'ATR defaults when the signal suggests nothing', signals: [buy('momentum', 0.8)], expect: { action: 'buy', stopLoss: 96, takeProfit: 106 } },
  // the strongest buy (trend 0.9 × 1.3) suggests 97 / 110; momentum's 90 / 104 is ignored
  { name: 'the strongest signal sets the bracket', signals: [buy('momentum', 0.6, 90, 104), buy('trend-following', 0.9, 97, 110)], expect: { action: 'buy', stopLoss: 97, takeProfit: 110 } },
  // a stop above the price is unusable: the ATR default 96 replaces it, the target stays
  { name: 'an invalid suggestion falls back to ATR', signals: [buy('momentum', 0.8, 101, 109)], expect: { action: 'buy', stopLoss: 96, takeProfit: 109 } },
  // ATR still warming up and no suggestion: the risk gate's own stop will apply
  { name: 'no ATR and no suggestion leaves the bracket null', atr: Number.NaN, signals: [buy('momentum', 0.8)], expect: { action: 'buy', stopLoss: null, takeProfit: null } },
  // 0.7 × 333.33 = 233.331 → 233.33 (floored to cents)
  { name: 'size is floored to cents', maxPositionUsd: 333.33, signals: [buy('momentum', 0.7)], expect: { action: 'buy', sizeUsd: 233.33 } },
  { name: 'no room under the risk limits holds', maxPositionUsd: 0, signals: [buy('momentum', 0.9)], expect: { action: 'hold', why: 'allow no position' } },
  // a junk confidence counts as 0 rather than tipping the vote
  { name: 'a NaN confidence counts as 0', signals: [buy('momentum', Number.NaN)], expect: { action: 'hold' } },
  // ── options ────────────────────────────────────────────────────────────────────────────────
  { name: 'a higher threshold holds', opts: { threshold: 0.9 }, signals: [buy('momentum', 0.8)], expect: { action: 'hold', why: 'below the entry threshold 0.9' } },
  { name: 'custom ATR multiples', opts: { stopAtr: 1, targetAtr: 5 }, signals: [buy('momentum', 0.8)], expect: { stopLoss: 98, takeProfit: 110 } },
];

describe('rules provider: decide', () => {
  it.each(cases)('$name', (c) => {
    const d = createRulesProvider(c.opts).decide(inputOf(c)) as Decision;
    const { why, ...fields } = c.expect;
    expect(d).toMatchObject({ pair: 'SOL/USDC', ...fields });
    if (why !== undefined) expect(d.reasoning + d.steps.at(-1)!.detail).toContain(why);
    if (d.action === 'hold') expect([d.sizeUsd, d.stopLoss, d.takeProfit]).toEqual([0, null, null]);
  });
});

describe('rules provider: explanation', () => {
  const d = createRulesProvider().decide(
    inputOf({ signals: [buy('momentum', 0.8), hold('breakout'), hold('trend-following')] }),
  ) as Decision;

  it('tells the story in one paragraph', () => {
    expect(d.reasoning).toBe(
      'In a trending-up market (ADX 30, ATR 2.00 %), 1 of 3 strategies signalled: momentum says ' +
        'buy (confidence 0.80, weight 1 → 0.80): momentum setup. Buy 0.80 against sell 0.00 ' +
        'leaves buy 0.80; the pair is flat, so buy 800.00 (80 % of the 1,000.00 the risk limits ' +
        'allow) with a stop at 96 and a target at 106.',
    );
  });

  // prettier-ignore
  it('lays out a timeline with every number', () => {
    expect(d.steps.map(({ title, detail }) => ({ title, detail }))).toEqual([
      { title: 'Regime', detail: 'trending-up: ADX 30, ATR 2.00 % of price, volatility 1.20 % per candle' },
      { title: 'Signals', detail: 'momentum buy 0.80: momentum setup; hold: breakout, trend-following' },
      { title: 'Ensemble', detail: 'weights for trending-up; buy 0.80 = momentum 0.80 × 1; sell 0; net buy 0.80 (entry threshold 0.5, exit 0.25)' },
      { title: 'Proposal', detail: 'buy 800.00 (0.80 × max 1,000.00) at ~100; stop 96 (2 ATR of 2); target 106 (3 ATR of 2)' },
    ]);
  });

  it('explains a hold and a sell in the proposal step', () => {
    const p = createRulesProvider();
    const held = p.decide(
      inputOf({ regime: 'volatile', signals: [buy('breakout', 1)] }),
    ) as Decision;
    expect(held.steps.at(-1)).toMatchObject({
      title: 'Proposal',
      detail: 'hold: net 0.40 is below the entry threshold 0.5',
    });
    const sold = p.decide(inputOf({ qty: 2.5, signals: [sell('momentum', 0.7)] })) as Decision;
    expect(sold.steps.at(-1)!.detail).toBe('sell the whole position, 2.5 at ~100 ≈ 250.00');
  });
});

describe('rules provider: hot path and determinism', () => {
  it('returns one frozen hold per pair when nobody signals', () => {
    const p = createRulesProvider();
    const a = p.decide(inputOf({ signals: [hold('momentum'), hold('breakout')] })) as Decision;
    const b = p.decide(inputOf({ signals: [] })) as Decision;
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.steps)).toBe(true);
    expect(a).toMatchObject({ action: 'hold', pair: 'SOL/USDC', sizeUsd: 0, confidence: 0 });
    const other = p.decide({ ...inputOf({ signals: [] }), pair: 'BTC/USDC' }) as Decision;
    expect(other.pair).toBe('BTC/USDC');
  });

  it.each([
    // signals                                  qty  what the provider decides
    [[buy('momentum', 0.9, 95, 110)], 0], //       buy with the signal's bracket
    [[buy('momentum', 0.3)], 0], //                hold: below the entry threshold
    [[sell('momentum', 0.7)], 2.5], //             sell the position
    [[buy('momentum', 0.8), sell('breakout', 0.8)], 0], // hold: the votes cancel
  ] as const)('explain: false decides the same, without the text (%#)', (signals, qty) => {
    const input = inputOf({ signals, qty });
    const full = createRulesProvider().decide(input) as Decision;
    const terse = createRulesProvider({ explain: false }).decide(input) as Decision;
    expect(terse).toEqual({ ...full, reasoning: '', reasoningMsg: undefined, steps: [] });
    expect(full.reasoning).not.toBe('');
  });

  it('gives the same decision for the same input, across instances', () => {
    const input = inputOf({
      regime: 'ranging',
      signals: [buy('mean-reversion', 0.7, 97), sell('x', 0.1)],
    });
    const first = createRulesProvider().decide(input);
    expect(createRulesProvider().decide(input)).toEqual(first);
    expect(createRulesProvider().decide(structuredClone(input))).toEqual(first);
  });

  it('is synchronous and named rules', () => {
    const p = createRulesProvider();
    expect(p.id).toBe('rules');
    expect(p.decide(inputOf({ signals: [] }))).not.toBeInstanceOf(Promise);
  });
});

describe('rules provider: weights and options', () => {
  const regimes = Object.keys(DEFAULT_WEIGHTS) as RegimeKind[];

  it.each(regimes)(
    'in %s every built-in sell (confidence ≥ 0.65) passes the exit threshold',
    (kind) => {
      for (const w of Object.values(DEFAULT_WEIGHTS[kind]))
        expect(0.65 * w).toBeGreaterThanOrEqual(0.25);
    },
  );

  it('no single strategy can open a position in a volatile market', () => {
    for (const w of Object.values(DEFAULT_WEIGHTS.volatile)) expect(1 * w).toBeLessThan(0.5);
  });

  it('takes a custom weight table and style lookup', () => {
    const p = createRulesProvider({
      styleOf: () => 'breakout',
      weights: { ...DEFAULT_WEIGHTS, ranging: { ...DEFAULT_WEIGHTS.ranging, breakout: 2 } },
    });
    const d = p.decide(inputOf({ regime: 'ranging', signals: [buy('anything', 0.3)] })) as Decision;
    expect(d).toMatchObject({ action: 'buy', confidence: 0.6 }); // 0.3 × 2
  });

  it.each<[RulesProviderOptions, string]>([
    [{ threshold: 0 }, 'threshold must be a number above 0 and at most 1, got 0'],
    [{ exitThreshold: 1.5 }, 'exitThreshold must be a number above 0 and at most 1, got 1.5'],
    [{ stopAtr: -1 }, 'stopAtr must be a finite number above 0, got -1'],
  ])('refuses %o', (opts, message) => {
    expect(() => createRulesProvider(opts)).toThrow(ValidationError);
    expect(() => createRulesProvider(opts)).toThrow(message);
  });

  it('ignores a signal side it does not know (treated as hold)', () => {
    const odd = {
      strategyId: 'x',
      signal: { side: 'short', confidence: 1, reason: 'r' } as unknown as Signal,
    };
    expect(createRulesProvider().decide(inputOf({ signals: [odd] }))).toMatchObject({
      action: 'hold',
    });
  });
});
