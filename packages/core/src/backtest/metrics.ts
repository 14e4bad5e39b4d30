import { ValidationError } from '../errors.js';
import type { ClosedTrade, EquityPoint } from '../ledger/types.js';
import { drawdownOfColumns, returnStats } from './curve-stats.js';
import { toPoints, type EquityColumns } from './equity-columns.js';

/** Crypto trades 24/7: a year is 365.25 days of bars, not 252 sessions. */
export const YEAR_MS = 365.25 * 86_400_000;

/**
 * Performance of one backtest (DESIGN §3). Returns and drawdowns are FRACTIONS (0.12 = 12 %), money
 * is in the quote currency. The result is serialised to JSON, which has no Infinity or NaN, so a
 * ratio that is not defined (division by zero, too few points, no trades) is `null`, never a
 * made-up 0 or a huge number: the dashboard prints "—".
 */
export interface BacktestMetrics {
  /** final / initialCapital − 1; 0 for an empty curve. */
  readonly totalReturn: number;
  /** (final / initial)^(1/years) − 1, years = (last ts − first ts + barMs) / YEAR_MS; −1 if wiped out; null for an empty curve or an overflow. */
  readonly cagr: number | null;
  /** mean(r) / sampleStd(r) × √periodsPerYear, r = per-bar simple returns, risk-free 0; null with < 2 returns or std 0. */
  readonly sharpe: number | null;
  /** mean(r) / sqrt(mean(min(r, 0)²)) × √periodsPerYear over all bars; null with no return or no losing bar. */
  readonly sortino: number | null;
  /** cagr / maxDrawdown; null when either is null or maxDrawdown is 0. */
  readonly calmar: number | null;
  /** Largest fall from a running peak, 1 − equity / peak (0..1). */
  readonly maxDrawdown: number;
  /** Longest time under water, ms from a peak to the first point back at it (or to the last point). */
  readonly maxDrawdownDuration: number;
  /** Winning trades (pnl > 0) / trades; null without trades. */
  readonly winRate: number | null;
  /** Gross profit / |gross loss|; null without a losing trade (undefined, not Infinity). */
  readonly profitFactor: number | null;
  /** Mean pnl per trade (money); null without trades. */
  readonly expectancy: number | null;
  /** Mean pnl of winning trades; null without one. */
  readonly averageWin: number | null;
  /** Mean pnl of losing trades, a NEGATIVE number like the pnl it averages; null without one. */
  readonly averageLoss: number | null;
  /** Bars with a position open / bars; 0 for no bars. */
  readonly exposure: number;
  readonly tradeCount: number;
  /** Highest and lowest trade pnl; null without trades. */
  readonly bestTrade: number | null;
  readonly worstTrade: number | null;
  /** The annualisation used: YEAR_MS / barMs. */
  readonly periodsPerYear: number;
}

export interface MetricsInput {
  /** The equity curve, oldest first; ideally its first point is the initial capital. */
  readonly equity: readonly EquityPoint[];
  readonly trades: readonly ClosedTrade[];
  readonly initialCapital: number;
  /** Bar length in ms (the timeframe), for annualisation. */
  readonly barMs: number;
  readonly exposedBars: number;
  readonly totalBars: number;
}

/** {@link MetricsInput} with the curve as columns (what the backtest keeps: no object per bar). */
export interface CurveMetricsInput extends Omit<MetricsInput, 'equity'> {
  readonly curve: EquityColumns;
}

/** A ratio that JSON can carry: a finite number, or null. */
function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Per-bar simple returns; a bar that starts at equity ≤ 0 has no defined return and is skipped. */
export function barReturns(equity: readonly EquityPoint[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < equity.length; i += 1) {
    const prev = equity[i - 1]!.equity;
    if (prev > 0) out.push(equity[i]!.equity / prev - 1);
  }
  return out;
}

/** Max drawdown (fraction) and the longest under-water span (ms), in one pass. */
export function drawdownStats(equity: readonly EquityPoint[]): {
  maxDrawdown: number;
  maxDrawdownDuration: number;
} {
  return drawdownOfColumns(columnsOf(equity));
}

function columnsOf(points: readonly EquityPoint[]): EquityColumns {
  return {
    ts: Float64Array.from(points, (p) => p.ts),
    values: Float64Array.from(points, (p) => p.equity),
    scale: 1,
    lastEquity: points.at(-1)?.equity ?? Number.NaN,
  };
}

function tradeStats(trades: readonly ClosedTrade[]) {
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let total = 0;
  let best = Number.NEGATIVE_INFINITY;
  let worst = Number.POSITIVE_INFINITY;
  for (const t of trades) {
    total += t.pnl;
    best = Math.max(best, t.pnl);
    worst = Math.min(worst, t.pnl);
    if (t.pnl > 0) {
      wins += 1;
      grossProfit += t.pnl;
    } else if (t.pnl < 0) {
      losses += 1;
      grossLoss -= t.pnl;
    }
  }
  const n = trades.length;
  return {
    winRate: n === 0 ? null : wins / n,
    profitFactor: losses === 0 ? null : grossProfit / grossLoss,
    expectancy: n === 0 ? null : total / n,
    averageWin: wins === 0 ? null : grossProfit / wins,
    averageLoss: losses === 0 ? null : -grossLoss / losses,
    tradeCount: n,
    bestTrade: n === 0 ? null : best,
    worstTrade: n === 0 ? null : worst,
  };
}

/**
 * Computes every metric of a backtest from its equity curve and closed trades. Annualisation:
 * periodsPerYear = 365.25 × 86 400 000 / barMs (a 1h bar gives 8766). Sharpe uses the sample standard
 * deviation (n − 1); Sortino's downside deviation is sqrt(Σ min(r, 0)² / n) over ALL bars, so quiet
 * bars count as zero downside rather than being dropped. Pure: no clock, the years come from the
 * curve's timestamps.
 */
export function computeMetrics(input: MetricsInput): BacktestMetrics {
  return computeCurveMetrics({ ...input, curve: columnsOf(input.equity) });
}

/** {@link computeMetrics} over a curve kept as columns; the same numbers, bit for bit. */
export function computeCurveMetrics(input: CurveMetricsInput): BacktestMetrics {
  const { curve, initialCapital, barMs } = input;
  if (!(initialCapital > 0) || !(barMs > 0)) {
    throw new ValidationError(
      `metrics need initialCapital > 0 and barMs > 0, got ${initialCapital} and ${barMs}`,
      { initialCapital, barMs },
    );
  }
  const { ts } = curve;
  const points = curve.values.length;
  if (ts.length !== points) {
    throw new ValidationError(`ts has ${ts.length} values but the curve has ${points}`);
  }
  const periodsPerYear = YEAR_MS / barMs;
  const final = points === 0 ? initialCapital : curve.lastEquity;
  const totalReturn = final / initialCapital - 1;

  let cagr: number | null = null;
  if (points > 0) {
    const years = (ts[points - 1]! - ts[0]! + barMs) / YEAR_MS;
    cagr = final <= 0 ? -1 : finiteOrNull((final / initialCapital) ** (1 / years) - 1);
  }

  const { count: n, mean, sumSqDev, sumSqDown } = returnStats(curve);
  let sharpe: number | null = null;
  if (n >= 2) {
    const variance = sumSqDev / (n - 1);
    const std = Math.sqrt(variance);
    sharpe = std > 0 ? finiteOrNull((mean / std) * Math.sqrt(periodsPerYear)) : null;
  }
  let sortino: number | null = null;
  if (n >= 1) {
    const downside = Math.sqrt(sumSqDown / n);
    sortino = downside > 0 ? finiteOrNull((mean / downside) * Math.sqrt(periodsPerYear)) : null;
  }

  const { maxDrawdown, maxDrawdownDuration } = drawdownOfColumns(curve);
  const calmar = cagr !== null && maxDrawdown > 0 ? finiteOrNull(cagr / maxDrawdown) : null;

  return {
    totalReturn,
    cagr,
    sharpe,
    sortino,
    calmar,
    maxDrawdown,
    maxDrawdownDuration,
    ...tradeStats(input.trades),
    exposure: input.totalBars > 0 ? input.exposedBars / input.totalBars : 0,
    periodsPerYear,
  };
}

export interface BuyAndHoldInput {
  /** Bar open times and closes of the benchmark pair, oldest first, same length. */
  readonly ts: ArrayLike<number>;
  readonly close: ArrayLike<number>;
  readonly initialCapital: number;
  /** Fee per leg in basis points (paid on the buy and on the final sale). */
  readonly feeBps: number;
  readonly barMs: number;
  readonly pair?: string;
}

export interface BuyAndHoldResult {
  readonly metrics: BacktestMetrics;
  readonly equity: readonly EquityPoint[];
  readonly trade: ClosedTrade | null;
}

/** {@link BuyAndHoldResult} with the curve as columns (no object per bar). */
export interface BuyAndHoldColumns {
  readonly metrics: BacktestMetrics;
  readonly curve: EquityColumns;
  readonly trade: ClosedTrade | null;
}

/**
 * The benchmark every strategy must beat: buy at the first close with all capital (fee taken from
 * it), hold, sell at the last close (fee again). Equity is marked at each close; the last point is
 * the cash after the sale, so the benchmark pays the same exit cost a strategy's end-of-data close
 * pays. Exposure is 1.
 */
export function buyAndHold(input: BuyAndHoldInput): BuyAndHoldResult {
  const { metrics, curve, trade } = buyAndHoldColumns(input);
  return { metrics, equity: toPoints(curve), trade };
}

/**
 * {@link buyAndHold} without the point objects, what a backtest needs for its benchmark: the curve
 * is the held quantity times the closes (read in place), its last point the cash after the sale.
 */
export function buyAndHoldColumns(input: BuyAndHoldInput): BuyAndHoldColumns {
  const { initialCapital, feeBps, barMs } = input;
  if (input.ts.length !== input.close.length) {
    throw new ValidationError(
      `ts has ${input.ts.length} values but close has ${input.close.length}`,
    );
  }
  const ts = float64(input.ts);
  const close = float64(input.close);
  const fee = feeBps / 10_000;
  const n = close.length;
  let trade: ClosedTrade | null = null;
  let qty = 0;
  let finalEquity = Number.NaN;
  if (n > 0) {
    const entryPrice = close[0]!;
    const entryFee = initialCapital * fee;
    qty = (initialCapital - entryFee) / entryPrice;
    const exitPrice = close[n - 1]!;
    const exitFee = qty * exitPrice * fee;
    finalEquity = qty * exitPrice - exitFee;
    trade = {
      pair: input.pair ?? 'buy-and-hold',
      side: 'long',
      entryTs: ts[0]!,
      entryPrice,
      exitTs: ts[n - 1]!,
      exitPrice,
      qty,
      fee: entryFee + exitFee,
      pnl: finalEquity - initialCapital,
      exitReason: 'end-of-data',
    };
  }
  const curve: EquityColumns = { ts, values: close, scale: qty, lastEquity: finalEquity };
  const metrics = computeCurveMetrics({
    curve,
    trades: trade === null ? [] : [trade],
    initialCapital,
    barMs,
    exposedBars: n,
    totalBars: n,
  });
  return { metrics, curve, trade };
}

/** The column itself when it already is a Float64Array (a candle series), else a copy. */
function float64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}
