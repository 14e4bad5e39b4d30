import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { DEFAULT_RISK_CONFIG, RISK_PARAMS, resolveRiskConfig } from '../../src/risk/config.js';

describe('resolveRiskConfig', () => {
  it('fills every default: a cautious bot', () => {
    expect(resolveRiskConfig()).toEqual({
      sizingMethod: 'fixed-fraction',
      riskFraction: 0.1,
      atrRiskFraction: 0.01,
      atrStopMultiple: 2,
      kellyFraction: 0.5,
      kellyMinTrades: 30,
      maxPositionPct: 0.25,
      maxOpenPositions: 3,
      minOrderUsd: 10,
      minConfidence: 0.6,
      dailyLossLimitPct: 0.05,
      maxDrawdownPct: 0.2,
      cooldownLosses: 3,
      cooldownMinutes: 240,
      maxSlippageBps: 100,
    });
    expect(resolveRiskConfig()).toEqual(DEFAULT_RISK_CONFIG);
    expect(Object.isFrozen(resolveRiskConfig())).toBe(true);
  });

  it('coerces CLI strings', () => {
    const c = resolveRiskConfig({
      sizingMethod: 'kelly',
      kellyFraction: '0.25',
      maxOpenPositions: '5',
    });
    expect([c.sizingMethod, c.kellyFraction, c.maxOpenPositions]).toEqual(['kelly', 0.25, 5]);
  });

  it.each([
    // raw                                   refused because
    [{ maxPositionPct: 1.5 }, 'maxPositionPct must be a number from 0.01 to 1, got 1.5'],
    [{ maxOpenPositions: 2.5 }, 'maxOpenPositions must be an integer from 1 to 50'],
    [{ sizingMethod: 'martingale' }, 'sizingMethod must be one of fixed-fraction, atr, kelly'],
    [{ riskFraction: 'ten' }, 'riskFraction must be a number'],
    [{ maxDrawdown: 0.2 }, 'unknown risk parameter maxDrawdown'],
  ])('%o → %s', (raw, message) => {
    expect(() => resolveRiskConfig(raw)).toThrow(ValidationError);
    expect(() => resolveRiskConfig(raw)).toThrow(message);
  });

  it('documents every parameter with a range and a default inside it', () => {
    for (const [key, spec] of Object.entries(RISK_PARAMS)) {
      expect(spec.description.length, key).toBeGreaterThan(20);
      if (spec.type === 'number' || spec.type === 'integer') {
        expect(spec.default, key).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, key).toBeLessThanOrEqual(spec.max);
      }
    }
  });
});
