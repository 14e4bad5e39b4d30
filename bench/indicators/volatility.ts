// Indicator definitions — Volatility and bands: Bollinger Bands, ATR, Keltner and Donchian Channels.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { hlc, impl, ix, nanArray, none, nth, type IndicatorDef } from './contenders.js';

export const bollinger: IndicatorDef = {
  id: 'bollinger',
  params: { period: 20, stdDev: 2 },
  compare: ['bb_upper', 'bb_middle', 'bb_lower'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/bollinger.js');
    const opts = { period: 20, stdDev: 2 };
    return {
      batch: impl(
        (v) => m.bollinger(v.close, opts),
        (r) => ({ bb_upper: r.upper, bb_middle: r.middle, bb_lower: r.lower }),
      ),
      stream: (cs) => {
        const s = new m.BollingerStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.BollingerBands.calculate({ period: 20, stdDev: 2, values: v.plain.close }),
      (r) => ({
        bb_upper: r.map((o) => o.upper),
        bb_middle: r.map((o) => o.middle),
        bb_lower: r.map((o) => o.lower),
      }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.BollingerBands(20, 2);
        const xs = v.plain.close;
        const n = xs.length;
        const c0 = nanArray(n);
        const c1 = nanArray(n);
        const c2 = nanArray(n);
        for (let i = 0; i < n; i++) {
          const o = ind.add(xs[i]!);
          if (o === null) continue;
          c0[i] = o.upper;
          c1[i] = o.middle;
          c2[i] = o.lower;
        }
        return { bb_upper: c0, bb_middle: c1, bb_lower: c2 };
      },
      (r) => r,
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.bbands(v.plain.close, 20, 2),
      (r) => ({ bb_lower: nth(r, 0), bb_middle: nth(r, 1), bb_upper: nth(r, 2) }),
    ),
  },
  talib: {
    name: 'BBANDS',
    inputs: (v) => ({ inReal: v.plain.close }),
    options: { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 },
    outputs: {
      bb_upper: 'outRealUpperBand',
      bb_middle: 'outRealMiddleBand',
      bb_lower: 'outRealLowerBand',
    },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.BollingerBands(20, 2);
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c.close);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.BollingerBands({ period: 20, stdDev: 2, values: [] });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c.close);
      }
      return last;
    },
  },
};

export const atr: IndicatorDef = {
  id: 'atr',
  params: { period: 14 },
  compare: ['atr14'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/atr.js');
    return {
      batch: impl(
        (v) => m.atr(v, 14),
        (r) => ({ atr14: r }),
      ),
      stream: (cs) => {
        const s = new m.AtrStream(14);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.ATR.calculate({ ...hlc(v), period: 14 }),
      (r) => ({ atr14: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.ATR(14);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ atr14: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.atr(v.plain.high, v.plain.low, v.plain.close, 14),
      (r) => ({ atr14: r }),
    ),
  },
  talib: {
    name: 'ATR',
    inputs: hlc,
    options: { optInTimePeriod: 14 },
    outputs: { atr14: 'outReal' },
  },
  streamPeers: {
    'trading-signals': (cs) => {
      const s = new TS.ATR(14);
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.add(c);
      }
      return last;
    },
    technicalindicators: (cs) => {
      const s = new TI.ATR({ high: [], low: [], close: [], period: 14 });
      let last: unknown;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        last = s.nextValue(c);
      }
      return last;
    },
  },
};

export const keltner: IndicatorDef = {
  id: 'keltner',
  params: { period: 20, atrPeriod: 10, multiplier: 2 },
  compare: [],
  reference: null,
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/keltner.js');
    const opts = { period: 20, atrPeriod: 10, multiplier: 2 };
    return {
      batch: impl((v) => m.keltner(v, opts)),
      stream: (cs) => {
        const s = new m.KeltnerStream(opts);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl((v) =>
      TI.KeltnerChannels.calculate({
        ...hlc(v),
        maPeriod: 20,
        atrPeriod: 10,
        useSMA: false,
        multiplier: 2,
      }),
    ),
    'trading-signals': impl((v) => {
      const ind = new TS.KeltnerChannels({ emaInterval: 20, atrInterval: 10, multiplier: 2 });
      const xs = v.candles();
      const n = xs.length;
      const c0 = nanArray(n);
      const c1 = nanArray(n);
      const c2 = nanArray(n);
      for (let i = 0; i < n; i++) {
        const o = ind.add(xs[i]!);
        if (o === null) continue;
        c0[i] = o.upper;
        c1[i] = o.middle;
        c2[i] = o.lower;
      }
      return { upper: c0, middle: c1, lower: c2 };
    }),
    '@ixjb94/indicators': impl(
      (v) => ix.kc(v.plain.high, v.plain.low, v.plain.close, 20, 2),
      undefined,
      'kc(20, 2): one period for the EMA and the true-range EMA',
    ),
  },
  talib: 'TA-Lib has no Keltner Channels',
};

export const donchian: IndicatorDef = {
  id: 'donchian',
  params: { period: 20 },
  compare: [],
  reference: null,
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/donchian.js');
    return {
      batch: impl((v) => m.donchian(v, 20)),
      stream: (cs) => {
        const s = new m.DonchianStream(20);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: none('no Donchian Channels'),
    'trading-signals': impl((v) => {
      const ind = new TS.DonchianChannels(20);
      const xs = v.candles();
      const n = xs.length;
      const c0 = nanArray(n);
      const c1 = nanArray(n);
      const c2 = nanArray(n);
      for (let i = 0; i < n; i++) {
        const o = ind.add(xs[i]!);
        if (o === null) continue;
        c0[i] = o.upper;
        c1[i] = o.middle;
        c2[i] = o.lower;
      }
      return { upper: c0, middle: c1, lower: c2 };
    }),
    '@ixjb94/indicators': impl((v) => ix.dc(v.plain.high, v.plain.low, 20)),
  },
  talib: 'TA-Lib has no Donchian Channels',
};
