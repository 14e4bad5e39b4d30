/**
 * Runs backtests in one long-lived worker thread (started on first use, about a second to load the
 * engine), one job at a time as the queue hands them over. A worker that dies fails its job with a
 * clear error and is replaced on the next one.
 */
import { Worker } from 'node:worker_threads';
import { NumerusError, type BacktestResult } from '@numerusx/core';
import type { WorkerJob, WorkerMessage } from './backtest-worker.js';

const ENTRY = new URL('./backtest-worker-entry.mjs', import.meta.url);

export class BacktestRunner {
  private worker: Worker | undefined;

  run(job: WorkerJob, onProgress: (done: number, total: number) => void): Promise<BacktestResult> {
    const worker = (this.worker ??= new Worker(ENTRY));
    return new Promise<BacktestResult>((resolve, reject) => {
      const finish = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'progress') {
          onProgress(m.done, m.total);
          return;
        }
        finish();
        if (m.type === 'done') resolve(m.result);
        else reject(m.known ? new NumerusError(m.code, m.message) : new Error(m.message));
      };
      const onError = (error: Error) => {
        finish();
        this.worker = undefined;
        reject(error);
      };
      const onExit = (code: number) => {
        finish();
        this.worker = undefined;
        reject(new Error(`the backtest worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
