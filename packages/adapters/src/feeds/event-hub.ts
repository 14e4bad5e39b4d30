import type { FeedEvent } from './types.js';

/**
 * Enough for a slow consumer to fall minutes behind a live feed, or a few thousand replayed candles
 * behind a fast replay, without unbounded memory.
 */
export const DEFAULT_MAX_BUFFERED = 10_000;

type Waiter = (result: IteratorResult<FeedEvent, undefined>) => void;

/** One listener: its own queue, so a slow dashboard cannot hold the bot loop back or vice versa. */
class Listener implements AsyncIterableIterator<FeedEvent, undefined> {
  private queue: FeedEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private ended = false;

  constructor(
    private readonly maxBuffered: number,
    private readonly onDrop: () => void,
    private readonly onClose: (listener: Listener) => void,
  ) {}

  push(event: FeedEvent): void {
    if (this.ended) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      waiter({ done: false, value: event });
      return;
    }
    this.queue.push(event);
    if (this.queue.length > this.maxBuffered) {
      // A tick is superseded by the next one; a lost candle would leave a hole in the indicators.
      const oldestTick = this.queue.findIndex((e) => e.type === 'tick');
      if (oldestTick >= 0) {
        this.queue.splice(oldestTick, 1);
        this.onDrop();
      }
    }
  }

  /** No more events: what is queued is still delivered, then the iterator is done. */
  finish(): void {
    this.ended = true;
    for (const waiter of this.waiters.splice(0)) waiter({ done: true, value: undefined });
  }

  next(): Promise<IteratorResult<FeedEvent, undefined>> {
    const event = this.queue.shift();
    if (event !== undefined) return Promise.resolve({ done: false, value: event });
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise<IteratorResult<FeedEvent, undefined>>((resolve) => {
      this.waiters.push(resolve);
    });
  }

  /** Called by `break` in a for-await and by the abort signal: done at once, the queue dropped. */
  return(): Promise<IteratorResult<FeedEvent, undefined>> {
    this.queue = [];
    this.finish();
    this.onClose(this);
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Fans each emitted event out to every listener's queue. */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private dropped = 0;

  constructor(private readonly maxBuffered = DEFAULT_MAX_BUFFERED) {}

  /** Ticks dropped so far across listeners. */
  get droppedTicks(): number {
    return this.dropped;
  }

  /** A new listener; `finished` (a feed that ended or failed for good) gives one already done. */
  listen(signal?: AbortSignal, finished = false): AsyncIterableIterator<FeedEvent, undefined> {
    const listener = new Listener(
      this.maxBuffered,
      () => {
        this.dropped++;
      },
      (l) => this.listeners.delete(l),
    );
    if (finished || signal?.aborted === true) {
      listener.finish();
      return listener;
    }
    this.listeners.add(listener);
    signal?.addEventListener('abort', () => void listener.return(), { once: true });
    return listener;
  }

  emit(event: FeedEvent): void {
    for (const listener of this.listeners) listener.push(event);
  }

  /**
   * Ends every current listener after its queue drains. A listener added later waits for events
   * again: a stopped feed may be started once more.
   */
  close(): void {
    for (const listener of this.listeners) listener.finish();
    this.listeners.clear();
  }
}
