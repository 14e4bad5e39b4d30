import { describe, expect, it } from 'vitest';
import type { RegimeKind } from '@numerusx/core';
import { decisionPrompt, regimeGuidance } from '../../src/index.js';
import { HOLDING, INPUT } from './fixtures.js';

describe('decision prompt', () => {
  it('gives each regime its own guidance', () => {
    const kinds: RegimeKind[] = ['trending-up', 'trending-down', 'ranging', 'volatile', 'unknown'];
    const texts = kinds.map(regimeGuidance);
    expect(new Set(texts).size).toBe(kinds.length);
    const volatile = decisionPrompt({ ...INPUT, regime: { ...INPUT.regime, kind: 'volatile' } });
    expect(volatile.user).toContain('Regime: volatile');
    expect(volatile.user).toContain(regimeGuidance('volatile'));
    expect(volatile.user).not.toContain(regimeGuidance('trending-up'));
  });

  it('states the market, indicators, signals, portfolio and limits', () => {
    const { user } = decisionPrompt(HOLDING);
    for (const fact of [
      'Pair: SOL/USDC',
      'Time (UTC): 2024-03-01T12:00:00.000Z',
      'Price: 100',
      'ATR: 2 (2.00 % of price)',
      'ema-cross: BUY, confidence 0.8: fast EMA crossed above slow EMA',
      'suggested stop 96, suggested target 110',
      'rsi-reversion: HOLD',
      'equity 10000.00, cash 9000.00',
      // 10 × 100 = 1,000; 100 / 90 − 1 = +11.11 %
      'position in SOL/USDC: 10 held at average 90 (value 1000.00, unrealised +11.11 %)',
      'maxPositionUsd: 2500.00',
      '- sizeUsd (number)',
    ]) {
      expect(user).toContain(fact);
    }
  });

  it('says when the ATR is still warming up and when the pair is flat', () => {
    const { user } = decisionPrompt({ ...INPUT, atr: Number.NaN, signals: [] });
    expect(user).toContain('ATR: not available yet (warm-up)');
    expect(user).toContain('position in SOL/USDC: flat');
    expect(user).toContain('Strategy signals:\n- none');
  });
});
