import type { Candle } from '../candles/types.js';

/** What a streaming indicator reads from a candle; only the fields it needs are required. */
export type CandleLike = Pick<Candle, 'high' | 'low' | 'close'> & Partial<Candle>;

/**
 * Streaming form of an indicator: `update(candle)` folds one closed candle in O(1) (O(period) where
 * the maths needs it, documented per indicator) and returns the value for that candle, NaN during
 * the warm-up. Batch and streaming forms of one indicator give bit-identical numbers (tested).
 */
export interface StreamingIndicator<T> {
  update(candle: CandleLike): T;
}

/** A streaming indicator over one price (close by default) that can also be fed raw numbers. */
export interface ScalarStream extends StreamingIndicator<number> {
  next(value: number): number;
}
