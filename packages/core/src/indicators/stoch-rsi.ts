import { assertPeriod, isZero, outputArray } from './params.js';
import { RollingExtremes, lastMaxIndex, lastMinIndex } from './rolling-extremes.js';
import { RsiStream } from './rsi.js';
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
 * - %K = SMA(kSmooth) of the raw value, %D = SMA(dPeriod) of %K, running sums as sma.ts.
 * - Warm-up: %K and %D both start at index rsiPeriod + (stochPeriod − 1) + (kSmooth − 1) +
 *   (dPeriod − 1), 31 for 14/14/3/3, NaN before. With kSmooth = 1 this is TA-Lib's
 *   STOCHRSI(rsiPeriod, fastK = stochPeriod, fastD = dPeriod, SMA), outputs and begIdx included
 *   (the TradingView-style kSmooth is the one addition).
 *
 * The batch form runs everything in one pass without full-length temporaries: the RSI in rsi.ts'
 * arithmetic, the last stochPeriod RSI values in a ring, TA-Lib's running highest/lowest rescanning
 * the ring only when the extreme slides out of it (the streaming form uses RollingExtremes' deques;
 * both find the same values), and rings of kSmooth raw values and dPeriod %K values for the SMAs.
 * Both forms run the same operations in the same order, so they agree bit for bit.
 */
export function stochRsi(values: ArrayLike<number>, opts: StochRsiOptions = {}): StochRsiResult {
  const { rsiPeriod, stochPeriod, kSmooth, dPeriod } = resolve(opts);
  const n = values.length;
  const rawStart = rsiPeriod + stochPeriod - 1;
  const kStart = rawStart + kSmooth - 1;
  const first = kStart + dPeriod - 1;
  // Both outputs are written for every cell from `first` on.
  const outK = outputArray(n, first);
  const outD = outputArray(n, first);
  if (n <= first) return { k: outK, d: outD };

  // RSI seeding, as rsi.ts.
  let gain = 0;
  let loss = 0;
  let prev = values[0]!;
  for (let i = 1; i <= rsiPeriod; i++) {
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    if (change < 0) loss -= change;
    else gain += change;
  }
  loss /= rsiPeriod;
  gain /= rsiPeriod;
  let sum = gain + loss;
  let r = isZero(sum) ? 0 : 100 * (gain / sum);
  const m = rsiPeriod - 1;

  // The last stochPeriod RSI values, each in two slots (s and s + stochPeriod), so that the window
  // is always one contiguous run, oldest first: ring[slot + 1 .. slot + stochPeriod].
  const ring = new Float64Array(2 * stochPeriod);
  const raw = new Float64Array(kSmooth);
  const kRing = new Float64Array(dPeriod);
  let slot = 0; // ring slot of the current RSI
  let rawSlot = 0;
  let kSlot = 0;
  // The window's highest and lowest RSI, with their ages (candles since they were the current one).
  let hi = 0;
  let lo = 0;
  let hiAge = stochPeriod;
  let loAge = stochPeriod;
  let sumK = 0;
  let sumD = 0;
  for (let i = rsiPeriod; ;) {
    ring[slot] = r;
    ring[slot + stochPeriod] = r;
    if (hiAge >= stochPeriod || loAge >= stochPeriod) {
      // An extreme left the window (or none yet): rescan the window (the values so far during the
      // warm-up), keeping the newest of equal values.
      const to = slot + stochPeriod;
      const from = to - (i - rsiPeriod < stochPeriod - 1 ? i - rsiPeriod : stochPeriod - 1);
      if (hiAge >= stochPeriod) {
        const j = lastMaxIndex(ring, from, to);
        hi = ring[j]!;
        hiAge = to - j;
      } else if (r >= hi) {
        hi = r;
        hiAge = 0;
      }
      if (loAge >= stochPeriod) {
        const j = lastMinIndex(ring, from, to);
        lo = ring[j]!;
        loAge = to - j;
      } else if (r <= lo) {
        lo = r;
        loAge = 0;
      }
    } else {
      if (r >= hi) {
        hi = r;
        hiAge = 0;
      }
      if (r <= lo) {
        lo = r;
        loAge = 0;
      }
    }
    if (i >= rawStart) {
      const diff = (hi - lo) / 100;
      const v = diff !== 0 ? (r - lo) / diff : 0;
      raw[rawSlot] = v;
      sumK += v;
      // rawSlot moves on to the oldest raw value of the window, the one the sum drops next.
      rawSlot = rawSlot + 1 === kSmooth ? 0 : rawSlot + 1;
      if (i >= kStart) {
        const k = sumK / kSmooth;
        sumK -= raw[rawSlot]!;
        kRing[kSlot] = k;
        sumD += k;
        kSlot = kSlot + 1 === dPeriod ? 0 : kSlot + 1;
        if (i >= first) {
          outK[i] = k;
          outD[i] = sumD / dPeriod;
          sumD -= kRing[kSlot]!;
        }
      }
    }
    if (++i === n) break;
    // Next RSI, Wilder smoothing as rsi.ts.
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    loss *= m;
    gain *= m;
    if (change < 0) loss -= change;
    else gain += change;
    loss /= rsiPeriod;
    gain /= rsiPeriod;
    sum = gain + loss;
    r = isZero(sum) ? 0 : 100 * (gain / sum);
    slot = slot + 1 === stochPeriod ? 0 : slot + 1;
    hiAge++;
    loAge++;
  }
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
