import type { CandleSeries } from '../candles/types.js';
import { ValidationError } from '../errors.js';
import { adx } from './adx.js';
import { atr } from './atr.js';
import { bollinger } from './bollinger.js';
import { cci } from './cci.js';
import { donchian } from './donchian.js';
import { ema } from './ema.js';
import { keltner } from './keltner.js';
import { macd } from './macd.js';
import { mfi } from './mfi.js';
import { obv } from './obv.js';
import { parabolicSar } from './parabolic-sar.js';
import { roc } from './roc.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';
import { stochRsi } from './stoch-rsi.js';
import { stochastic } from './stochastic.js';
import { superTrend } from './supertrend.js';
import { vwap } from './vwap.js';
import { williamsR } from './williams-r.js';
import { wma } from './wma.js';

/**
 * Named indicator columns, as the CLI exports them and charts and prompts will read them. Names
 * follow the TA-Lib golden files (`sma20`, `macd_signal`, `bb_upper`, ...). A name ending in a number
 * is the indicator over that period (`sma50`, `rsi7`); the others use the conventional parameters.
 */
type Group = Readonly<Record<string, Float64Array>>;

interface GroupSpec {
  readonly columns: readonly string[];
  readonly description: string;
  readonly compute: (series: CandleSeries) => Group;
}

const fixedGroups: readonly GroupSpec[] = [
  {
    columns: ['macd', 'macd_signal', 'macd_hist'],
    description: 'MACD 12-26-9 (TA-Lib seeding)',
    compute: (s) => {
      const m = macd(s.close);
      return { macd: m.macd, macd_signal: m.signal, macd_hist: m.hist };
    },
  },
  {
    columns: ['bb_upper', 'bb_middle', 'bb_lower'],
    description: 'Bollinger Bands 20, 2 population std-dev',
    compute: (s) => {
      const b = bollinger(s.close);
      return { bb_upper: b.upper, bb_middle: b.middle, bb_lower: b.lower };
    },
  },
  {
    columns: ['stoch_k', 'stoch_d'],
    description: 'Slow Stochastic 14-3-3 (SMA smoothing)',
    compute: (s) => {
      const st = stochastic(s);
      return { stoch_k: st.k, stoch_d: st.d };
    },
  },
  {
    columns: ['stochrsi_k', 'stochrsi_d'],
    description: 'Stochastic RSI 14-14-3-3',
    compute: (s) => {
      const st = stochRsi(s.close);
      return { stochrsi_k: st.k, stochrsi_d: st.d };
    },
  },
  {
    columns: ['obv'],
    description: 'On-balance volume',
    compute: (s) => ({ obv: obv(s.close, s.volume) }),
  },
  {
    columns: ['vwap'],
    description: 'VWAP anchored at each UTC day',
    compute: (s) => ({ vwap: vwap(s, { anchor: 'day' }) }),
  },
  {
    columns: ['kc_upper', 'kc_middle', 'kc_lower'],
    description: 'Keltner Channels EMA 20 ± 2 × ATR 10',
    compute: (s) => {
      const k = keltner(s);
      return { kc_upper: k.upper, kc_middle: k.middle, kc_lower: k.lower };
    },
  },
  {
    columns: ['dc_upper', 'dc_middle', 'dc_lower'],
    description: 'Donchian Channels 20',
    compute: (s) => {
      const d = donchian(s);
      return { dc_upper: d.upper, dc_middle: d.middle, dc_lower: d.lower };
    },
  },
  {
    columns: ['psar'],
    description: 'Parabolic SAR 0.02 / 0.2',
    compute: (s) => ({ psar: parabolicSar(s) }),
  },
  {
    columns: ['supertrend', 'supertrend_dir'],
    description: 'SuperTrend 10 × 3 (direction +1 up, −1 down)',
    compute: (s) => {
      const st = superTrend(s);
      return { supertrend: st.value, supertrend_dir: st.direction };
    },
  },
];

interface PeriodicSpec {
  readonly prefix: string;
  readonly description: string;
  readonly compute: (series: CandleSeries, period: number) => Float64Array;
}

// Longest prefixes first so that `plus_di14` is not read as something shorter.
const periodic: readonly PeriodicSpec[] = [
  { prefix: 'plus_di', description: '+DI', compute: (s, n) => adx(s, n).plusDi },
  { prefix: 'minus_di', description: '−DI', compute: (s, n) => adx(s, n).minusDi },
  { prefix: 'willr', description: 'Williams %R', compute: (s, n) => williamsR(s, n) },
  { prefix: 'sma', description: 'simple moving average', compute: (s, n) => sma(s.close, n) },
  { prefix: 'ema', description: 'exponential moving average', compute: (s, n) => ema(s.close, n) },
  { prefix: 'wma', description: 'weighted moving average', compute: (s, n) => wma(s.close, n) },
  { prefix: 'rsi', description: 'RSI (Wilder)', compute: (s, n) => rsi(s.close, n) },
  { prefix: 'atr', description: 'average true range (Wilder)', compute: (s, n) => atr(s, n) },
  { prefix: 'adx', description: 'ADX (Wilder)', compute: (s, n) => adx(s, n).adx },
  { prefix: 'cci', description: 'commodity channel index', compute: (s, n) => cci(s, n) },
  { prefix: 'mfi', description: 'money flow index', compute: (s, n) => mfi(s, n) },
  { prefix: 'roc', description: 'rate of change, %', compute: (s, n) => roc(s.close, n) },
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

function resolve(name: string): Resolver | undefined {
  const group = fixedGroups.find((g) => g.columns.includes(name));
  if (group) {
    return (series, cache) => {
      const key = group.columns[0]!;
      let values = cache.get(key);
      if (!values) {
        values = group.compute(series);
        cache.set(key, values);
      }
      return values[name]!;
    };
  }
  for (const spec of periodic) {
    const match = new RegExp(`^${spec.prefix}(\\d{1,5})$`).exec(name);
    if (match) {
      const period = Number(match[1]);
      return (series) => spec.compute(series, period);
    }
  }
  return undefined;
}

/**
 * Computes the named columns over a series. Unknown names are refused before any work starts, so
 * the caller never gets a partial export; a group (MACD, Bollinger, ...) is computed once.
 */
export function computeIndicatorColumns(
  series: CandleSeries,
  names: readonly string[],
): Map<string, Float64Array> {
  const resolvers = names.map((name) => ({ name, resolver: resolve(name) }));
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
