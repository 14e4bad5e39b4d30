import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';

function flat(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'object' && v !== null)
      for (const [kk, vv] of flat(v as object, key)) out.set(kk, vv);
  }
  return out;
}

/** Proper nouns, symbols and words French borrows as they are: the same in both languages. */
const SAME_IN_BOTH = new Set([
  'app.name', // NumerusX
  'nav.trading', // « trading » is the French word too
  'nav.backtests',
  'nav.menu',
  'header.role.trader',
  'bot.instance',
  'bot.cycles',
  'bot.mode',
  'bot.configVersion', // Version {{version}}
  'bot.pause',
  'dashboard.positions',
  'dashboard.performance',
  'decisions.performance',
  'decisions.validation',
  'trading.title',
  'trading.conditionHint', // an expression in the condition language, not prose
  'trading.condition',
  'backtests.title',
  'backtests.capital',
  'backtests.result', // Backtest n° — kept: differs ("#")
  'enums.provider.gemini', // product names
  'enums.provider.openai',
  'enums.logLevel.info',
  'enums.logSource.backtest',
  'enums.outcomeField.horizonMs', // « horizon » is the French word too
]);

describe('i18n: English and French', () => {
  const e = flat(en);
  const f = flat(fr);

  it('have exactly the same keys', () => {
    expect([...f.keys()].sort()).toEqual([...e.keys()].sort());
  });

  it('translate every value except the listed proper nouns and borrowed words', () => {
    const untranslated = [...e]
      .filter(([k, v]) => f.get(k) === v && !SAME_IN_BOTH.has(k))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('keep the same {{placeholders}} in each string', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of e) expect(vars(f.get(k) ?? ''), k).toEqual(vars(v));
  });
});
