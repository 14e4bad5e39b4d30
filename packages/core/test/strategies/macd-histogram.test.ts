import { describe, expect, it } from 'vitest';
import { macd } from '../../src/indicators/macd.js';
import type { MacdOptions } from '../../src/indicators/macd.js';
import { MacdHistogram } from '../../src/strategies/macd-histogram.js';
import { firstDifference } from '../support/datasets.js';
import { readOhlcv } from '../support/indicator-inputs.js';

describe('MacdHistogram (allocation-free MACD for strategies)', () => {
  const close = readOhlcv('market/binance_usdt_2021/SOL_USDT-1h.csv').close;

  it.each<MacdOptions>([
    {},
    { fast: 5, slow: 35, signal: 5 },
    { fast: 3, slow: 7, signal: 1 },
    { fast: 26, slow: 12 },
  ])('is bit-identical to macd() for %o', (opts) => {
    const m = new MacdHistogram(opts);
    const hist = new Float64Array(close.length);
    const line = new Float64Array(close.length);
    const signal = new Float64Array(close.length);
    close.forEach((v, i) => {
      m.push(v);
      hist[i] = m.hist;
      line[i] = m.macd;
      signal[i] = m.signal;
    });
    const ref = macd(close, opts);
    expect(firstDifference(hist, ref.hist)).toBeUndefined();
    expect(firstDifference(line, ref.macd)).toBeUndefined();
    expect(firstDifference(signal, ref.signal)).toBeUndefined();
  });

  it('reports where its first value is (33 for 12/26/9)', () => {
    expect(new MacdHistogram().firstIndex).toBe(33);
  });

  it('refuses bad periods like MacdStream', () => {
    expect(() => new MacdHistogram({ fast: 1 })).toThrow('fast must be a whole number');
  });
});
