import {
  ConfigurationError,
  NumerusError,
  candleAt,
  parseTimeframe,
  resample,
  timeframeLabel,
  type Candle,
  msg,
  type CandleSeries,
  type Msg,
} from '@numerusx/core';

/** One pair's recorded candles, as the replay feed is given them. */
export interface ReplaySeries {
  /** `BASE/QUOTE` as traded where the candles come from, e.g. `SOL/USDT`. */
  readonly pair: string;
  /** The native timeframe label of `series`, e.g. `1h`. */
  readonly timeframe: string;
  readonly series: CandleSeries;
  /** Carried by every event, e.g. `replay:binance-spot`. */
  readonly source: string;
  /** For humans: `SOL/USDT · Binance spot 2020–2026, replayed`. */
  readonly label: string;
  /** `label` as a message, when the data has one (the shipped files do). */
  readonly labelMsg?: Msg;
}

/** The label of several pairs' data as one message, a list; undefined when one has no message. */
export function labelsMsg(data: readonly ReplaySeries[]): Msg | undefined {
  const labels: Msg[] = [];
  for (const d of data) {
    if (d.labelMsg === undefined) return undefined;
    labels.push(d.labelMsg);
  }
  return msg('runtime.feed.replayLabels', { labels });
}

/**
 * One pair's candles at every timeframe asked of it: the native series, or core's resample of it
 * (built once per timeframe and kept). Everything the replay reads about a pair goes through here,
 * so "closed by now" is decided in one place.
 */
export class ReplayMarket {
  readonly nativeMs: number;
  private readonly byTimeframe = new Map<number, CandleSeries | NumerusError>();

  constructor(readonly data: ReplaySeries) {
    this.nativeMs = parseTimeframe(data.timeframe);
    this.byTimeframe.set(this.nativeMs, data.series);
  }

  get pair(): string {
    return this.data.pair;
  }

  /** Whether candles at `timeframeMs` can be built from this pair's data. */
  serves(timeframeMs: number): boolean {
    return !(this.lookup(timeframeMs) instanceof NumerusError);
  }

  /** The series at `timeframeMs`; a ConfigurationError when it cannot be built. */
  at(timeframeMs: number): CandleSeries {
    const found = this.lookup(timeframeMs);
    if (found instanceof NumerusError) throw found;
    return found;
  }

  /** The candle opening exactly at `ts`, or undefined (a gap, or outside the data). */
  candleAt(timeframeMs: number, ts: number): Candle | undefined {
    const s = this.at(timeframeMs);
    const i = firstAtOrAfter(s.ts, ts);
    return i < s.length && s.ts[i] === ts ? candleAt(s, i) : undefined;
  }

  /** Open time of the first candle at or after `ts`, or undefined past the end. */
  firstOpenFrom(timeframeMs: number, ts: number): number | undefined {
    const s = this.at(timeframeMs);
    const i = firstAtOrAfter(s.ts, ts);
    return i < s.length ? s.ts[i] : undefined;
  }

  /** The last `limit` candles whose close (ts + timeframe) is at or before `now`, oldest first. */
  closedBy(timeframeMs: number, now: number, limit: number): Candle[] {
    const s = this.at(timeframeMs);
    // ts + timeframe ≤ now ⇔ ts ≤ now − timeframe ⇔ ts < now − timeframe + 1 (integer ms).
    const end = firstAtOrAfter(s.ts, now - timeframeMs + 1);
    const out: Candle[] = [];
    for (let i = Math.max(0, end - limit); i < end; i++) out.push(candleAt(s, i));
    return out;
  }

  private lookup(timeframeMs: number): CandleSeries | NumerusError {
    let found = this.byTimeframe.get(timeframeMs);
    if (found === undefined) {
      found = this.build(timeframeMs);
      this.byTimeframe.set(timeframeMs, found);
    }
    return found;
  }

  private build(timeframeMs: number): CandleSeries | NumerusError {
    const want = timeframeLabel(timeframeMs);
    if (timeframeMs < this.nativeMs) {
      return new ConfigurationError(
        `${this.pair} is recorded at ${this.data.timeframe}: it cannot be replayed at the finer ${want}`,
        { pair: this.pair, timeframe: want },
      );
    }
    try {
      const { series, incomplete } = resample(this.data.series, this.nativeMs, timeframeMs);
      // The data may end inside the last bucket: that candle never closed in the recording.
      const last = series.length - 1;
      return incomplete.includes(series.ts[last]!) ? head(series, last) : series;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return new ConfigurationError(`${this.pair} cannot be replayed at ${want}: ${why}`, {
        pair: this.pair,
        timeframe: want,
      });
    }
  }
}

/** Index of the first element ≥ x in an ascending array (its length when none is). */
export function firstAtOrAfter(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function head(s: CandleSeries, length: number): CandleSeries {
  return {
    length,
    ts: s.ts.subarray(0, length),
    open: s.open.subarray(0, length),
    high: s.high.subarray(0, length),
    low: s.low.subarray(0, length),
    close: s.close.subarray(0, length),
    volume: s.volume.subarray(0, length),
  };
}
