/**
 * The backtest worker thread: runs the core's runBacktest off the API's event loop and reports
 * its progress, so a long run neither stalls requests nor leaves the user without news.
 * Messages in: a job; out: `progress` (done, total), then `done` (the result) or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { NumerusError, runBacktest, type BacktestConfig } from '@numerusx/core';

export type WorkerJob = Omit<BacktestConfig, 'onProgress' | 'progressEvery' | 'provider'>;

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: ReturnType<typeof runBacktest> }
  | {
      readonly type: 'failed';
      readonly known: boolean;
      readonly code: string;
      readonly message: string;
    };

/** Candles between progress reports: a few dozen reports for the longest shipped series. */
const PROGRESS_EVERY = 2_000;

parentPort?.on('message', (job: WorkerJob) => {
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  try {
    const result = runBacktest({
      ...job,
      progressEvery: PROGRESS_EVERY,
      onProgress: (done, total) => {
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'done', result });
  } catch (error) {
    const known = error instanceof NumerusError;
    post({
      type: 'failed',
      known,
      code: known ? error.code : 'INTERNAL_ERROR',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
