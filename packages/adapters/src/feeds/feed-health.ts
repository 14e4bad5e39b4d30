import type { Clock } from '@numerusx/core';
import type { EventHub } from './event-hub.js';
import type { FeedState } from './types.js';

/**
 * A feed's state and why, announced to listeners as a `status` event on every change. Problems
 * are kept per source (a live feed's prices and candles fail independently): the feed is
 * `degraded` while any is open, `running` again once all have cleared.
 */
export class FeedHealth {
  private current: FeedState = 'idle';
  private why: string | undefined;
  private readonly problems = new Map<string, string>();

  constructor(
    private readonly hub: EventHub,
    private readonly clock: Clock,
  ) {}

  get state(): FeedState {
    return this.current;
  }

  /** Running or degraded: polling or replaying. */
  get active(): boolean {
    return this.current === 'running' || this.current === 'degraded';
  }

  /** `{state, reason?}` for a status snapshot. */
  get summary(): { readonly state: FeedState; readonly reason?: string } {
    return this.why === undefined
      ? { state: this.current }
      : { state: this.current, reason: this.why };
  }

  set(
    state: FeedState,
    reason?: string,
    error?: { readonly code: string; readonly message: string },
  ): void {
    if (state === 'running') this.problems.clear();
    this.current = state;
    this.why = reason;
    this.hub.emit({
      type: 'status',
      ts: this.clock.now(),
      state,
      ...(reason === undefined ? {} : { reason }),
      ...(error === undefined ? {} : { error }),
    });
  }

  /** `source` fails with `message`, or has recovered (undefined): may move running ⇄ degraded. */
  problem(source: string, message: string | undefined): void {
    if (!this.active) return;
    if (message === undefined) {
      if (!this.problems.delete(source)) return;
    } else {
      this.problems.set(source, message);
    }
    const reason = [...this.problems.values()].join('; ');
    const state: FeedState = reason === '' ? 'running' : 'degraded';
    if (state !== this.current || reason !== (this.why ?? '')) {
      this.set(state, reason === '' ? undefined : reason);
    }
  }
}
