/** Figures the dashboard derives from the portfolio history the API returns (no invented data). */

export interface EquityPoint {
  readonly ts: number;
  readonly equity: number;
}

export interface Drawdown {
  /** The highest equity recorded so far, and when. */
  readonly peak: number;
  readonly peakTs: number;
  readonly current: number;
  /** current − peak (≤ 0). */
  readonly abs: number;
  /** (current − peak) / peak, a fraction (≤ 0). */
  readonly pct: number;
}

/**
 * Peak-to-current drawdown over the recorded points and the current equity (which may be newer
 * than the last point). Null when there is nothing to compare.
 */
export function drawdownFromPeak(
  points: readonly EquityPoint[],
  current: EquityPoint | null,
): Drawdown | null {
  const all = current === null ? points : [...points, current];
  const last = current ?? points[points.length - 1];
  if (last === undefined) return null;
  let peak = all[0]!;
  for (const p of all) if (p.equity > peak.equity) peak = p;
  const abs = last.equity - peak.equity;
  return {
    peak: peak.equity,
    peakTs: peak.ts,
    current: last.equity,
    abs,
    pct: peak.equity > 0 ? abs / peak.equity : 0,
  };
}

export interface DayPnl {
  readonly ts: number;
  readonly equity: number;
  /** Against the previous day's point; null for the first day (no earlier close to compare). */
  readonly change: number | null;
  readonly changePct: number | null;
}

/** Daily equity change from the daily history points (oldest first in, newest first out). */
export function dailyPnl(points: readonly EquityPoint[]): DayPnl[] {
  const days = points.map((p, i) => {
    const prev = i > 0 ? points[i - 1] : undefined;
    const change = prev === undefined ? null : p.equity - prev.equity;
    return {
      ts: p.ts,
      equity: p.equity,
      change,
      changePct:
        prev === undefined || change === null || prev.equity === 0 ? null : change / prev.equity,
    };
  });
  return days.reverse();
}
