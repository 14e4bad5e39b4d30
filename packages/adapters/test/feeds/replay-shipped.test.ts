import { SimulatedClock, type CandleSeries } from '@numerusx/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ManualScheduler,
  ReplayFeed,
  loadShippedReplayData,
  type FeedEvent,
  type ReplaySeries,
} from '../../src/index.js';
import { H, flush } from './helpers.js';

let shipped: ReplaySeries[];
beforeAll(async () => {
  shipped = await loadShippedReplayData();
});

const sol = (): CandleSeries => shipped[0]!.series;

describe('replay of the shipped Binance candles', () => {
  it('labels each pair with its real market and years', () => {
    expect(shipped.map((d) => [d.pair, d.timeframe, d.source, d.label])).toEqual([
      ['SOL/USDT', '1h', 'replay:binance-spot', 'SOL/USDT · Binance spot 2020–2026, replayed'],
      ['BTC/USDT', '4h', 'replay:binance-spot', 'BTC/USDT · Binance spot 2017–2026, replayed'],
      ['ETH/USDT', '1d', 'replay:binance-spot', 'ETH/USDT · Binance spot 2017–2026, replayed'],
    ]);
    expect(sol().length).toBe(47_360); // datasets/market/yanniedog-binance/README.txt
  });

  it('serves each pair only at timeframes its data can build', () => {
    const at = (timeframe: string) => new ReplayFeed({ data: shipped, timeframe }).available();
    expect(at('1h')).toEqual(['SOL/USDT']);
    expect(at('4h')).toEqual(['SOL/USDT', 'BTC/USDT']);
    expect(at('1d')).toEqual(['SOL/USDT', 'BTC/USDT', 'ETH/USDT']);
    expect(() => new ReplayFeed({ data: shipped, pairs: ['BTC/USDT'] })).toThrow(/finer 1h/);
  });

  it('starts 200 candles in by default, with those 200 as warm-up history', async () => {
    const feed = new ReplayFeed({ data: shipped, scheduler: new ManualScheduler() });
    expect(feed.clock.now()).toBe(sol().ts[200]);
    const warm = await feed.history('SOL/USDT', '1h', 200);
    expect(warm).toHaveLength(200);
    expect([warm[0]!.ts, warm[199]!.ts]).toEqual([sol().ts[0], sol().ts[199]]);
    expect(feed.status()).toMatchObject({ state: 'idle', timeframe: '1h', progress: 0 });
  });

  it('never lets history() or a candle event run ahead of the clock (100 candles, 8 ticks each)', async () => {
    const clock = new SimulatedClock();
    const scheduler = new ManualScheduler();
    const feed = new ReplayFeed({ data: shipped, clock, scheduler, startOffset: 500 });
    const events: FeedEvent[] = [];
    const it = feed.events();
    void (async () => {
      for await (const e of it) events.push(e);
    })();
    await feed.start();
    let candles = 0;
    for (let beat = 0; beat < 800; beat++) {
      scheduler.advance(beat === 0 ? 0 : 250); // 2000 ms / 8 ticks
      await flush();
      const now = clock.now();
      for (const e of events.splice(0)) {
        if (e.type === 'candle') {
          candles++;
          expect(e.candle.ts + H).toBe(now); // emitted exactly at its close, not before
        }
        if (e.type === 'tick') expect(e.ts).toBe(now);
      }
      const h1 = await feed.history('SOL/USDT', '1h', 3);
      const forming = Math.floor(now / H) * H; // the candle the clock is inside
      expect(h1.at(-1)!.ts).toBe(forming - H); // the one before it, and nothing later
      const h4 = await feed.history('SOL/USDT', '4h', 3);
      expect(h4.at(-1)!.ts + 4 * H).toBeLessThanOrEqual(now);
      expect(h4.at(-1)!.ts + 8 * H).toBeGreaterThan(now); // the latest 4h candle closed by now
    }
    expect(candles).toBe(99); // the 100th closes on the next beat
    await feed.stop();
  });

  it('replays SOL/USDT and BTC/USDT in lockstep at 4h', async () => {
    const scheduler = new ManualScheduler();
    const feed = new ReplayFeed({
      data: shipped,
      timeframe: '4h',
      pairs: ['SOL/USDT', 'BTC/USDT'],
      scheduler,
    });
    const events: FeedEvent[] = [];
    const it = feed.events();
    void (async () => {
      for await (const e of it) events.push(e);
    })();
    await feed.start();
    scheduler.advance(2_000);
    await flush();
    const candles = events.filter((e) => e.type === 'candle');
    expect(candles.map((e) => e.pair)).toEqual(['SOL/USDT', 'BTC/USDT']);
    expect(new Set(candles.map((e) => e.candle.ts)).size).toBe(1);
    await feed.stop();
  });
});
