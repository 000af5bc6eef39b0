// The engine's notion of time. Everything that waits (stop timeouts, restart back-off, `sleep`) asks the
// clock, so tests and the browser decide how fast simulated time runs and a 10-second timeout is free.
export interface Clock {
  /** milliseconds since the Unix epoch */
  now(): number;
  /** move simulated time forward (a manual clock) or no-op (a real clock) */
  advance(ms: number): void;
}

export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Wall time for the browser; `advance` is kept as an offset so timeouts still resolve at once. */
export class SystemClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
