// Indicator definitions — Moving averages: SMA, EMA, WMA.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { impl, ix, type IndicatorDef } from './contenders.js';

export const sma: IndicatorDef = {
  id: 'sma',
  params: { period: 20 },
  compare: ['sma20'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/sma.js');
    return {
      batch: impl(
        (v) => m.sma(v.close, 20),
        (r) => ({ sma20: r }),
      ),
      stream: (cs) => {
        const s = new m.SmaStream(20);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.SMA.calculate({ period: 20, values: v.plain.close }),
      (r) => ({ sma20: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.SMA(20);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ sma20: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.sma(v.plain.close, 20),
      (r) => ({ sma20: r }),
    ),
  },
  talib: {
    name: 'SMA',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 20 },
    outputs: { sma20: 'outReal' },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.SMA(20);
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c.close);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.SMA({ period: 20, values: [] });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c.close);
      }
      return last;
    },
  },
};

export const ema: IndicatorDef = {
  id: 'ema',
  params: { period: 20 },
  compare: ['ema20'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/ema.js');
    return {
      batch: impl(
        (v) => m.ema(v.close, 20),
        (r) => ({ ema20: r }),
      ),
      stream: (cs) => {
        const s = new m.EmaStream(20);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.EMA.calculate({ period: 20, values: v.plain.close }),
      (r) => ({ ema20: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.EMA(20);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ ema20: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.ema(v.plain.close, 20),
      (r) => ({ ema20: r }),
    ),
  },
  talib: {
    name: 'EMA',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 20 },
    outputs: { ema20: 'outReal' },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.EMA(20);
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c.close);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.EMA({ period: 20, values: [] });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c.close);
      }
      return last;
    },
  },
};

export const wma: IndicatorDef = {
  id: 'wma',
  params: { period: 20 },
  compare: ['wma20'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/wma.js');
    return {
      batch: impl(
        (v) => m.wma(v.close, 20),
        (r) => ({ wma20: r }),
      ),
      stream: (cs) => {
        const s = new m.WmaStream(20);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.WMA.calculate({ period: 20, values: v.plain.close }),
      (r) => ({ wma20: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.WMA(20);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ wma20: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.wma(v.plain.close, 20),
      (r) => ({ wma20: r }),
    ),
  },
  talib: {
    name: 'WMA',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 20 },
    outputs: { wma20: 'outReal' },
  },
};
