import { assertPeriod, nanArray } from './params.js';
import { RollingExtremes, rollingHighLow } from './rolling-extremes.js';
import { RsiStream, rsi } from './rsi.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface StochRsiOptions {
  /** RSI period, default 14 (2..100000). */
  readonly rsiPeriod?: number;
  /** Look-back of the highest / lowest RSI, default 14. */
  readonly stochPeriod?: number;
  /** SMA smoothing of the raw StochRSI into %K, default 3 (1 gives the raw StochRSI). */
  readonly kSmooth?: number;
  /** SMA period of %D over %K, default 3. */
  readonly dPeriod?: number;
}

export interface StochRsiResult {
  readonly k: Float64Array;
  readonly d: Float64Array;
}

export interface StochRsiPoint {
  readonly k: number;
  readonly d: number;
}

function resolve(opts: StochRsiOptions): Required<StochRsiOptions> {
  const { rsiPeriod = 14, stochPeriod = 14, kSmooth = 3, dPeriod = 3 } = opts;
  assertPeriod('rsiPeriod', rsiPeriod, 2);
  assertPeriod('stochPeriod', stochPeriod, 1);
  assertPeriod('kSmooth', kSmooth, 1);
  assertPeriod('dPeriod', dPeriod, 1);
  return { rsiPeriod, stochPeriod, kSmooth, dPeriod };
}

/**
 * Stochastic RSI on a 0..100 scale: the stochastic of the RSI (rsi.ts, TA-Lib seeding) over its own
 * highest and lowest, smoothed into %K and %D with SMAs.
 *
 * - RSI from index rsiPeriod. Raw StochRSI from index rsiPeriod + stochPeriod − 1, in TA-Lib STOCHF's
 *   arithmetic: diff = (maxRsi − minRsi) / 100, then (rsi − minRsi) / diff, and 0 when diff is 0.
 *   The highest/lowest RSI come from rolling-extremes.ts (rollingHighLow in the batch form,
 *   RollingExtremes when streaming).
 * - %K = SMA(kSmooth) of the raw value, %D = SMA(dPeriod) of %K, running sums as sma.ts.
 * - Warm-up: %K and %D both start at index rsiPeriod + (stochPeriod − 1) + (kSmooth − 1) +
 *   (dPeriod − 1), 31 for 14/14/3/3, NaN before. With kSmooth = 1 this is TA-Lib's
 *   STOCHRSI(rsiPeriod, fastK = stochPeriod, fastD = dPeriod, SMA), outputs and begIdx included
 *   (the TradingView-style kSmooth is the one addition).
 */
export function stochRsi(values: ArrayLike<number>, opts: StochRsiOptions = {}): StochRsiResult {
  const { rsiPeriod, stochPeriod, kSmooth, dPeriod } = resolve(opts);
  const n = values.length;
  const outK = nanArray(n);
  const outD = nanArray(n);
  const rawStart = rsiPeriod + stochPeriod - 1;
  const kStart = rawStart + kSmooth - 1;
  const first = kStart + dPeriod - 1;
  if (n <= first) return { k: outK, d: outD };
  const r = rsi(values, rsiPeriod);
  const raw = new Float64Array(n);
  const { highest, lowest } = rollingHighLow(r, r, stochPeriod, rsiPeriod);
  let sumK = 0;
  let sumD = 0;
  for (let i = rawStart; i < n; i++) {
    const ll = lowest[i]!;
    const diff = (highest[i]! - ll) / 100;
    const v = diff !== 0 ? (r[i]! - ll) / diff : 0;
    raw[i] = v;
    sumK += v;
    if (i < kStart) continue;
    const k = sumK / kSmooth;
    sumK -= raw[i - kSmooth + 1]!;
    outK[i] = k;
    sumD += k;
    if (i < first) continue;
    outD[i] = sumD / dPeriod;
    sumD -= outK[i - dPeriod + 1]!;
  }
  outK.fill(Number.NaN, kStart, first);
  return { k: outK, d: outD };
}

const warmUp: StochRsiPoint = Object.freeze({ k: Number.NaN, d: Number.NaN });

export class StochRsiStream implements StreamingIndicator<StochRsiPoint> {
  readonly rsiPeriod: number;
  readonly stochPeriod: number;
  readonly kSmooth: number;
  readonly dPeriod: number;
  private readonly rsi: RsiStream;
  private readonly extremes: RollingExtremes;
  private readonly raw: Float64Array;
  private readonly kRing: Float64Array;
  private count = 0;
  private sumK = 0;
  private sumD = 0;

  constructor(opts: StochRsiOptions = {}) {
    const { rsiPeriod, stochPeriod, kSmooth, dPeriod } = resolve(opts);
    this.rsiPeriod = rsiPeriod;
    this.stochPeriod = stochPeriod;
    this.kSmooth = kSmooth;
    this.dPeriod = dPeriod;
    this.rsi = new RsiStream(rsiPeriod);
    this.extremes = new RollingExtremes(stochPeriod);
    this.raw = new Float64Array(kSmooth);
    this.kRing = new Float64Array(dPeriod);
  }

  next(value: number): StochRsiPoint {
    const x = this.rsi.next(value);
    const i = this.count++;
    if (i < this.rsiPeriod) return warmUp;
    const extremes = this.extremes;
    extremes.push(x, x);
    const j = i - this.rsiPeriod - (this.stochPeriod - 1); // index among raw StochRSI values
    if (j < 0) return warmUp;
    const lowest = extremes.lowest;
    const diff = (extremes.highest - lowest) / 100;
    const raw = diff !== 0 ? (x - lowest) / diff : 0;
    const kSmooth = this.kSmooth;
    this.raw[j % kSmooth] = raw;
    this.sumK += raw;
    const s = j - (kSmooth - 1); // index among %K values
    if (s < 0) return warmUp;
    const k = this.sumK / kSmooth;
    this.sumK -= this.raw[(j + 1) % kSmooth]!;
    const dPeriod = this.dPeriod;
    this.kRing[s % dPeriod] = k;
    this.sumD += k;
    if (s < dPeriod - 1) return warmUp;
    const d = this.sumD / dPeriod;
    this.sumD -= this.kRing[(s + 1) % dPeriod]!;
    return { k, d };
  }

  update(candle: CandleLike): StochRsiPoint {
    return this.next(candle.close);
  }
}
