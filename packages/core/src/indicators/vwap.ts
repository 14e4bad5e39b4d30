import { ValidationError } from '../errors.js';
import type { Ohlcv } from './ohlc.js';
import type { CandleLike, StreamingIndicator } from './types.js';

/**
 * Where the VWAP sums restart: `'day'` at each UTC midnight (the day of the candle's open time `ts`,
 * in ms UTC), `'none'` never (cumulative from the first candle, ChartSchool's worked example).
 */
export type VwapAnchor = 'day' | 'none';

export interface VwapOptions {
  /** Default `'day'`: for 24/7 crypto markets traders read VWAP as the UTC-day session's VWAP. */
  readonly anchor?: VwapAnchor;
}

const DAY_MS = 86_400_000;

function readAnchor(options: VwapOptions): VwapAnchor {
  // Typed as string: JavaScript callers and parsed configs can pass anything.
  const anchor: string = options.anchor ?? 'day';
  if (anchor === 'day' || anchor === 'none') return anchor;
  throw new ValidationError(`anchor must be 'day' or 'none', got ${anchor}`, {
    parameter: 'anchor',
    value: anchor,
  });
}

function missingTs(): ValidationError {
  return new ValidationError("VWAP anchored at 'day' needs the candles' ts (open time, ms UTC)", {
    parameter: 'ts',
  });
}

/**
 * Volume-weighted average price: Σ(TP × volume) / Σvolume with TP = (high + low + close) / 3, the
 * sums restarting at each anchor (see {@link VwapAnchor}; `'day'` is the default and requires `ts`,
 * refused with a ValidationError when missing). No warm-up: every candle has a value, except that
 * while Σvolume is 0 (a session that has not traded yet) the price is undefined and the output is
 * NaN (0 / 0), as TradingView's `ta.vwap` gives na; it is not replaced by TP, which would invent a
 * volume-weighted price without volume.
 */
export function vwap(
  candles: Ohlcv & { readonly ts?: ArrayLike<number> },
  options: VwapOptions = {},
): Float64Array {
  const anchor = readAnchor(options);
  const { high, low, close, volume } = candles;
  const n = close.length;
  const out = new Float64Array(n);
  let sumPv = 0;
  let sumV = 0;
  if (anchor === 'none') {
    for (let i = 0; i < n; i++) {
      const v = volume[i]!;
      sumPv += ((high[i]! + low[i]! + close[i]!) / 3) * v;
      sumV += v;
      out[i] = sumPv / sumV;
    }
    return out;
  }
  const ts = candles.ts;
  if (ts === undefined) throw missingTs();
  let day = Number.NaN;
  for (let i = 0; i < n; i++) {
    const d = Math.floor(ts[i]! / DAY_MS);
    if (d !== day) {
      day = d;
      sumPv = 0;
      sumV = 0;
    }
    const v = volume[i]!;
    sumPv += ((high[i]! + low[i]! + close[i]!) / 3) * v;
    sumV += v;
    out[i] = sumPv / sumV;
  }
  return out;
}

/** Streaming VWAP: O(1) per candle, bit-identical to {@link vwap} with the same options. */
export class VwapStream implements StreamingIndicator<number> {
  readonly anchor: VwapAnchor;
  private day = Number.NaN;
  private sumPv = 0;
  private sumV = 0;

  constructor(options: VwapOptions = {}) {
    this.anchor = readAnchor(options);
  }

  update(candle: CandleLike & { readonly volume: number }): number {
    if (this.anchor === 'day') {
      if (candle.ts === undefined) throw missingTs();
      const d = Math.floor(candle.ts / DAY_MS);
      if (d !== this.day) {
        this.day = d;
        this.sumPv = 0;
        this.sumV = 0;
      }
    }
    const v = candle.volume;
    this.sumPv += ((candle.high + candle.low + candle.close) / 3) * v;
    this.sumV += v;
    return this.sumPv / this.sumV;
  }
}
