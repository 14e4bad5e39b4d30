import type { Decision } from '../../src/decisions/types.js';
import type { ClosedTrade, PortfolioSnapshot, PositionView } from '../../src/ledger/types.js';

/** 2024-01-01T12:00:00Z: the gate's "now" in every case. */
export const NOW = Date.UTC(2024, 0, 1, 12);
export const MIN = 60_000;

/** A held position marked at `mark` (the gate values it at the input price, which is 100 here too). */
export function position(pair: string, qty: number, mark = 100): PositionView {
  return {
    pair,
    asset: pair.split('/')[0] ?? pair,
    qty,
    averageEntry: mark,
    mark,
    unrealizedPnl: 0,
    openedAt: NOW - 86_400_000,
  };
}

/** A closed SOL/USDC round trip with the given pnl, closed at `exitTs`. */
export function trade(pnl: number, exitTs: number): ClosedTrade {
  return {
    pair: 'SOL/USDC',
    side: 'long',
    entryTs: exitTs - 3_600_000,
    entryPrice: 100,
    exitTs,
    exitPrice: 100 + pnl,
    qty: 1,
    fee: 0,
    pnl,
    exitReason: pnl < 0 ? 'stop-loss' : 'take-profit',
  };
}

/** `pnls` as trades closed one hour apart, the last one 5 h before NOW (outside any cooldown). */
export function history(pnls: readonly number[]): ClosedTrade[] {
  return pnls.map((pnl, i) => trade(pnl, NOW - 5 * 3_600_000 - (pnls.length - 1 - i) * 3_600_000));
}

/** A 10 000 USDC flat portfolio at its peak, at the start of its day. */
export function portfolio(overrides: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot {
  return {
    ts: NOW,
    cash: 10_000,
    equity: 10_000,
    positions: [],
    realizedPnl: 0,
    fees: 0,
    slippage: 0,
    peakEquity: 10_000,
    dayStartEquity: 10_000,
    ...overrides,
  };
}

/** A buy of 500 USDC of SOL at confidence 0.8. */
export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    action: 'buy',
    pair: 'SOL/USDC',
    sizeUsd: 500,
    stopLoss: 95,
    takeProfit: 110,
    confidence: 0.8,
    reasoning: 'test',
    steps: [],
    ...overrides,
  };
}
