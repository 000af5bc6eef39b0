// Paces a command's output to a byte rate: chunks are queued and sent slice by slice. The command itself
// is paused only when the queue grows past a bound (a flood), because a pseudo-terminal that is not
// being read when its command exits loses what it still holds.

/** the rate is enforced per slice of a second */
export const SLICE_MS = 100;

export interface PacerOptions {
  bytesPerSecond: number;
  /** queued bytes past which the source is paused (and resumed below half of it) */
  maxQueued: number;
  send(data: string): void;
  /** the receiver cannot take more now (a WebSocket's own buffer is full) */
  congested(): boolean;
  pause(): void;
  resume(): void;
}

export class OutputPacer {
  private readonly queue: string[] = [];
  private queued = 0;
  private readonly perSlice: number;
  private credit: number;
  private timer: NodeJS.Timeout | undefined;
  private sourcePaused = false;

  constructor(private readonly opts: PacerOptions) {
    this.perSlice = Math.max(1, (opts.bytesPerSecond * SLICE_MS) / 1000);
    this.credit = this.perSlice;
  }

  /** everything pushed has been sent */
  get drained(): boolean {
    return this.queue.length === 0;
  }

  push(data: string): void {
    this.queue.push(data);
    this.queued += Buffer.byteLength(data);
    if (this.queued > this.opts.maxQueued && !this.sourcePaused) {
      this.sourcePaused = true;
      this.opts.pause();
    }
    this.pump();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
    this.queued = 0;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.credit > 0 && !this.opts.congested()) {
      const data = this.queue.shift()!;
      const bytes = Buffer.byteLength(data);
      this.credit -= bytes;
      this.queued -= bytes;
      this.opts.send(data);
    }
    if (this.sourcePaused && this.queued <= this.opts.maxQueued / 2) {
      this.sourcePaused = false;
      this.opts.resume();
    }
    // a big chunk overdraws the credit: the next ones wait until the slices have paid for it
    if (!this.timer && (this.queue.length > 0 || this.credit < this.perSlice)) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.credit = Math.min(this.perSlice, this.credit + this.perSlice);
        this.pump();
      }, SLICE_MS);
    }
  }
}
