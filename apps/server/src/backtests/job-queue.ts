/**
 * Runs jobs one at a time, in order, off the request that queued them. The first step of each job
 * waits for setImmediate, so the HTTP answer (202) is written before any work starts. A backtest is
 * CPU-bound and synchronous: one at a time keeps the API responsive between runs and the memory of
 * a single result in flight.
 */
export class JobQueue {
  private readonly waiting: number[] = [];
  private current: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly run: (id: number) => Promise<void>) {}

  /** Jobs ahead of a newly added one (the running one included). */
  get length(): number {
    return this.waiting.length + (this.current === undefined ? 0 : 1);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  add(id: number): void {
    if (this.closed) return;
    this.waiting.push(id);
    this.pump();
  }

  /** Stops taking jobs from the queue and waits for the running one (called on server close). */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    await this.current;
  }

  private pump(): void {
    if (this.current !== undefined || this.closed) return;
    const id = this.waiting.shift();
    if (id === undefined) return;
    this.current = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => (this.closed ? undefined : this.run(id)))
      // run() records its own failures; this only keeps the queue alive if recording failed too.
      .catch(() => undefined)
      .finally(() => {
        this.current = undefined;
        this.pump();
      });
  }
}
