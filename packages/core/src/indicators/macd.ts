import { assertPeriod, outputArray } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface MacdOptions {
  /** Fast EMA period, default 12 (2..100000). */
  readonly fast?: number;
  /** Slow EMA period, default 26 (2..100000). Swapped with `fast` when smaller, as TA-Lib does. */
  readonly slow?: number;
  /** Signal EMA period, default 9 (1..100000). */
  readonly signal?: number;
}

export interface MacdResult {
  readonly macd: Float64Array;
  readonly signal: Float64Array;
  readonly hist: Float64Array;
}

export interface MacdPoint {
  readonly macd: number;
  readonly signal: number;
  readonly hist: number;
}

function resolve(opts: MacdOptions): { fast: number; slow: number; signal: number } {
  const { fast = 12, slow = 26, signal = 9 } = opts;
  assertPeriod('fast', fast, 2);
  assertPeriod('slow', slow, 2);
  assertPeriod('signal', signal, 1);
  return slow < fast ? { fast: slow, slow: fast, signal } : { fast, slow, signal };
}

/**
 * MACD (TA-Lib MACD, unstable period 0), with TA-Lib's seeding, which differs from textbook MACD:
 *
 * - Both EMAs start at index `slow − 1` (25 for 12/26/9). The slow EMA is seeded with the SMA of
 *   values[0..slow−1]; the FAST EMA is seeded with the SMA of the `fast` values ending at the same
 *   index (values[14..25] for 12/26), not with the first `fast` values.
 * - Both then follow ema = ((x − ema) × k) + ema with k = 2 / (period + 1).
 * - MACD line = fast − slow from index `slow − 1`; signal = EMA(signal) of the MACD line, seeded with
 *   the SMA of its first `signal` values; hist = macd − signal.
 * - All three outputs start at index (slow − 1) + (signal − 1) = 33 and are NaN before (TA-Lib's
 *   begIdx is the same for the three outputs, so the MACD line is hidden for indices 25..32 too).
 * - If slow < fast the two periods are swapped.
 * - signal = 1 makes the signal the MACD line itself, all outputs from index slow − 1. (TA-Lib 0.6
 *   mis-indexes that case: its EMA lookback for period 1 is −1, so its outputs start one row early
 *   with an uninitialised first value; the values after it are these.)
 */
export function macd(values: ArrayLike<number>, opts: MacdOptions = {}): MacdResult {
  const { fast, slow, signal } = resolve(opts);
  const n = values.length;
  const first = slow - 1 + signal - 1;
  // The three outputs are written for every cell from `first` on.
  const outMacd = outputArray(n, first);
  const outSignal = outputArray(n, first);
  const outHist = outputArray(n, first);
  if (n <= first) return { macd: outMacd, signal: outSignal, hist: outHist };

  const kSlow = 2 / (slow + 1);
  const kFast = 2 / (fast + 1);
  const kSignal = 2 / (signal + 1);
  let slowSum = 0;
  for (let i = 0; i < slow; i++) slowSum += values[i]!;
  let fastSum = 0;
  for (let i = slow - fast; i < slow; i++) fastSum += values[i]!;
  let slowEma = slowSum / slow;
  let fastEma = fastSum / fast;
  // MACD line values before the signal's seed is complete are only summed.
  let signalSum = fastEma - slowEma;
  for (let i = slow; i < first; i++) {
    const x = values[i]!;
    slowEma = (x - slowEma) * kSlow + slowEma;
    fastEma = (x - fastEma) * kFast + fastEma;
    signalSum += fastEma - slowEma;
  }
  let m: number;
  if (first === slow - 1) {
    m = signalSum;
  } else {
    const x = values[first]!;
    slowEma = (x - slowEma) * kSlow + slowEma;
    fastEma = (x - fastEma) * kFast + fastEma;
    m = fastEma - slowEma;
    signalSum += m;
  }
  let sig = signalSum / signal;
  outMacd[first] = m;
  outSignal[first] = sig;
  outHist[first] = m - sig;
  for (let i = first + 1; i < n; i++) {
    const x = values[i]!;
    slowEma = (x - slowEma) * kSlow + slowEma;
    fastEma = (x - fastEma) * kFast + fastEma;
    m = fastEma - slowEma;
    sig = (m - sig) * kSignal + sig;
    outMacd[i] = m;
    outSignal[i] = sig;
    outHist[i] = m - sig;
  }
  return { macd: outMacd, signal: outSignal, hist: outHist };
}

const warmUp: MacdPoint = Object.freeze({ macd: Number.NaN, signal: Number.NaN, hist: Number.NaN });

export class MacdStream implements StreamingIndicator<MacdPoint> {
  readonly fast: number;
  readonly slow: number;
  readonly signal: number;
  private readonly kFast: number;
  private readonly kSlow: number;
  private readonly kSignal: number;
  private count = 0;
  private slowSum = 0;
  private fastSum = 0;
  private slowEma = 0;
  private fastEma = 0;
  private signalSum = 0;
  private sig = 0;

  constructor(opts: MacdOptions = {}) {
    const { fast, slow, signal } = resolve(opts);
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
    this.kFast = 2 / (fast + 1);
    this.kSlow = 2 / (slow + 1);
    this.kSignal = 2 / (signal + 1);
  }

  next(value: number): MacdPoint {
    const i = this.count++;
    const slow = this.slow;
    if (i < slow) {
      this.slowSum += value;
      if (i >= slow - this.fast) this.fastSum += value;
      if (i < slow - 1) return warmUp;
      this.slowEma = this.slowSum / slow;
      this.fastEma = this.fastSum / this.fast;
    } else {
      this.slowEma = (value - this.slowEma) * this.kSlow + this.slowEma;
      this.fastEma = (value - this.fastEma) * this.kFast + this.fastEma;
    }
    const m = this.fastEma - this.slowEma;
    const first = slow - 1 + this.signal - 1;
    if (i < first) {
      this.signalSum += m;
      return warmUp;
    }
    if (i === first) {
      this.signalSum += m;
      this.sig = this.signalSum / this.signal;
    } else {
      this.sig = (m - this.sig) * this.kSignal + this.sig;
    }
    return { macd: m, signal: this.sig, hist: m - this.sig };
  }

  update(candle: CandleLike): MacdPoint {
    return this.next(candle.close);
  }
}
