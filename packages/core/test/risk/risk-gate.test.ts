import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../src/risk/config.js';
import {
  evaluateRisk,
  type RiskInput,
  type RiskVerdict,
  type RiskVerdictKind,
} from '../../src/risk/risk-gate.js';
import { MIN, NOW, decision, history, portfolio, position, trade } from './fixtures.js';

/**
 * Every case starts from: equity = cash = peak = day start = 10 000, flat; a buy of 500 SOL/USDC at
 * confidence 0.8; price 100, ATR 2; slippage = size / 100 bps (1 000 → 10 bps); default config:
 * fixed fraction 0.1 (→ 1 000), max position 0.25 (→ 2 500), 3 open positions, min order 10,
 * min confidence 0.6, daily loss 5 %, drawdown 20 %, cooldown 3 losses / 240 min, slippage 100 bps.
 */
interface GateCase {
  readonly name: string;
  readonly input: Partial<RiskInput>;
  readonly config: Partial<RiskConfig>;
  readonly verdict: RiskVerdictKind;
  readonly sizeUsd: number;
  /** Decimal digits compared (bisection results are not exact). */
  readonly digits: number;
  readonly rules: readonly string[];
}

function run(c: { input?: Partial<RiskInput>; config?: Partial<RiskConfig> }): RiskVerdict {
  const input: RiskInput = {
    decision: decision(),
    portfolio: portfolio(),
    closedTrades: [],
    price: 100,
    atr: 2,
    now: NOW,
    expectedSlippageBps: (s) => s / 100,
    ...c.input,
  };
  return evaluateRisk(input, { ...DEFAULT_RISK_CONFIG, ...c.config });
}

const threeOthers = [
  position('BTC/USDC', 0.02, 50_000),
  position('ETH/USDC', 0.5, 2_000),
  position('JUP/USDC', 1_000, 1),
];
const kelly = { sizingMethod: 'kelly', kellyMinTrades: 5 } as const;
const buy = (sizeUsd: number) => decision({ sizeUsd });
const losses = (...minutesAgo: number[]) => minutesAgo.map((m) => trade(-10, NOW - m * MIN));

/** One row: name, expected verdict / size / rule ids, then what differs from the base case. */
const row = (
  name: string,
  verdict: RiskVerdictKind,
  sizeUsd: number,
  rules: readonly string[],
  input: Partial<RiskInput> = {},
  config: Partial<RiskConfig> = {},
  digits = 9,
): GateCase => ({ name, verdict, sizeUsd, rules, input, config, digits });

// prettier-ignore
const cases: GateCase[] = [
  // ── hold and sell ──────────────────────────────────────────────────────────────────────────────────────────────────
  row('hold: nothing to gate', 'approve', 0, ['hold'], { decision: decision({ action: 'hold', sizeUsd: 0 }) }),
  row('sell: the whole position', 'approve', 1_000 /* 10 SOL × 100 */, ['sell-reduces-risk'],
    { decision: decision({ action: 'sell' }), portfolio: portfolio({ cash: 9_000, positions: [position('SOL/USDC', 10)] }) }),
  row('sell with every breaker open (drawdown 30 %, day −12.5 %, 3 fresh losses, confidence 0.1)', 'approve', 1_000 /* 10 × 100 */, ['sell-reduces-risk'],
    { decision: decision({ action: 'sell', confidence: 0.1 }), closedTrades: losses(30, 20, 10),
      portfolio: portfolio({ cash: 6_000, equity: 7_000, dayStartEquity: 8_000, positions: [position('SOL/USDC', 10)] }) }),
  row('sell: nothing held', 'veto', 0, ['no-position'], { decision: decision({ action: 'sell' }) }),

  // ── buy: sizing ────────────────────────────────────────────────────────────────────────────────────────────────────
  row('buy 500 within every limit', 'approve', 500, ['within-limits']),
  row('buy 2 000 shrunk by fixed fraction', 'resize', 1_000 /* 0.1 × 10 000 */, ['sizing-fixed-fraction'], { decision: buy(2_000) }),
  row('atr: 1 % of 10 000 = 100 lost at a 2 × ATR 5 = 10 stop', 'resize', 1_000 /* 100 / 10 = 10 SOL × 100 */, ['sizing-atr'],
    { decision: buy(3_000), atr: 5 }, { sizingMethod: 'atr' }),
  row('atr: tight 2 × 2 = 4 stop, equal to the 2 500 cap', 'resize', 2_500 /* 100 / 4 = 25 SOL × 100; cap 0.25 × 10 000 not lower */, ['sizing-atr'],
    { decision: buy(3_000) }, { sizingMethod: 'atr' }),
  row('atr: NaN during warm-up', 'veto', 0, ['atr-unavailable'], { atr: Number.NaN }, { sizingMethod: 'atr' }),
  row('kelly: 0 trades < 5 → fixed fraction, says so', 'resize', 1_000 /* 0.1 × 10 000 */, ['kelly-fallback', 'sizing-fixed-fraction'],
    { decision: buy(2_000) }, kelly),
  row('kelly: a fallback that does not bind is still reported', 'approve', 500, ['kelly-fallback', 'within-limits'], {}, kelly),
  row('kelly: W 0.6, R 30/20 = 1.5 → f* 0.6 − 0.4/1.5 = 1/3, half Kelly', 'resize', 10_000 / 6 /* 1/6 × 10 000 = 1 666.67 */, ['sizing-kelly'],
    { decision: buy(2_000), closedTrades: history([-20, -20, -20, -20, 30, 30, 30, 30, 30, 30]) }, kelly),
  row('kelly: no loss → f* = W = 1, × 0.5 clamped to 0.25', 'resize', 2_500 /* 0.25 × 10 000 */, ['sizing-kelly'],
    { decision: buy(3_000), closedTrades: history([10, 10, 10, 10, 10]) }, kelly),
  row('kelly: W 0.4, R 1 → f* 0.4 − 0.6 = −0.2, no edge', 'veto', 0, ['kelly-no-edge'],
    { closedTrades: history([-10, -10, -10, -10, -10, -10, 10, 10, 10, 10]) }, kelly),

  // ── buy: breakers ──────────────────────────────────────────────────────────────────────────────────────────────────
  row('confidence 0.5 < 0.6', 'veto', 0, ['min-confidence'], { decision: decision({ confidence: 0.5 }) }),
  row('confidence exactly 0.6 passes', 'approve', 500, ['within-limits'], { decision: decision({ confidence: 0.6 }) }),
  row('drawdown 1 − 7 900/10 000 = 21 % > 20 %', 'veto', 0, ['max-drawdown'],
    { portfolio: portfolio({ cash: 7_900, equity: 7_900, dayStartEquity: 7_900 }) }),
  row('drawdown 1 − 8 100/10 000 = 19 % ≤ 20 %', 'approve', 500, ['within-limits'],
    { portfolio: portfolio({ cash: 8_100, equity: 8_100, dayStartEquity: 8_100 }) }),
  row('day loss 1 − 9 400/10 000 = 6 % > 5 %', 'veto', 0, ['daily-loss-limit'], { portfolio: portfolio({ cash: 9_400, equity: 9_400 }) }),
  row('day loss 1 − 9 600/10 000 = 4 % ≤ 5 %', 'approve', 500 /* 0.1 × 9 600 = 960 does not bind */, ['within-limits'],
    { portfolio: portfolio({ cash: 9_600, equity: 9_600 }) }),
  row('all breakers at once: confidence 0.1, drawdown 30 %, day 1 − 7/8 = 12.5 %', 'veto', 0, ['min-confidence', 'max-drawdown', 'daily-loss-limit'],
    { decision: decision({ confidence: 0.1 }), portfolio: portfolio({ cash: 7_000, equity: 7_000, dayStartEquity: 8_000 }) }),
  row('cooldown: 3 losses in a row, last 60 min ago < 240', 'veto', 0, ['cooldown'], { closedTrades: losses(180, 120, 60) }),
  row('cooldown: trades sorted by exit time first', 'veto', 0, ['cooldown'],
    { closedTrades: [trade(-10, NOW - 60 * MIN), trade(20, NOW - 900 * MIN), ...losses(180, 120)] }),
  row('cooldown over: last loss 240 min ago', 'approve', 500, ['within-limits'], { closedTrades: losses(360, 300, 240) }),
  row('cooldown: streak broken by a win (L L W L L)', 'approve', 500, ['within-limits'],
    { closedTrades: [...losses(300, 240), trade(5, NOW - 180 * MIN), ...losses(120, 60)] }),
  row('cooldown off: cooldownLosses 0', 'approve', 500, ['within-limits'], { closedTrades: losses(1) }, { cooldownLosses: 0 }),
  row('3 other pairs open = maxOpenPositions: no 4th', 'veto', 0, ['max-open-positions'],
    { portfolio: portfolio({ cash: 7_000, positions: threeOthers }) }),
  row('adding to a held pair is not a new position', 'approve', 500, ['within-limits'],
    { portfolio: portfolio({ cash: 7_000, positions: [...threeOthers.slice(0, 2), position('SOL/USDC', 10)] }) }),

  // ── buy: caps, minimum order, slippage ─────────────────────────────────────────────────────────────────────────────
  row('position cap: room 2 500 − 20 SOL × 100', 'resize', 500 /* 0.25 × 10 000 − 2 000 */, ['max-position'],
    { decision: buy(1_000), portfolio: portfolio({ cash: 8_000, positions: [position('SOL/USDC', 20)] }) }),
  row('position cap full: 25 SOL × 100 = 2 500', 'veto', 0, ['max-position'],
    { portfolio: portfolio({ cash: 7_500, positions: [position('SOL/USDC', 25)] }) }),
  row('cash 300 < 500', 'resize', 300, ['available-cash'], { portfolio: portfolio({ cash: 300 }) }),
  row('each binding cap in order: sizing 1 000, room 2 500 − 1 800 = 700, cash 400', 'resize', 400, ['sizing-fixed-fraction', 'max-position', 'available-cash'],
    { decision: buy(5_000), portfolio: portfolio({ cash: 400, positions: [position('SOL/USDC', 18)] }) }),
  row('cash 5 < min order 10', 'veto', 0, ['available-cash', 'min-order'], { portfolio: portfolio({ cash: 5 }) }),
  row('proposal 5 < min order 10', 'veto', 0, ['min-order'], { decision: buy(5) }),
  row('slippage size/5: 1 000 → 200 bps > 100, shrunk', 'resize', 500 /* 100 bps × 5; bisection ±(1 000 − 10)/2^20 */, ['max-slippage'],
    { decision: buy(1_000), expectedSlippageBps: (s) => s / 5 }, {}, 2),
  row('slippage 20 bps per USDC: even 10 costs 200', 'veto', 0, ['max-slippage'], { expectedSlippageBps: (s) => s * 20 }),
  row('slippage unknown (NaN) counts as too much', 'veto', 0, ['max-slippage'], { expectedSlippageBps: () => Number.NaN }),
  row('proposal of 0', 'veto', 0, ['invalid-proposal'], { decision: buy(0) }),
  row('no price', 'veto', 0, ['invalid-market'], { price: Number.NaN }),
];

describe('evaluateRisk', () => {
  it.each(cases)('$name → $verdict $sizeUsd', (c) => {
    const v = run(c);
    expect(v.verdict).toBe(c.verdict);
    expect(v.sizeUsd).toBeCloseTo(c.sizeUsd, c.digits);
    expect(v.reasons.map((r) => r.rule)).toEqual(c.rules);
  });

  it('a resize is below the proposal, an approve equals it, a veto is 0', () => {
    for (const c of cases) {
      const v = run(c);
      const d = c.input.decision ?? decision();
      const proposal = d.action === 'buy' ? d.sizeUsd : undefined;
      if (v.verdict === 'veto') expect(v.sizeUsd).toBe(0);
      if (proposal === undefined) continue;
      if (v.verdict === 'resize') expect(v.sizeUsd).toBeLessThan(proposal);
      if (v.verdict === 'approve') expect(v.sizeUsd).toBe(proposal);
    }
  });

  it('messages carry the numbers', () => {
    const dd = run({ input: { portfolio: portfolio({ equity: 7_900, dayStartEquity: 7_900 }) } });
    expect(dd.reasons[0]?.message).toContain('21.00% below its peak 10000.00 (limit 20.00%)');
    const cd = run({
      input: {
        closedTrades: [trade(-1, NOW - 3 * MIN), trade(-1, NOW - 2 * MIN), trade(-1, NOW - MIN)],
      },
    });
    expect(cd.reasons[0]?.message).toContain('buys resume 2024-01-01T15:59:00.000Z (239 min)');
    const slip = run({
      input: { decision: decision({ sizeUsd: 1_000 }), expectedSlippageBps: (s) => s / 5 },
    });
    expect(slip.reasons[0]?.message).toMatch(
      /200\.0 bps on 1000\.00 exceeds 100 bps: shrunk to 500\.00/,
    );
  });

  it('calls the slippage estimate a bounded number of times', () => {
    let calls = 0;
    run({
      input: {
        decision: decision({ sizeUsd: 1_000 }),
        expectedSlippageBps: (s) => (calls++, s / 5),
      },
    });
    expect(calls).toBeLessThanOrEqual(23); // full size, minimum order, 20 bisection steps, final report
  });
});
