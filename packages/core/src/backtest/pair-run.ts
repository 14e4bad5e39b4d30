import type { Candle, CandleSeries } from '../candles/types.js';
import { ValidationError } from '../errors.js';
import type { Ledger } from '../ledger/ledger.js';
import type { MarketSpec } from '../market/market.js';
import { RegimeDetector } from '../regime/detect-regime.js';
import { createStrategy } from '../strategies/registry.js';
import type { StrategyInstance } from '../strategies/types.js';

export interface BacktestMarket {
  readonly spec: MarketSpec;
  readonly candles: CandleSeries;
}

/** One pair's walk through its candles in a backtest: its window, its strategy and regime. */
export interface PairRun {
  readonly market: BacktestMarket;
  readonly start: number;
  readonly end: number;
  readonly strategy: StrategyInstance;
  readonly regime: RegimeDetector;
  next: number;
}

export interface RunWindow {
  readonly strategyId: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Candles with open time in [from, to] (ms UTC) take part. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export function openRun(market: BacktestMarket, w: RunWindow): PairRun {
  const ts = market.candles.ts;
  let start = 0;
  let end = ts.length;
  if (w.from !== undefined) while (start < end && ts[start]! < w.from) start++;
  if (w.to !== undefined) while (end > start && ts[end - 1]! > w.to) end--;
  if (end - start < 2) {
    throw new ValidationError(
      `${market.spec.pair}: fewer than 2 candles in the chosen period (${end - start} of ${ts.length})`,
    );
  }
  return {
    market,
    start,
    end,
    next: start,
    strategy: createStrategy(w.strategyId, w.params),
    regime: new RegimeDetector(),
  };
}

/** Whether any of `pairs` has a position open (the bar counts towards exposure). */
export function anyHeld(ledger: Ledger, pairs: readonly string[]): boolean {
  for (const pair of pairs) if (ledger.qty(pair) > 0) return true;
  return false;
}

/** The earliest open time among the pairs' next candles (time order across pairs). */
export function nextTs(runs: readonly PairRun[]): number | undefined {
  let best: number | undefined;
  for (const r of runs) {
    if (r.next >= r.end) continue;
    const t = r.market.candles.ts[r.next]!;
    if (best === undefined || t < best) best = t;
  }
  return best;
}

export function candleOf(s: CandleSeries, i: number): Candle {
  return {
    ts: s.ts[i]!,
    open: s.open[i]!,
    high: s.high[i]!,
    low: s.low[i]!,
    close: s.close[i]!,
    volume: s.volume[i]!,
  };
}
