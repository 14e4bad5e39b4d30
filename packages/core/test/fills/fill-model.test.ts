// The paper fill model: trigger prices, slippage against the taker, impact, volume cap, fees.
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/candles/types.js';
import { ValidationError } from '../../src/errors.js';
import {
  DEFAULT_FILL_MODEL,
  FillModel,
  fillModelConfig,
  firstExit,
  limitBuyFillPrice,
  stopFillPrice,
  targetFillPrice,
  type FillModelConfig,
} from '../../src/fills/fill-model.js';
import { marketSpec } from '../../src/market/market.js';

const SOL = marketSpec('SOL/USDC');
const c = (open: number, high: number, low: number, close: number, volume = 1000): Candle => ({
  ts: 0,
  open,
  high,
  low,
  close,
  volume,
});

describe('trigger prices', () => {
  //  level   candle [o, h, l, c]          expected        why
  const stops: [number, Candle, number, string][] = [
    [95, c(100, 101, 96, 99), NaN, 'low 96 > 95: not triggered'],
    [95, c(100, 101, 95, 99), 95, 'low touches 95: fills at the stop'],
    [95, c(99, 100, 94, 96), 95, 'min(95, 99) = 95'],
    [95, c(90, 92, 88, 91), 90, 'gap through: min(95, 90) = the worse open'],
  ];
  it.each(stops)('sell stop %d in %o → %d (%s)', (stop, candle, expected) => {
    expect(stopFillPrice(stop, candle)).toBe(expected);
  });

  const targets: [number, Candle, number, string][] = [
    [110, c(105, 109, 104, 108), NaN, 'high 109 < 110'],
    [110, c(105, 111, 104, 108), 110, 'max(110, 105) = 110'],
    [110, c(115, 116, 112, 114), 115, 'gap up: max(110, 115) = the better open'],
  ];
  it.each(targets)('take-profit %d in %o → %d (%s)', (target, candle, expected) => {
    expect(targetFillPrice(target, candle)).toBe(expected);
  });

  const limits: [number, Candle, number, string][] = [
    [98, c(100, 101, 99, 100), NaN, 'low 99 > 98'],
    [98, c(99, 100, 97, 98), 98, 'min(98, 99) = 98'],
    [98, c(96, 97, 95, 96), 96, 'gap down: min(98, 96) = the better open'],
  ];
  it.each(limits)('limit buy %d in %o → %d (%s)', (limit, candle, expected) => {
    expect(limitBuyFillPrice(limit, candle)).toBe(expected);
  });

  it('an order armed inside the bar uses its arming price as the open', () => {
    expect(stopFillPrice(94, c(100, 101, 93, 95), 98)).toBe(94); // entered at 98, fell through 94
  });

  //  stop target  candle                 first
  const exits: [number, number, Candle, 'stop' | 'target' | null][] = [
    [95, 110, c(100, 112, 94, 100), 'stop'], // both touched: adverse first
    [95, 110, c(100, 112, 96, 100), 'target'],
    [95, 110, c(100, 101, 94, 100), 'stop'],
    [95, 110, c(100, 101, 99, 100), null],
  ];
  it.each(exits)('stop %d / target %d in %o: %s first', (stop, target, candle, first) => {
    expect(firstExit(stop, target, candle)).toBe(first);
  });
});

describe('FillModel executions', () => {
  const model = (cfg: Partial<FillModelConfig>) =>
    new FillModel({ feeBps: 0, slippageBps: 0, impactBpsPerVolumePct: 0, ...cfg });

  //  config                              side    qty  ref  volume  price      fee        slippage
  const rows: [
    Partial<FillModelConfig>,
    'buy' | 'sell',
    number,
    number,
    number,
    number,
    number,
    number,
  ][] = [
    [{}, 'buy', 1, 100, 1000, 100, 0, 0], // frictionless
    [{ slippageBps: 50 }, 'buy', 1, 100, 1000, 100.5, 0, 0.5], // 100 × 1.005
    [{ slippageBps: 50 }, 'sell', 1, 100, 1000, 99.5, 0, 0.5], // 100 × 0.995
    [{ feeBps: 10 }, 'buy', 2, 100, 1000, 100, 0.2, 0], // 200 × 0.001
    [{ impactBpsPerVolumePct: 2 }, 'buy', 10, 100, 1000, 100.02, 0, 0.2], // 1 % of volume → 2 bps
    [{ impactBpsPerVolumePct: 2 }, 'sell', 50, 100, 1000, 99.9, 0, 5], // 5 % → 10 bps
    [
      { slippageBps: 5, impactBpsPerVolumePct: 1, feeBps: 30 },
      'buy',
      20,
      50,
      1000,
      50.035,
      3.0021,
      0.7,
    ],
    // ^ 5 + 1 × 2 % = 7 bps: 50 × 1.0007 = 50.035; fee 20 × 50.035 × 0.003 = 3.0021; slip 0.035 × 20
  ];
  it.each(rows)(
    '%o %s %d at %d (volume %d) → %d, fee %d, slippage %d',
    (cfg, side, qty, ref, volume, price, fee, slip) => {
      const e = model(cfg).taker(side, qty, ref, c(ref, ref, ref, ref, volume), SOL);
      expect(e.qty).toBe(qty);
      expect(e.price).toBeCloseTo(price, 10);
      expect(e.fee).toBe(fee);
      expect(e.slippage).toBe(slip);
      expect(e.refPrice).toBe(ref);
    },
  );

  it('fees are rounded half-even to the quote decimals (USDC 6)', () => {
    const m = model({ feeBps: 10 });
    expect(m.fee(0.0025, SOL)).toBe(0.000002); // 2.5e-6: an exact half rounds to even (2)
    expect(m.fee(0.0015, SOL)).toBe(0.000002); // 1.5e-6: an exact half rounds to even (2)
    expect(m.fee(123.4567, SOL)).toBe(0.123457); // 0.1234567 → 0.123457
  });

  it('a maker fill has no slippage', () => {
    const e = model({ slippageBps: 100, feeBps: 10 }).maker(3, 98, SOL);
    expect([e.price, e.slippage, e.fee]).toEqual([98, 0, 0.294]); // 294 × 0.001
  });

  it('volume cap: maxVolumePct of the bar volume, rounded down to the base decimals', () => {
    expect(model({ maxVolumePct: 10 }).volumeCap(c(1, 1, 1, 1, 5), SOL)).toBe(0.5);
    expect(model({ maxVolumePct: 10 }).volumeCap(c(1, 1, 1, 1, 1e-9), SOL)).toBe(0); // 1e-10 < 1 unit
    expect(model({ maxVolumePct: 10 }).volumeCap(c(1, 1, 1, 1, 0), SOL)).toBe(0); // no volume: no fill
  });

  it('estimateSlippageBps grows with size and is the fixed part at size 0', () => {
    const m = model({ slippageBps: 5, impactBpsPerVolumePct: 2 });
    const candle = c(100, 100, 100, 100, 1000);
    expect(m.estimateSlippageBps(0, candle)).toBe(5);
    expect(m.estimateSlippageBps(1000, candle)).toBeCloseTo(5 + 2 * 1, 12); // 10 SOL = 1 %
    expect(m.estimateSlippageBps(5000, candle)).toBeCloseTo(5 + 2 * 5, 12);
    expect(m.estimateSlippageBps(1000, c(100, 100, 100, 100, 0))).toBe(Infinity);
  });

  it('a quote budget buys the largest qty whose rounded cost + fee fits', () => {
    const m = model({ feeBps: 10, slippageBps: 20 });
    const candle = c(100, 100, 100, 100, 1e6);
    const qty = m.takerQtyForQuote(1000, 100, candle, SOL);
    const e = m.taker('buy', qty, 100, candle, SOL);
    expect(qty * e.price + e.fee).toBeLessThanOrEqual(1000 + 1e-9);
    const more = m.taker('buy', qty + 1e-9, 100, candle, SOL);
    expect((qty + 1e-9) * more.price + more.fee).toBeGreaterThan(1000);
    expect(m.makerQtyForQuote(1000, 100, SOL)).toBe(9.99000999); // 1000 / (100 × 1.001)
    expect(m.makerQtyForQuote(1e-12, 100, SOL)).toBe(0);
  });
});

describe('fill model config', () => {
  it('defaults', () => {
    expect(fillModelConfig()).toEqual(DEFAULT_FILL_MODEL);
    expect(DEFAULT_FILL_MODEL).toEqual({
      feeBps: 10,
      slippageBps: 5,
      impactBpsPerVolumePct: 1,
      maxVolumePct: 10,
      latencyBars: 0,
    });
  });

  const bad: [Partial<FillModelConfig>, RegExp][] = [
    [{ feeBps: -1 }, /feeBps must be a number in \[0, 1000\]/],
    [{ slippageBps: Number.NaN }, /slippageBps/],
    [{ impactBpsPerVolumePct: 1001 }, /impactBpsPerVolumePct/],
    [{ maxVolumePct: 0 }, /maxVolumePct must be a number in \(0, 100\]/],
    [{ maxVolumePct: 101 }, /maxVolumePct/],
    [{ latencyBars: 11 }, /latencyBars must be a number in \[0, 10\]/],
    [{ latencyBars: 1.5 }, /whole number of bars/],
  ];
  it.each(bad)('%o is refused', (cfg, message) => {
    expect(() => fillModelConfig(cfg)).toThrow(ValidationError);
    expect(() => fillModelConfig(cfg)).toThrow(message);
  });
});
