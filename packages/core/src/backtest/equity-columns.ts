import type { EquityPoint } from '../ledger/types.js';

/**
 * An equity curve read straight from Float64Array columns: point i is `(ts[i], scale × values[i])`,
 * except the last point, whose equity is `lastEquity`. A backtest has a point per bar, a million for
 * a long run; as `{ts, equity}` objects that was a million heap objects to allocate, trace and walk
 * for each curve. The strategy's curve is its equity after each bar (scale 1, exact) with the
 * closing sale settled into the last point; buy-and-hold is the held quantity times the closes,
 * read in place, its last point the cash after the final sale. So no second million-value array is
 * built just to change one number or to multiply by a constant.
 */
export interface EquityColumns {
  /** Open times, oldest first; as long as `values`. */
  readonly ts: Float64Array;
  readonly values: Float64Array;
  readonly scale: number;
  /** The last point's equity (ignored for an empty curve). */
  readonly lastEquity: number;
}

/** DESIGN §3's `[{ts, equity}]` form of a curve, oldest first: one object per point. */
export function toPoints(c: EquityColumns): EquityPoint[] {
  const n = c.values.length;
  const { ts, values, scale } = c;
  // Sized once and filled in order: no regrowth copies of a million-slot array.
  const out = new Array<EquityPoint>(n);
  for (let i = 0; i < n - 1; i++) out[i] = { ts: ts[i]!, equity: scale * values[i]! };
  if (n > 0) out[n - 1] = { ts: ts[n - 1]!, equity: c.lastEquity };
  return out;
}
