/**
 * Trades as stored by the bot: pages, one trade, and the statistics a trader looks at first. The
 * answers are cached (they are the same for every role) and dropped when the trades change.
 */
import type { TradeStats, TradeView, TradesPage } from '@numerusx/contracts';
import { NotFound, ValidationError } from '@numerusx/core';
import { cacheKey, type CacheTag } from '../cache/read-cache.js';
import type { CachedReads } from '../cache/cached-reads.js';
import { pageOf } from '../http/pagination.js';
import type { TradeFilter, TradeRow, TradesRepository } from './trades.repository.js';

const TRADES: readonly CacheTag[] = ['trades'];

/** A page: the filter, the id below which it continues and its size (the repository reads one more). */
export interface TradesPageRequest extends Omit<TradeFilter, 'limit'> {
  readonly limit: number;
}

export interface TradeStatsFilter {
  readonly pair?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export class TradesService {
  constructor(
    private readonly repo: TradesRepository,
    private readonly reads: CachedReads,
  ) {}

  /**
   * Every writer of the trades table must call this once its write is committed (the bot runtime's
   * ledger will; the API itself writes no trade): cached pages, statistics and the portfolio
   * performance, which reads closed trades, are dropped on every instance. A writer that does not
   * (a script writing the database directly) is seen within the cache TTL.
   */
  invalidate(): Promise<void> {
    return this.reads.invalidate('trades');
  }

  /** Newest first; the cache key holds the whole normalized filter, page position and size. */
  async list(q: TradesPageRequest): Promise<TradesPage> {
    checkRange(q.from, q.to);
    const key = cacheKey(
      'trades.list',
      q.pair,
      q.side,
      q.status,
      q.from,
      q.to,
      q.decisionId,
      q.before,
      q.limit,
    );
    return this.reads.read(key, TRADES, async () => {
      const rows = await this.repo.list({ ...q, limit: q.limit + 1 });
      return pageOf(rows, q.limit, tradeView);
    });
  }

  async get(id: number): Promise<TradeView> {
    return this.reads.read(cacheKey('trades.get', id), TRADES, async () => {
      const row = await this.repo.find(id);
      if (row === undefined) throw new NotFound(`trade ${id} not found`);
      return tradeView(row);
    });
  }

  /** Ratios are null where undefined (no trade, no loss), never 0 or Infinity. */
  async stats(filter: TradeStatsFilter): Promise<TradeStats> {
    checkRange(filter.from, filter.to);
    const key = cacheKey('trades.stats', filter.pair, filter.from, filter.to);
    return this.reads.read(key, TRADES, () => this.computeStats(filter));
  }

  private async computeStats(filter: TradeStatsFilter): Promise<TradeStats> {
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
