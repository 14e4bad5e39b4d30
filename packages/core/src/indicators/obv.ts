import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * On-balance volume (TA-Lib OBV). Starts at +volume[0] (so index 0 already has a value, TA-Lib's
 * convention; Tulip and some charting tools start at 0, which shifts the whole line by volume[0]),
 * then adds the candle's volume when the close rises, subtracts it when the close falls and leaves
 * the total unchanged on an equal close.
 */
export function obv(close: ArrayLike<number>, volume: ArrayLike<number>): Float64Array {
  const n = close.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let total = volume[0]!;
  let prev = close[0]!;
  out[0] = total;
  for (let i = 1; i < n; i++) {
    const c = close[i]!;
    if (c > prev) total += volume[i]!;
    else if (c < prev) total -= volume[i]!;
    out[i] = total;
    prev = c;
  }
  return out;
}

/** Streaming OBV: O(1) per candle, bit-identical to {@link obv}. */
export class ObvStream implements StreamingIndicator<number> {
  private started = false;
  private prevClose = Number.NaN;
  private total = 0;

  next(close: number, volume: number): number {
    if (!this.started) {
      this.started = true;
      this.total = volume;
    } else if (close > this.prevClose) {
      this.total += volume;
    } else if (close < this.prevClose) {
      this.total -= volume;
    }
    this.prevClose = close;
    return this.total;
  }

  update(candle: CandleLike & { readonly volume: number }): number {
    return this.next(candle.close, candle.volume);
  }
}
