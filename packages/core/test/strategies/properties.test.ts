import { describe, expect, it } from 'vitest';
import { createStrategy, listStrategies } from '../../src/strategies/registry.js';
import { HOLD } from '../../src/strategies/types.js';
import { candlesOf, readOhlcv } from '../support/indicator-inputs.js';
import { events, runStrategy } from './run-strategy.js';
import { candlesFromCloses, randomWalk } from './synthetic.js';

const ids = listStrategies().map((d) => d.id);

// prettier-ignore
const warmups = [
  // MACD 12/26/9 first at 26 − 1 + 9 − 1 = 33; a cross needs 33 and 34 → 35 candles
  { id: 'momentum', warmup: 35 },
  // Bollinger 20 first at 19, ATR 14 at 14 → max 19 + 2 = 21
  { id: 'mean-reversion', warmup: 21 },
  // slow MA 50 first at 49, ADX 14 at 27; the setup must be known one candle before → 49 + 2 = 51
  { id: 'trend-following', warmup: 51 },
  // the 20-candle channel before a candle exists from candle 21; state recorded there → 22
  { id: 'breakout', warmup: 22 },
];

/** Volatile random walks (±3 % a candle): setups everywhere, including inside the warm-up. */
const walks = [1, 2, 3, 4, 5].map((seed) => candlesFromCloses(randomWalk(400, 100, 0.03, seed)));

describe('warm-up', () => {
  it.each(warmups)('$id declares a warm-up of $warmup candles', ({ id, warmup }) => {
    expect(createStrategy(id).warmup).toBe(warmup);
  });

  it.each(warmups)('$id returns HOLD before its warm-up and signals after it', ({ id, warmup }) => {
    let after = 0;
    for (const candles of walks) {
      for (const position of ['flat', 'holding'] as const) {
        const signals = runStrategy(createStrategy(id), candles, { position });
        signals.slice(0, warmup - 1).forEach((s) => {
          expect(s).toBe(HOLD);
        });
        after += events(signals).length;
      }
    }
    expect(after).toBeGreaterThan(0);
  });
});

describe('no lookahead', () => {
  // A and B share candles 0..t and differ after (another walk continues from A's close at t).
  it.each(ids.flatMap((id) => [150, 260, 371].map((t) => ({ id, t }))))(
    '$id: signals up to $t are the same whatever follows',
    ({ id, t }) => {
      const a = randomWalk(500, 100, 0.02, 11);
      const b = [...a.slice(0, t + 1), ...randomWalk(500 - t - 1, a[t]!, 0.05, 99)];
      const sa = runStrategy(createStrategy(id), candlesFromCloses(a));
      const sb = runStrategy(createStrategy(id), candlesFromCloses(b));
      expect(sb.slice(0, t + 1)).toEqual(sa.slice(0, t + 1));
      expect(events(sb)).not.toEqual(events(sa)); // the futures do differ
    },
  );
});

describe('spot, long-only', () => {
  it.each(ids)('%s alternates buy and sell when following its own signals', (id) => {
    for (const candles of walks) {
      const sides = events(runStrategy(createStrategy(id), candles)).map((e) => e.split(' ')[1]);
      sides.forEach((side, i) => {
        expect(side).toBe(i % 2 === 0 ? 'buy' : 'sell');
      });
    }
  });

  it.each(ids)('%s never sells flat and never buys holding', (id) => {
    for (const candles of walks) {
      const flat = runStrategy(createStrategy(id), candles, { position: 'flat' });
      const held = runStrategy(createStrategy(id), candles, { position: 'holding' });
      expect(flat.filter((s) => s.side === 'sell')).toEqual([]);
      expect(held.filter((s) => s.side === 'buy')).toEqual([]);
    }
  });
});

describe('on real candles (SOL/USDT 1h, 2021)', () => {
  const candles = candlesOf(readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv'));

  it.each(ids)('%s trades now and then, not every bar', (id) => {
    const signals = runStrategy(createStrategy(id), candles);
    const trades = events(signals).length / 2;
    // 2,166 candles: between 5 and ~100 round trips (a trade every ~20 candles at most)
    expect(trades).toBeGreaterThanOrEqual(5);
    expect(trades).toBeLessThan(candles.length / 20);
    for (const s of signals) {
      if (s.side === 'hold') continue;
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.reason.length).toBeGreaterThan(20);
    }
  });
});
