import { ValidationError } from '../errors.js';
import { AdxStream } from '../indicators/adx.js';
import { AtrStream } from '../indicators/atr.js';
import { EmaStream } from '../indicators/ema.js';
import { assertPeriod } from '../indicators/params.js';
import type { CandleLike } from '../indicators/types.js';
import type { Regime, RegimeKind } from './types.js';

export interface RegimeOptions {
  /** ADX / ±DI period, default 14 (Wilder's). */
  readonly adxPeriod?: number;
  /** ATR period, default 14. */
  readonly atrPeriod?: number;
  /** Log returns in the realised-volatility window, default 48 (two days of 1h candles). */
  readonly volatilityWindow?: number;
  /** EMA period of ATR% that serves as its "normal" level, default 100. */
  readonly baselinePeriod?: number;
  /** ATR% above this multiple of its baseline is `volatile`, default 1.8. */
  readonly volatileRatio?: number;
  /** ADX at or above this is a trend, default 25. */
  readonly trendAdx?: number;
}

/**
 * Classifies the market after each closed candle, in O(1) per candle (ring buffer and running sums,
 * no look-back loops), in this order:
 *
 * 1. `unknown` until every input exists: ADX (2 × adxPeriod − 1 candles), the ATR% baseline
 *    (atrPeriod + baselinePeriod − 1) and the volatility window (volatilityWindow + 1). With the
 *    defaults the first classified candle is index 113.
 * 2. `volatile` when ATR% (ATR / close) > volatileRatio × EMA(baselinePeriod) of ATR%. The rule is
 *    relative on purpose: a 1m candle ranges ~0.1 % and a 1d candle ~5 % on the same coin, so no
 *    absolute ATR% transfers between timeframes or coins; what matters is that candles suddenly
 *    range far more than they have lately. 1.8× a 100-candle baseline fires within a few candles of a
 *    crash or squeeze (Wilder's ATR moves 1/14 of the way per candle, the baseline ~1/50) and not on
 *    ordinary busy sessions, which rarely double the range; the baseline then adapts, so a long
 *    turbulent stretch becomes the new normal instead of staying `volatile` forever.
 * 3. `trending-up` / `trending-down` when ADX ≥ trendAdx (25, Wilder's own line between a trend and
 *    noise; ADX is a ratio, so it is timeframe-free) with +DI above / below −DI.
 * 4. `ranging` otherwise.
 *
 * Volatility (reported, not used for the class) is the population standard deviation of the last
 * `volatilityWindow` log returns, per candle, kept as running sums that are re-summed exactly once
 * per window so float drift cannot build up over millions of candles.
 */
export class RegimeDetector {
  private readonly adx: AdxStream;
  private readonly atr: AtrStream;
  private readonly baseline: EmaStream;
  private readonly returns: Float64Array;
  private readonly volatileRatio: number;
  private readonly trendAdx: number;
  private count = 0;
  private prevClose = Number.NaN;
  private slot = 0;
  private filled = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(opts: RegimeOptions = {}) {
    const {
      adxPeriod = 14,
      atrPeriod = 14,
      volatilityWindow = 48,
      baselinePeriod = 100,
      volatileRatio = 1.8,
      trendAdx = 25,
    } = opts;
    assertPeriod('volatilityWindow', volatilityWindow, 2);
    assertPeriod('baselinePeriod', baselinePeriod, 1);
    if (!Number.isFinite(volatileRatio) || volatileRatio <= 1) {
      throw new ValidationError(`volatileRatio must be a number above 1, got ${volatileRatio}`, {
        parameter: 'volatileRatio',
        value: volatileRatio,
      });
    }
    if (!Number.isFinite(trendAdx) || trendAdx <= 0 || trendAdx >= 100) {
      throw new ValidationError(`trendAdx must be a number from 0 to 100, got ${trendAdx}`, {
        parameter: 'trendAdx',
        value: trendAdx,
      });
    }
    this.adx = new AdxStream(adxPeriod);
    this.atr = new AtrStream(atrPeriod);
    this.baseline = new EmaStream(baselinePeriod);
    this.returns = new Float64Array(volatilityWindow);
    this.volatileRatio = volatileRatio;
    this.trendAdx = trendAdx;
  }

  update(candle: CandleLike): Regime {
    this.count++;
    const close = candle.close;
    const adxStream = this.adx;
    adxStream.push(candle);
    const { adx, plusDi, minusDi } = adxStream;
    const atr = this.atr.update(candle);
    const atrPct = atr / close;
    // The baseline EMA only starts once ATR exists (NaN would poison it).
    const baseline = Number.isNaN(atrPct) ? Number.NaN : this.baseline.next(atrPct);
    const volatility = this.pushReturn(close);

    let kind: RegimeKind;
    if (Number.isNaN(adx) || Number.isNaN(baseline) || Number.isNaN(volatility)) kind = 'unknown';
    else if (atrPct > this.volatileRatio * baseline) kind = 'volatile';
    else if (adx >= this.trendAdx) kind = plusDi >= minusDi ? 'trending-up' : 'trending-down';
    else kind = 'ranging';
    return { kind, adx, atrPct, volatility };
  }

  /** Folds in this candle's log return; the window's population std, NaN until it is full. */
  private pushReturn(close: number): number {
    const prev = this.prevClose;
    this.prevClose = close;
    if (Number.isNaN(prev)) return Number.NaN;
    const r = Math.log(close / prev);
    const window = this.returns;
    const n = window.length;
    const old = window[this.slot]!;
    window[this.slot] = r;
    this.slot = this.slot + 1 === n ? 0 : this.slot + 1;
    if (this.filled < n) {
      this.filled++;
      this.sum += r;
      this.sumSq += r * r;
      if (this.filled < n) return Number.NaN;
    } else if (this.slot === 0) {
      // Once per window: re-sum exactly (amortised O(1)).
      let s = 0;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const x = window[i]!;
        s += x;
        sq += x * x;
      }
      this.sum = s;
      this.sumSq = sq;
    } else {
      this.sum += r - old;
      this.sumSq += r * r - old * old;
    }
    const mean = this.sum / n;
    const variance = this.sumSq / n - mean * mean;
    return variance > 0 ? Math.sqrt(variance) : 0;
  }

  /** Candles seen so far. */
  get seen(): number {
    return this.count;
  }
}

/** The regime at every candle of a series (batch form, for tests, charts and reports). */
export function detectRegimes(candles: Iterable<CandleLike>, opts: RegimeOptions = {}): Regime[] {
  const detector = new RegimeDetector(opts);
  const out: Regime[] = [];
  for (const c of candles) out.push(detector.update(c));
  return out;
}
