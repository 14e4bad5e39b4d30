import type { Decision } from '../decisions/types.js';
import type { ClosedTrade, PortfolioSnapshot } from '../ledger/types.js';
import { checkBreakers } from './breakers.js';
import type { RiskConfig } from './config.js';
import { pct, riskReason, targetSize, usd, type RiskReason } from './sizing.js';

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

/** The one reason of every hold, built once (frozen, as it is shared): most decisions are holds. */
const HOLD_REASON: RiskReason = freezeReason(riskReason('hold', 'risk.verdict.hold'));

function freezeReason(r: RiskReason): RiskReason {
  Object.freeze(r.messageMsg);
  return Object.freeze(r);
}

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
      reasons: [HOLD_REASON],
    };
  }
  const position = portfolio.positions.find((p) => p.pair === decision.pair && p.qty > 0);
  if (decision.action === 'sell') {
    if (position === undefined) {
      return veto([
        riskReason('no-position', 'risk.verdict.sellNoPosition', { pair: decision.pair }),
      ]);
    }
    const value = position.qty * price;
    return {
      verdict: 'approve',
      sizeUsd: value,
      reasons: [
        riskReason('sell-reduces-risk', 'risk.verdict.sellCloses', {
          qty: position.qty,
          asset: position.asset,
          price,
          value: usd(value),
        }),
      ],
    };
  }
  return evaluateBuy(input, config, position === undefined ? 0 : position.qty * price);
}

function evaluateBuy(input: RiskInput, config: RiskConfig, heldUsd: number): RiskVerdict {
  const { decision, portfolio, price } = input;
  const proposal = decision.sizeUsd;
  if (!Number.isFinite(proposal) || proposal <= 0) {
    return veto([
      riskReason('invalid-proposal', 'risk.verdict.invalidProposal', { size: proposal }),
    ]);
  }
  if (!Number.isFinite(price) || price <= 0 || !(portfolio.equity > 0)) {
    return veto([
      riskReason('invalid-market', 'risk.verdict.invalidMarket', {
        price,
        equity: portfolio.equity,
      }),
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
      riskReason('max-position', 'risk.cap.positionFull', {
        held: usd(heldUsd),
        pair: decision.pair,
        capPct: pct(config.maxPositionPct),
        cap: usd(capUsd),
      }),
    ]);
  }

  // Each cap that is tighter than the size so far shrinks it and says so.
  let size = proposal;
  // Reasons are built only for the caps that bind: rendering a text for each cap on every buy of a
  // backtest would be wasted work.
  const caps: readonly [number, () => RiskReason][] = [
    [
      target.sizeUsd,
      () => explanation ?? riskReason('sizing', 'risk.cap.target', { size: usd(target.sizeUsd) }),
    ],
    [
      roomUsd,
      () =>
        riskReason('max-position', 'risk.cap.positionRoom', {
          capPct: pct(config.maxPositionPct),
          equity: usd(portfolio.equity),
          cap: usd(capUsd),
          held: usd(heldUsd),
          room: usd(roomUsd),
        }),
    ],
    [
      portfolio.cash,
      () => riskReason('available-cash', 'risk.cap.cash', { cash: usd(portfolio.cash) }),
    ],
  ];
  for (const [limit, reason] of caps) {
    if (limit < size) {
      size = Math.max(0, limit);
      reasons.push(reason());
    }
  }

  if (size < config.minOrderUsd || size <= 0) {
    return veto([
      ...reasons,
      riskReason('min-order', 'risk.cap.minOrder', {
        size: usd(size),
        min: usd(config.minOrderUsd),
      }),
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
        riskReason('within-limits', 'risk.verdict.withinLimits', { size: usd(proposal) }),
      ],
    };
  }
  return { verdict: 'resize', sizeUsd: size, reasons };
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
      reason: riskReason('max-slippage', 'risk.slippage.evenMinimum', {
        bps: full.toFixed(1),
        size: usd(size),
        max,
        min: usd(floor),
      }),
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
      reason: riskReason('max-slippage', 'risk.slippage.noSize', { max }),
    };
  }
  return {
    sizeUsd: lo,
    reason: riskReason('max-slippage', 'risk.slippage.shrunk', {
      bps: full.toFixed(1),
      size: usd(size),
      max,
      shrunk: usd(lo),
      shrunkBps: slippageBps(lo).toFixed(1),
    }),
  };
}
