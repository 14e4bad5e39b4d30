/**
 * Feeds validated socket events into TanStack Query's cache with setQueryData: the screens that
 * show a record update in place, and nothing is refetched for an event (no refetch storms). The
 * few derived answers (statistics) are marked stale and refetched only when a screen shows them.
 */
import type {
  BacktestDetail,
  BacktestsPage,
  BotStatus,
  DecisionDetail,
  DecisionSummary,
  HistoryPage,
  LogEntry,
  OrderView,
  PortfolioOverview,
  Ticker,
  TradeView,
} from '@numerusx/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { keys, type DecisionFilters, type TradeFilters } from '../api/keys';
import { upsertInPages, type Paged } from '../api/pages';
import type { ServerEventPayload } from '@numerusx/contracts';
import type { LiveEvent } from './event-gate';

/** The last backtest:progress seen for a run (cache entry keys.backtestProgress(id)). */
export type BacktestProgress = ServerEventPayload<'backtest:progress'>;

export function decisionMatches(d: DecisionSummary, f: DecisionFilters): boolean {
  return (
    (f.pair === undefined || d.pair === f.pair) &&
    (f.action === undefined || d.action === f.action) &&
    (f.status === undefined || d.status === f.status) &&
    (f.provider === undefined || d.provider === f.provider) &&
    (f.minConfidence === undefined || d.confidence >= f.minConfidence) &&
    (f.from === undefined || d.ts >= f.from) &&
    (f.to === undefined || d.ts <= f.to)
  );
}

export function tradeMatches(t: TradeView, f: TradeFilters): boolean {
  return (
    (f.pair === undefined || t.pair === f.pair) &&
    (f.side === undefined || t.side === f.side) &&
    (f.status === undefined || t.status === f.status) &&
    (f.from === undefined || t.entryTs >= f.from) &&
    (f.to === undefined || t.entryTs <= f.to)
  );
}

/** The filters object a list key carries in third position ({} when absent). */
function filtersOf(key: QueryKey): object {
  const f = key[2];
  return typeof f === 'object' && f !== null ? f : {};
}

/** Drops the envelope's `ts` when the REST shape has none (bot status, portfolio, orders…). */
function withoutSentAt<T extends { ts: number }>(payload: T): Omit<T, 'ts'> {
  const copy: Partial<T> = { ...payload };
  delete copy.ts;
  return copy as Omit<T, 'ts'>;
}

/** Updates every cached list under `root` with the item, each by its own filters. */
function upsertAll<T extends { readonly id: number }>(
  qc: QueryClient,
  root: QueryKey,
  item: T,
  matches: (item: T, filters: object) => boolean,
): void {
  for (const [key] of qc.getQueriesData<Paged<T>>({ queryKey: root })) {
    qc.setQueryData<Paged<T>>(key, (old) =>
      upsertInPages(old, item, matches(item, filtersOf(key))),
    );
  }
}

export function applyEvent(qc: QueryClient, ev: LiveEvent): void {
  switch (ev.event) {
    case 'bot:status':
      qc.setQueryData<BotStatus>(keys.botStatus, withoutSentAt(ev.payload));
      return;
    case 'portfolio:update': {
      const overview: PortfolioOverview = withoutSentAt(ev.payload);
      qc.setQueryData<PortfolioOverview>(keys.overview, overview);
      const { asOf, equity, cash, positionsValue, realizedPnl, unrealizedPnl, fees } = overview;
      if (asOf === null || equity === null) return;
      qc.setQueryData<HistoryPage>(keys.history('raw'), (old) => {
        if (old === undefined) return old;
        const last = old.items[old.items.length - 1];
        if (last !== undefined && last.ts >= asOf) return old;
        const point = {
          id: (last?.id ?? 0) + 1,
          ts: asOf,
          equity,
          cash: cash ?? 0,
          positionsValue: positionsValue ?? 0,
          realizedPnl: realizedPnl ?? 0,
          unrealizedPnl: unrealizedPnl ?? 0,
          fees: fees ?? 0,
        };
        return { ...old, items: [...old.items, point].slice(-5000) };
      });
      return;
    }
    case 'ai:decision': {
      const d = ev.payload;
      upsertAll(qc, keys.decisionsRoot, d, (x, f) => decisionMatches(x, f as DecisionFilters));
      // The detail has more than the summary (risk verdict…): merge now, refetch if on screen.
      if (qc.getQueryData<DecisionDetail>(keys.decision(d.id)) !== undefined) {
        qc.setQueryData<DecisionDetail>(keys.decision(d.id), (old) =>
          old === undefined ? old : { ...old, ...d },
        );
        void qc.invalidateQueries({ queryKey: keys.decision(d.id) });
      }
      return;
    }
    case 'order:update':
      upsertAll<OrderView>(qc, keys.ordersRoot, withoutSentAt(ev.payload), () => true);
      return;
    case 'trade:executed':
      upsertAll<TradeView>(qc, keys.tradesRoot, withoutSentAt(ev.payload), (x, f) =>
        tradeMatches(x, f),
      );
      void qc.invalidateQueries({ queryKey: keys.tradeStats });
      void qc.invalidateQueries({ queryKey: keys.performance });
      return;
    case 'log:entry': {
      const entry = ev.payload;
      for (const [key] of qc.getQueriesData<Paged<LogEntry>>({ queryKey: keys.botLogsRoot })) {
        const level = key[2];
        if (level !== 'all' && level !== entry.level) continue;
        qc.setQueryData<Paged<LogEntry>>(key, (old) => upsertInPages(old, entry, true));
      }
      return;
    }
    case 'market:tick': {
      const { pair, price, ts, source } = ev.payload;
      // A tick carries no label: the one fetched (with its message, labelMsg) is kept.
      qc.setQueryData<Ticker>(keys.ticker(pair), (old) => ({
        ...old,
        pair,
        price,
        ts,
        source,
        label: old?.label ?? source,
      }));
      return;
    }
    case 'backtest:progress': {
      const p = ev.payload;
      const id = p.backtestId;
      // Events may arrive out of order only across a reconnection: never step backwards.
      qc.setQueryData<BacktestProgress>(keys.backtestProgress(id), (old) =>
        old !== undefined && old.ts > p.ts ? old : p,
      );
      qc.setQueryData<BacktestsPage>(keys.backtests, (old) =>
        old === undefined || !old.items.some((b) => b.id === id && b.status !== p.status)
          ? old
          : { ...old, items: old.items.map((b) => (b.id === id ? { ...b, status: p.status } : b)) },
      );
      if (p.status === 'running') {
        // queued → running shows at once; the result itself only comes with the REST answer.
        qc.setQueryData<BacktestDetail>(keys.backtest(id), (old) =>
          old?.status === 'queued' ? { ...old, status: 'running' } : old,
        );
        return;
      }
      // done / failed: the result (or the error) is read once, by whoever shows it.
      void qc.invalidateQueries({ queryKey: keys.backtest(id), exact: true });
      void qc.invalidateQueries({ queryKey: keys.backtests, exact: true });
      return;
    }
    case 'market:candle':
    case 'system:alert':
      // Charts draw candles imperatively and alerts become toasts (see live-bus).
      return;
  }
}
