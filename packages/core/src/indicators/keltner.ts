import { AtrStream } from './atr.js';
import { EmaStream } from './ema.js';
import type { Ohlc } from './ohlc.js';
import { assertPeriod, assertPositive, outputArray } from './params.js';
import { trueRange } from './true-range.js';
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
 * the EMA seeded with the SMA of its first `period` closes (ema.ts) and Wilder's ATR seeded with
 * the mean of TR[1..atrPeriod] (atr.ts), computed here in one pass in those files' arithmetic (the
 * streaming form runs EmaStream and AtrStream: bit-identical). The three lines share one warm-up
 * and start together at index max(period − 1, atrPeriod), 20 with the defaults.
 *
 * (The `ta` library's worked example, cs-kc.csv, uses the same formula but seeds the EMA with the
 * first close and the ATR with the mean of TR[0..atrPeriod − 1], TR[0] = high − low; the test shows
 * that those are the only differences.) The "original" 1960 Keltner (SMA of the typical price ±
 * SMA of high − low) is not provided.
 */
export function keltner(candles: Ohlc, options: KeltnerOptions = {}): KeltnerChannels {
  const { period, atrPeriod, multiplier } = readOptions(options);
  const { high, low, close } = candles;
  const n = close.length;
  // One pass for both parts, in ema.ts' and atr.ts' arithmetic; every cell from `start` is written.
  const start = Math.max(period - 1, atrPeriod);
  const upper = outputArray(n, start);
  const middle = outputArray(n, start);
  const lower = outputArray(n, start);
  if (n <= start) return { upper, middle, lower };
  const k = 2 / (period + 1);
  let seed = 0;
  for (let i = 0; i < period; i++) seed += close[i]!;
  let ema = seed / period; // the EMA at index period − 1
  for (let i = period; i <= start; i++) ema = (close[i]! - ema) * k + ema;
  let sum = 0;
  for (let i = 1; i <= atrPeriod; i++) sum += trueRange(high[i]!, low[i]!, close[i - 1]!);
  let atr = sum / atrPeriod; // the ATR at index atrPeriod
  const m = atrPeriod - 1;
  for (let i = atrPeriod + 1; i <= start; i++) {
    atr *= m;
    atr += trueRange(high[i]!, low[i]!, close[i - 1]!);
    atr /= atrPeriod;
  }
  let width = multiplier * atr;
  upper[start] = ema + width;
  middle[start] = ema;
  lower[start] = ema - width;
  for (let i = start + 1; i < n; i++) {
    const c = close[i]!;
    ema = (c - ema) * k + ema;
    atr *= m;
    atr += trueRange(high[i]!, low[i]!, close[i - 1]!);
    atr /= atrPeriod;
    width = multiplier * atr;
    upper[i] = ema + width;
    middle[i] = ema;
    lower[i] = ema - width;
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
