import type { Ohlc } from './ohlc.js';
import { assertPeriod, outputArray } from './params.js';
import { RollingExtremes, lastMaxIndex, lastMinIndex } from './rolling-extremes.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface StochasticOptions {
  /** Look-back of the highest high / lowest low, default 14. */
  readonly kPeriod?: number;
  /** SMA smoothing of the raw %K into the slow %K, default 3 (1 gives the fast stochastic). */
  readonly kSmooth?: number;
  /** SMA period of %D over the slow %K, default 3. */
  readonly dPeriod?: number;
}

export interface StochasticResult {
  readonly k: Float64Array;
  readonly d: Float64Array;
}

export interface StochasticPoint {
  readonly k: number;
  readonly d: number;
}

function resolve(opts: StochasticOptions): { kPeriod: number; kSmooth: number; dPeriod: number } {
  const { kPeriod = 14, kSmooth = 3, dPeriod = 3 } = opts;
  assertPeriod('kPeriod', kPeriod, 1);
  assertPeriod('kSmooth', kSmooth, 1);
  assertPeriod('dPeriod', dPeriod, 1);
  return { kPeriod, kSmooth, dPeriod };
}

/**
 * Slow stochastic oscillator (TA-Lib STOCH with SMA smoothing for both %K and %D, unstable period 0).
 * All periods 1..100000.
 *
 * - Raw %K from index kPeriod − 1, in TA-Lib's arithmetic: diff = (HH − LL) / 100, then
 *   (close − LL) / diff, and 0 when diff is exactly 0 (a flat window). HH and LL over the last
 *   kPeriod highs and lows: the batch form keeps TA-Lib's running extreme, rescanning the window
 *   only when the extreme slides out of it (as rolling-extremes.ts' rollingHighLow, inline here);
 *   the streaming form uses RollingExtremes' monotonic deques. Both find the same values.
 * - %K = SMA(kSmooth) of the raw %K and %D = SMA(dPeriod) of %K, running sums as sma.ts, each summed
 *   from its input's first value; the values leaving the sums come from rings of kSmooth raw %K and
 *   dPeriod %K values, in both forms (the same operations in the same order: bit-identical).
 * - Warm-up: %K and %D both start at index (kPeriod − 1) + (kSmooth − 1) + (dPeriod − 1), 17 for
 *   14/3/3 (TA-Lib gives both outputs the same begIdx), NaN before.
 */
export function stochastic(candles: Ohlc, opts: StochasticOptions = {}): StochasticResult {
  const { kPeriod, kSmooth, dPeriod } = resolve(opts);
  const { high, low, close } = candles;
  const n = close.length;
  const kStart = kPeriod - 1;
  const slowStart = kStart + kSmooth - 1;
  const first = slowStart + dPeriod - 1;
  // Both outputs are written for every cell from `first` on.
  const outK = outputArray(n, first);
  const outD = outputArray(n, first);
  if (n <= first) return { k: outK, d: outD };
  const fastK = new Float64Array(kSmooth);
  const slowK = new Float64Array(dPeriod);
  let kSlot = 0;
  let dSlot = 0;
  let hiIdx = -1;
  let loIdx = -1;
  let hi = 0;
  let lo = 0;
  let sumK = 0;
  let sumD = 0;
  for (let i = kStart; i < n; i++) {
    const start = i - kStart;
    if (hiIdx < start) {
      // The highest left the window (or the first window): rescan it.
      hiIdx = lastMaxIndex(high, start, i);
      hi = high[hiIdx]!;
    } else {
      const h = high[i]!;
      if (h >= hi) {
        hi = h;
        hiIdx = i;
      }
    }
    if (loIdx < start) {
      loIdx = lastMinIndex(low, start, i);
      lo = low[loIdx]!;
    } else {
      const l = low[i]!;
      if (l <= lo) {
        lo = l;
        loIdx = i;
      }
    }
    const diff = (hi - lo) / 100;
    const fk = diff !== 0 ? (close[i]! - lo) / diff : 0;
    fastK[kSlot] = fk;
    sumK += fk;
    // kSlot moves on to the oldest raw %K of the window, the one the sum drops next.
    kSlot = kSlot + 1 === kSmooth ? 0 : kSlot + 1;
    if (i < slowStart) continue;
    const sk = sumK / kSmooth;
    sumK -= fastK[kSlot]!;
    slowK[dSlot] = sk;
    sumD += sk;
    dSlot = dSlot + 1 === dPeriod ? 0 : dSlot + 1;
    if (i < first) continue;
    outK[i] = sk;
    outD[i] = sumD / dPeriod;
    sumD -= slowK[dSlot]!;
  }
  return { k: outK, d: outD };
}

const warmUp: StochasticPoint = Object.freeze({ k: Number.NaN, d: Number.NaN });

export class StochasticStream implements StreamingIndicator<StochasticPoint> {
  readonly kPeriod: number;
  readonly kSmooth: number;
  readonly dPeriod: number;
  private readonly extremes: RollingExtremes;
  private readonly fastK: Float64Array;
  private readonly slowK: Float64Array;
  private count = 0;
  private sumK = 0;
  private sumD = 0;

  constructor(opts: StochasticOptions = {}) {
    const { kPeriod, kSmooth, dPeriod } = resolve(opts);
    this.kPeriod = kPeriod;
    this.kSmooth = kSmooth;
    this.dPeriod = dPeriod;
    this.extremes = new RollingExtremes(kPeriod);
    this.fastK = new Float64Array(kSmooth);
    this.slowK = new Float64Array(dPeriod);
  }

  update(candle: CandleLike): StochasticPoint {
    const i = this.count++;
    const extremes = this.extremes;
    extremes.push(candle.high, candle.low);
    const j = i - (this.kPeriod - 1); // index among raw %K values
    if (j < 0) return warmUp;
    const lowest = extremes.lowest;
    const diff = (extremes.highest - lowest) / 100;
    const fk = diff !== 0 ? (candle.close - lowest) / diff : 0;
    const kSmooth = this.kSmooth;
    this.fastK[j % kSmooth] = fk;
    this.sumK += fk;
    const s = j - (kSmooth - 1); // index among slow %K values
    if (s < 0) return warmUp;
    const sk = this.sumK / kSmooth;
    this.sumK -= this.fastK[(j + 1) % kSmooth]!;
    const dPeriod = this.dPeriod;
    this.slowK[s % dPeriod] = sk;
    this.sumD += sk;
    if (s < dPeriod - 1) return warmUp;
    const d = this.sumD / dPeriod;
    this.sumD -= this.slowK[(s + 1) % dPeriod]!;
    return { k: sk, d };
  }
}
