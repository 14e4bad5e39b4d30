import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { paramDefaults } from '../../src/strategies/params.js';
import {
  createStrategy,
  getStrategy,
  listStrategies,
  strategies,
  strategyStyle,
} from '../../src/strategies/registry.js';

describe('strategy registry', () => {
  it('lists the four built-ins in a stable order', () => {
    expect(listStrategies().map((d) => [d.id, d.style])).toEqual([
      ['momentum', 'momentum'],
      ['mean-reversion', 'mean-reversion'],
      ['trend-following', 'trend'],
      ['breakout', 'breakout'],
    ]);
    expect([...strategies.keys()]).toEqual(listStrategies().map((d) => d.id));
  });

  it('refuses an unknown id, listing the known ones', () => {
    expect(() => getStrategy('scalper')).toThrow(ValidationError);
    expect(() => getStrategy('scalper')).toThrow(
      'unknown strategy "scalper"; known: momentum, mean-reversion, trend-following, breakout',
    );
    expect(strategyStyle('scalper')).toBeUndefined();
    expect(strategyStyle('breakout')).toBe('breakout');
  });

  it.each(listStrategies())('$id has a complete, self-consistent schema', (def) => {
    expect(def.name.length).toBeGreaterThan(3);
    expect(def.description.length).toBeGreaterThan(20);
    for (const [key, spec] of Object.entries(def.params)) {
      expect(spec.description, key).not.toBe('');
      if (spec.type === 'integer' || spec.type === 'number') {
        expect(spec.min, key).toBeLessThanOrEqual(spec.default);
        expect(spec.default, key).toBeLessThanOrEqual(spec.max);
        expect(spec.step, key).toBeGreaterThan(0);
        if (spec.type === 'integer') expect(Number.isInteger(spec.default), key).toBe(true);
      }
      if (spec.type === 'enum') expect(spec.options, key).toContain(spec.default);
    }
    const instance = def.create(paramDefaults(def.params));
    expect(Number.isInteger(instance.warmup)).toBe(true);
    expect(instance.warmup).toBeGreaterThan(1);
  });
});

describe('createStrategy', () => {
  it('fills defaults and accepts CLI strings', () => {
    expect(createStrategy('momentum').warmup).toBe(35);
    // MACD 5/35/5 first at 34 + 4 = 38 → 40
    expect(
      createStrategy('momentum', { macdFast: '5', macdSlow: '35', macdSignal: '5' }).warmup,
    ).toBe(40);
  });

  // prettier-ignore
  it.each([
    // out of range, as typed on the CLI
    { id: 'momentum', raw: { rsiPeriod: '500' }, message: 'momentum parameter rsiPeriod must be an integer from 2 to 100, got 500' },
    // a typo is not silently ignored
    { id: 'breakout', raw: { entryPeriods: 20 }, message: 'unknown breakout parameter entryPeriods; known: entryPeriod, exitPeriod, confirmAtr, atrPeriod, stopAtr, targetAtr' },
    { id: 'trend-following', raw: { maType: 'hma' }, message: 'trend-following parameter maType must be one of ema, sma, got "hma"' },
    // cross-parameter rules are the strategy's own
    { id: 'momentum', raw: { macdFast: 30 }, message: 'parameter macdFast must be below macdSlow, got 30 and 26' },
    { id: 'trend-following', raw: { fastPeriod: 50 }, message: 'parameter fastPeriod must be below slowPeriod, got 50 and 50' },
    { id: 'nope', raw: {}, message: 'unknown strategy "nope"' },
  ])('refuses $raw for $id', ({ id, raw, message }) => {
    expect(() => createStrategy(id, raw)).toThrow(ValidationError);
    expect(() => createStrategy(id, raw)).toThrow(message);
  });

  it('guards create() against unresolved params', () => {
    expect(() => getStrategy('momentum').create({})).toThrow(
      'parameter macdFast must be a number, got nothing (pass params through resolveParams)',
    );
  });
});
