// `npm run bench` — indicators part. NumerusX's batch indicators against technicalindicators,
// trading-signals, @ixjb94/indicators and TA-Lib's native binding, all in this one process on the
// same series, plus streaming cost per update and correctness against TA-Lib's golden columns.
//
//   node --expose-gc --import tsx bench/indicators.ts [--quick] [--candles=N] [--only=sma,rsi]
//                                                     [--out=bench/results/indicators.json]
/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment --
   technicalindicators declares its inputs as classes (MAInput, ATRInput, CandleData, ...) but its
   documented API takes plain object literals, which is how it is called here. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndicatorsSync } from '@ixjb94/indicators';
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { compareColumns, type Cell, type Columns, type Correctness } from './compare.js';
import { measure, type MeasureSettings, type Measurement } from './measure.js';
import {
  JS_PEERS,
  PEERS,
  loadTalib,
  packageVersion,
  talibColumn,
  type PeerId,
  type Talib,
} from './peers.js';
import {
  loadGolden,
  tiledSeries,
  type CandleObject,
  type Golden,
  type SeriesView,
} from './series.js';

// ---------------------------------------------------------------------------------------------
// Command line

interface Options {
  readonly quick: boolean;
  readonly candles: number;
  readonly only: readonly string[] | null;
  readonly out: string;
  readonly settings: MeasureSettings;
  readonly streamPeers: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const flag = (name: string): string | undefined => {
    const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (hit === undefined) return undefined;
    return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
  };
  const quick = flag('quick') !== undefined;
  const candlesArg = flag('candles');
  const candles = candlesArg ? Number(candlesArg) : quick ? 100_000 : 1_000_000;
  if (!Number.isInteger(candles) || candles < 1000)
    throw new Error(`--candles must be a whole number ≥ 1000`);
  const only = flag('only');
  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  return {
    quick,
    candles,
    only: only ? only.split(',').map((s) => s.trim()) : null,
    out: flag('out') ?? `${resultsDir}${quick ? 'indicators.quick.json' : 'indicators.json'}`,
    settings: quick
      ? {
          minReps: 3,
          maxReps: 3,
          repBudgetMs: 500,
          extraRepsBudgetMs: 0,
          maxWarmups: 5,
          warmupBudgetMs: 200,
          capMs: 20_000,
          probeSize: 100_000,
        }
      : {
          minReps: 5,
          maxReps: 21,
          repBudgetMs: 3000,
          extraRepsBudgetMs: 500,
          maxWarmups: 10,
          warmupBudgetMs: 300,
          capMs: 20_000,
          probeSize: 100_000,
        },
    streamPeers: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Contenders

/** One way of computing an indicator: the timed call, and how to read its output as columns. */
interface Impl {
  readonly run: (v: SeriesView) => unknown;
  readonly columns?: (v: SeriesView) => Columns;
  readonly note?: string;
}

interface Unavailable {
  readonly unavailable: string;
}

type ImplOrReason = Impl | Unavailable;

function impl<R>(run: (v: SeriesView) => R, extract?: (r: R) => Columns, note?: string): Impl {
  return {
    run,
    ...(extract ? { columns: (v: SeriesView) => extract(run(v)) } : {}),
    ...(note ? { note } : {}),
  };
}

function none(reason: string): Unavailable {
  return { unavailable: reason };
}

function isImpl(x: ImplOrReason): x is Impl {
  return 'run' in x;
}

/** A streaming form: feeds every candle to a fresh instance (a literal loop per contender, so
 * each call site stays monomorphic, as in a user's own code). */
type StreamFactory = (cs: readonly CandleObject[]) => unknown;

interface Ours {
  readonly batch: Impl;
  readonly stream?: StreamFactory;
}

interface TalibCall {
  readonly name: string;
  readonly inputs: (v: SeriesView) => Readonly<Record<string, number[]>>;
  readonly options: Readonly<Record<string, number>>;
  /** Golden (or output) column name → TA-Lib output name. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly note?: string;
}

type StreamPeer = 'technicalindicators' | 'trading-signals';

interface IndicatorDef {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Columns compared with TA-Lib; `reference: 'golden'` reads them from the golden file, `'talib'`
   * computes them with the live TA-Lib binding on the golden candles (for indicators not in it). */
  readonly compare: readonly string[];
  readonly reference: 'golden' | 'talib' | null;
  readonly ours: () => Promise<Ours>;
  readonly peers: Readonly<Record<Exclude<PeerId, 'talib'>, ImplOrReason>>;
  readonly talib: TalibCall | string;
  readonly streamPeers?: Readonly<Partial<Record<StreamPeer, StreamFactory>>>;
}

const ix = new IndicatorsSync();
const hlc = (v: SeriesView) => ({ high: v.plain.high, low: v.plain.low, close: v.plain.close });
const hlcv = (v: SeriesView) => ({ ...hlc(v), volume: v.plain.volume });
const nanArray = (n: number): Float64Array => new Float64Array(n).fill(Number.NaN);
const nth = (r: readonly number[][], i: number): number[] => r[i] ?? [];

const DEFS: readonly IndicatorDef[] = [
  {
    id: 'sma',
    params: { period: 20 },
    compare: ['sma20'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/sma.js');
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
  },
  {
    id: 'ema',
    params: { period: 20 },
    compare: ['ema20'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/ema.js');
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
  },
  {
    id: 'wma',
    params: { period: 20 },
    compare: ['wma20'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/wma.js');
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
  },
  {
    id: 'rsi',
    params: { period: 14 },
    compare: ['rsi14'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/rsi.js');
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
  },
  {
    id: 'macd',
    params: { fast: 12, slow: 26, signal: 9 },
    compare: ['macd', 'macd_signal', 'macd_hist'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/macd.js');
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
  },
  {
    id: 'bollinger',
    params: { period: 20, stdDev: 2 },
    compare: ['bb_upper', 'bb_middle', 'bb_lower'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/bollinger.js');
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
  },
  {
    id: 'atr',
    params: { period: 14 },
    compare: ['atr14'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/atr.js');
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
  },
  {
    id: 'adx',
    params: { period: 14 },
    compare: ['adx14'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/adx.js');
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
  },
  {
    id: 'stochastic',
    params: { kPeriod: 14, kSmooth: 3, dPeriod: 3 },
    compare: ['stoch_k', 'stoch_d'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/stochastic.js');
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
  },
  {
    id: 'stochRsi',
    params: { rsiPeriod: 14, stochPeriod: 14, kSmooth: 3, dPeriod: 3 },
    compare: [],
    reference: null,
    ours: async () => {
      const m = await import('../packages/core/src/indicators/stoch-rsi.js');
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
  },
  {
    id: 'cci',
    params: { period: 20 },
    compare: ['cci20'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/cci.js');
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
  },
  {
    id: 'mfi',
    params: { period: 14 },
    compare: ['mfi14'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/mfi.js');
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
  },
  {
    id: 'obv',
    params: {},
    compare: ['obv'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/obv.js');
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
  },
  {
    id: 'williamsR',
    params: { period: 14 },
    compare: ['willr14'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/williams-r.js');
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
  },
  {
    id: 'roc',
    params: { period: 10 },
    compare: ['roc10'],
    reference: 'golden',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/roc.js');
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
  },
  {
    id: 'vwap',
    params: { anchor: 'none' },
    compare: [],
    reference: null,
    ours: async () => {
      const m = await import('../packages/core/src/indicators/vwap.js');
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
  },
  {
    id: 'keltner',
    params: { period: 20, atrPeriod: 10, multiplier: 2 },
    compare: [],
    reference: null,
    ours: async () => {
      const m = await import('../packages/core/src/indicators/keltner.js');
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
  },
  {
    id: 'donchian',
    params: { period: 20 },
    compare: [],
    reference: null,
    ours: async () => {
      const m = await import('../packages/core/src/indicators/donchian.js');
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
  },
  {
    id: 'parabolicSar',
    params: { step: 0.02, max: 0.2 },
    compare: ['psar'],
    reference: 'talib',
    ours: async () => {
      const m = await import('../packages/core/src/indicators/parabolic-sar.js');
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
  },
  {
    id: 'superTrend',
    params: { period: 10, multiplier: 3 },
    compare: [],
    reference: null,
    ours: async () => {
      const m = await import('../packages/core/src/indicators/supertrend.js');
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
  },
];

function talibImpl(
  talib: Talib | null,
  call: TalibCall | string,
  talibReason: string,
): ImplOrReason {
  if (typeof call === 'string') return none(call);
  if (!talib) return none(talibReason);
  const run = (v: SeriesView) =>
    talib.execute({
      name: call.name,
      startIdx: 0,
      endIdx: v.length - 1,
      ...call.inputs(v),
      ...call.options,
    });
  return impl(
    run,
    (r) => {
      const cols: Record<string, Cell[]> = {};
      for (const [col, out] of Object.entries(call.outputs)) {
        cols[col] = talibColumn(r, out, r.begIndex + r.nbElement);
      }
      return cols;
    },
    call.note,
  );
}

// ---------------------------------------------------------------------------------------------
// Run

interface ContenderResult {
  readonly candlesPerSec: number;
  readonly medianMs: number;
  readonly size: number;
  readonly reps: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
  readonly note?: string;
}

interface IndicatorResult {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly contenders: Record<string, ContenderResult | null>;
  readonly unavailable: Record<string, string>;
  readonly ratios: Record<string, number>;
  readonly fastestPeer: string | null;
  readonly oursVsFastestPeer: number | null;
  readonly reference: string | null;
  readonly correctness: Record<string, Correctness | null>;
}

interface StreamingResult {
  readonly id: string;
  readonly nsPerUpdate: Record<string, number | null>;
  readonly size: Record<string, number>;
  readonly unavailable: Record<string, string>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

function toResult(m: Measurement, note: string | undefined): ContenderResult {
  return {
    candlesPerSec: m.candlesPerSec,
    medianMs: m.medianMs,
    size: m.size,
    reps: m.reps,
    minMs: Math.min(...m.samplesMs),
    samplesMs: m.samplesMs.map((x) => Math.round(x * 1000) / 1000),
    ...(note ? { note } : {}),
  };
}

function fmtRate(cps: number): string {
  return `${(cps / 1e6).toFixed(cps >= 1e7 ? 0 : 2)}M/s`;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const defs = opts.only ? DEFS.filter((d) => opts.only?.includes(d.id)) : DEFS;
  if (defs.length === 0)
    throw new Error(`--only matched no indicator; ids: ${DEFS.map((d) => d.id).join(', ')}`);

  const talibLoad = loadTalib();
  const talib = talibLoad.ok ? talibLoad.talib : null;
  const talibReason = talibLoad.ok ? '' : talibLoad.reason;
  if (!talibLoad.ok) log(`TA-Lib unavailable: ${talibLoad.reason}`);

  const series = tiledSeries(opts.candles);
  const full = series.view();
  full.candles();
  const golden: Golden = loadGolden();
  log(
    `indicators bench: ${opts.candles.toLocaleString('en-US')} candles, ${opts.quick ? 'quick' : 'full'} mode, ` +
      `node ${process.version}, gc ${globalThis.gc ? 'exposed' : 'NOT exposed (run with --expose-gc)'}`,
  );

  const indicators: IndicatorResult[] = [];
  const streaming: StreamingResult[] = [];

  for (const def of defs) {
    const contenders: Record<string, ContenderResult | null> = {};
    const unavailable: Record<string, string> = {};
    const correctness: Record<string, Correctness | null> = {};
    const impls = new Map<string, Impl>();

    let ours: Ours | null = null;
    try {
      ours = await def.ours();
      impls.set('numerusx', ours.batch);
    } catch (e) {
      unavailable.numerusx = `not available yet (${message(e)})`;
    }
    for (const peer of PEERS) {
      const x = peer === 'talib' ? talibImpl(talib, def.talib, talibReason) : def.peers[peer];
      if (isImpl(x)) impls.set(peer, x);
      else unavailable[peer] = x.unavailable;
    }

    // Speed.
    for (const name of ['numerusx', ...PEERS]) {
      const x = impls.get(name);
      if (!x) {
        contenders[name] = null;
        continue;
      }
      try {
        contenders[name] = toResult(measure(x.run, series, opts.settings), x.note);
      } catch (e) {
        contenders[name] = null;
        unavailable[name] = `threw: ${message(e)}`;
      }
    }

    // Correctness against TA-Lib.
    let referenceCols: ReadonlyMap<string, Float64Array> | null = null;
    let reference: string | null = null;
    if (def.reference === 'golden') {
      referenceCols = golden.columns;
      reference = golden.source;
    } else if (def.reference === 'talib') {
      const t = impls.get('talib');
      if (t?.columns) {
        try {
          const cols = t.columns(golden.series);
          const m = new Map<string, Float64Array>();
          for (const name of def.compare) {
            const c = cols[name];
            if (c)
              m.set(
                name,
                Float64Array.from({ length: c.length }, (_, i) => c[i] ?? Number.NaN),
              );
          }
          referenceCols = m;
          reference = `TA-Lib ${talib?.version ?? ''} computed live on ${golden.source}`;
        } catch (e) {
          reference = `TA-Lib reference failed: ${message(e)}`;
        }
      }
    }
    for (const name of ['numerusx', ...PEERS]) {
      const x = impls.get(name);
      if (!referenceCols || !x?.columns) {
        correctness[name] = null;
        continue;
      }
      try {
        correctness[name] = compareColumns(referenceCols, def.compare, x.columns(golden.series));
      } catch (e) {
        correctness[name] = null;
        unavailable[`${name} (correctness)`] = `threw: ${message(e)}`;
      }
    }

    const ratios: Record<string, number> = {};
    const ourRate = contenders.numerusx?.candlesPerSec;
    let fastestPeer: string | null = null;
    let fastestRate = 0;
    for (const peer of PEERS) {
      const r = contenders[peer];
      if (!r) continue;
      if (ourRate !== undefined) ratios[peer] = ourRate / r.candlesPerSec;
      if (JS_PEERS.includes(peer) && r.candlesPerSec > fastestRate) {
        fastestRate = r.candlesPerSec;
        fastestPeer = peer;
      }
    }
    const oursVsFastestPeer = ourRate !== undefined && fastestPeer ? ourRate / fastestRate : null;
    indicators.push({
      id: def.id,
      params: def.params,
      contenders,
      unavailable,
      ratios,
      fastestPeer,
      oursVsFastestPeer,
      reference,
      correctness,
    });
    log(
      `  ${def.id.padEnd(13)} ` +
        ['numerusx', ...PEERS]
          .map((n) => {
            const r = contenders[n];
            return `${n === '@ixjb94/indicators' ? 'ixjb94' : n}=${r ? fmtRate(r.candlesPerSec) + (r.size < series.length ? '†' : '') : '–'}`;
          })
          .join(' ') +
        (oursVsFastestPeer !== null ? `  ours/fastest JS=${oursVsFastestPeer.toFixed(2)}` : ''),
    );

    // Streaming cost per update.
    const nsPerUpdate: Record<string, number | null> = {};
    const sizes: Record<string, number> = {};
    const streamUnavailable: Record<string, string> = {};
    const streams: [string, StreamFactory | undefined][] = [
      ['numerusx', ours?.stream],
      ['trading-signals', def.streamPeers?.['trading-signals']],
      ['technicalindicators', def.streamPeers?.technicalindicators],
    ];
    for (const [name, factory] of streams) {
      if (!factory) {
        if (name === 'numerusx') {
          nsPerUpdate[name] = null;
          streamUnavailable[name] = unavailable.numerusx ?? 'no streaming class';
        }
        continue;
      }
      try {
        const m = measure((v) => factory(v.candles()), series, opts.settings);
        nsPerUpdate[name] = (m.medianMs * 1e6) / m.size;
        sizes[name] = m.size;
      } catch (e) {
        nsPerUpdate[name] = null;
        streamUnavailable[name] = `threw: ${message(e)}`;
      }
    }
    streaming.push({ id: def.id, nsPerUpdate, size: sizes, unavailable: streamUnavailable });
    log(
      `  ${''.padEnd(13)} streaming ns/update: ` +
        Object.entries(nsPerUpdate)
          .map(([n, ns]) => `${n}=${ns === null ? '–' : ns.toFixed(1)}`)
          .join(' '),
    );
  }

  const durationSec = (performance.now() - started) / 1000;
  const result = {
    generatedAt: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    durationSec,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    gcExposed: globalThis.gc !== undefined,
    series: series.info,
    measurement: {
      ...opts.settings,
      method:
        'warm-up: one call, repeated (up to maxWarmups) while under warmupBudgetMs; timed calls: ' +
        'stop once repBudgetMs is spent, else after minReps once extraRepsBudgetMs is spent, else at ' +
        'maxReps; median reported. A contender projected (from a probeSize-candle probe) to take ' +
        'longer than capMs per call is measured on the first probeSize candles and reported as ' +
        'candles/s with that size. Peers get number[] inputs (trading-signals: its class fed every ' +
        'number / candle object in a loop, outputs collected in Float64Arrays), NumerusX gets ' +
        'Float64Arrays. Streaming: a fresh instance fed every candle object, ns per update. GC ' +
        '(--expose-gc) runs before each contender and before its timed calls.',
    },
    correctness: {
      tolerance: 1e-9,
      method:
        'each output column aligned to the END of the golden series (peers drop warm-up values), ' +
        'relative error |a - e| / |e| (|a| where e = 0) over rows where both have a value; ' +
        'warm-up = count of leading rows without a value, compared with TA-Lib; correct = both hold',
    },
    versions: {
      numerusx: packageVersion('@numerusx/core'),
      technicalindicators: packageVersion('technicalindicators'),
      'trading-signals': packageVersion('trading-signals'),
      '@ixjb94/indicators': packageVersion('@ixjb94/indicators'),
      talib: talib ? (packageVersion('talib') ?? talib.version) : null,
    },
    talib: talibLoad.ok ? { available: true } : { available: false, reason: talibLoad.reason },
    indicators,
    streaming,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${opts.out} in ${durationSec.toFixed(1)} s`);
}

await main();
