import type { Scheduler } from './types.js';

/** Node's timers. unref'd: a feed left running must not keep a CLI process alive on its own. */
export const realScheduler: Scheduler = {
  setTimer(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => {
      clearTimeout(timer);
    };
  },
};

interface Pending {
  readonly due: number;
  /** Order of scheduling: timers due at the same time fire first-scheduled first, as Node's do. */
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A scheduler whose time only moves when advance() is called: a test (or a runtime test) replays
 * hours of candles in microseconds and sees exactly which events each step produced. Timers a
 * callback schedules inside the advanced window fire in the same advance().
 */
export class ManualScheduler implements Scheduler {
  private current = 0;
  private seq = 0;
  private timers: Pending[] = [];

  /** Milliseconds advanced so far. */
  get now(): number {
    return this.current;
  }

  /** Timers not yet fired or cancelled. */
  get pending(): number {
    return this.timers.length;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer: Pending = { due: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing every timer due by then in order; returns how many fired. */
  advance(ms: number): number {
    const until = this.current + ms;
    let fired = 0;
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.due > until) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = next.due;
      fired++;
      next.fn();
    }
    this.current = until;
    return fired;
  }

  private earliest(): Pending | undefined {
    let best: Pending | undefined;
    for (const t of this.timers) {
      if (best === undefined || t.due < best.due || (t.due === best.due && t.seq < best.seq)) {
        best = t;
      }
    }
    return best;
  }
}
