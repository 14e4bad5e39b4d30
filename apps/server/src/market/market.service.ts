/**
 * Market data for the API and the backtests: the replayed exchange candles (CandleFiles), resampled
 * with the core to the timeframe asked for. The ticker is the running bot's feed's last price, and
 * unavailable (503) while no feed runs, rather than a stale close dressed up as a price.
 */
import type { Ticker } from '@numerusx/contracts';
import {
  NotFound,
  TemporaryError,
  ValidationError,
  parseTimeframe,
  resample,
  timeframeLabel,
  english,
  type CandleSeries,
} from '@numerusx/core';
import { wireMsg } from '../db/stored-msg.js';
import { datasetLabel, type CandleFiles, type DatasetFile } from './candle-files.js';

export interface ResolvedSeries {
  readonly file: DatasetFile;
  readonly timeframe: string;
  readonly series: CandleSeries;
  /** Open times of resampled candles built from fewer source candles than a full bucket. */
  readonly incomplete: readonly number[];
}

export interface SeriesQuery {
  readonly pair: string;
  readonly timeframe?: string | undefined;
  readonly dataset?: string | undefined;
}

export interface CandleWindow {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
}

export class MarketService {
  /** Resampled series by `<dataset id>@<timeframe>`: resampling 47k candles is worth keeping. */
  private readonly resampled = new Map<string, Promise<ResolvedSeries>>();

  constructor(private readonly files: CandleFiles) {}

  /** Each servable dataset with its real span (loads each file once). */
  async datasets() {
    const files = await this.files.list();
    return Promise.all(
      files.map(async (f) => {
        const s = await this.files.series(f);
        return {
          id: f.id,
          pair: f.pair,
          timeframe: f.timeframe,
          label: f.label,
          labelMsg: wireMsg(f.labelMsg),
          source: f.source,
          sourceMsg: wireMsg(f.sourceMsg),
          replay: true as const,
          from: s.length > 0 ? s.ts[0]! : 0,
          to: s.length > 0 ? s.ts[s.length - 1]! : 0,
          candles: s.length,
        };
      }),
    );
  }

  /**
   * The series for a pair at a timeframe: the named dataset, or the preferred one whose native
   * interval divides the timeframe (the long multi-year history first, then the least resampling).
   */
  async resolve(q: SeriesQuery): Promise<ResolvedSeries> {
    const all = await this.files.list();
    const ofPair = all.filter((f) => f.pair === q.pair);
    if (ofPair.length === 0) {
      throw new NotFound(
        `no candles for ${q.pair}; GET /market/pairs lists the pairs the replay feed serves`,
      );
    }
    let candidates = ofPair;
    if (q.dataset !== undefined) {
      const named = all.find((f) => f.id === q.dataset);
      if (named === undefined) throw new NotFound(`no dataset "${q.dataset}"`);
      if (named.pair !== q.pair) {
        throw new ValidationError(`dataset "${named.id}" holds ${named.pair}, not ${q.pair}`);
      }
      candidates = [named];
    }
    const targetMs = q.timeframe === undefined ? undefined : parseTimeframe(q.timeframe);
    const fitting = candidates
      .filter((f) => targetMs === undefined || targetMs % f.timeframeMs === 0)
      .sort((a, b) => a.rank - b.rank || b.timeframeMs - a.timeframeMs);
    const file = fitting[0];
    if (file === undefined) {
      const have = candidates.map((f) => f.timeframe).join(', ');
      throw new ValidationError(
        `cannot build ${q.timeframe ?? ''} candles of ${q.pair} from the data (${have}): ` +
          'candles can only be aggregated into a multiple of their interval',
      );
    }
    const ms = targetMs ?? file.timeframeMs;
    const key = `${file.id}@${ms}`;
    let p = this.resampled.get(key);
    if (p === undefined) {
      p = this.build(file, ms);
      this.resampled.set(key, p);
      void p.catch(() => this.resampled.delete(key));
    }
    return p;
  }

  /** A window of candles: the first `limit` from `from`, else the last `limit` up to `to`. */
  async candles(q: SeriesQuery & CandleWindow) {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      throw new ValidationError(`from (${q.from}) is after to (${q.to})`);
    }
    const r = await this.resolve(q);
    const { ts } = r.series;
    const lo = q.from === undefined ? 0 : lowerBound(ts, q.from);
    const end = q.to === undefined ? ts.length : upperBound(ts, q.to);
    let start = lo;
    let stop = end;
    if (q.from !== undefined) stop = Math.min(end, lo + q.limit);
    else start = Math.max(lo, end - q.limit);
    const s = r.series;
    const candles = [];
    for (let i = start; i < stop; i++) {
      candles.push({
        ts: ts[i]!,
        open: s.open[i]!,
        high: s.high[i]!,
        low: s.low[i]!,
        close: s.close[i]!,
        volume: s.volume[i]!,
      });
    }
    const labelMsg = datasetLabel(r.file, r.timeframe);
    const first = candles[0]?.ts ?? Infinity;
    const last = candles[candles.length - 1]?.ts ?? -Infinity;
    return {
      pair: r.file.pair,
      timeframe: r.timeframe,
      dataset: r.file.id,
      label: english(labelMsg),
      labelMsg: wireMsg(labelMsg),
      replay: true as const,
      candles,
      incomplete: r.incomplete.filter((t) => t >= first && t <= last),
      hasMore: q.from !== undefined ? stop < end : start > lo,
    };
  }

  /** The running bot's last price of `pair`; 503 while no feed runs here, never a stale close. */
  async ticker(pair: string, latest: Ticker | undefined): Promise<Ticker> {
    if (latest !== undefined) return latest;
    const files = await this.files.list();
    if (!files.some((f) => f.pair === pair)) {
      throw new NotFound(`no market ${pair}; GET /market/pairs lists the pairs served`);
    }
    throw new TemporaryError(
      `no price for ${pair} right now: prices come from the running bot's feed (start the bot, ` +
        'or trade this pair); recorded candles are at GET /market/candles',
    );
  }

  private async build(file: DatasetFile, ms: number): Promise<ResolvedSeries> {
    const native = await this.files.series(file);
    if (ms === file.timeframeMs) {
      return { file, timeframe: file.timeframe, series: native, incomplete: [] };
    }
    const { series, incomplete } = resample(native, file.timeframeMs, ms);
    return { file, timeframe: timeframeLabel(ms), series, incomplete };
  }
}

/** First index with ts[i] >= t. */
function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with ts[i] > t. */
function upperBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
