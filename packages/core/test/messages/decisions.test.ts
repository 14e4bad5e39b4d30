import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { createRulesProvider } from '../../src/decisions/rules-provider.js';
import type { Decision, DecisionInput, DecisionProvider } from '../../src/decisions/types.js';
import { marketSpec } from '../../src/market/market.js';
import { EN_MESSAGES, english, msg } from '../../src/messages/en.js';
import { hasTemplate, isMsg, keysOf, type Msg } from '../../src/messages/msg.js';
import { REGIME_KIND_MSG } from '../../src/regime/regime-msg.js';
import { listStrategies } from '../../src/strategies/registry.js';
import { HOLD } from '../../src/strategies/types.js';
import { readOhlcv } from '../support/indicator-inputs.js';
import { keysIn, shouted } from './message-checks.js';

/** A text and its message agree, every key exists and no placeholder is left. */
function expectRendered(m: Msg | undefined, text: string): void {
  expect(m).toBeDefined();
  if (m === undefined) return;
  expect(english(m)).toBe(text);
  expect(text).not.toContain('{{');
  for (const key of keysIn(m)) expect(hasTemplate(EN_MESSAGES, key), key).toBe(true);
}

function expectExplained(d: Decision): void {
  expectRendered(d.reasoningMsg, d.reasoning);
  for (const step of d.steps) {
    expectRendered(step.titleMsg, step.title);
    expectRendered(step.detailMsg, step.detail);
  }
}

/** Every decision the rules provider takes over a real backtest, asked on every candle. */
function decisionsOf(strategyId: string): Decision[] {
  const rules = createRulesProvider();
  const out: Decision[] = [];
  const recording: DecisionProvider = {
    id: 'recording',
    decide: (input) => {
      const d = rules.decide(input) as Decision;
      out.push(d);
      return d;
    },
  };
  const candles = readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv');
  runBacktest({
    markets: [{ spec: marketSpec('SOL/USDT'), candles }],
    strategyId,
    capital: 10_000,
    provider: recording,
  });
  return out;
}

const byStrategy = listStrategies().map((d) => ({ id: d.id, decisions: decisionsOf(d.id) }));

describe('rules decisions as messages, over a SOL/USDT 1h backtest', () => {
  it.each(byStrategy)('$id: every text is the English of its message', ({ decisions }) => {
    const active = decisions.filter((d) => d.steps.length === 4);
    expect(active.length).toBeGreaterThan(10);
    expect(active.some((d) => d.action === 'buy')).toBe(true);
    for (const d of decisions) expectExplained(d);
  });

  it.each(byStrategy)(
    '$id: a language with every template translated leaves no English word',
    ({ decisions }) => {
      // Shouting every template stands in for a translation: a lowercase letter left in the output
      // is a word that came from outside the catalog, so no translation could have changed it.
      for (const d of decisions) {
        expect(shouted(d.reasoningMsg!)).not.toMatch(/[a-z]/);
        for (const s of d.steps) expect(shouted(s.detailMsg!)).not.toMatch(/[a-z]/);
      }
    },
  );

  it('quotes real signal reasons through their clause templates, translatable', () => {
    const reasons = byStrategy
      .flatMap((s) => s.decisions)
      .filter((d) => d.reasoningMsg?.key.startsWith('decision.reasoning.') === true)
      .map((d) => d.reasoningMsg!.params!.votes as readonly Msg[])
      .flatMap((votes) => votes.map((v) => v.params!.reason));
    expect(reasons.length).toBeGreaterThan(40);
    const actions = new Set(byStrategy.flatMap((s) => s.decisions).map((d) => d.action));
    expect([...actions].sort()).toEqual(['buy', 'hold', 'sell']);
    for (const r of reasons) {
      expect(isMsg(r) && r.key.startsWith('decision.clause.'), JSON.stringify(r)).toBe(true);
    }
  });
});

describe('clause templates', () => {
  it('are the signal sentences without their final full stop', () => {
    const clauses = keysOf(EN_MESSAGES).filter((k) => k.startsWith('decision.clause.'));
    expect(clauses.length).toBeGreaterThan(5);
    for (const key of clauses) {
      const signalKey = 'signal.' + key.slice('decision.clause.'.length);
      const sentence = english({ key: signalKey, params: {} });
      const clause = english({ key, params: {} });
      expect(sentence === clause || sentence === clause + '.', key).toBe(true);
    }
  });
});

describe('known decisions', () => {
  const input = (signals: DecisionInput['signals'], qty = 0): DecisionInput => ({
    pair: 'SOL/USDC',
    ts: Date.UTC(2024, 0, 1),
    price: 100,
    regime: { kind: 'ranging', adx: Number.NaN, atrPct: 0.02, volatility: 0.012 },
    signals,
    portfolio: { equity: 10_000, cash: 10_000, positionQty: qty, averageEntry: Number.NaN },
    maxPositionUsd: 1000,
    atr: 2,
  });
  const reasonMsg = msg('signal.breakout.sell', { close: '95', period: 20, lower: '96' });
  const breakoutSell = {
    strategyId: 'breakout',
    signal: { side: 'sell', confidence: 0.9, reason: english(reasonMsg), reasonMsg },
  } as const;
  const customBuy = {
    strategyId: 'my-custom',
    signal: {
      side: 'buy',
      confidence: 0.3,
      reason: 'my setup.',
      reasonMsg: msg('signal.text', { text: 'my setup.' }),
    },
  } as const;

  it('a sell: regime and strategy as messages, the reason as a clause, n/a as a word', () => {
    const d = createRulesProvider().decide(
      input([breakoutSell, customBuy, { strategyId: 'momentum', signal: HOLD }], 2),
    ) as Decision;
    expectExplained(d);
    expect(d.action).toBe('sell');
    expect(d.reasoningMsg!.key).toBe('decision.reasoning.many');
    expect(d.reasoningMsg!.params).toMatchObject({
      regime: REGIME_KIND_MSG.ranging,
      adx: { key: 'decision.na' },
      atrPct: '2.00 %',
      signalled: 2,
      total: 3,
      conclusion: { key: 'decision.conclusion.sell', params: { size: '200.00', price: '100' } },
    });
    const [sell, custom] = d.reasoningMsg!.params!.votes as readonly Msg[];
    expect(sell).toEqual({
      key: 'decision.vote.sell',
      params: {
        strategy: { key: 'decision.strategy.breakout' },
        confidence: '0.90',
        weight: 0.7,
        score: '0.63',
        reason: { key: 'decision.clause.breakout.sell', params: reasonMsg.params },
      },
    });
    // A plug-in's own text has no clause template: quoted as given, without its stop.
    expect(custom!.params).toMatchObject({ strategy: 'my-custom', reason: 'my setup' });
    expect(d.steps[1]!.detail).toBe(
      'breakout sell 0.90: Close 95 fell below the 20-candle low 96: the breakout failed or the ' +
        'trend ended; my-custom buy 0.30: my setup; hold: momentum',
    );
    expect(d.steps[2]!.detailMsg!.params!.sell).toMatchObject({ key: 'decision.ensemble.sell' });
  });

  it('a hold says why as a message; an idle candle and explain: false too', () => {
    const held = createRulesProvider().decide(input([breakoutSell])) as Decision;
    expectExplained(held);
    expect(held.steps[3]!.detailMsg).toEqual({
      key: 'decision.proposal.hold',
      params: { why: { key: 'decision.why.noPosition' } },
    });
    const idle = createRulesProvider().decide(input([])) as Decision;
    expectExplained(idle);
    expect(idle.reasoningMsg).toEqual({ key: 'decision.idle.reasoning' });
    const terse = createRulesProvider({ explain: false }).decide(input([breakoutSell], 2));
    expect(terse).not.toHaveProperty('reasoningMsg');
  });
});
