/**
 * /market: the replay feed's pairs and candles come from the real exchange files in
 * datasets/market/ and say they are replayed; the ticker is 501 until a live feed exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { DB_BACKENDS, HOSTILE, clientsFor, expectError, qs, type Clients } from './helpers.js';

const SOL_FIRST_1H = 1_597_125_600_000; // 2020-08-11 06:00 UTC, SOL/USDT's first Binance candle

interface CandleBody {
  candles: { ts: number; open: number; high: number; low: number; close: number; volume: number }[];
  incomplete: number[];
  hasMore: boolean;
}

// Market data does not touch the database: one backend is enough.
describe.each(DB_BACKENDS.slice(0, 1))('market on $name', (backend) => {
  let t: TestServer;
  let c: Clients;
  beforeAll(async () => {
    t = await startTestServer(backend);
    c = await clientsFor(t, 'mkt');
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /market/pairs: the shipped files with their real span, labelled as replay', async () => {
    const r = await c.viewer.request('GET', '/market/pairs');
    expect(r.status).toBe(200);
    expect(r.body['live']).toBe(false);
    const items = r.body['items'] as { id: string; pair: string; label: string; replay: boolean }[];
    expect(items).toContainEqual({
      id: 'yanniedog-binance/SOL_USDT-1h',
      pair: 'SOL/USDT',
      timeframe: '1h',
      label: 'SOL/USDT 1h (Binance spot, replayed)',
      labelMsg: {
        key: 'runtime.dataset.label',
        params: {
          pair: 'SOL/USDT',
          timeframe: '1h',
          source: { key: 'runtime.dataset.short.binanceSpot' },
        },
      },
      source: expect.stringContaining('yanniedog') as string,
      sourceMsg: { key: 'runtime.dataset.source.yanniedog' },
      replay: true,
      from: SOL_FIRST_1H,
      to: 1_767_690_000_000, // 2026-01-06 09:00, the README's last candle
      candles: 47_360, // as counted in datasets/market/yanniedog-binance/README.txt
    });
    expect(items.map((i) => i.id)).toContain('binance_usdt_2021/SOL_USDT-5m');
    // The freqtrade fixture of an undisclosed pair is not a market.
    expect(items.some((i) => i.pair.startsWith('UNITTEST'))).toBe(false);
    expect(items.every((i) => i.replay && i.label.includes('replayed'))).toBe(true);
    expect((await c.viewer.request('GET', '/market/pairs', { token: null })).status).toBe(401);
  });

  it('candles: 1h resampled to 4h as an exchange does, a partial first bucket flagged', async () => {
    const r = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'SOL/USDT', timeframe: '4h', from: SOL_FIRST_1H - 2 * 3_600_000, limit: 2 })}`,
    );
    expect(r.status).toBe(200);
    const body = r.body as unknown as CandleBody;
    expect(r.body).toMatchObject({
      pair: 'SOL/USDT',
      timeframe: '4h',
      dataset: 'yanniedog-binance/SOL_USDT-1h',
      label: 'SOL/USDT 4h (Binance spot, replayed)',
      replay: true,
      hasMore: true,
    });
    // 04:00 bucket: only the 06:00 and 07:00 hours exist (the listing), so it is incomplete.
    expect(body.candles[0]).toMatchObject({
      ts: SOL_FIRST_1H - 2 * 3_600_000,
      open: 2.85,
      high: 3.47,
      close: 2.9224,
    });
    expect(body.candles[0]!.volume).toBeCloseTo(20_032.26 + 42_069.37, 6);
    expect(body.incomplete).toEqual([SOL_FIRST_1H - 2 * 3_600_000]);
    // 08:00 bucket from the CSV's 08:00–11:00 rows: open of the first, max high, min low, last close.
    const second = body.candles[1]!;
    expect(second).toMatchObject({
      ts: SOL_FIRST_1H + 2 * 3_600_000,
      open: 2.9626,
      high: 3.1,
      low: 2.8433,
      close: 3.0497,
    });
    expect(second.volume).toBeCloseTo(24_280.76 + 26_371.23 + 26_685.94 + 12_474.53, 6);
  });

  it('candles: Binance 5m aggregated to 1h equals Binance’s own 1h candles (2021 crash)', async () => {
    const window = { pair: 'SOL/USDT', timeframe: '1h', from: 1_619_902_800_000, limit: 48 };
    const fromFive = (
      await c.viewer.request(
        'GET',
        `/market/candles${qs({ ...window, dataset: 'binance_usdt_2021/SOL_USDT-5m' })}`,
      )
    ).body as unknown as CandleBody;
    const native = (
      await c.viewer.request(
        'GET',
        `/market/candles${qs({ ...window, dataset: 'binance_usdt_2021/SOL_USDT-1h' })}`,
      )
    ).body as unknown as CandleBody;
    expect(fromFive.candles).toHaveLength(48);
    fromFive.candles.forEach((k, i) => {
      const n = native.candles[i]!;
      expect([k.ts, k.open, k.high, k.low, k.close]).toEqual([
        n.ts,
        n.open,
        n.high,
        n.low,
        n.close,
      ]);
      expect(k.volume).toBeCloseTo(n.volume, 3);
    });
  });

  it('candles: without from, the last ones up to to; 5m picks the only 5m source', async () => {
    const last = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'SOL/USDT', limit: 3 })}`,
    );
    const body = last.body as unknown as CandleBody;
    expect(body.candles.map((k) => k.ts)).toEqual([
      1_767_690_000_000 - 2 * 3_600_000,
      1_767_690_000_000 - 3_600_000,
      1_767_690_000_000,
    ]);
    expect(body.hasMore).toBe(true);
    const upTo = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'SOL/USDT', to: SOL_FIRST_1H + 3_600_000, limit: 5 })}`,
    );
    expect((upTo.body as unknown as CandleBody).candles.map((k) => k.ts)).toEqual([
      SOL_FIRST_1H,
      SOL_FIRST_1H + 3_600_000,
    ]);
    expect(upTo.body['hasMore']).toBe(false);
    const five = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'SOL/USDT', timeframe: '5m', limit: 1 })}`,
    );
    expect(five.body).toMatchObject({ dataset: 'binance_usdt_2021/SOL_USDT-5m', timeframe: '5m' });
    const btc = await c.viewer.request(
      'GET',
      `/market/candles${qs({ pair: 'BTC/USDT', timeframe: '1d', limit: 1 })}`,
    );
    expect(btc.body).toMatchObject({ dataset: 'yanniedog-binance/BTC_USDT-4h', timeframe: '1d' });
  });

  it.each([
    [{ pair: 'DOGE/USDT' }, 404, 'NOT_FOUND'],
    [{ pair: 'SOL/USDT', dataset: 'yanniedog-binance/DOGE_USDT-1h' }, 404, 'NOT_FOUND'],
    [{ pair: 'SOL/USDT', dataset: 'yanniedog-binance/ETH_USDT-1d' }, 400, 'VALIDATION_ERROR'],
    [{ pair: 'SOL/USDT', timeframe: '1m' }, 400, 'VALIDATION_ERROR'], // finer than any file
    [{ pair: 'SOL/USDT', timeframe: '7m' }, 400, 'VALIDATION_ERROR'], // not a timeframe
    [{ pair: 'ETH/USDT', timeframe: '4h' }, 400, 'VALIDATION_ERROR'], // only 1d data
    [{ pair: 'SOL/USDT', from: 10, to: 5 }, 400, 'VALIDATION_ERROR'],
    [{ pair: 'SOL/USDT', limit: 5001 }, 400, 'VALIDATION_ERROR'],
    [{ pair: 'SOL/USDT', dataset: '../../etc/passwd' }, 400, 'VALIDATION_ERROR'],
    [{ timeframe: '1h' }, 400, 'VALIDATION_ERROR'], // no pair
    [{ pair: 'SOL/USDT', source: 'x' }, 400, 'VALIDATION_ERROR'],
    ...HOSTILE.map((pair) => [{ pair }, 400, 'VALIDATION_ERROR'] as const),
  ] as const)('GET /market/candles %o → %i %s', async (q, status, code) => {
    expectError(await c.viewer.request('GET', `/market/candles${qs(q)}`), status, code);
  });

  it('GET /market/ticker: 503 for a served pair while the bot is stopped, 404/400 otherwise', async () => {
    const r = await c.viewer.request('GET', `/market/ticker${qs({ pair: 'SOL/USDT' })}`);
    expectError(r, 503, 'TEMPORARY_ERROR');
    expect((r.body['error'] as { message: string }).message).toMatch(/start the bot/);
    expectError(
      await c.viewer.request('GET', `/market/ticker${qs({ pair: 'DOGE/USDT' })}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await c.viewer.request('GET', `/market/ticker${qs({ pair: HOSTILE[0]! })}`),
      400,
      'VALIDATION_ERROR',
    );
    expectError(await c.viewer.request('GET', '/market/ticker'), 400, 'VALIDATION_ERROR');
  });
});
