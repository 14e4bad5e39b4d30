import { describe, expect, it } from 'vitest';
import { createRulesProvider } from '../../src/decisions/rules-provider.js';
import type { Decision } from '../../src/decisions/types.js';
import { EN_MESSAGES, english } from '../../src/messages/en.js';
import { hasTemplate, keysOf } from '../../src/messages/msg.js';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../src/risk/config.js';
import { evaluateRisk, type RiskInput, type RiskVerdict } from '../../src/risk/risk-gate.js';
import type { RiskReason } from '../../src/risk/sizing.js';
import { MIN, NOW, decision, history, portfolio, position, trade } from '../risk/fixtures.js';
import { keysIn, shouted } from './message-checks.js';

function run(input: Partial<RiskInput> = {}, config: Partial<RiskConfig> = {}): RiskVerdict {
  return evaluateRisk(
    {
      decision: decision(),
      portfolio: portfolio(),
      closedTrades: [],
      price: 100,
      atr: 2,
      now: NOW,
      expectedSlippageBps: (s) => s / 100,
      ...input,
    },
    { ...DEFAULT_RISK_CONFIG, ...config },
  );
}

const threeOthers = [
  position('BTC/USDC', 0.02, 50_000),
  position('ETH/USDC', 0.5, 2_000),
  position('JUP/USDC', 1_000, 1),
];
const losses = [
  trade(-10, NOW - 180 * MIN),
  trade(-10, NOW - 120 * MIN),
  trade(-10, NOW - 60 * MIN),
];
const kelly = { sizingMethod: 'kelly', kellyMinTrades: 5 } as const;

/** Gate runs that between them reach every reason the gate writes. */
// prettier-ignore
const verdicts: readonly RiskVerdict[] = [
  run({ decision: decision({ action: 'hold', sizeUsd: 0 }) }),
  run({ decision: decision({ action: 'sell' }) }),
  run({ decision: decision({ action: 'sell' }), portfolio: portfolio({ positions: [position('SOL/USDC', 2.5)] }) }),
  run(),
  run({ decision: decision({ sizeUsd: 0 }) }),
  run({ price: Number.NaN }),
  run({ decision: decision({ confidence: 0.1 }), portfolio: portfolio({ cash: 7_000, equity: 7_000, dayStartEquity: 8_000 }) }),
  run({ closedTrades: losses }),
  run({ portfolio: portfolio({ cash: 7_000, positions: threeOthers }) }),
  run({ decision: decision({ sizeUsd: 5_000 }), portfolio: portfolio({ cash: 400, positions: [position('SOL/USDC', 18)] }) }),
  run({ portfolio: portfolio({ cash: 7_500, positions: [position('SOL/USDC', 25)] }) }),
  run({ portfolio: portfolio({ cash: 5 }) }),
  run({ decision: decision({ sizeUsd: 1_000 }), expectedSlippageBps: (s) => s / 5 }),
  run({ expectedSlippageBps: (s) => s * 20 }),
  run({ expectedSlippageBps: (s) => (s > 1e-300 ? 1e9 : 0) }, { minOrderUsd: 0 }),
  run({ decision: decision({ sizeUsd: 5_000 }) }, { sizingMethod: 'atr' }),
  run({ atr: Number.NaN }, { sizingMethod: 'atr' }),
  run({ decision: decision({ sizeUsd: 5_000 }), closedTrades: history([30, 30, 30, -20, -20]) }, kelly),
  run({ closedTrades: history([10, -10, 10, -10, 10, -10]) }, kelly),
  run({ decision: decision({ sizeUsd: 5_000 }), closedTrades: history([10, -10]) }, kelly),
];
const reasons: readonly RiskReason[] = verdicts.flatMap((v) => v.reasons);

describe('risk reasons as messages', () => {
  it('every reason is the English of its message, with known keys and no placeholder left', () => {
    for (const r of reasons) {
      expect(english(r.messageMsg)).toBe(r.message);
      expect(r.message).not.toContain('{{');
      for (const key of keysIn(r.messageMsg)) expect(hasTemplate(EN_MESSAGES, key), key).toBe(true);
    }
  });

  it('reaches every risk template but the defensive fallback target', () => {
    const used = new Set(reasons.flatMap((r) => [...keysIn(r.messageMsg)]));
    // risk.cap.target only stands in if a sizing method ever returned no reason; none does.
    const missing = keysOf(EN_MESSAGES).filter((k) => k.startsWith('risk.') && !used.has(k));
    expect(missing).toEqual(['risk.cap.target']);
  });

  it('a language with every template translated leaves no English word', () => {
    // Lowercase left after shouting every template came from outside the catalog; `NaN` is a number.
    for (const r of reasons) {
      expect(shouted(r.messageMsg).replace(/NaN/g, '')).not.toMatch(/[a-z]/);
    }
  });

  it('known reasons: numbers preformatted as before, nested Kelly statistics', () => {
    const dd = run({ portfolio: portfolio({ equity: 7_900, dayStartEquity: 7_900 }) });
    expect(dd.reasons[0]!.messageMsg).toEqual({
      key: 'risk.breaker.maxDrawdown',
      params: { equity: '7900.00', drawdown: '21.00%', peak: '10000.00', limit: '20.00%' },
    });
    // Kelly sizes 1 666.67 here, so it binds (and is reported) under a 5 000 proposal.
    const k = run(
      { decision: decision({ sizeUsd: 5_000 }), closedTrades: history([30, 30, 30, -20, -20]) },
      kelly,
    );
    expect(k.reasons[0]!.messageMsg).toMatchObject({
      key: 'risk.sizing.kelly',
      params: {
        kelly: '0.3333',
        stats: {
          key: 'risk.sizing.kellyStats',
          params: { winRate: '60.00%', payoff: '1.500', trades: 5 },
        },
      },
    });
    expect(run({ decision: decision({ action: 'hold' }) }).reasons).toEqual([
      { rule: 'hold', message: 'hold: nothing to gate', messageMsg: { key: 'risk.verdict.hold' } },
    ]);
  });

  it('gates the rules provider’s own decisions with messages', () => {
    const d = createRulesProvider().decide({
      pair: 'SOL/USDC',
      ts: NOW,
      price: 100,
      regime: { kind: 'trending-up', adx: 30, atrPct: 0.02, volatility: 0.01 },
      signals: [
        {
          strategyId: 'momentum',
          signal: {
            side: 'buy',
            confidence: 0.9,
            reason: 'x',
            reasonMsg: { key: 'signal.text', params: { text: 'x' } },
          },
        },
      ],
      portfolio: { equity: 10_000, cash: 10_000, positionQty: 0, averageEntry: Number.NaN },
      maxPositionUsd: 2_500,
      atr: 2,
    }) as Decision;
    const v = run({ decision: d });
    expect(v.verdict).toBe('resize');
    expect(v.reasons.map((r) => r.messageMsg.key)).toEqual(['risk.sizing.fixedFraction']);
    expect(v.reasons[0]!.message).toBe('fixed fraction 10.00% of equity 10000.00 = 1000.00');
  });
});
