// Seeded identifiers: the same seed gives the same container/image/network IDs, so scenarios, snapshots
// and tests are reproducible. The generator state is part of the serialised engine state.
export class IdSource {
  constructor(private state: number) {}

  /** mulberry32: tiny, fast, good enough for IDs */
  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** 64 lowercase hex characters, like a container or network ID */
  hex64(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += this.next32().toString(16).padStart(8, '0');
    return s;
  }

  /** a float in [0, 1) */
  random(): number {
    return this.next32() / 0x100000000;
  }

  get seed(): number {
    return this.state;
  }
}
