/** The risk gate's circuit breakers, apart from the sizing path they veto before it runs. */
import type { ClosedTrade } from '../ledger/types.js';
import type { RiskConfig } from './config.js';
import type { RiskInput } from './risk-gate.js';
import { pct, riskReason, usd, type RiskReason } from './sizing.js';

const MINUTE_MS = 60_000;

/** The vetoes that do not depend on the size: confidence, drawdown, daily loss, cooldown, slots. */
export function checkBreakers(input: RiskInput, config: RiskConfig): RiskReason[] {
  const { decision, portfolio } = input;
  const out: RiskReason[] = [];
  if (!(decision.confidence >= config.minConfidence)) {
    out.push(
      riskReason('min-confidence', 'risk.breaker.minConfidence', {
        confidence: decision.confidence,
        min: config.minConfidence,
      }),
    );
  }
  if (portfolio.peakEquity > 0) {
    const drawdown = 1 - portfolio.equity / portfolio.peakEquity;
    if (drawdown > config.maxDrawdownPct) {
      out.push(
        riskReason('max-drawdown', 'risk.breaker.maxDrawdown', {
          equity: usd(portfolio.equity),
          drawdown: pct(drawdown),
          peak: usd(portfolio.peakEquity),
          limit: pct(config.maxDrawdownPct),
        }),
      );
    }
  }
  if (portfolio.dayStartEquity > 0) {
    const dayLoss = 1 - portfolio.equity / portfolio.dayStartEquity;
    if (dayLoss > config.dailyLossLimitPct) {
      out.push(
        riskReason('daily-loss-limit', 'risk.breaker.dailyLoss', {
          equity: usd(portfolio.equity),
          loss: pct(dayLoss),
          dayStart: usd(portfolio.dayStartEquity),
          limit: pct(config.dailyLossLimitPct),
        }),
      );
    }
  }
  const cooldown = checkCooldown(input.closedTrades, input.now, config);
  if (cooldown !== undefined) out.push(cooldown);

  const open = portfolio.positions.filter((p) => p.qty > 0);
  const adding = open.some((p) => p.pair === decision.pair);
  if (!adding && open.length >= config.maxOpenPositions) {
    out.push(
      riskReason('max-open-positions', 'risk.breaker.maxOpenPositions', {
        open: open.length,
        limit: config.maxOpenPositions,
        pair: decision.pair,
      }),
    );
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
  return riskReason('cooldown', 'risk.breaker.cooldown', {
    losses: n,
    lastExit: new Date(lastExit).toISOString(),
    until: new Date(until).toISOString(),
    minutes: Math.ceil((until - now) / MINUTE_MS),
  });
}
