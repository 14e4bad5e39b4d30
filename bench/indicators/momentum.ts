// Indicator definitions — Momentum: RSI, MACD, rate of change.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { impl, ix, nanArray, nth, type IndicatorDef } from './contenders.js';

export const rsi: IndicatorDef = {
  id: 'rsi',
  params: { period: 14 },
  compare: ['rsi14'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/rsi.js');
    return {
      batch: impl(
        (v) => m.rsi(v.close, 14),
        (r) => ({ rsi14: r }),
      ),
      stream: (cs) => {
        const s = new m.RsiStream(14);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.RSI.calculate({ period: 14, values: v.plain.close }),
      (r) => ({ rsi14: r }),
      'rounds RSI to 2 decimals',
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.RSI(14);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ rsi14: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.rsi(v.plain.close, 14),
      (r) => ({ rsi14: r }),
    ),
  },
  talib: {
    name: 'RSI',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 14 },
    outputs: { rsi14: 'outReal' },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.RSI(14);
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c.close);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.RSI({ period: 14, values: [] });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c.close);
      }
      return last;
    },
  },
};

export const macd: IndicatorDef = {
  id: 'macd',
  params: { fast: 12, slow: 26, signal: 9 },
  compare: ['macd', 'macd_signal', 'macd_hist'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/macd.js');
    const opts = { fast: 12, slow: 26, signal: 9 };
    return {
      batch: impl(
        (v) => m.macd(v.close, opts),
        (r) => ({ macd: r.macd, macd_signal: r.signal, macd_hist: r.hist }),
      ),
      stream: (cs) => {
        const s = new m.MacdStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) =>
        TI.MACD.calculate({
          values: v.plain.close,
          fastPeriod: 12,
          slowPeriod: 26,
          signalPeriod: 9,
          SimpleMAOscillator: false,
          SimpleMASignal: false,
        }),
      (r) => ({
        macd: r.map((o) => o.MACD),
        macd_signal: r.map((o) => o.signal),
        macd_hist: r.map((o) => o.histogram),
      }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9));
        const xs = v.plain.close;
        const n = xs.length;
        const c0 = nanArray(n);
        const c1 = nanArray(n);
        const c2 = nanArray(n);
        for (let i = 0; i < n; i++) {
          const o = ind.add(xs[i]!);
          if (o === null) continue;
          c0[i] = o.macd;
          c1[i] = o.signal;
          c2[i] = o.histogram;
        }
        return { macd: c0, macd_signal: c1, macd_hist: c2 };
      },
      (r) => r,
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.macd(v.plain.close, 12, 26, 9),
      (r) => ({ macd: nth(r, 0), macd_signal: nth(r, 1), macd_hist: nth(r, 2) }),
    ),
  },
  talib: {
    name: 'MACD',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 },
    outputs: { macd: 'outMACD', macd_signal: 'outMACDSignal', macd_hist: 'outMACDHist' },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9));
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c.close);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.MACD({
        values: [],
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c.close);
      }
      return last;
    },
  },
};

export const roc: IndicatorDef = {
  id: 'roc',
  params: { period: 10 },
  compare: ['roc10'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/roc.js');
    return {
      batch: impl(
        (v) => m.roc(v.close, 10),
        (r) => ({ roc10: r }),
      ),
      stream: (cs) => {
        const s = new m.RocStream(10);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.ROC.calculate({ period: 10, values: v.plain.close }),
      (r) => ({ roc10: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.ROC(10);
        const xs = v.plain.close;
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ roc10: r }),
      'returns a fraction, not %',
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.roc(v.plain.close, 10),
      (r) => ({ roc10: r }),
      'returns a fraction, not %',
    ),
  },
  talib: {
    name: 'ROC',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 10 },
    outputs: { roc10: 'outReal' },
  },
};
