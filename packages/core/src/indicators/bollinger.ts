import { assertPeriod, assertPositive, isZeroOrNegative, outputArray } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface BollingerOptions {
  /** Window length, default 20 (2..100000). */
  readonly period?: number;
  /** Band width in standard deviations, default 2 (finite, > 0). */
  readonly stdDev?: number;
}

export interface BollingerResult {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
}

export interface BollingerPoint {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

function resolve(opts: BollingerOptions): { period: number; stdDev: number } {
  const { period = 20, stdDev = 2 } = opts;
  assertPeriod('period', period, 2);
  assertPositive('stdDev', stdDev);
  return { period, stdDev };
}

/**
 * Bollinger Bands (TA-Lib BBANDS with an SMA middle band, unstable period 0). Warm-up: the first
 * value is at index `period − 1` for the three bands.
 *
 * - middle = SMA(period), as a running sum (add the new value, output, drop the oldest), as sma.ts.
 * - Population standard deviation from a running sum of squares, in TA-Lib's order: add the new
 *   square, meanSq = sumSq / period, subtract the oldest square, meanSq −= middle²;
 *   std = √meanSq, or 0 when meanSq < 1e-14 (TA_IS_ZERO_OR_NEG: a flat window gives 0, never NaN).
 * - upper = middle + stdDev × std, lower = middle − stdDev × std.
 */
export function bollinger(values: ArrayLike<number>, opts: BollingerOptions = {}): BollingerResult {
  const { period, stdDev } = resolve(opts);
  const n = values.length;
  // The three bands are written for every cell from period − 1 on.
  const upper = outputArray(n, period - 1);
  const middle = outputArray(n, period - 1);
  const lower = outputArray(n, period - 1);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    sum += x;
    sumSq += x * x;
    if (i >= period - 1) {
      const ma = sum / period;
      let meanSq = sumSq / period;
      const old = values[i - period + 1]!;
      sumSq -= old * old;
      sum -= old;
      meanSq -= ma * ma;
      const dev = isZeroOrNegative(meanSq) ? 0 : Math.sqrt(meanSq) * stdDev;
      middle[i] = ma;
      upper[i] = ma + dev;
      lower[i] = ma - dev;
    }
  }
  return { upper, middle, lower };
}

const warmUp: BollingerPoint = Object.freeze({
  upper: Number.NaN,
  middle: Number.NaN,
  lower: Number.NaN,
});

export class BollingerStream implements StreamingIndicator<BollingerPoint> {
  readonly period: number;
  readonly stdDev: number;
  private readonly window: Float64Array;
  private count = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(opts: BollingerOptions = {}) {
    const { period, stdDev } = resolve(opts);
    this.period = period;
    this.stdDev = stdDev;
    this.window = new Float64Array(period);
  }

  next(value: number): BollingerPoint {
    const period = this.period;
    this.window[this.count % period] = value;
    this.count++;
    this.sum += value;
    this.sumSq += value * value;
    if (this.count < period) return warmUp;
    const ma = this.sum / period;
    let meanSq = this.sumSq / period;
    // The oldest value of the window is the one the next update overwrites.
    const old = this.window[this.count % period]!;
    this.sumSq -= old * old;
    this.sum -= old;
    meanSq -= ma * ma;
    const dev = isZeroOrNegative(meanSq) ? 0 : Math.sqrt(meanSq) * this.stdDev;
    return { upper: ma + dev, middle: ma, lower: ma - dev };
  }

  update(candle: CandleLike): BollingerPoint {
    return this.next(candle.close);
  }
}
