import { describe, expect, it } from 'vitest';
import { EN_MESSAGES, english } from '../../src/messages/en.js';
import { hasTemplate, isMsg } from '../../src/messages/msg.js';
import { createStrategy, listStrategies } from '../../src/strategies/registry.js';
import { safeEvaluate } from '../../src/strategies/safe-evaluate.js';
import { HOLD } from '../../src/strategies/types.js';
import type { Signal } from '../../src/strategies/types.js';
import { candlesOf, readOhlcv } from '../support/indicator-inputs.js';
import { runStrategy, type PositionMode } from '../strategies/run-strategy.js';
import { meanReversionPath, momentumPath } from '../strategies/scenarios.js';
import { candlesFromCloses } from '../strategies/synthetic.js';
import { keysIn } from './message-checks.js';

const candles = candlesOf(readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv'));
const positions: readonly PositionMode[] = ['follow', 'flat', 'holding'];
// Each strategy with its defaults, plus the other exit band (its name is a message of its own).
const configs = [
  ...listStrategies().map((d) => ({ id: d.id, params: {} })),
  { id: 'mean-reversion', params: { exitAt: 'upper' } },
];

describe('signal reasons as messages, on real candles (SOL/USDT 1h, 2021)', () => {
  it.each(configs)('$id $params: reason is the English of reasonMsg', ({ id, params }) => {
    const used = new Set<string>();
    let checked = 0;
    for (const position of positions) {
      for (const s of runStrategy(createStrategy(id, params), candles, { position })) {
        if (s.side === 'hold') {
          expect(s).toBe(HOLD);
          continue;
        }
        const text = english(s.reasonMsg);
        expect(text).toBe(s.reason);
        expect(text).not.toContain('{{');
        expect(s.reasonMsg.key.startsWith('signal.')).toBe(true);
        keysIn(s.reasonMsg, used);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    for (const key of used) expect(hasTemplate(EN_MESSAGES, key), key).toBe(true);
  });

  it('HOLD carries one frozen message, rendered once', () => {
    expect(HOLD.reasonMsg).toEqual({ key: 'signal.hold' });
    expect(Object.isFrozen(HOLD.reasonMsg)).toBe(true);
    expect(english(HOLD.reasonMsg)).toBe(HOLD.reason);
    expect(HOLD.reason).toBe('no setup');
  });
});

describe('known reasons', () => {
  const run = (id: string, closes: number[], position: PositionMode): Signal[] =>
    runStrategy(createStrategy(id), candlesFromCloses(closes), { position });

  it('momentum: the RSI-only sell, and the buy with its MACD clause as a nested message', () => {
    const signals = run('momentum', momentumPath(), 'follow');
    expect(signals[90]!.reasonMsg).toEqual({
      key: 'signal.momentum.sellRsi',
      params: { rsi: '68.6', overbought: 70 },
    });
    const buy = signals[74]!.reasonMsg;
    expect(buy.key).toBe('signal.momentum.buy');
    expect(buy.params).toMatchObject({
      rsi: '31.6',
      oversold: 30,
      low: '12.8',
      macd: { key: 'signal.momentum.macdRising' },
    });
  });

  it('mean reversion names the exit band and the regime with shared frozen messages', () => {
    const buy = run('mean-reversion', meanReversionPath(), 'flat')[42]!;
    expect(buy.reasonMsg.key).toBe('signal.meanReversion.buy');
    const { band, regime } = buy.reasonMsg.params ?? {};
    expect(band).toEqual({ key: 'signal.meanReversion.band.middle' });
    expect(isMsg(regime) && regime.key.startsWith('regime.kind.')).toBe(true);
    expect(Object.isFrozen(band)).toBe(true);
    expect(Object.isFrozen(regime)).toBe(true);
  });
});

describe('safeEvaluate and reasonMsg', () => {
  const ctx = {
    pair: 'SOL/USDC',
    candle: { ts: 0, open: 100, high: 101, low: 99, close: 100, volume: 1 },
    seen: 1,
    regime: { kind: 'ranging', adx: 15, atrPct: 0.01, volatility: 0.01 },
    positionQty: 1,
  } as const;
  const returning = (value: unknown) => ({ warmup: 0, evaluate: () => value as Signal });

  it('rejects a malformed message, so the dashboard never has to render one', () => {
    const bad = { side: 'sell', confidence: 0.5, reason: 'exit', reasonMsg: 'exit' };
    const result = safeEvaluate(returning(bad), ctx);
    expect(result.signal).toBe(HOLD);
    expect(result.error).toBe(
      'invalid signal: reasonMsg must be a message {key, params?}, got "exit"',
    );
  });

  it('passes a well-formed one through unchanged', () => {
    const good = { side: 'sell', confidence: 0.5, reason: 'exit', reasonMsg: { key: 'x' } };
    expect(safeEvaluate(returning(good), ctx).signal).toBe(good);
  });
});
