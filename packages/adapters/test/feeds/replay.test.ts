import { SimulatedClock } from '@numerusx/core';
import { describe, expect, it } from 'vitest';
import { ManualScheduler, ReplayFeed, type ReplayOptions } from '../../src/index.js';
import { H, T0, brief, candle, collect, flush, hm, series, type Row } from './helpers.js';

//            hour  open  high  low  close
const SOL: Row[] = [
  [0, 100, 101, 99, 100], // warm-up
  [1, 100, 102, 98, 101], // warm-up
  [2, 100, 110, 95, 105], // low nearer the open: 100 → 95 → 110 → 105
  [3, 105, 106, 90, 92], //  high nearer the open: 105 → 106 → 90 → 92
  [4, 92, 93, 91, 92.5], //  open midway, up candle: dip first: 92 → 91 → 93 → 92.5
];

function setup(opts: Partial<ReplayOptions> = {}) {
  const clock = new SimulatedClock();
  const scheduler = new ManualScheduler();
  const feed = new ReplayFeed({
    data: [series('SOL/USDT', SOL)],
    startOffset: 2,
    ticksPerCandle: 4,
    paceMs: 2_000,
    clock,
    scheduler,
    ...opts,
  });
  return { clock, scheduler, feed, ...collect(feed) };
}

describe('replay feed', () => {
  it('replays a table: ticks along each candle, the candle at its close, then the end', async () => {
    const { clock, scheduler, feed, events, done } = setup();
    // Before start the clock stands at the first replayed candle's open, after the warm-up.
    expect(hm(clock.now())).toBe('2:00');
    await feed.start();
    // One beat = 2000 ms / 4 ticks = 500 ms of wall time = 15 min of simulated time.
    const beats: [number, string[], string][] = [
      // advance  events emitted in that beat                   clock after
      [0, ['status running', 'tick SOL/USDT 2:00 100'], '2:00'], // tick at the open
      [500, ['tick SOL/USDT 2:15 95'], '2:15'], // the nearer extreme
      [500, ['tick SOL/USDT 2:30 110'], '2:30'], // the other extreme
      [500, ['tick SOL/USDT 2:45 105'], '2:45'], // the close, before the candle closes
      [500, ['candle SOL/USDT 2:00 c=105', 'tick SOL/USDT 3:00 105'], '3:00'], // closed at 3:00
      [499, [], '3:00'], // nothing between beats
      [1, ['tick SOL/USDT 3:15 106'], '3:15'],
      [1000, ['tick SOL/USDT 3:30 90', 'tick SOL/USDT 3:45 92'], '3:45'],
      [500, ['candle SOL/USDT 3:00 c=92', 'tick SOL/USDT 4:00 92'], '4:00'],
      [1500, ['tick SOL/USDT 4:15 91', 'tick SOL/USDT 4:30 93', 'tick SOL/USDT 4:45 92.5'], '4:45'],
      [500, ['candle SOL/USDT 4:00 c=92.5', 'status ended'], '5:00'], // last candle, then the end
      [10_000, [], '5:00'], // ended: nothing more
    ];
    let seen = 0;
    for (const [ms, expected, at] of beats) {
      scheduler.advance(ms);
      await flush();
      expect(events.slice(seen).map(brief)).toEqual(expected);
      expect(hm(clock.now())).toBe(at);
      seen = events.length;
    }
    await done; // the iterator finished with the data
    expect(feed.status()).toMatchObject({ state: 'ended', progress: 1 });
    expect(scheduler.pending).toBe(0);
  });

  it('emits whole candles exactly as recorded, with source and timeframe', async () => {
    const { scheduler, feed, events } = setup();
    await feed.start();
    scheduler.advance(2_000);
    await flush();
    expect(events.find((e) => e.type === 'candle')).toEqual({
      type: 'candle',
      pair: 'SOL/USDT',
      timeframe: '1h',
      candle: candle(SOL[2]!),
      source: 'replay:test',
    });
  });

  it('moves several pairs in lockstep; a gap in one pair silences only that pair', async () => {
    const ETH: Row[] = [
      [1, 10, 11, 9, 10], // warm-up (ETH starts an hour later)
      [2, 10, 12, 9.5, 11], // 10 → 9.5 → 12 → 11
      // hour 3 missing: an exchange outage
      [4, 11, 11.5, 10, 10.5], // 11 → 11.5 → 10 → 10.5
    ];
    const { scheduler, feed, events } = setup({
      data: [series('SOL/USDT', SOL), series('ETH/USDT', ETH)],
      pairs: ['SOL/USDT', 'ETH/USDT'],
      startOffset: 1, // SOL's 2nd candle opens at 1:00, ETH's at 2:00: lockstep starts at 2:00
    });
    await feed.start();
    scheduler.advance(0);
    scheduler.advance(2_000);
    await flush();
    expect(events.map(brief)).toEqual([
      'status running',
      'tick SOL/USDT 2:00 100',
      'tick ETH/USDT 2:00 10',
      'tick SOL/USDT 2:15 95',
      'tick ETH/USDT 2:15 9.5',
      'tick SOL/USDT 2:30 110',
      'tick ETH/USDT 2:30 12',
      'tick SOL/USDT 2:45 105',
      'tick ETH/USDT 2:45 11',
      'candle SOL/USDT 2:00 c=105', // both candles close in the same beat, before the next ticks
      'candle ETH/USDT 2:00 c=11',
      'tick SOL/USDT 3:00 105', // ETH has no 3:00 candle: silent for that hour
    ]);
    scheduler.advance(2_000);
    await flush();
    expect(events.slice(-3).map(brief)).toEqual([
      'candle SOL/USDT 3:00 c=92', // and no ETH 3:00 candle
      'tick SOL/USDT 4:00 92',
      'tick ETH/USDT 4:00 11',
    ]);
  });

  it('never shows the forming or a future candle in history()', async () => {
    const { scheduler, feed, clock } = setup();
    const closes = async () => (await feed.history('SOL/USDT', '1h', 10)).map((c) => c.close);
    expect(await closes()).toEqual([100, 101]); // before start: the warm-up only
    await feed.start();
    for (let beat = 0; beat < 12; beat++) {
      scheduler.advance(beat === 0 ? 0 : 500);
      const got = await feed.history('SOL/USDT', '1h', 10);
      const last = got.at(-1)!;
      expect(last.ts + H).toBeLessThanOrEqual(clock.now()); // closed by now
      expect(clock.now() - last.ts).toBeLessThan(2 * H); // and it is the latest closed one
    }
    expect(await closes()).toEqual([100, 101, 105, 92]); // at 4:45, the 4:00 candle is forming
    expect(await feed.history('SOL/USDT', '1h', 2)).toEqual([candle(SOL[2]!), candle(SOL[3]!)]);
  });

  it('resamples to a coarser timeframe, in replay and in history', async () => {
    const rows: Row[] = Array.from({ length: 8 }, (_, h) => [h, 10 + h, 11 + h, 9 + h, 10.5 + h]);
    const { scheduler, feed, events } = setup({
      data: [series('SOL/USDT', rows)],
      timeframe: '2h',
      startOffset: 1, // the 2nd 2h candle (2:00) starts the replay
    });
    expect(await feed.history('SOL/USDT', '2h', 5)).toEqual([
      { ts: T0, open: 10, high: 12, low: 9, close: 11.5, volume: 2 }, // hours 0+1
    ]);
    await feed.start();
    scheduler.advance(2_000);
    await flush();
    const c = events.find((e) => e.type === 'candle');
    expect(c).toMatchObject({ timeframe: '2h', candle: { ts: T0 + 2 * H, open: 12, close: 13.5 } });
    expect(() => {
      feed.subscribe(['BTC/USDT']);
    }).toThrow(/no data for BTC\/USDT/);
    await expect(feed.history('SOL/USDT', '15m', 5)).rejects.toThrow(/cannot be replayed/);
  });

  it.each([
    { paceMs: 10_000, ticksPerCandle: 5, beat: 2_000 },
    { paceMs: 600, ticksPerCandle: 6, beat: 100 },
  ])('paces $ticksPerCandle ticks over $paceMs ms per candle', async (c) => {
    const { scheduler, feed, events } = setup(c);
    await feed.start();
    scheduler.advance(0);
    await flush();
    const ticks = () => events.filter((e) => e.type === 'tick').length;
    expect(ticks()).toBe(1);
    scheduler.advance(c.beat - 1);
    await flush();
    expect(ticks()).toBe(1); // not yet
    scheduler.advance(1);
    await flush();
    expect(ticks()).toBe(2);
    scheduler.advance(c.paceMs - c.beat);
    await flush();
    expect(events.filter((e) => e.type === 'candle')).toHaveLength(1); // one candle per paceMs
  });

  it('loops at the end of the data when asked: rewind, then the first candle again', async () => {
    const { clock, scheduler, feed, events } = setup({ atEnd: 'loop' });
    await feed.start();
    scheduler.advance(0);
    scheduler.advance(6_000); // three candles
    await flush();
    expect(events.slice(-3).map(brief)).toEqual([
      'candle SOL/USDT 4:00 c=92.5',
      'rewind 2:00',
      'tick SOL/USDT 2:00 100',
    ]);
    expect(hm(clock.now())).toBe('2:00');
    expect((await feed.history('SOL/USDT', '1h', 10)).map((c) => c.close)).toEqual([100, 101]);
    await feed.stop();
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'stopped' });
  });

  it('stop() ends listeners; an aborted signal ends only its own listener', async () => {
    const { scheduler, feed, done } = setup();
    const abort = new AbortController();
    const other = feed.events(abort.signal);
    await feed.start();
    scheduler.advance(0);
    abort.abort();
    expect(await other.next()).toEqual({ done: true, value: undefined });
    await feed.stop();
    await done;
    expect(scheduler.pending).toBe(0);
  });

  it('resumes after stop() where it stopped, for listeners added in between', async () => {
    const { scheduler, feed, done } = setup();
    await feed.start();
    scheduler.advance(500); // ticks 2:00 and 2:15
    await feed.stop();
    await done;
    const later = collect(feed);
    await feed.start();
    scheduler.advance(0);
    await flush();
    expect(later.events.map(brief)).toEqual(['status running', 'tick SOL/USDT 2:30 110']);
    scheduler.advance(20_000);
    await later.done; // ended with the data
    expect(collect(feed).events).toEqual([]);
    expect(await feed.events().next()).toEqual({ done: true, value: undefined }); // ended for good
  });

  it('refuses settings it cannot honour, naming them', () => {
    const data = [series('SOL/USDT', SOL)];
    expect(() => new ReplayFeed({ data, ticksPerCandle: 2 })).toThrow(/replay.ticksPerCandle/);
    expect(() => new ReplayFeed({ data, timeframe: '7m' })).toThrow(/replay.timeframe/);
    expect(() => new ReplayFeed({ data, startOffset: 5 })).toThrow(/none 5 candles in/);
    expect(() => new ReplayFeed({ data, pairs: ['SOL/USDC'] })).toThrow(/no data for SOL\/USDC/);
  });
});
