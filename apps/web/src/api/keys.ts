/**
 * Query keys in one place: the socket bridge writes into exactly the entries the screens read,
 * so both sides must name them the same way.
 */
export interface DecisionFilters {
  readonly pair?: string;
  readonly action?: string;
  readonly status?: string;
  readonly provider?: string;
  readonly minConfidence?: number;
  readonly from?: number;
  readonly to?: number;
}

export interface TradeFilters {
  readonly pair?: string;
  readonly side?: string;
  readonly status?: string;
  readonly from?: number;
  readonly to?: number;
}

export type HistoryInterval = 'raw' | '1h' | '1d';

export const keys = {
  botStatus: ['bot', 'status'] as const,
  botConfig: ['bot', 'config'] as const,
  botLogsRoot: ['bot', 'logs'] as const,
  botLogs: (level: string) => ['bot', 'logs', level] as const,
  strategies: ['strategies'] as const,
  overview: ['portfolio', 'overview'] as const,
  historyRoot: ['portfolio', 'history'] as const,
  history: (interval: HistoryInterval) => ['portfolio', 'history', interval] as const,
  performance: ['portfolio', 'performance'] as const,
  tradesRoot: ['trades', 'list'] as const,
  trades: (f: TradeFilters) => ['trades', 'list', f] as const,
  tradeStats: ['trades', 'stats'] as const,
  ordersRoot: ['orders', 'list'] as const,
  orders: ['orders', 'list', {}] as const,
  decisionsRoot: ['ai', 'decisions'] as const,
  decisions: (f: DecisionFilters) => ['ai', 'decisions', f] as const,
  decision: (id: number) => ['ai', 'decision', id] as const,
  aiPerformance: ['ai', 'performance'] as const,
  pairs: ['market', 'pairs'] as const,
  candlesRoot: ['market', 'candles'] as const,
  candles: (pair: string, timeframe: string) => ['market', 'candles', pair, timeframe] as const,
  ticker: (pair: string) => ['market', 'ticker', pair] as const,
  backtests: ['backtests', 'list'] as const,
  backtest: (id: number) => ['backtests', 'detail', id] as const,
  /** Written only by the socket bridge (backtest:progress); never fetched. */
  backtestProgress: (id: number) => ['backtests', 'progress', id] as const,
  /** Candles of a finished backtest's period, for the buy-and-hold curve drawn client-side. */
  backtestCandles: (id: number) => ['backtests', 'candles', id] as const,
};
