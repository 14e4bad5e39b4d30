/** Time as the domain sees it: ms UTC. The core never reads the wall clock itself. */
export interface Clock {
  now(): number;
}

/** A clock a backtest or a test moves by hand. */
export class SimulatedClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  set(ts: number): void {
    this.current = ts;
  }
}
