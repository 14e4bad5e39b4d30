/**
 * The portfolio read from what the bot's ledger stored. With no snapshot yet every money field is
 * null and `hasData` false: the dashboard shows "no data", never a made-up zero balance. Answers are
 * cached (the same for every role) and dropped when the ledger writes.
 */
import type {
  HistoryPage,
  HistoryPoint,
  PortfolioOverview,
  PortfolioPerformance,
  PortfolioPosition,
  PositionsPage,
} from '@numerusx/contracts';
import { ValidationError, computeMetrics, type ClosedTrade } from '@numerusx/core';
import { DEFAULT_BOT_ID } from '../bot/bot-id.js';
import type { CachedReads } from '../cache/cached-reads.js';
import { cacheKey, type CacheTag } from '../cache/read-cache.js';
import { pageOf } from '../http/pagination.js';
import type {
  PortfolioRepository,
  PositionRow,
  SnapshotRow,
  TradeRow,
} from './portfolio.repository.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The overview lists positions in one answer; a spot bot holds a handful (maxOpenPositions ≤ 50). */
const OVERVIEW_POSITIONS = 200;
const PORTFOLIO: readonly CacheTag[] = ['portfolio'];
/** Performance also reads the closed trades. */
const PORTFOLIO_AND_TRADES: readonly CacheTag[] = ['portfolio', 'trades'];

export interface HistoryRequest {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly interval?: 'raw' | '1h' | '1d' | undefined;
  readonly after?: number | undefined;
  readonly limit: number;
}

export interface PerformanceRequest {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export class PortfolioService {
  private readonly botId = DEFAULT_BOT_ID;

  constructor(
    private readonly repo: PortfolioRepository,
    private readonly reads: CachedReads,
  ) {}

  /**
   * Every writer of portfolio_snapshots or positions must call this once its write is committed (the
   * bot runtime's ledger will; the API itself writes neither): cached answers are dropped on every
   * instance. A writer that does not (a script writing the database directly) is seen within the
   * cache TTL. Writers of trades call TradesService.invalidate, which drops the performance too.
   */
  invalidate(): Promise<void> {
    return this.reads.invalidate('portfolio');
  }

  /** Cached; dropped when the books write. */
  overview(): Promise<PortfolioOverview> {
    return this.reads.read(cacheKey('portfolio.overview'), PORTFOLIO, () => this.readOverview());
  }

  private async readOverview(): Promise<PortfolioOverview> {
    const [latest, rows] = await Promise.all([
      this.repo.latestSnapshot(this.botId),
      this.repo.positions(this.botId, { limit: OVERVIEW_POSITIONS }),
    ]);
    const positions = rows.map(positionView);
    if (latest === undefined) {
      return {
        botId: this.botId,
        hasData: false,
        asOf: null,
        equity: null,
        cash: null,
        positionsValue: null,
        realizedPnl: null,
        unrealizedPnl: null,
        fees: null,
        change24h: null,
        positions,
      };
    }
    // The 24 h before the latest snapshot, in the books' own time: a replay's market time runs far
    // from the wall clock, and live it is the wall clock.
    const then = await this.repo.snapshotAtOrBefore(this.botId, latest.ts - DAY);
    return {
      botId: this.botId,
      hasData: true,
      asOf: latest.ts,
      equity: latest.equity,
      cash: latest.cash,
      positionsValue: latest.positions_value,
      realizedPnl: latest.realized_pnl,
      unrealizedPnl: latest.unrealized_pnl,
      fees: latest.fees,
      change24h:
        then === undefined
          ? null
          : {
              since: then.ts,
              abs: latest.equity - then.equity,
              pct: then.equity > 0 ? latest.equity / then.equity - 1 : null,
            },
      positions,
    };
  }

  /** A page of open positions below the id `before`, newest first. */
  positions(page: { before?: number | undefined; limit: number }): Promise<PositionsPage> {
    const key = cacheKey('portfolio.positions', page.before, page.limit);
    return this.reads.read(key, PORTFOLIO, async () => {
      const rows = await this.repo.positions(this.botId, { ...page, limit: page.limit + 1 });
      return pageOf(rows, page.limit, positionView);
    });
  }

  async history(q: HistoryRequest): Promise<HistoryPage> {
    checkRange(q.from, q.to);
    const interval = q.interval ?? 'raw';
    const key = cacheKey('portfolio.history', q.from, q.to, interval, q.after, q.limit);
    return this.reads.read(key, PORTFOLIO, () => this.readHistory(q, interval));
  }

  private async readHistory(
    q: HistoryRequest,
    interval: NonNullable<HistoryRequest['interval']>,
  ): Promise<HistoryPage> {
    const rows = await this.repo.snapshots(this.botId, {
      from: q.from,
      to: q.to,
      bucketMs: interval === '1h' ? HOUR : interval === '1d' ? DAY : undefined,
      after: q.after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      interval,
      items: page.map(historyPoint),
      nextCursor: rows.length > q.limit && last !== undefined ? String(last.id) : null,
    };
  }

  /**
   * Metrics of the equity curve "first snapshot of the range, then the close (last snapshot) of each
   * UTC day" and of the trades closed in the range, with the core's backtest metrics: the same
   * formulas as a backtest report. The first snapshot is the starting capital, so the first day's
   * move counts.
   */
  async performance(q: PerformanceRequest): Promise<PortfolioPerformance> {
    checkRange(q.from, q.to);
    const key = cacheKey('portfolio.performance', q.from, q.to);
    return this.reads.read(key, PORTFOLIO_AND_TRADES, () => this.readPerformance(q));
  }

  private async readPerformance(q: PerformanceRequest): Promise<PortfolioPerformance> {
    const [start, days] = await Promise.all([
      this.repo.firstSnapshot(this.botId, q.from, q.to),
      this.repo.snapshots(this.botId, { from: q.from, to: q.to, bucketMs: DAY }),
    ]);
    const last = days[days.length - 1];
    if (start === undefined || last === undefined) {
      const empty: PortfolioPerformance = {
        hasData: false,
        from: q.from ?? null,
        to: q.to ?? null,
        days: 0,
        startEquity: null,
        endEquity: null,
        metrics: null,
      };
      return empty;
    }
    const curve = (days[0]?.id === start.id ? days : [start, ...days]).map((d) => ({
      ts: d.ts,
      equity: d.equity,
    }));
    const trades = await this.repo.closedTrades(this.botId, q.from, q.to);
    const result: PortfolioPerformance = {
      hasData: true,
      from: start.ts,
      to: last.ts,
      days: days.length,
      startEquity: start.equity,
      endEquity: last.equity,
      // Returns relative to a non-positive start are undefined: no metrics rather than nonsense.
      metrics:
        start.equity > 0
          ? computeMetrics({
              equity: curve,
              trades: trades.map(closedTrade),
              initialCapital: start.equity,
              barMs: DAY,
              // Exposure per day: the days that closed holding a position.
              exposedBars: days.filter((d) => d.positions_value > 0).length,
              totalBars: days.length,
            })
          : null,
    };
    return result;
  }
}

function checkRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValidationError(`from (${from}) is after to (${to})`);
  }
}

export function positionView(r: PositionRow): PortfolioPosition {
  return {
    id: r.id,
    asset: r.asset,
    qty: r.qty,
    avgEntry: r.avg_entry,
    mark: r.mark,
    value: r.qty * r.mark,
    unrealizedPnl: (r.mark - r.avg_entry) * r.qty,
    realizedPnl: r.realized_pnl,
    updatedAt: r.updated_at,
  };
}

function historyPoint(r: SnapshotRow): HistoryPoint {
  return {
    id: r.id,
    ts: r.ts,
    equity: r.equity,
    cash: r.cash,
    positionsValue: r.positions_value,
    realizedPnl: r.realized_pnl,
    unrealizedPnl: r.unrealized_pnl,
    fees: r.fees,
  };
}

/** A stored trade as the core's metrics read it (closed: pnl and exit set by the query). */
function closedTrade(r: TradeRow): ClosedTrade {
  return {
    pair: r.pair,
    side: 'long',
    entryTs: r.entry_ts,
    entryPrice: r.entry_price,
    exitTs: r.exit_ts ?? r.entry_ts,
    exitPrice: r.exit_price ?? r.entry_price,
    qty: r.qty,
    fee: r.fee,
    pnl: r.pnl ?? 0,
    exitReason: (r.exit_reason ?? 'signal') as ClosedTrade['exitReason'],
  };
}
