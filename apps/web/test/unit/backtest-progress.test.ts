import type { BacktestDetail, BacktestsPage } from '@numerusx/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { keys } from '../../src/api/keys';
import { buyAndHoldCurve } from '../../src/lib/buy-and-hold';
import { applyEvent, type BacktestProgress } from '../../src/socket/cache-bridge';

const step = (over: Partial<BacktestProgress> = {}): BacktestProgress => ({
  ts: 1_000,
  backtestId: 3,
  status: 'running',
  progress: 0.5,
  candlesProcessed: 50,
  candlesTotal: 100,
  message: null,
  ...over,
});

const summary = (status: BacktestDetail['status']): BacktestDetail => ({
  id: 3,
  status,
  strategy: 'rsi',
  request: { pair: 'SOL/USDT' },
  error: null,
  createdAt: 1,
  createdBy: 1,
  finishedAt: null,
  result: null,
});

describe('cache bridge: backtest:progress', () => {
  it('stores the progress, marks the run running in the list and detail, refetches nothing', () => {
    const qc = new QueryClient();
    const detail = summary('queued');
    const row: BacktestsPage['items'][number] = { ...detail };
    qc.setQueryData<BacktestsPage>(keys.backtests, { items: [row], nextCursor: null });
    qc.setQueryData<BacktestDetail>(keys.backtest(3), summary('queued'));
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    applyEvent(qc, { event: 'backtest:progress', payload: step() });
    expect(qc.getQueryData<BacktestProgress>(keys.backtestProgress(3))?.progress).toBe(0.5);
    expect(qc.getQueryData<BacktestsPage>(keys.backtests)?.items[0]?.status).toBe('running');
    expect(qc.getQueryData<BacktestDetail>(keys.backtest(3))?.status).toBe('running');
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('ignores an older event and refetches the detail once when done', () => {
    const qc = new QueryClient();
    applyEvent(qc, { event: 'backtest:progress', payload: step({ ts: 2_000, progress: 0.8 }) });
    applyEvent(qc, { event: 'backtest:progress', payload: step({ ts: 1_500, progress: 0.2 }) });
    expect(qc.getQueryData<BacktestProgress>(keys.backtestProgress(3))?.progress).toBe(0.8);
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    applyEvent(qc, {
      event: 'backtest:progress',
      payload: step({ ts: 3_000, status: 'done', progress: 1, candlesProcessed: 100 }),
    });
    expect(qc.getQueryData<BacktestProgress>(keys.backtestProgress(3))?.status).toBe('done');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: keys.backtest(3), exact: true });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: keys.backtests, exact: true });
  });
});

describe('buy and hold from candles', () => {
  const candle = (ts: number, close: number) => ({
    ts,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
  });

  it('is capital × (1 − fee) × close / first close', () => {
    const curve = buyAndHoldCurve([candle(0, 10), candle(1, 12), candle(2, 5)], 1_000, 10);
    expect(curve.map((p) => p.ts)).toEqual([0, 1, 2]);
    const want = [999, 999 * 1.2, 999 * 0.5];
    curve.forEach((p, k) => {
      expect(p.value).toBeCloseTo(want[k] ?? NaN, 9);
    });
  });

  it('is empty without candles or with a zero first close', () => {
    expect(buyAndHoldCurve([], 1_000, 10)).toEqual([]);
    expect(buyAndHoldCurve([candle(0, 0), candle(1, 2)], 1_000, 10)).toEqual([]);
  });
});
