/**
 * The market feed a bot runs on. Paper mode replays the real candles shipped in the repository
 * (datasets/market, Binance spot, labelled as such) at NUMERUSX_REPLAY_PACE_MS per candle, resuming
 * after the last candle the bot processed. The live feed (Jupiter + GeckoTerminal) goes with live mode.
 */
import { ReplayFeed, loadShippedReplayData, type MarketFeed } from '@numerusx/adapters';
import { parseTimeframe } from '@numerusx/core';

export interface FeedRequest {
  readonly pairs: readonly string[];
  readonly timeframe: string;
  /** Open time of the last candle processed per pair. */
  readonly cursor: Readonly<Record<string, number>>;
}

export type FeedFactory = (request: FeedRequest) => Promise<MarketFeed>;

export interface ReplaySettings {
  readonly paceMs: number;
  /** Folder of the shipped candles (tests use their own); default the repository's datasets/market. */
  readonly dataDir?: string | undefined;
}

export function replayFeedFactory(settings: ReplaySettings): FeedFactory {
  return async ({ pairs, timeframe, cursor }) => {
    const data = await loadShippedReplayData(pairs, settings.dataDir);
    const tf = parseTimeframe(timeframe);
    const seen = pairs.map((p) => cursor[p]).filter((t): t is number => t !== undefined);
    return new ReplayFeed({
      data,
      pairs,
      timeframe,
      paceMs: settings.paceMs,
      // Resume after the last candle processed; a first start begins 300 candles in (warm-up).
      ...(seen.length > 0 ? { startTs: Math.min(...seen) + tf } : { startOffset: 300 }),
    });
  };
}
