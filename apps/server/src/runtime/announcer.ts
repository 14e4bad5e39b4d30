/**
 * Turns what the runtime stored into Socket.io events (after the write committed) and drops the
 * read caches those writes made stale, so REST and the socket never disagree for long.
 */
import type { Candle } from '@numerusx/core';
import { decisionSummary } from '../ai/ai.service.js';
import { orderView } from '../orders/orders.service.js';
import type { PortfolioService } from '../portfolio/portfolio.service.js';
import { tradeView } from '../trades/trades.service.js';
import type { TradesService } from '../trades/trades.service.js';
import type { Flushed } from './book-writer.js';
import type { Notify } from './notify.js';
import type { DecisionRow } from './runtime.repository.js';

export interface AnnouncerDeps {
  readonly botId: string;
  readonly notify: Notify;
  readonly portfolio: PortfolioService;
  readonly trades: TradesService;
  /** Wall time for events' `ts` (when sent). */
  readonly now: () => number;
}

export class Announcer {
  private readonly room: `bot:${string}`;

  constructor(private readonly deps: AnnouncerDeps) {
    this.room = `bot:${deps.botId}`;
  }

  tick(pair: string, price: number, ts: number, source: string): void {
    this.deps.notify(`market:${pair}`, 'market:tick', { ts, pair, price, source });
  }

  candle(pair: string, timeframe: string, c: Candle): void {
    const candle = {
      ts: c.ts,
      open: c.open,
      high: c.high,
      low: c.low,
      close: c.close,
      volume: c.volume,
    };
    this.deps.notify(`market:${pair}`, 'market:candle', {
      ts: this.deps.now(),
      pair,
      timeframe,
      candle,
      closed: true,
    });
  }

  decision(row: DecisionRow): void {
    this.deps.notify(this.room, 'ai:decision', decisionSummary(row));
  }

  /** Orders, trades and the portfolio after a flush; caches are dropped before anything is read. */
  async flushed(f: Flushed): Promise<void> {
    const { notify } = this.deps;
    const ts = this.deps.now();
    if (f.orders.length > 0 || f.trades.length > 0) await this.deps.trades.invalidate();
    if (f.snapshot || f.trades.length > 0) await this.deps.portfolio.invalidate();
    for (const o of f.orders) {
      const payload = { ...orderView(o), ts };
      notify(this.room, 'order:update', payload);
      if (o.created_by !== null) notify(`user:${o.created_by}`, 'order:update', payload);
    }
    for (const t of f.trades) notify(this.room, 'trade:executed', { ...tradeView(t), ts });
    if (f.snapshot || f.trades.length > 0) {
      const overview = await this.deps.portfolio.overview();
      notify(this.room, 'portfolio:update', { ...overview, ts });
    }
  }
}
