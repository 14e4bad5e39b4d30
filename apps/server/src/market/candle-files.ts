/**
 * The candle files shipped in datasets/market/ (real exchange candles with their provenance in each
 * folder's README.txt), found by file name and loaded once: the replay feed's storage. A series is
 * kept in memory after the first load (the largest shipped file is 47k candles, ~2 MB of arrays).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCandles } from '@numerusx/adapters';
import { english, msg, parseTimeframe, type CandleSeries, type Msg } from '@numerusx/core';

/** datasets/market/ of this repository, whatever the working directory. */
export const DEFAULT_MARKET_DIR = fileURLToPath(
  new URL('../../../../datasets/market/', import.meta.url),
);

/**
 * The folders served, in order of preference when several hold a pair, with an honest source label
 * (as messages, so the dashboard names the source in its language; English in en-runtime.ts).
 * freqtrade/ is left out on purpose: its UNITTEST_BTC file is an undisclosed pair kept as a gap
 * fixture for tests, not a market anyone can trade.
 */
const SOURCES: readonly { folder: string; source: Msg; short: Msg }[] = [
  {
    folder: 'yanniedog-binance',
    source: msg('runtime.dataset.source.yanniedog'),
    short: msg('runtime.dataset.short.binanceSpot'),
  },
  {
    folder: 'binance_usdt_2021',
    source: msg('runtime.dataset.source.crashQuarter'),
    short: msg('runtime.dataset.short.binanceCrashQuarter'),
  },
];

/** `SOL/USDT 4h (Binance spot, replayed)`: a file's candles at `timeframe`, with their source. */
export function datasetLabel(file: Pick<DatasetFile, 'pair' | 'shortMsg'>, timeframe: string): Msg {
  return msg('runtime.dataset.label', { pair: file.pair, timeframe, source: file.shortMsg });
}

/** `SOL_USDT-1h.csv`: the shipped naming (freqtrade's), pair and timeframe in the name. */
const FILE_NAME = /^([A-Z0-9]{2,12})_([A-Z0-9]{2,12})-([0-9]{1,2}[mhdw])\.(csv|json)$/;

export interface DatasetFile {
  /** `<folder>/<file name without extension>`, e.g. `yanniedog-binance/SOL_USDT-1h`. */
  readonly id: string;
  readonly pair: string;
  readonly timeframe: string;
  readonly timeframeMs: number;
  readonly label: string;
  readonly labelMsg: Msg;
  readonly source: string;
  readonly sourceMsg: Msg;
  /** The source in a few words, for labels such as `SOL/USDT 4h (Binance spot, replayed)`. */
  readonly short: string;
  readonly shortMsg: Msg;
  /** Index of its folder in SOURCES: lower is preferred. */
  readonly rank: number;
  readonly path: string;
}

export class CandleFiles {
  private catalogue: Promise<readonly DatasetFile[]> | undefined;
  private readonly loaded = new Map<string, Promise<CandleSeries>>();

  constructor(private readonly dir: string = DEFAULT_MARKET_DIR) {}

  /** Every servable file, by preference then pair then timeframe. Scanned once. */
  list(): Promise<readonly DatasetFile[]> {
    this.catalogue ??= this.scan();
    return this.catalogue;
  }

  /** The candles of one file; concurrent first calls share one load, a failed load is retried. */
  series(file: DatasetFile): Promise<CandleSeries> {
    let p = this.loaded.get(file.id);
    if (p === undefined) {
      p = loadCandles(file.path);
      this.loaded.set(file.id, p);
      void p.catch(() => this.loaded.delete(file.id));
    }
    return p;
  }

  private async scan(): Promise<readonly DatasetFile[]> {
    const out: DatasetFile[] = [];
    for (const [rank, src] of SOURCES.entries()) {
      // A missing folder is not an error: a trimmed install simply serves fewer pairs.
      const names = await readdir(join(this.dir, src.folder)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const m = FILE_NAME.exec(name);
        if (m === null) continue;
        const [, base, quote, timeframe] = m as unknown as [string, string, string, string];
        let timeframeMs: number;
        try {
          timeframeMs = parseTimeframe(timeframe);
        } catch {
          continue; // an odd interval in a name (e.g. 8m) is not one we can resample from
        }
        const pair = `${base}/${quote}`;
        const labelMsg = datasetLabel({ pair, shortMsg: src.short }, timeframe);
        out.push({
          id: `${src.folder}/${name.replace(/\.(csv|json)$/, '')}`,
          pair,
          timeframe,
          timeframeMs,
          label: english(labelMsg),
          labelMsg,
          source: english(src.source),
          sourceMsg: src.source,
          short: english(src.short),
          shortMsg: src.short,
          rank,
          path: join(this.dir, src.folder, name),
        });
      }
    }
    return out;
  }
}
