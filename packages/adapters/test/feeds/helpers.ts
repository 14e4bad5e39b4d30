/** Shared by the feed tests: candle tables, an event collector and a microtask flush. */
import { buildCandleSeries, type Candle } from '@numerusx/core';
import type { FeedEvent, MarketFeed, ReplaySeries } from '../../src/index.js';

export const H = 3_600_000;
/** 2024-01-01 00:00 UTC: the first candle of every table. */
export const T0 = Date.UTC(2024, 0, 1);

/** One table row: [hour index, open, high, low, close]; volume is always 1. */
export type Row = readonly [number, number, number, number, number];

export function candle([hour, open, high, low, close]: Row, timeframeMs = H): Candle {
  return { ts: T0 + hour * timeframeMs, open, high, low, close, volume: 1 };
}

/** A 1h ReplaySeries for `pair` from table rows. */
export function series(pair: string, rows: readonly Row[]): ReplaySeries {
  const candles = rows.map((r, i) => ({ line: i, ...candle(r) }));
  return {
    pair,
    timeframe: '1h',
    series: buildCandleSeries(candles, pair),
    source: 'replay:test',
    label: `${pair} · test table, replayed`,
  };
}

/** Lets every pending promise callback run, so a collector has read what was emitted. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads a feed's events into an array in the background, as the bot loop would. */
export function collect(feed: MarketFeed): { events: FeedEvent[]; done: Promise<void> } {
  const events: FeedEvent[] = [];
  const it = feed.events();
  const done = (async () => {
    for await (const e of it) events.push(e);
  })();
  return { events, done };
}

/** A compact view of an event for table comparisons. */
export function brief(e: FeedEvent): string {
  switch (e.type) {
    case 'tick':
      return `tick ${e.pair} ${hm(e.ts)} ${e.price}`;
    case 'candle':
      return `candle ${e.pair} ${hm(e.candle.ts)} c=${e.candle.close}`;
    case 'status':
      return `status ${e.state}`;
    case 'rewind':
      return `rewind ${hm(e.ts)}`;
  }
}

/** Hours:minutes since T0, e.g. `2:15`: readable times in the tables. */
export function hm(ts: number): string {
  const minutes = (ts - T0) / 60_000;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
