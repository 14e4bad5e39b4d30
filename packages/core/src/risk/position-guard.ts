/**
 * The position monitor's rule (bot runtime, between cycles): on every price tick an open position's
 * protective levels are checked, and the first one crossed closes it. Pure: the runtime keeps the
 * levels (stored with the position, so they survive a restart) and acts on the answer.
 *
 * The trailing stop keeps the entry's risk distance: with an entry at 100 and a stop at 95 it trails
 * 5 % under the highest price since entry, so a winner's stop ratchets up and never down. The stop
 * actually enforced is the higher of the fixed stop and the trailing one.
 */
export interface PositionGuard {
  readonly stopLoss: number | null;
  readonly takeProfit: number | null;
  /** Fraction under the high-water mark, e.g. 0.05; null: no trailing. */
  readonly trailPct: number | null;
  /** Highest price seen since entry. */
  readonly highWater: number;
}

export type GuardExit = 'stop-loss' | 'take-profit' | 'trailing-stop';

export interface GuardCheck {
  /** The guard after this price (its high-water mark raised when the price is a new high). */
  readonly guard: PositionGuard;
  /** Set when the price crossed a level: why, and the level crossed. */
  readonly exit?: { readonly reason: GuardExit; readonly level: number };
}

/** The guard of a position opened at `entry` with the decision's stop and target (either may be null). */
export function guardFor(
  entry: number,
  stopLoss: number | null,
  takeProfit: number | null,
): PositionGuard {
  const stop = stopLoss !== null && stopLoss > 0 && stopLoss < entry ? stopLoss : null;
  const target = takeProfit !== null && takeProfit > entry ? takeProfit : null;
  return {
    stopLoss: stop,
    takeProfit: target,
    trailPct: stop === null ? null : (entry - stop) / entry,
    highWater: entry,
  };
}

/** The stop in force: the fixed one or the trailing one, whichever is higher. */
export function effectiveStop(g: PositionGuard): { level: number; reason: GuardExit } | null {
  const trailing = g.trailPct === null ? null : g.highWater * (1 - g.trailPct);
  if (trailing !== null && (g.stopLoss === null || trailing > g.stopLoss)) {
    return { level: trailing, reason: 'trailing-stop' };
  }
  return g.stopLoss === null ? null : { level: g.stopLoss, reason: 'stop-loss' };
}

/**
 * Checks one price. Adverse first: a price at or under the stop exits on the stop even if a target
 * was also set. The high-water mark moves after the check, so one tick cannot both raise the stop
 * and hit it.
 */
export function checkGuard(g: PositionGuard, price: number): GuardCheck {
  const stop = effectiveStop(g);
  if (stop !== null && price <= stop.level) {
    return { guard: g, exit: { reason: stop.reason, level: stop.level } };
  }
  if (g.takeProfit !== null && price >= g.takeProfit) {
    return { guard: g, exit: { reason: 'take-profit', level: g.takeProfit } };
  }
  return price > g.highWater ? { guard: { ...g, highWater: price } } : { guard: g };
}
