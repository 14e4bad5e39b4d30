import { MacdStream } from '../indicators/macd.js';
import type { MacdOptions } from '../indicators/macd.js';

/**
 * MACD for hot strategy loops: the same arithmetic as MacdStream (TA-Lib seeding, bit-identical
 * values, tested against `macd()`), but `push()` keeps the line, signal and histogram in fields, so
 * a candle costs no object. MacdStream returns a fresh point per
 * candle, which V8 does not eliminate here; at a million candles a second that is ~60 MB/s of
 * garbage on the HOLD path of the momentum strategy.
 */
export class MacdHistogram {
  readonly fast: number;
  readonly slow: number;
  readonly signalPeriod: number;
  /** MACD line, signal and histogram (line − signal) of the last candle; NaN in warm-up. */
  macd = Number.NaN;
  signal = Number.NaN;
  hist = Number.NaN;
  private readonly kFast: number;
  private readonly kSlow: number;
  private readonly kSignal: number;
  private readonly first: number;
  private count = 0;
  private slowSum = 0;
  private fastSum = 0;
  private slowEma = 0;
  private fastEma = 0;
  private signalSum = 0;

  constructor(opts: MacdOptions = {}) {
    // MacdStream validates the periods and resolves TA-Lib's swap of fast and slow.
    const resolved = new MacdStream(opts);
    this.fast = resolved.fast;
    this.slow = resolved.slow;
    this.signalPeriod = resolved.signal;
    this.kFast = 2 / (this.fast + 1);
    this.kSlow = 2 / (this.slow + 1);
    this.kSignal = 2 / (this.signalPeriod + 1);
    this.first = this.slow - 1 + this.signalPeriod - 1;
  }

  /** Index of the first candle with a value (33 for 12/26/9). */
  get firstIndex(): number {
    return this.first;
  }

  /**
   * Folds in one close; read `hist` (and `macd`, `signal`) after. Returning nothing is deliberate:
   * a float returned from a call V8 does not inline is boxed, one allocation per candle.
   */
  push(value: number): void {
    const i = this.count++;
    const slow = this.slow;
    if (i < slow) {
      this.slowSum += value;
      if (i >= slow - this.fast) this.fastSum += value;
      if (i < slow - 1) return;
      this.slowEma = this.slowSum / slow;
      this.fastEma = this.fastSum / this.fast;
    } else {
      this.slowEma = (value - this.slowEma) * this.kSlow + this.slowEma;
      this.fastEma = (value - this.fastEma) * this.kFast + this.fastEma;
    }
    const m = this.fastEma - this.slowEma;
    if (i < this.first) {
      this.signalSum += m;
      return;
    }
    if (i === this.first) {
      this.signalSum += m;
      this.signal = this.signalSum / this.signalPeriod;
    } else {
      this.signal = (m - this.signal) * this.kSignal + this.signal;
    }
    this.macd = m;
    this.hist = m - this.signal;
  }
}
