// Indicator definitions — Range oscillators: Stochastic, Stochastic RSI, CCI, Williams %R.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { hlc, impl, ix, nanArray, nth, type IndicatorDef } from './contenders.js';

export const stochastic: IndicatorDef = {
  id: 'stochastic',
  params: { kPeriod: 14, kSmooth: 3, dPeriod: 3 },
  compare: ['stoch_k', 'stoch_d'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/stochastic.js');
    const opts = { kPeriod: 14, kSmooth: 3, dPeriod: 3 };
    return {
      batch: impl(
        (v) => m.stochastic(v, opts),
        (r) => ({ stoch_k: r.k, stoch_d: r.d }),
      ),
      stream: (cs) => {
        const s = new m.StochasticStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.Stochastic.calculate({ ...hlc(v), period: 14, signalPeriod: 3 }),
      (r) => ({ stoch_k: r.map((o) => o.k), stoch_d: r.map((o) => o.d) }),
      'fast stochastic only (period 14, signal 3): no %K smoothing',
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 });
        const xs = v.candles();
        const n = xs.length;
        const c0 = nanArray(n);
        const c1 = nanArray(n);
        for (let i = 0; i < n; i++) {
          const o = ind.add(xs[i]!);
          if (o === null) continue;
          c0[i] = o.stochK;
          c1[i] = o.stochD;
        }
        return { stoch_k: c0, stoch_d: c1 };
      },
      (r) => r,
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.stoch(v.plain.high, v.plain.low, v.plain.close, 14, 3, 3),
      (r) => ({ stoch_k: nth(r, 0), stoch_d: nth(r, 1) }),
    ),
  },
  talib: {
    name: 'STOCH',
    inputs: hlc,
    options: {
      optInFastK_Period: 14,
      optInSlowK_Period: 3,
      optInSlowK_MAType: 0,
      optInSlowD_Period: 3,
      optInSlowD_MAType: 0,
    },
    outputs: { stoch_k: 'outSlowK', stoch_d: 'outSlowD' },
  },
};

export const stochRsi: IndicatorDef = {
  id: 'stochRsi',
  params: { rsiPeriod: 14, stochPeriod: 14, kSmooth: 3, dPeriod: 3 },
  compare: [],
  reference: null,
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/stoch-rsi.js');
    const opts = { rsiPeriod: 14, stochPeriod: 14, kSmooth: 3, dPeriod: 3 };
    return {
      batch: impl((v) => m.stochRsi(v.close, opts)),
      stream: (cs) => {
        const s = new m.StochRsiStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl((v) =>
      TI.StochasticRSI.calculate({
        values: v.plain.close,
        rsiPeriod: 14,
        stochasticPeriod: 14,
        kPeriod: 3,
        dPeriod: 3,
      }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.StochasticRSI(14);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      undefined,
      'StochasticRSI(14): one period for RSI and stochastic; returns raw StochRSI (K/D smoothed internally)',
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.stochrsi(v.plain.close, 14),
      undefined,
      'stochrsi(14): raw StochRSI, no K/D smoothing',
    ),
  },
  talib: {
    name: 'STOCHRSI',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: {
      optInTimePeriod: 14,
      optInFastK_Period: 14,
      optInFastD_Period: 3,
      optInFastD_MAType: 0,
    },
    outputs: { stochrsi_k: 'outFastK', stochrsi_d: 'outFastD' },
    note: 'STOCHRSI(14, 14, 3): no %K smoothing',
  },
};

export const cci: IndicatorDef = {
  id: 'cci',
  params: { period: 20 },
  compare: ['cci20'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/cci.js');
    return {
      batch: impl(
        (v) => m.cci(v, 20),
        (r) => ({ cci20: r }),
      ),
      stream: (cs) => {
        const s = new m.CciStream(20);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.CCI.calculate({ ...hlc(v), period: 20 }),
      (r) => ({ cci20: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.CCI(20);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ cci20: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.cci(v.plain.high, v.plain.low, v.plain.close, 20),
      (r) => ({ cci20: r }),
    ),
  },
  talib: {
    name: 'CCI',
    inputs: hlc,
    options: { optInTimePeriod: 20 },
    outputs: { cci20: 'outReal' },
  },
};

export const williamsR: IndicatorDef = {
  id: 'williamsR',
  params: { period: 14 },
  compare: ['willr14'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/williams-r.js');
    return {
      batch: impl(
        (v) => m.williamsR(v, 14),
        (r) => ({ willr14: r }),
      ),
      stream: (cs) => {
        const s = new m.WilliamsRStream(14);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.WilliamsR.calculate({ ...hlc(v), period: 14 }),
      (r) => ({ willr14: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.WilliamsR(14);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ willr14: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.willr(v.plain.high, v.plain.low, v.plain.close, 14),
      (r) => ({ willr14: r }),
    ),
  },
  talib: {
    name: 'WILLR',
    inputs: hlc,
    options: { optInTimePeriod: 14 },
    outputs: { willr14: 'outReal' },
  },
};
