// Indicator definitions — Volume: MFI, OBV, VWAP.
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { hlcv, impl, ix, none, type IndicatorDef } from './contenders.js';

export const mfi: IndicatorDef = {
  id: 'mfi',
  params: { period: 14 },
  compare: ['mfi14'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/mfi.js');
    return {
      batch: impl(
        (v) => m.mfi(v, 14),
        (r) => ({ mfi14: r }),
      ),
      stream: (cs) => {
        const s = new m.MfiStream(14);
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.MFI.calculate({ ...hlcv(v), period: 14 }),
      (r) => ({ mfi14: r }),
      'rounds MFI to 2 decimals',
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.MFI(14);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ mfi14: r }),
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.mfi(v.plain.high, v.plain.low, v.plain.close, v.plain.volume, 14),
      (r) => ({ mfi14: r }),
    ),
  },
  talib: {
    name: 'MFI',
    inputs: hlcv,
    options: { optInTimePeriod: 14 },
    outputs: { mfi14: 'outReal' },
  },
};

export const obv: IndicatorDef = {
  id: 'obv',
  params: {},
  compare: ['obv'],
  reference: 'golden',
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/obv.js');
    return {
      batch: impl(
        (v) => m.obv(v.close, v.volume),
        (r) => ({ obv: r }),
      ),
      stream: (cs) => {
        const s = new m.ObvStream();
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl(
      (v) => TI.OBV.calculate({ close: v.plain.close, volume: v.plain.volume }),
      (r) => ({ obv: r }),
    ),
    'trading-signals': impl(
      (v) => {
        const ind = new TS.OBV(2);
        const xs = v.candles();
        const out = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
        return out;
      },
      (r) => ({ obv: r }),
      'OBV(2): the smallest window its constructor accepts',
    ),
    '@ixjb94/indicators': impl(
      (v) => ix.obv(v.plain.close, v.plain.volume),
      (r) => ({ obv: r }),
    ),
  },
  talib: {
    name: 'OBV',
    inputs: (v) => ({ inReal: v.plain.close, volume: v.plain.volume }),
    options: {},
    outputs: { obv: 'outReal' },
  },
};

export const vwap: IndicatorDef = {
  id: 'vwap',
  params: { anchor: 'none' },
  compare: [],
  reference: null,
  ours: async () => {
    const m = await import('../../packages/core/src/indicators/vwap.js');
    return {
      batch: impl((v) => m.vwap(v, { anchor: 'none' })),
      stream: (cs) => {
        const s = new m.VwapStream({ anchor: 'none' });
        let last: unknown;
        for (let i = 0; i < cs.length; i++) last = s.update(cs[i]!);
        return last;
      },
    };
  },
  peers: {
    technicalindicators: impl((v) => TI.VWAP.calculate(hlcv(v))),
    'trading-signals': impl((v) => {
      const ind = new TS.VWAP();
      const xs = v.candles();
      const out = new Float64Array(xs.length);
      for (let i = 0; i < xs.length; i++) out[i] = ind.add(xs[i]!) ?? Number.NaN;
      return out;
    }),
    '@ixjb94/indicators': none(
      'only a rolling-window VWAP (vwap(..., period)), a different indicator',
    ),
  },
  talib: 'TA-Lib has no VWAP',
};
