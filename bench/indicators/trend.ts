// Indicator definitions — Trend: ADX, Parabolic SAR, SuperTrend.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { hlc, impl, ix, nanArray, none, type IndicatorDef } from './contenders.js';

export const adx: IndicatorDef = {
  id: 'adx',
  params: { period: 14 },
  compare: ['adx14'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/adx.js');
    return {
      batch: impl(
        (v) => m.adx(v, 14),
        (r) => ({ adx14: r.adx }),
      ),
      stream: (cs) => {
        const s = new m.AdxStream(14);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.ADX.calculate({ ...hlc(v), period: 14 }),
      (r) => ({ adx14: r.map((o) => o.adx) }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.ADX(14);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ adx14: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.adx(v.plain.high, v.plain.low, 14),
      (r) => ({ adx14: r }),
      'adx(high, low, period): directional movement without true range',
    ),
  },
  talib: {
    name: 'ADX',
    inputs: hlc,
    options: { optInTimePeriod: 14 },
    outputs: { adx14: 'outReal' },
  },
};

export const parabolicSar: IndicatorDef = {
  id: 'parabolicSar',
  params: { step: 0.02, max: 0.2 },
  compare: ['psar'],
  reference: 'talib',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/parabolic-sar.js');
    const opts = { step: 0.02, max: 0.2 };
    return {
      batch: impl(
        (v) => m.parabolicSar(v, opts),
        (r) => ({ psar: r }),
      ),
      stream: (cs) => {
        const s = new m.ParabolicSarStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.PSAR.calculate({ high: v.plain.high, low: v.plain.low, step: 0.02, max: 0.2 }),
      (r) => ({ psar: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.PSAR({ accelerationStep: 0.02, accelerationMax: 0.2 });
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ psar: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.psar(v.plain.high, v.plain.low, 0.02, 0.2),
      (r) => ({ psar: r }),
    ),
  },
  talib: {
    name: 'SAR',
    inputs: (v) => ({ high: v.plain.high, low: v.plain.low }),
    options: { optInAcceleration: 0.02, optInMaximum: 0.2 },
    outputs: { psar: 'outReal' },
  },
};

export const superTrend: IndicatorDef = {
  id: 'superTrend',
  params: { period: 10, multiplier: 3 },
  compare: [],
  reference: null,
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/supertrend.js');
    const opts = { period: 10, multiplier: 3 };
    return {
      batch: impl((v) => m.superTrend(v, opts)),
      stream: (cs) => {
        const s = new m.SuperTrendStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: none('no SuperTrend'),
    'trading-signals': impl((v) => {
      const ind = new TS.SuperTrend({ interval: 10, multiplier: 3 });
      const xs = v.candles();
      const n = xs.length;
      const c0 = nanArray(n);
      const c1 = nanArray(n);
      for (let i = 0; i < n; i++) {
        const o = ind.add(xs[i]!);
        if (o === null) continue;
        c0[i] = o.supertrend;
        c1[i] = o.trend === 'BULLISH' ? 1 : -1;
      }
      return { value: c0, direction: c1 };
    }),
    '@ixjb94/indicators': none('no SuperTrend'),
  },
  talib: 'TA-Lib has no SuperTrend',
};
