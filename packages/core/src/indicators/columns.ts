import type { Candle, CandleSeries } from '../candles/types.js';
import { ValidationError } from '../errors.js';
import { AdxStream, adx } from './adx.js';
import { AtrStream, atr } from './atr.js';
import { BollingerStream, bollinger } from './bollinger.js';
import { CciStream, cci } from './cci.js';
import { DonchianStream, donchian } from './donchian.js';
import { EmaStream, ema } from './ema.js';
import { KeltnerStream, keltner } from './keltner.js';
import { MacdStream, macd } from './macd.js';
import { MfiStream, mfi } from './mfi.js';
import { ObvStream, obv } from './obv.js';
import { ParabolicSarStream, parabolicSar } from './parabolic-sar.js';
import { RocStream, roc } from './roc.js';
import { RsiStream, rsi } from './rsi.js';
import { SmaStream, sma } from './sma.js';
import { StochRsiStream, stochRsi } from './stoch-rsi.js';
import { StochasticStream, stochastic } from './stochastic.js';
import { SuperTrendStream, superTrend } from './supertrend.js';
import { VwapStream, vwap } from './vwap.js';
import { WilliamsRStream, williamsR } from './williams-r.js';
import { WmaStream, wma } from './wma.js';
import type { StreamingIndicator } from './types.js';

/**
 * Named indicator columns, as the CLI exports them and charts and prompts will read them. Names
 * follow the TA-Lib golden files (`sma20`, `macd_signal`, `bb_upper`, ...). A name ending in a number
 * is the indicator over that period (`sma50`, `rsi7`); the others use the conventional parameters.
 *
 * This is the one name table of the platform: each entry gives both the batch computation
 * ({@link computeIndicatorColumns}) and the streaming one ({@link resolveIndicatorColumnStream}, read
 * by IndicatorBook), so the two vocabularies cannot drift apart.
 */
type Group = Readonly<Record<string, Float64Array>>;

/**
 * One streaming computation: folds a closed candle into its indicator and writes the values of its
 * columns for that candle into `out` (slot i = column i of the group), NaN during the warm-up.
 */
export type IndicatorStreamStep = (candle: Candle, out: Float64Array) => void;

interface GroupSpec {
  readonly columns: readonly string[];
  readonly description: string;
  readonly compute: (series: CandleSeries) => Group;
  readonly stream: () => IndicatorStreamStep;
}

/** A step copying the named fields of a point-valued stream into slots 0, 1, ... */
function pointStream<K extends string>(
  make: () => StreamingIndicator<Readonly<Record<K, number>>>,
  ...fields: readonly K[]
): IndicatorStreamStep {
  const s = make();
  return (c, out) => {
    const p = s.update(c);
    for (let i = 0; i < fields.length; i++) out[i] = p[fields[i]!];
  };
}

/** A step writing the single value of a scalar stream into slot 0. */
function scalarStream(s: StreamingIndicator<number>): IndicatorStreamStep {
  return (c, out) => {
    out[0] = s.update(c);
  };
}

const fixedGroups: readonly GroupSpec[] = [
  {
    columns: ['macd', 'macd_signal', 'macd_hist'],
    description: 'MACD 12-26-9 (TA-Lib seeding)',
    compute: (s) => {
      const m = macd(s.close);
      return { macd: m.macd, macd_signal: m.signal, macd_hist: m.hist };
    },
    stream: () => pointStream(() => new MacdStream(), 'macd', 'signal', 'hist'),
  },
  {
    columns: ['bb_upper', 'bb_middle', 'bb_lower'],
    description: 'Bollinger Bands 20, 2 population std-dev',
    compute: (s) => {
      const b = bollinger(s.close);
      return { bb_upper: b.upper, bb_middle: b.middle, bb_lower: b.lower };
    },
    stream: () => pointStream(() => new BollingerStream(), 'upper', 'middle', 'lower'),
  },
  {
    columns: ['stoch_k', 'stoch_d'],
    description: 'Slow Stochastic 14-3-3 (SMA smoothing)',
    compute: (s) => {
      const st = stochastic(s);
      return { stoch_k: st.k, stoch_d: st.d };
    },
    stream: () => pointStream(() => new StochasticStream(), 'k', 'd'),
  },
  {
    columns: ['stochrsi_k', 'stochrsi_d'],
    description: 'Stochastic RSI 14-14-3-3',
    compute: (s) => {
      const st = stochRsi(s.close);
      return { stochrsi_k: st.k, stochrsi_d: st.d };
    },
    stream: () => pointStream(() => new StochRsiStream(), 'k', 'd'),
  },
  {
    columns: ['obv'],
    description: 'On-balance volume',
    compute: (s) => ({ obv: obv(s.close, s.volume) }),
    stream: () => scalarStream(new ObvStream()),
  },
  {
    columns: ['vwap'],
    description: 'VWAP anchored at each UTC day',
    compute: (s) => ({ vwap: vwap(s, { anchor: 'day' }) }),
    stream: () => scalarStream(new VwapStream({ anchor: 'day' })),
  },
  {
    columns: ['kc_upper', 'kc_middle', 'kc_lower'],
    description: 'Keltner Channels EMA 20 ± 2 × ATR 10',
    compute: (s) => {
      const k = keltner(s);
      return { kc_upper: k.upper, kc_middle: k.middle, kc_lower: k.lower };
    },
    stream: () => pointStream(() => new KeltnerStream(), 'upper', 'middle', 'lower'),
  },
  {
    columns: ['dc_upper', 'dc_middle', 'dc_lower'],
    description: 'Donchian Channels 20',
    compute: (s) => {
      const d = donchian(s);
      return { dc_upper: d.upper, dc_middle: d.middle, dc_lower: d.lower };
    },
    stream: () => pointStream(() => new DonchianStream(), 'upper', 'middle', 'lower'),
  },
  {
    columns: ['psar'],
    description: 'Parabolic SAR 0.02 / 0.2',
    compute: (s) => ({ psar: parabolicSar(s) }),
    stream: () => scalarStream(new ParabolicSarStream()),
  },
  {
    columns: ['supertrend', 'supertrend_dir'],
    description: 'SuperTrend 10 × 3 (direction +1 up, −1 down)',
    compute: (s) => {
      const st = superTrend(s);
      return { supertrend: st.value, supertrend_dir: st.direction };
    },
    stream: () => pointStream(() => new SuperTrendStream(), 'value', 'direction'),
  },
];

interface PeriodicSpec {
  readonly prefix: string;
  readonly description: string;
  readonly compute: (series: CandleSeries, period: number) => Float64Array;
  readonly stream: (period: number) => IndicatorStreamStep;
  /** Prefixes of one family share one stream per period (ADX and its ±DI); default: the prefix. */
  readonly family?: { readonly name: string; readonly slot: number; readonly width: number };
}

const adxStream = (n: number): IndicatorStreamStep =>
  pointStream(() => new AdxStream(n), 'adx', 'plusDi', 'minusDi');

// Longest prefixes first so that `plus_di14` is not read as something shorter.
const periodic: readonly PeriodicSpec[] = [
  {
    prefix: 'plus_di',
    description: '+DI',
    compute: (s, n) => adx(s, n).plusDi,
    stream: adxStream,
    family: { name: 'adx', slot: 1, width: 3 },
  },
  {
    prefix: 'minus_di',
    description: '−DI',
    compute: (s, n) => adx(s, n).minusDi,
    stream: adxStream,
    family: { name: 'adx', slot: 2, width: 3 },
  },
  {
    prefix: 'willr',
    description: 'Williams %R',
    compute: (s, n) => williamsR(s, n),
    stream: (n) => scalarStream(new WilliamsRStream(n)),
  },
  {
    prefix: 'sma',
    description: 'simple moving average',
    compute: (s, n) => sma(s.close, n),
    stream: (n) => scalarStream(new SmaStream(n)),
  },
  {
    prefix: 'ema',
    description: 'exponential moving average',
    compute: (s, n) => ema(s.close, n),
    stream: (n) => scalarStream(new EmaStream(n)),
  },
  {
    prefix: 'wma',
    description: 'weighted moving average',
    compute: (s, n) => wma(s.close, n),
    stream: (n) => scalarStream(new WmaStream(n)),
  },
  {
    prefix: 'rsi',
    description: 'RSI (Wilder)',
    compute: (s, n) => rsi(s.close, n),
    stream: (n) => scalarStream(new RsiStream(n)),
  },
  {
    prefix: 'atr',
    description: 'average true range (Wilder)',
    compute: (s, n) => atr(s, n),
    stream: (n) => scalarStream(new AtrStream(n)),
  },
  {
    prefix: 'adx',
    description: 'ADX (Wilder)',
    compute: (s, n) => adx(s, n).adx,
    stream: adxStream,
    family: { name: 'adx', slot: 0, width: 3 },
  },
  {
    prefix: 'cci',
    description: 'commodity channel index',
    compute: (s, n) => cci(s, n),
    stream: (n) => scalarStream(new CciStream(n)),
  },
  {
    prefix: 'mfi',
    description: 'money flow index',
    compute: (s, n) => mfi(s, n),
    stream: (n) => scalarStream(new MfiStream(n)),
  },
  {
    prefix: 'roc',
    description: 'rate of change, %',
    compute: (s, n) => roc(s.close, n),
    stream: (n) => scalarStream(new RocStream(n)),
  },
];

/** The 19 columns of TA-Lib's golden files, in their order: the CLI's default export. */
export const DEFAULT_INDICATOR_COLUMNS: readonly string[] = [
  'sma20',
  'ema20',
  'wma20',
  'rsi14',
  'macd',
  'macd_signal',
  'macd_hist',
  'bb_upper',
  'bb_middle',
  'bb_lower',
  'atr14',
  'adx14',
  'stoch_k',
  'stoch_d',
  'cci20',
  'mfi14',
  'obv',
  'willr14',
  'roc10',
];

/** One line per accepted column name, for help texts and error messages. */
export function describeIndicatorColumns(): string[] {
  return [
    ...periodic.map((p) => `${p.prefix}<N>: ${p.description} over N candles`),
    ...fixedGroups.map((g) => `${g.columns.join(', ')}: ${g.description}`),
  ];
}

type Resolver = (series: CandleSeries, cache: Map<string, Group>) => Float64Array;

/**
 * How an accepted column name is computed streaming. Names with the same `key` (the columns of a
 * group, `adx14` with `plus_di14`) read one stream: `create()` it once, feed it each candle, and read
 * slot `slot` of its `width`-long output.
 */
export interface IndicatorColumnStream {
  readonly key: string;
  readonly slot: number;
  readonly width: number;
  readonly create: () => IndicatorStreamStep;
}

interface Resolved {
  readonly batch: Resolver;
  readonly stream: IndicatorColumnStream;
}

function resolve(name: string): Resolved | undefined {
  const group = fixedGroups.find((g) => g.columns.includes(name));
  if (group) {
    const key = group.columns[0]!;
    return {
      batch: (series, cache) => {
        let values = cache.get(key);
        if (!values) {
          values = group.compute(series);
          cache.set(key, values);
        }
        return values[name]!;
      },
      stream: {
        key,
        slot: group.columns.indexOf(name),
        width: group.columns.length,
        create: group.stream,
      },
    };
  }
  for (const spec of periodic) {
    const match = new RegExp(`^${spec.prefix}(\\d{1,5})$`).exec(name);
    if (match) {
      const period = Number(match[1]);
      const family = spec.family ?? { name: spec.prefix, slot: 0, width: 1 };
      return {
        batch: (series) => spec.compute(series, period),
        stream: {
          key: `${family.name}:${period}`,
          slot: family.slot,
          width: family.width,
          create: () => spec.stream(period),
        },
      };
    }
  }
  return undefined;
}

/**
 * The streaming form of an accepted column name (see {@link computeIndicatorColumns} for the
 * vocabulary), or undefined for an unknown name. The period is not range-checked here: the
 * indicator's constructor refuses it when `create()` is called.
 */
export function resolveIndicatorColumnStream(name: string): IndicatorColumnStream | undefined {
  return resolve(name)?.stream;
}

/**
 * Computes the named columns over a series. Unknown names are refused before any work starts, so
 * the caller never gets a partial export; a group (MACD, Bollinger, ...) is computed once.
 */
export function computeIndicatorColumns(
  series: CandleSeries,
  names: readonly string[],
): Map<string, Float64Array> {
  const resolvers = names.map((name) => ({ name, resolver: resolve(name)?.batch }));
  const unknown = resolvers.filter((r) => !r.resolver).map((r) => r.name);
  if (unknown.length > 0) {
    throw new ValidationError(
      `unknown indicator column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Accepted: ${describeIndicatorColumns().join('; ')}`,
      { unknown },
    );
  }
  const cache = new Map<string, Group>();
  const out = new Map<string, Float64Array>();
  for (const { name, resolver } of resolvers) out.set(name, resolver!(series, cache));
  return out;
}
