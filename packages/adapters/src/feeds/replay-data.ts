import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, english, msg } from '@numerusx/core';
import { loadCandles } from '../candles/load-candles.js';
import type { ReplaySeries } from './replay-market.js';

/** datasets/market/ of this repository, whatever the working directory. */
export const SHIPPED_MARKET_DIR = fileURLToPath(
  new URL('../../../../datasets/market/', import.meta.url),
);

/** Every event of the default replay carries this: the candles are Binance spot, replayed. */
export const BINANCE_REPLAY_SOURCE = 'replay:binance-spot';

interface ShippedFile {
  readonly pair: string;
  readonly timeframe: string;
  /** Path under datasets/market/. */
  readonly file: string;
}

/**
 * The long Binance spot series shipped in datasets/market/yanniedog-binance/ (provenance in its
 * README.txt): the default replay's data, SOL/USDT first because it is the default pair. Left
 * out on purpose: binance_usdt_2021/ (one quarter of the same market, kept as a resampling fixture)
 * and freqtrade/ (an undisclosed pair kept as a gap fixture, not a market anyone can trade).
 */
export const SHIPPED_REPLAY_FILES: readonly ShippedFile[] = [
  { pair: 'SOL/USDT', timeframe: '1h', file: 'yanniedog-binance/SOL_USDT-1h.csv' },
  { pair: 'BTC/USDT', timeframe: '4h', file: 'yanniedog-binance/BTC_USDT-4h.csv' },
  { pair: 'ETH/USDT', timeframe: '1d', file: 'yanniedog-binance/ETH_USDT-1d.csv' },
];

/**
 * Loads the shipped replay data for `pairs` (default all), validated by core's CSV reader, each
 * labelled with its real market and years, e.g. `SOL/USDT · Binance spot 2020–2026, replayed`.
 * The pair names stay USDT: that is the market the candles were recorded on, and a replay that
 * called them SOL/USDC would pass Binance prices off as a Solana DEX's.
 */
export async function loadShippedReplayData(
  pairs?: readonly string[],
  dir: string = SHIPPED_MARKET_DIR,
): Promise<ReplaySeries[]> {
  const wanted = pairs ?? SHIPPED_REPLAY_FILES.map((f) => f.pair);
  const files = wanted.map((pair) => {
    const file = SHIPPED_REPLAY_FILES.find((f) => f.pair === pair);
    if (file === undefined) {
      const have = SHIPPED_REPLAY_FILES.map((f) => f.pair).join(', ');
      throw new ConfigurationError(`no shipped replay data for ${pair}; shipped: ${have}`, {
        pair,
      });
    }
    return file;
  });
  return Promise.all(
    files.map(async ({ pair, timeframe, file }) => {
      const series = await loadCandles(join(dir, file));
      const from = new Date(series.ts[0]!).getUTCFullYear();
      const to = new Date(series.ts[series.length - 1]!).getUTCFullYear();
      const labelMsg = msg('runtime.feed.binanceReplay', { pair, from, to });
      return {
        pair,
        timeframe,
        series,
        source: BINANCE_REPLAY_SOURCE,
        label: english(labelMsg),
        labelMsg,
      };
    }),
  );
}
