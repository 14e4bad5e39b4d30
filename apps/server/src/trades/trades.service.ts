/** Trades as stored by the bot: lists, one trade, and the statistics a trader looks at first. */
import type { TradeStats, TradeView } from '@numerusx/contracts';
import { NotFound, ValidationError } from '@numerusx/core';
import type { TradeFilter, TradeRow, TradesRepository } from './trades.repository.js';

export class TradesService {
  constructor(private readonly repo: TradesRepository) {}

  list(filter: TradeFilter): Promise<TradeRow[]> {
    checkRange(filter.from, filter.to);
    return this.repo.list(filter);
  }

  async get(id: number): Promise<TradeView> {
    const row = await this.repo.find(id);
    if (row === undefined) throw new NotFound(`trade ${id} not found`);
    return tradeView(row);
  }

  /** Ratios are null where undefined (no trade, no loss), never 0 or Infinity. */
  async stats(filter: {
    pair?: string | undefined;
    from?: number | undefined;
    to?: number | undefined;
  }): Promise<TradeStats> {
    checkRange(filter.from, filter.to);
    const [a, open] = await Promise.all([
      this.repo.aggregates(filter),
      this.repo.countOpen(filter.pair),
    ]);
    return {
      closed: a.closed,
      open,
      wins: a.wins,
      losses: a.losses,
      breakeven: a.closed - a.wins - a.losses,
      winRate: a.closed === 0 ? null : a.wins / a.closed,
      totalPnl: a.totalPnl,
      grossProfit: a.grossProfit,
      grossLoss: a.grossLoss,
      fees: a.fees,
      profitFactor: a.losses === 0 ? null : a.grossProfit / a.grossLoss,
      expectancy: a.closed === 0 ? null : a.totalPnl / a.closed,
      bestTrade: a.best,
      worstTrade: a.worst,
    };
  }
}

function checkRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValidationError(`from (${from}) is after to (${to})`);
  }
}

export function tradeView(r: TradeRow): TradeView {
  return {
    id: r.id,
    botId: r.bot_id,
    pair: r.pair,
    side: r.side,
    status: r.exit_ts === null ? 'open' : 'closed',
    entryTs: r.entry_ts,
    entryPrice: r.entry_price,
    exitTs: r.exit_ts,
    exitPrice: r.exit_price,
    qty: r.qty,
    fee: r.fee,
    pnl: r.pnl,
    exitReason: r.exit_reason,
    orderId: r.order_id,
    decisionId: r.decision_id,
  };
}
