/** Read hooks, one per API answer the screens show; live updates arrive through the cache bridge. */
import type {
  AiPerformance,
  BacktestDetail,
  BacktestsPage,
  BotConfigView,
  BotStatus,
  CandlesResponse,
  DecisionDetail,
  DecisionSummary,
  HistoryPage,
  LogEntry,
  MarketPairs,
  OrderView,
  PortfolioOverview,
  PortfolioPerformance,
  StrategiesResponse,
  Ticker,
  TradeStats,
  TradeView,
} from '@numerusx/contracts';
import { skipToken, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { BacktestProgress } from '../socket/cache-bridge';
import { api } from './http';
import { keys, type DecisionFilters, type HistoryInterval, type TradeFilters } from './keys';
import type { PageOf } from './pages';

/** A cursor-paged list: the first page now, "load more" for the next ones. */
function usePaged<T>(
  queryKey: readonly unknown[],
  path: string,
  query: object,
  limit = 50,
  enabled = true,
) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) =>
      api.get<PageOf<T>>(path, {
        ...(query as Record<string, string | number>),
        limit,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useBotStatus = () =>
  useQuery({ queryKey: keys.botStatus, queryFn: () => api.get<BotStatus>('/bot/status') });

export const useBotConfig = () =>
  useQuery({ queryKey: keys.botConfig, queryFn: () => api.get<BotConfigView>('/bot/config') });

export const useStrategies = () =>
  useQuery({
    queryKey: keys.strategies,
    queryFn: () => api.get<StrategiesResponse>('/strategies'),
    staleTime: Infinity,
  });

export const useBotLogs = (level: string, enabled: boolean) =>
  usePaged<LogEntry>(
    keys.botLogs(level),
    '/bot/logs',
    level === 'all' ? {} : { level },
    200,
    enabled,
  );

export const useOverview = () =>
  useQuery({
    queryKey: keys.overview,
    queryFn: () => api.get<PortfolioOverview>('/portfolio/overview'),
  });

export const useHistory = (interval: HistoryInterval) =>
  useQuery({
    queryKey: keys.history(interval),
    // The last 1000 points: the chart shows the recent curve, the socket appends to it.
    queryFn: () => api.get<HistoryPage>('/portfolio/history', { interval, limit: 1000 }),
  });

export const usePerformance = () =>
  useQuery({
    queryKey: keys.performance,
    queryFn: () => api.get<PortfolioPerformance>('/portfolio/performance'),
  });

export const useTrades = (f: TradeFilters) => usePaged<TradeView>(keys.trades(f), '/trades', f);

export const useTradeStats = () =>
  useQuery({ queryKey: keys.tradeStats, queryFn: () => api.get<TradeStats>('/trades/stats') });

export const useOrders = () => usePaged<OrderView>(keys.orders, '/orders', {}, 100);

export const useDecisions = (f: DecisionFilters) =>
  usePaged<DecisionSummary>(keys.decisions(f), '/ai/decisions', f);

export const useDecision = (id: number) =>
  useQuery({
    queryKey: keys.decision(id),
    queryFn: () => api.get<DecisionDetail>(`/ai/decisions/${id}`),
  });

export const useAiPerformance = () =>
  useQuery({
    queryKey: keys.aiPerformance,
    queryFn: () => api.get<AiPerformance>('/ai/performance'),
  });

export const usePairs = () =>
  useQuery({
    queryKey: keys.pairs,
    queryFn: () => api.get<MarketPairs>('/market/pairs'),
    staleTime: Infinity,
  });

/** Candles up to `to` (the replay's market time) so the chart meets the live candles. */
export const useCandles = (pair: string, timeframe: string, to: number | null) =>
  useQuery({
    queryKey: [...keys.candles(pair, timeframe), to],
    queryFn: () =>
      api.get<CandlesResponse>('/market/candles', {
        pair,
        timeframe,
        limit: 500,
        ...(to === null ? {} : { to }),
      }),
    staleTime: Infinity,
  });

/** 503 while the bot is stopped (no feed): that is an answer, not a failure to retry. */
export const useTicker = (pair: string | null) =>
  useQuery({
    queryKey: keys.ticker(pair ?? ''),
    queryFn: () => api.get<Ticker>('/market/ticker', { pair }),
    enabled: pair !== null,
    retry: false,
  });

/**
 * backtest:progress reaches only the requester's socket: a run is followed live when the socket is
 * connected (`liveFor` = the signed-in user's id, else null) and that user started it. Any other
 * unfinished run (socket down, someone else's run) falls back to polling its REST answer.
 */
function needsPolling(
  b: { readonly status: string; readonly createdBy: number | null },
  liveFor: number | null,
): boolean {
  return (
    (b.status === 'queued' || b.status === 'running') &&
    (liveFor === null || b.createdBy !== liveFor)
  );
}

export const useBacktests = (liveFor: number | null) =>
  useQuery({
    queryKey: keys.backtests,
    queryFn: () => api.get<BacktestsPage>('/backtests', { limit: 100 }),
    refetchInterval: (q) =>
      q.state.data?.items.some((b) => needsPolling(b, liveFor)) === true ? 1_000 : false,
  });

export const useBacktest = (id: number | null, liveFor: number | null) =>
  useQuery({
    queryKey: keys.backtest(id ?? 0),
    queryFn: () => api.get<BacktestDetail>(`/backtests/${id ?? 0}`),
    enabled: id !== null,
    refetchInterval: (q) =>
      q.state.data !== undefined && needsPolling(q.state.data, liveFor) ? 1_000 : false,
  });

/** The last backtest:progress for a run, as the socket bridge stored it (undefined: none yet). */
export const useBacktestProgress = (id: number) =>
  useQuery<BacktestProgress>({
    queryKey: keys.backtestProgress(id),
    queryFn: skipToken,
    staleTime: Infinity,
  }).data;

const CANDLES_PAGE = 5_000;

/**
 * The candles a finished backtest ran on (its pair, timeframe, dataset and period), paged 5000 at
 * a time: the buy-and-hold curve is computed from them client-side.
 */
export const useBacktestCandles = (
  id: number,
  spec: {
    readonly pair: string;
    readonly timeframe: string;
    readonly dataset: string | undefined;
    readonly from: number;
    readonly to: number;
  } | null,
) =>
  useQuery({
    queryKey: keys.backtestCandles(id),
    enabled: spec !== null,
    staleTime: Infinity,
    queryFn: async () => {
      if (spec === null) return [];
      const out: CandlesResponse['candles'] = [];
      let from = spec.from;
      for (;;) {
        const page = await api.get<CandlesResponse>('/market/candles', {
          pair: spec.pair,
          timeframe: spec.timeframe,
          ...(spec.dataset === undefined ? {} : { dataset: spec.dataset }),
          from,
          to: spec.to,
          limit: CANDLES_PAGE,
        });
        out.push(...page.candles);
        const last = page.candles[page.candles.length - 1];
        if (!page.hasMore || last === undefined || last.ts >= spec.to) return out;
        from = last.ts + 1;
      }
    },
  });
