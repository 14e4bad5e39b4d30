// The French catalog of the server's texts: the same keys and placeholders as core's English, no
// word the French e2e suite would flag as English, and the sentences a French user actually reads
// (a rules decision, risk reasons, log lines) rendered whole.
import {
  DEFAULT_RISK_CONFIG,
  EN_MESSAGES,
  createRulesProvider,
  english,
  evaluateRisk,
  hasTemplate,
  isMsg,
  keysOf,
  listStrategies,
  marketSpec,
  msg,
  parseCandleCsv,
  placeholdersOf,
  renderWith,
  runBacktest,
  type Catalog,
  type Decision,
  type DecisionInput,
  type DecisionProvider,
  type Msg,
  type PortfolioSnapshot,
  type RiskInput,
} from '@numerusx/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr';
import { FR_MESSAGES } from '../../src/i18n/fr-messages';
import { FR_STRATEGIES } from '../../src/i18n/strategy-texts-fr';
import { ENGLISH_ONLY, englishLines } from '../e2e/english-leftovers';

const FRENCH: readonly Catalog[] = [FR_MESSAGES, EN_MESSAGES];
const french = (m: Msg): string => renderWith(FRENCH, m);
/** French alone: a key it lacked would render as the key, not fall back to English. */
const frenchOnly = (m: Msg): string => renderWith([FR_MESSAGES], m);

const EN_KEYS = keysOf(EN_MESSAGES);
const FR_KEYS = keysOf(FR_MESSAGES);

/** The template of `key` in `catalog` (a placeholder-free render shows it as written). */
const template = (catalog: Catalog, key: string): string => renderWith([catalog], { key });

/** The words of a template outside its placeholders, cut as the e2e suite cuts a screen's text. */
function literalWords(text: string): string[] {
  return text
    .split(/\{\{\s*\w+\s*\}\}/)
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
}

/** Every key a message uses, its nested parameters' included. */
function keysIn(m: Msg, into: Set<string> = new Set()): Set<string> {
  into.add(m.key);
  for (const value of Object.values(m.params ?? {})) {
    if (Array.isArray(value)) value.forEach((v: Msg) => keysIn(v, into));
    else if (isMsg(value)) keysIn(value, into);
  }
  return into;
}

/** A French text a user reads: every key known to French, no placeholder left, no English word. */
function expectFrench(m: Msg | undefined): string {
  expect(m).toBeDefined();
  if (m === undefined) return '';
  for (const key of keysIn(m)) expect(hasTemplate(FR_MESSAGES, key), key).toBe(true);
  const text = french(m);
  expect(text).not.toContain('{{');
  expect(englishLines(text), text).toEqual([]);
  return text;
}

describe('FR_MESSAGES against EN_MESSAGES', () => {
  it('has a template for every English key, with the same placeholders', () => {
    expect(EN_KEYS.length).toBeGreaterThan(150);
    for (const key of EN_KEYS) {
      expect(hasTemplate(FR_MESSAGES, key), key).toBe(true);
      const en = [...new Set(placeholdersOf(EN_MESSAGES, key))].sort();
      const frPlaceholders = [...new Set(placeholdersOf(FR_MESSAGES, key))].sort();
      expect(frPlaceholders, key).toEqual(en);
    }
  });

  it('has no key English lacks', () => {
    expect(FR_KEYS).toEqual(EN_KEYS);
  });

  it('translates every text but bare placeholders, joins and a product name', () => {
    const same = EN_KEYS.filter((k) => template(FR_MESSAGES, k) === template(EN_MESSAGES, k));
    expect(same).toEqual([
      'decision.clause.text', // {{text}}: a plug-in's own words
      'decision.ensemble.term', // {{strategy}} {{confidence}} × {{weight}}
      'decision.join.comma',
      'decision.join.plus',
      'decision.signal.list', // {{items}}
      'runtime.dataset.short.binanceSpot', // « Binance spot »: an exchange and its market
      'runtime.feed.replayLabels', // {{labels}}
      'signal.text',
    ]);
  });

  it('has no English-only word outside its placeholders', () => {
    const offending = FR_KEYS.flatMap((key) => {
      const hits = literalWords(template(FR_MESSAGES, key)).filter((w) => ENGLISH_ONLY.has(w));
      return hits.length > 0 ? [`${key}: ${hits.join(', ')}`] : [];
    });
    expect(offending).toEqual([]);
  });

  it('follows French typography: a space before ; : ! ? and typographic apostrophes', () => {
    for (const key of FR_KEYS) {
      const text = template(FR_MESSAGES, key);
      expect(text, key).not.toMatch(/[^\s][;:!?](?=\s|$)/);
      expect(text, key).not.toContain("'");
    }
  });

  it('ends a signal sentence with a full stop exactly where English does', () => {
    // The rules provider picks a clause template by the English sentence's final stop.
    for (const key of EN_KEYS.filter((k) => k.startsWith('signal.'))) {
      const stop = (c: Catalog): boolean => template(c, key).endsWith('.');
      expect(stop(FR_MESSAGES), key).toBe(stop(EN_MESSAGES));
    }
  });

  it('derives its decision clauses from its own signal sentences', () => {
    const clauses = FR_KEYS.filter((k) => k.startsWith('decision.clause.'));
    expect(clauses.length).toBeGreaterThan(10);
    for (const key of clauses) {
      const sentence = template(FR_MESSAGES, 'signal.' + key.slice('decision.clause.'.length));
      const clause = template(FR_MESSAGES, key);
      expect(sentence === clause || sentence === clause + '.', key).toBe(true);
    }
  });
});

describe('identifiers say what the dashboard tables say', () => {
  const words = (group: string): Readonly<Record<string, string>> => {
    const found = Object.fromEntries(
      FR_KEYS.filter((k) => k.startsWith(group + '.')).map((k) => [
        k.slice(group.length + 1),
        template(FR_MESSAGES, k),
      ]),
    );
    expect(Object.keys(found).length, group).toBeGreaterThan(0);
    return found;
  };
  const subset = (labels: Readonly<Record<string, string>>, group: string): void => {
    for (const [id, word] of Object.entries(words(group))) expect(labels[id], id).toBe(word);
  };

  it('sides, exit reasons, order types, providers, regimes and the system actor', () => {
    subset(fr.enums.side, 'runtime.side');
    subset(fr.enums.exitReason, 'runtime.exit');
    subset(fr.enums.orderType, 'runtime.orderType');
    subset(fr.enums.provider, 'runtime.provider');
    subset(fr.enums.regime, 'regime.kind');
    expect(template(FR_MESSAGES, 'runtime.actor.system')).toBe(fr.enums.logSource.system);
    expect(template(FR_MESSAGES, 'signal.meanReversion.band.upper')).toBe(
      FR_STRATEGIES['mean-reversion']?.params.exitAt?.options?.upper,
    );
  });

  it('strategies: the name of the strategy pickers, in decisions and log lines alike', () => {
    const runtime = words('runtime.strategy');
    expect(words('decision.strategy')).toEqual(runtime);
    for (const [id, name] of Object.entries(runtime)) {
      expect(FR_STRATEGIES[id]?.name.startsWith(name), id).toBe(true);
    }
  });
});

describe('what a French user reads', () => {
  const breakoutSell = msg('signal.breakout.sell', { close: '95', period: 20, lower: '96' });
  const momentumBuy = msg('signal.momentum.buy', {
    rsi: '31.2',
    oversold: 30,
    low: '24.8',
    macd: msg('signal.momentum.macdRising', { prevHist: '-0.012', hist: '0.004' }),
    atr: '2',
  });
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
  const vote = (strategyId: string, side: 'buy' | 'sell', confidence: number, m: Msg) => ({
    strategyId,
    signal: { side, confidence, reason: english(m), reasonMsg: m },
  });

  it('a rules sell, reasoning and steps', () => {
    const d = createRulesProvider().decide(
      input(
        [vote('breakout', 'sell', 0.9, breakoutSell), vote('momentum', 'buy', 0.3, momentumBuy)],
        2,
      ),
    ) as Decision;
    expect(d.action).toBe('sell');
    expect(expectFrench(d.reasoningMsg)).toBe(
      'Régime sans tendance (ADX n.d., ATR 2,00\u00a0%) ; stratégies ayant émis un signal : 2 sur 2. ' +
        'Votes : Cassure propose la vente (confiance 0,90, poids 0,7 → 0,63) : Clôture 95 sous le ' +
        'plus bas des 20 bougies précédentes (96) : la cassure a échoué ou la tendance est finie ; ' +
        'Momentum propose l’achat (confiance 0,30, poids 0,8 → 0,24) : RSI 31,2 repassé au-dessus ' +
        'de 30 (plus bas 24,8) avec un histogramme MACD en hausse (-0,012 → 0,004) ; ATR 2. ' +
        'Score : achat 0,24 contre vente 0,63, soit 0,39 net à la vente ; la paire est détenue, ' +
        'donc vente de toute la position (~200,00 à 100).',
    );
    expect(d.steps.map((s) => expectFrench(s.titleMsg))).toEqual([
      'Régime',
      'Signaux',
      'Vote pondéré',
      'Proposition',
    ]);
    expect(expectFrench(d.steps[3]!.detailMsg)).toBe('vendre toute la position, 2 à ~100 ≈ 200,00');
  });

  it('a rules buy with its stop and target, and a hold that says why', () => {
    const buy = createRulesProvider().decide(
      input([vote('momentum', 'buy', 0.8, momentumBuy)]),
    ) as Decision;
    expect(buy.action).toBe('buy');
    const reasoning = expectFrench(buy.reasoningMsg);
    expect(reasoning).toMatch(
      /^Régime sans tendance .* stratégie ayant émis un signal : 1 sur 1\./,
    );
    expect(reasoning).toContain('aucune position sur la paire, donc achat de');
    expect(reasoning).toContain('permis par les limites de risque) avec un stop à');
    for (const s of buy.steps) expectFrench(s.detailMsg);

    const held = createRulesProvider().decide(
      input([vote('breakout', 'sell', 0.9, breakoutSell)]),
    ) as Decision;
    expect(held.action).toBe('hold');
    expect(expectFrench(held.reasoningMsg)).toMatch(
      /; mais il n’y a aucune position à vendre \(spot, positions longues seulement\), donc le robot reste en attente\.$/,
    );
    expect(expectFrench(held.steps[3]!.detailMsg)).toBe(
      'attente : il n’y a aucune position à vendre (spot, positions longues seulement)',
    );
  });

  /** Every decision the rules provider takes over a real SOL/USDT 1h backtest of `strategyId`. */
  function decisionsOf(strategyId: string): Decision[] {
    const file = new URL(
      '../../../../datasets/market/binance_usdt_2021/SOL_USDT-1h.csv',
      import.meta.url,
    );
    const candles = parseCandleCsv(readFileSync(file, 'utf8'), 'SOL_USDT-1h.csv');
    const rules = createRulesProvider();
    const out: Decision[] = [];
    const recording: DecisionProvider = {
      id: 'recording',
      decide: (i) => {
        const d = rules.decide(i) as Decision;
        out.push(d);
        return d;
      },
    };
    runBacktest({
      markets: [{ spec: marketSpec('SOL/USDT'), candles }],
      strategyId,
      capital: 10_000,
      provider: recording,
    });
    return out;
  }

  it.each(listStrategies().map((s) => s.id))(
    '%s: every rules decision of a real backtest reads in French',
    (id) => {
      const decisions = decisionsOf(id);
      expect(decisions.some((d) => d.action === 'buy')).toBe(true);
      const seen = new Set<string>();
      for (const d of decisions) {
        for (const m of [d.reasoningMsg, ...d.steps.flatMap((s) => [s.titleMsg, s.detailMsg])]) {
          if (m === undefined || seen.has(m.key + JSON.stringify(m.params))) continue;
          seen.add(m.key + JSON.stringify(m.params));
          expectFrench(m);
          // Every key French: nothing came through the English fallback.
          expect(frenchOnly(m)).toBe(french(m));
        }
      }
    },
  );

  it('risk reasons: a veto, a resize and a sell', () => {
    const now = Date.UTC(2024, 0, 1, 12);
    const portfolio = (over: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot => ({
      ts: now,
      cash: 10_000,
      equity: 10_000,
      positions: [],
      realizedPnl: 0,
      fees: 0,
      slippage: 0,
      peakEquity: 10_000,
      dayStartEquity: 10_000,
      ...over,
    });
    const decision: Decision = {
      action: 'buy',
      pair: 'SOL/USDC',
      sizeUsd: 500,
      stopLoss: 95,
      takeProfit: 110,
      confidence: 0.8,
      reasoning: '',
      steps: [],
    };
    const gate = (over: Partial<RiskInput>) =>
      evaluateRisk(
        {
          decision,
          portfolio: portfolio(),
          closedTrades: [],
          price: 100,
          atr: 2,
          now,
          expectedSlippageBps: (s) => s / 100,
          ...over,
        },
        DEFAULT_RISK_CONFIG,
      ).reasons.map((r) => expectFrench(r.messageMsg));

    expect(gate({ portfolio: portfolio({ equity: 7_000, cash: 7_000 }) })).toContain(
      'le capital 7000,00 est inférieur de 30,00\u00a0% à son sommet 10000,00 (limite 20,00\u00a0%) : ' +
        'coupe-circuit déclenché',
    );
    expect(gate({ portfolio: portfolio({ cash: 300 }) })).toContain(
      'seulement 300,00 de liquidités disponibles',
    );
    const position = {
      pair: 'SOL/USDC',
      asset: 'SOL',
      qty: 2.5,
      averageEntry: 90,
      mark: 100,
      unrealizedPnl: 25,
      openedAt: now - 86_400_000,
    };
    expect(
      gate({
        decision: { ...decision, action: 'sell' },
        portfolio: portfolio({ positions: [position] }),
      }),
    ).toEqual(['la vente clôture 2,5 SOL × 100 = 250,00 ; une sortie n’est jamais bloquée']);
  });

  it('log lines and the bot status', () => {
    const orderPlaced = msg('runtime.log.orderPlaced', {
      action: msg('runtime.side.buy'),
      pair: 'SOL/USDC',
      confidence: '0.80',
    });
    expect(expectFrench(orderPlaced)).toBe('achat SOL/USDC (confiance 0,80) : ordre passé');
    const vetoed = msg('runtime.log.vetoed', {
      action: msg('runtime.side.sell'),
      pair: 'SOL/USDC',
      confidence: '0.65',
    });
    expect(expectFrench(vetoed)).toBe(
      'vente SOL/USDC (confiance 0,65) : refusé par le contrôle des risques',
    );
    const exit = msg('runtime.log.exitHit', {
      pair: 'SOL/USDT',
      exit: msg('runtime.exit.trailing-stop'),
      price: '3.1',
    });
    expect(expectFrench(exit)).toBe('SOL/USDT : sortie sur stop suiveur à 3,1 ; position clôturée');
    const started = msg('runtime.log.started', {
      strategy: msg('runtime.strategy.mean-reversion'),
      pairs: 'SOL/USDT, ETH/USDT',
      timeframe: '1h',
      provider: msg('runtime.provider.rules'),
      feed: msg('runtime.feed.replayLabels', {
        labels: [
          msg('runtime.feed.binanceReplay', {
            pair: 'SOL/USDT',
            from: '2021-03-16',
            to: '2021-06-14',
          }),
          msg('runtime.dataset.label', {
            pair: 'ETH/USDT',
            timeframe: '1h',
            source: msg('runtime.dataset.short.binanceCrashQuarter'),
          }),
        ],
      }),
    });
    expect(expectFrench(started)).toBe(
      'démarrage : Retour à la moyenne sur SOL/USDT, ETH/USDT (1h), décisions par règles, flux ' +
        'SOL/USDT · Binance spot 2021-03-16–2021-06-14, rejoué ; ' +
        'ETH/USDT 1h (Binance spot, trimestre du krach de 2021, rejoué)',
    );
    const manual = msg('runtime.log.manualOrder', {
      type: msg('runtime.orderType.market'),
      side: msg('runtime.side.buy'),
      pair: 'SOL/USDC',
      user: 'alice',
    });
    expect(expectFrench(manual)).toBe('ordre manuel par alice : achat SOL/USDC, au marché');
    const budget = msg('runtime.log.budgetSpent', {
      provider: 'gemini',
      limit: msg('runtime.budgetLimit.cost'),
      tokens: 120_000,
      cost: '0.5000',
      day: '2024-01-01',
    });
    expect(expectFrench(budget)).toBe(
      'gemini : budget quotidien épuisé (limite atteinte : coût ; 120000 jetons, 0,5000 $) ; ' +
        'les règles hors ligne décident jusqu’à la fin de la journée du 2024-01-01',
    );
    const emergency = msg('runtime.status.emergencyByReason', {
      who: msg('runtime.actor.system'),
      reason: 'perte anormale',
    });
    expect(expectFrench(emergency)).toBe('arrêt d’urgence (auteur : système) : perte anormale');
  });
});
