import type { ClosedTrade } from '../ledger/types.js';
import { english, msg, type MsgKey } from '../messages/en.js';
import type { Msg, MsgParam } from '../messages/msg.js';
import type { RiskConfig } from './config.js';

/**
 * One rule that shaped a risk verdict: a stable id for code and filters, and the numbers for people.
 * `messageMsg` is the text as data (each dashboard language renders it); `message` is its English,
 * kept for logs, the CLI and stored records.
 */
export interface RiskReason {
  readonly rule: string;
  readonly message: string;
  readonly messageMsg: Msg;
}

/** A reason whose English is rendered once from its message, so the two can never disagree. */
export function riskReason(
  rule: string,
  key: MsgKey,
  params?: Readonly<Record<string, MsgParam>>,
): RiskReason {
  const messageMsg = msg(key, params);
  return { rule, message: english(messageMsg), messageMsg };
}

/**
 * A target order size in quote currency. `reasons[0]` explains the number; a Kelly fallback adds a
 * second reason so the user sees that the win rate was not trusted yet.
 */
export interface SizingResult {
  readonly sizeUsd: number;
  readonly reasons: readonly RiskReason[];
}

/** Money and fractions printed the same way in every message. */
export function usd(v: number): string {
  return v.toFixed(2);
}
export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/** Fixed fraction: `fraction × equity`. The plainest rule, and the fallback of the others. */
export function fixedFractionSize(equity: number, fraction: number): SizingResult {
  const sizeUsd = Math.max(0, equity * fraction);
  return {
    sizeUsd,
    reasons: [
      riskReason('sizing-fixed-fraction', 'risk.sizing.fixedFraction', {
        fraction: pct(fraction),
        equity: usd(equity),
        size: usd(sizeUsd),
      }),
    ],
  };
}

/**
 * ATR sizing: the quantity whose loss, if the stop at `stopMultiple × ATR` below the price is hit,
 * is `riskFraction × equity`. Volatile markets get smaller positions for the same risk. Without a
 * usable ATR (warm-up NaN, 0) the size is 0: we would rather skip a trade than guess its risk.
 */
export function atrSize(input: {
  readonly equity: number;
  readonly price: number;
  readonly atr: number;
  readonly riskFraction: number;
  readonly stopMultiple: number;
}): SizingResult {
  const { equity, price, atr, riskFraction, stopMultiple } = input;
  if (!Number.isFinite(atr) || atr <= 0) {
    return {
      sizeUsd: 0,
      reasons: [riskReason('atr-unavailable', 'risk.sizing.atrUnavailable', { atr })],
    };
  }
  const riskUsd = equity * riskFraction;
  const stopDistance = stopMultiple * atr;
  const sizeUsd = Math.max(0, (riskUsd / stopDistance) * price);
  return {
    sizeUsd,
    reasons: [
      riskReason('sizing-atr', 'risk.sizing.atr', {
        fraction: pct(riskFraction),
        equity: usd(equity),
        risk: usd(riskUsd),
        multiple: stopMultiple,
        atr,
        distance: stopDistance,
        price,
        size: usd(sizeUsd),
      }),
    ],
  };
}

/** Win rate W, payoff ratio R and the resulting full Kelly fraction f* = W − (1 − W)/R. */
export interface KellyStats {
  readonly trades: number;
  readonly winRate: number;
  /** avg win / |avg loss|; Infinity when there is no losing trade, 0 when there is no winning one. */
  readonly payoff: number;
  readonly kelly: number;
}

/**
 * Kelly statistics from closed trades. A win is pnl > 0, a loss pnl < 0; a breakeven trade counts in
 * the trade total (it lowers W) but in neither average. No loss → f* = W = 1 (then clamped); no
 * win → f* = −1 (no edge).
 */
export function kellyStats(trades: readonly ClosedTrade[]): KellyStats {
  let wins = 0;
  let losses = 0;
  let winSum = 0;
  let lossSum = 0;
  for (const t of trades) {
    if (t.pnl > 0) {
      wins += 1;
      winSum += t.pnl;
    } else if (t.pnl < 0) {
      losses += 1;
      lossSum -= t.pnl;
    }
  }
  const n = trades.length;
  const winRate = n === 0 ? 0 : wins / n;
  if (wins === 0) return { trades: n, winRate, payoff: 0, kelly: -1 };
  if (losses === 0) return { trades: n, winRate, payoff: Number.POSITIVE_INFINITY, kelly: winRate };
  const payoff = winSum / wins / (lossSum / losses);
  return { trades: n, winRate, payoff, kelly: winRate - (1 - winRate) / payoff };
}

/**
 * Fractional Kelly from the bot's OWN closed trades: `kellyFraction × f*`, clamped to
 * [0, maxPositionPct] of equity. Below `kellyMinTrades` the statistics are noise, so it falls back
 * to fixed-fraction and says so (never a made-up constant win rate). f* ≤ 0 means no measured edge:
 * size 0 with the numbers.
 */
export function kellySize(input: {
  readonly equity: number;
  readonly trades: readonly ClosedTrade[];
  readonly config: Pick<
    RiskConfig,
    'kellyFraction' | 'kellyMinTrades' | 'maxPositionPct' | 'riskFraction'
  >;
}): SizingResult {
  const { equity, trades, config } = input;
  if (trades.length < config.kellyMinTrades) {
    const fallback = fixedFractionSize(equity, config.riskFraction);
    return {
      sizeUsd: fallback.sizeUsd,
      reasons: [
        ...fallback.reasons,
        riskReason('kelly-fallback', 'risk.sizing.kellyFallback', {
          trades: trades.length,
          min: config.kellyMinTrades,
        }),
      ],
    };
  }
  const s = kellyStats(trades);
  const stats = msg('risk.sizing.kellyStats', {
    winRate: pct(s.winRate),
    payoff: s.payoff.toFixed(3),
    trades: s.trades,
  });
  if (s.kelly <= 0) {
    return {
      sizeUsd: 0,
      reasons: [
        riskReason('kelly-no-edge', 'risk.sizing.kellyNoEdge', {
          kelly: s.kelly.toFixed(4),
          stats,
        }),
      ],
    };
  }
  const fraction = Math.min(config.maxPositionPct, Math.max(0, s.kelly * config.kellyFraction));
  const sizeUsd = equity * fraction;
  return {
    sizeUsd,
    reasons: [
      riskReason('sizing-kelly', 'risk.sizing.kelly', {
        kelly: s.kelly.toFixed(4),
        stats,
        kellyFraction: config.kellyFraction,
        fraction: pct(fraction),
        equity: usd(equity),
        size: usd(sizeUsd),
      }),
    ],
  };
}

/** The configured method's target size for one buy. */
export function targetSize(input: {
  readonly equity: number;
  readonly price: number;
  readonly atr: number;
  readonly closedTrades: readonly ClosedTrade[];
  readonly config: RiskConfig;
}): SizingResult {
  const { equity, price, atr, closedTrades, config } = input;
  switch (config.sizingMethod) {
    case 'fixed-fraction':
      return fixedFractionSize(equity, config.riskFraction);
    case 'atr':
      return atrSize({
        equity,
        price,
        atr,
        riskFraction: config.atrRiskFraction,
        stopMultiple: config.atrStopMultiple,
      });
    case 'kelly':
      return kellySize({ equity, trades: closedTrades, config });
  }
}
