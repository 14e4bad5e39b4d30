// The backtest part's floor: one plain loop over the same Float64Arrays the engine reads, doing the
// least work a backtest can do per candle and still produce a result that depends on every candle
// (so the optimiser cannot drop any of it): two running SMAs of the close, a long-only crossover
// decided at the close and filled at the next open with fee + slippage, equity marked at every close,
// peak and maximum drawdown tracked. No objects, no allocation inside the loop.
import type { CandleSeries } from '@numerusx/core';

export interface BareLoopParams {
  readonly fast: number;
  readonly slow: number;
  readonly capital: number;
  /** Cost per fill in basis points (fee + slippage, taken off the traded amount). */
  readonly costBps: number;
}

export interface BareLoopResult {
  readonly trades: number;
  readonly finalEquity: number;
  readonly maxDrawdown: number;
  readonly exposedBars: number;
}

export function bareLoop(s: CandleSeries, p: BareLoopParams): BareLoopResult {
  const { open, close } = s;
  const n = s.length;
  const { fast, slow } = p;
  const cost = p.costBps / 10_000;
  let cash = p.capital;
  let qty = 0;
  let sumFast = 0;
  let sumSlow = 0;
  let prevDiff = Number.NaN;
  /** +1 buy / −1 sell at the next open, 0 nothing. */
  let pending = 0;
  let trades = 0;
  let exposedBars = 0;
  let peak = cash;
  let maxDrawdown = 0;
  for (let i = 0; i < n; i++) {
    if (pending !== 0) {
      const px = open[i]!;
      if (pending > 0) {
        qty = (cash * (1 - cost)) / px;
        cash = 0;
      } else {
        cash = qty * px * (1 - cost);
        qty = 0;
        trades++;
      }
      pending = 0;
    }
    const c = close[i]!;
    sumFast += c;
    sumSlow += c;
    if (i >= fast) sumFast -= close[i - fast]!;
    if (i >= slow) sumSlow -= close[i - slow]!;
    if (i >= slow - 1) {
      const diff = sumFast / fast - sumSlow / slow;
      if (qty === 0 && diff > 0 && prevDiff <= 0) pending = 1;
      else if (qty > 0 && diff < 0 && prevDiff >= 0) pending = -1;
      prevDiff = diff;
    }
    const equity = cash + qty * c;
    if (qty > 0) exposedBars++;
    if (equity > peak) peak = equity;
    else if (1 - equity / peak > maxDrawdown) maxDrawdown = 1 - equity / peak;
  }
  if (qty > 0) {
    // End of data: sell at the last close, as the engine does.
    cash = qty * close[n - 1]! * (1 - cost);
    qty = 0;
    trades++;
  }
  return { trades, finalEquity: cash, maxDrawdown, exposedBars };
}
