import { AtrStream, atr } from './atr.js';
import { EmaStream, ema } from './ema.js';
import type { Ohlc } from './ohlc.js';
import { assertPeriod, assertPositive } from './params.js';
import type { CandleLike, StreamingIndicator } from './types.js';

export interface KeltnerOptions {
  /** EMA period of the middle line (default 20). */
  readonly period?: number;
  /** Wilder ATR period of the band width (default 10). */
  readonly atrPeriod?: number;
  /** Band half-width in ATRs (default 2). */
  readonly multiplier?: number;
}

/** Keltner Channels: one array per line, NaN during the warm-up. */
export interface KeltnerChannels {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
}

/** One Keltner value (streaming form); NaN in every field during the warm-up. */
export interface KeltnerValue {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

interface KeltnerParams {
  readonly period: number;
  readonly atrPeriod: number;
  readonly multiplier: number;
}

function readOptions(options: KeltnerOptions): KeltnerParams {
  const { period = 20, atrPeriod = 10, multiplier = 2 } = options;
  assertPeriod('period', period);
  assertPeriod('atrPeriod', atrPeriod);
  assertPositive('multiplier', multiplier);
  return { period, atrPeriod, multiplier };
}

/**
 * Keltner Channels, ChartSchool's current definition: middle = EMA(`period`) of the close,
 * upper / lower = middle ± `multiplier` × ATR(`atrPeriod`). Both parts use TA-Lib's conventions:
 * the EMA seeded with the SMA of its first `period` closes ({@link ema}) and Wilder's ATR seeded
 * with the mean of TR[1..atrPeriod] ({@link atr}). The three lines share one warm-up and start
 * together at index max(period − 1, atrPeriod), 20 with the defaults.
 *
 * (The `ta` library's worked example, cs-kc.csv, uses the same formula but seeds the EMA with the
 * first close and the ATR with the mean of TR[0..atrPeriod − 1], TR[0] = high − low; the test shows
 * that those are the only differences.) The "original" 1960 Keltner (SMA of the typical price ±
 * SMA of high − low) is not provided.
 */
export function keltner(candles: Ohlc, options: KeltnerOptions = {}): KeltnerChannels {
  const { period, atrPeriod, multiplier } = readOptions(options);
  const n = candles.close.length;
  const middle = ema(candles.close, period);
  // The ATR array is reused for the lower band: each slot is read before it is overwritten.
  const lower = atr(candles, atrPeriod);
  const upper = new Float64Array(n);
  const start = Math.min(Math.max(period - 1, atrPeriod), n);
  for (let i = 0; i < start; i++) {
    upper[i] = Number.NaN;
    middle[i] = Number.NaN;
    lower[i] = Number.NaN;
  }
  for (let i = start; i < n; i++) {
    const m = middle[i]!;
    const width = multiplier * lower[i]!;
    upper[i] = m + width;
    lower[i] = m - width;
  }
  return { upper, middle, lower };
}

/** Streaming Keltner Channels: O(1) per candle, bit-identical to {@link keltner}. */
export class KeltnerStream implements StreamingIndicator<KeltnerValue> {
  readonly period: number;
  readonly atrPeriod: number;
  readonly multiplier: number;
  private readonly ema: EmaStream;
  private readonly atr: AtrStream;
  private readonly start: number;
  private count = 0;

  constructor(options: KeltnerOptions = {}) {
    const { period, atrPeriod, multiplier } = readOptions(options);
    this.period = period;
    this.atrPeriod = atrPeriod;
    this.multiplier = multiplier;
    this.ema = new EmaStream(period);
    this.atr = new AtrStream(atrPeriod);
    this.start = Math.max(period - 1, atrPeriod);
  }

  update(candle: CandleLike): KeltnerValue {
    const m = this.ema.next(candle.close);
    const range = this.atr.update(candle);
    if (this.count++ < this.start) {
      return { upper: Number.NaN, middle: Number.NaN, lower: Number.NaN };
    }
    const width = this.multiplier * range;
    return { upper: m + width, middle: m, lower: m - width };
  }
}
