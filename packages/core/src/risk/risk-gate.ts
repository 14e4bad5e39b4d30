import type { Decision } from '../decisions/types.js';
import type { ClosedTrade, PortfolioSnapshot } from '../ledger/types.js';
import type { RiskConfig } from './config.js';
import { pct, targetSize, usd, type RiskReason } from './sizing.js';

/** Everything the gate needs to judge one decision; time and prices come in, nothing is read. */
export interface RiskInput {
  readonly decision: Decision;
  readonly portfolio: PortfolioSnapshot;
  /** The bot's closed trades, any order (the gate sorts by exit time where it matters). */
  readonly closedTrades: readonly ClosedTrade[];
  /** Current price of the decision's pair, in quote currency. */
  readonly price: number;
  /** ATR of the pair; NaN during warm-up. */
  readonly atr: number;
  /** ms UTC. */
  readonly now: number;
  /** Expected price impact of a buy of `sizeUsd`, in bps; must grow with size (binary search). */
  readonly expectedSlippageBps: (sizeUsd: number) => number;
}

export type RiskVerdictKind = 'approve' | 'resize' | 'veto';

/**
 * The gate's answer. `approve`: the proposal as is (or a sell of the whole position); `resize`: a
 * smaller buy; `veto`: nothing (sizeUsd 0). `reasons` lists every rule that shaped the outcome.
 */
export interface RiskVerdict {
  readonly verdict: RiskVerdictKind;
  readonly sizeUsd: number;
  readonly reasons: readonly RiskReason[];
}

/** Iterations of the slippage bisection: the remaining interval is (size − min) / 2^20. */
const SLIPPAGE_ITERATIONS = 20;
const MINUTE_MS = 60_000;

const veto = (reasons: readonly RiskReason[]): RiskVerdict => ({
  verdict: 'veto',
  sizeUsd: 0,
  reasons,
});

/**
 * "The AI proposes, the risk gate disposes" (DESIGN §2). Pure: the same input gives the same verdict,
 * so a backtest and the live bot gate identically and every verdict can be replayed from the record.
 *
 * - hold: nothing to gate.
 * - sell: closes a spot long, which only reduces risk, so it is approved whatever the breakers say
 *   (never trap a user in a position); its size is the position's value at `price`.
 * - buy: breakers first (all failing ones are reported), then sizing, caps, minimum order and
 *   slippage, in that order.
 */
export function evaluateRisk(input: RiskInput, config: RiskConfig): RiskVerdict {
  const { decision, portfolio, price } = input;
  if (decision.action === 'hold') {
    return {
      verdict: 'approve',
      sizeUsd: 0,
      reasons: [{ rule: 'hold', message: 'hold: nothing to gate' }],
    };
  }
  const position = portfolio.positions.find((p) => p.pair === decision.pair && p.qty > 0);
  if (decision.action === 'sell') {
    if (position === undefined) {
      return veto([
        { rule: 'no-position', message: `sell ${decision.pair}: no position to close` },
      ]);
    }
    const value = position.qty * price;
    return {
      verdict: 'approve',
      sizeUsd: value,
      reasons: [
        {
          rule: 'sell-reduces-risk',
          message: `sell closes ${position.qty} ${position.asset} × ${price} = ${usd(value)}; exits are never blocked`,
        },
      ],
    };
  }
  return evaluateBuy(input, config, position === undefined ? 0 : position.qty * price);
}

function evaluateBuy(input: RiskInput, config: RiskConfig, heldUsd: number): RiskVerdict {
  const { decision, portfolio, price } = input;
  const proposal = decision.sizeUsd;
  if (!Number.isFinite(proposal) || proposal <= 0) {
    return veto([{ rule: 'invalid-proposal', message: `proposed size ${proposal} is not > 0` }]);
  }
  if (!Number.isFinite(price) || price <= 0 || !(portfolio.equity > 0)) {
    return veto([
      {
        rule: 'invalid-market',
        message: `price ${price} and equity ${portfolio.equity} must both be > 0 to size a buy`,
      },
    ]);
  }

  const breakers = checkBreakers(input, config);
  if (breakers.length > 0) return veto(breakers);

  const reasons: RiskReason[] = [];
  const target = targetSize({
    equity: portfolio.equity,
    price,
    atr: input.atr,
    closedTrades: input.closedTrades,
    config,
  });
  const [explanation, ...notes] = target.reasons;
  reasons.push(...notes);
  if (target.sizeUsd <= 0) return veto(target.reasons);

  const capUsd = config.maxPositionPct * portfolio.equity;
  const roomUsd = capUsd - heldUsd;
  if (roomUsd <= 0) {
    return veto([
      ...reasons,
      {
        rule: 'max-position',
        message: `already holds ${usd(heldUsd)} of ${decision.pair}, at or above the cap ${pct(config.maxPositionPct)} of equity = ${usd(capUsd)}`,
      },
    ]);
  }

  // Each cap that is tighter than the size so far shrinks it and says so.
  let size = proposal;
  const caps: readonly [number, RiskReason][] = [
    [target.sizeUsd, explanation ?? { rule: 'sizing', message: `target ${usd(target.sizeUsd)}` }],
    [
      roomUsd,
      {
        rule: 'max-position',
        message: `cap ${pct(config.maxPositionPct)} of equity ${usd(portfolio.equity)} = ${usd(capUsd)} − held ${usd(heldUsd)} = ${usd(roomUsd)}`,
      },
    ],
    [
      portfolio.cash,
      { rule: 'available-cash', message: `only ${usd(portfolio.cash)} cash available` },
    ],
  ];
  for (const [limit, reason] of caps) {
    if (limit < size) {
      size = Math.max(0, limit);
      reasons.push(reason);
    }
  }

  if (size < config.minOrderUsd || size <= 0) {
    return veto([
      ...reasons,
      {
        rule: 'min-order',
        message: `size ${usd(size)} is below the minimum order ${usd(config.minOrderUsd)}`,
      },
    ]);
  }

  const slip = limitSlippage(size, input.expectedSlippageBps, config);
  if (slip !== undefined) {
    reasons.push(slip.reason);
    if (slip.sizeUsd <= 0) return veto(reasons);
    size = slip.sizeUsd;
  }

  if (size >= proposal) {
    return {
      verdict: 'approve',
      sizeUsd: proposal,
      reasons: [
        ...reasons,
        { rule: 'within-limits', message: `${usd(proposal)} is within every limit` },
      ],
    };
  }
  return { verdict: 'resize', sizeUsd: size, reasons };
}

/** The vetoes that do not depend on the size: confidence, drawdown, daily loss, cooldown, slots. */
function checkBreakers(input: RiskInput, config: RiskConfig): RiskReason[] {
  const { decision, portfolio } = input;
  const out: RiskReason[] = [];
  if (!(decision.confidence >= config.minConfidence)) {
    out.push({
      rule: 'min-confidence',
      message: `confidence ${decision.confidence} is below the minimum ${config.minConfidence}`,
    });
  }
  if (portfolio.peakEquity > 0) {
    const drawdown = 1 - portfolio.equity / portfolio.peakEquity;
    if (drawdown > config.maxDrawdownPct) {
      out.push({
        rule: 'max-drawdown',
        message: `equity ${usd(portfolio.equity)} is ${pct(drawdown)} below its peak ${usd(portfolio.peakEquity)} (limit ${pct(config.maxDrawdownPct)}): circuit breaker open`,
      });
    }
  }
  if (portfolio.dayStartEquity > 0) {
    const dayLoss = 1 - portfolio.equity / portfolio.dayStartEquity;
    if (dayLoss > config.dailyLossLimitPct) {
      out.push({
        rule: 'daily-loss-limit',
        message: `equity ${usd(portfolio.equity)} is ${pct(dayLoss)} below the day's start ${usd(portfolio.dayStartEquity)} (limit ${pct(config.dailyLossLimitPct)})`,
      });
    }
  }
  const cooldown = checkCooldown(input.closedTrades, input.now, config);
  if (cooldown !== undefined) out.push(cooldown);

  const open = portfolio.positions.filter((p) => p.qty > 0);
  const adding = open.some((p) => p.pair === decision.pair);
  if (!adding && open.length >= config.maxOpenPositions) {
    out.push({
      rule: 'max-open-positions',
      message: `${open.length} positions open (limit ${config.maxOpenPositions}); ${decision.pair} would be a new one`,
    });
  }
  return out;
}

/**
 * Cooldown: the last `cooldownLosses` trades closed by `now` all lost, and the last of them closed
 * less than `cooldownMinutes` ago. A losing streak often means the market changed under the
 * strategy; pausing is cheaper than finding out with more trades.
 */
function checkCooldown(
  trades: readonly ClosedTrade[],
  now: number,
  config: RiskConfig,
): RiskReason | undefined {
  const n = config.cooldownLosses;
  if (n <= 0 || config.cooldownMinutes <= 0) return undefined;
  const past = trades.filter((t) => t.exitTs <= now).sort((a, b) => a.exitTs - b.exitTs);
  if (past.length < n) return undefined;
  const recent = past.slice(-n);
  if (!recent.every((t) => t.pnl < 0)) return undefined;
  const lastExit = recent[recent.length - 1]!.exitTs;
  const until = lastExit + config.cooldownMinutes * MINUTE_MS;
  if (now >= until) return undefined;
  return {
    rule: 'cooldown',
    message: `${n} losing trades in a row, the last closed ${new Date(lastExit).toISOString()}: buys resume ${new Date(until).toISOString()} (${Math.ceil((until - now) / MINUTE_MS)} min)`,
  };
}

/**
 * If the expected slippage of `size` exceeds the limit, the largest size within it, found by
 * bisection on the (assumed monotone) slippage function between the minimum order and `size`.
 * An estimate that is NaN counts as too much. sizeUsd 0 means even the minimum order is too big.
 */
function limitSlippage(
  size: number,
  slippageBps: (sizeUsd: number) => number,
  config: RiskConfig,
): { sizeUsd: number; reason: RiskReason } | undefined {
  const max = config.maxSlippageBps;
  const fits = (s: number): boolean => slippageBps(s) <= max;
  const full = slippageBps(size);
  if (full <= max) return undefined;
  const floor = config.minOrderUsd;
  if (floor <= 0 ? !fits(Number.MIN_VALUE) : !fits(floor)) {
    return {
      sizeUsd: 0,
      reason: {
        rule: 'max-slippage',
        message: `expected slippage ${full.toFixed(1)} bps on ${usd(size)} exceeds ${max} bps, and even the minimum order ${usd(floor)} does`,
      },
    };
  }
  let lo = floor;
  let hi = size;
  for (let i = 0; i < SLIPPAGE_ITERATIONS; i += 1) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  if (lo <= 0) {
    return {
      sizeUsd: 0,
      reason: { rule: 'max-slippage', message: `no size within ${max} bps of slippage` },
    };
  }
  return {
    sizeUsd: lo,
    reason: {
      rule: 'max-slippage',
      message: `expected slippage ${full.toFixed(1)} bps on ${usd(size)} exceeds ${max} bps: shrunk to ${usd(lo)} (${slippageBps(lo).toFixed(1)} bps)`,
    },
  };
}
