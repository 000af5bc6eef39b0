// Command history with shell semantics: ↑ walks back, ↓ forward, and the line being typed is kept as a
// draft so ↓ past the newest entry brings it back. Entries are plain strings, so they persist as JSON.

export const HISTORY_LIMIT = 500;

export class History {
  private entries: string[];
  /** index into entries while browsing; entries.length = at the draft */
  private pos: number;
  private draft = '';

  constructor(entries: readonly string[] = []) {
    this.entries = entries.slice(-HISTORY_LIMIT);
    this.pos = this.entries.length;
  }

  /** a command that ran; blank lines and immediate repeats are not stored (like HISTCONTROL=ignoredups) */
  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed && this.entries[this.entries.length - 1] !== trimmed) this.entries.push(trimmed);
    if (this.entries.length > HISTORY_LIMIT) this.entries.shift();
    this.pos = this.entries.length;
    this.draft = '';
  }

  /** the previous entry, or undefined at the oldest; `current` is what the prompt shows now */
  up(current: string): string | undefined {
    if (this.pos === 0) return undefined;
    if (this.pos === this.entries.length) this.draft = current;
    return this.entries[--this.pos];
  }

  down(): string | undefined {
    if (this.pos >= this.entries.length) return undefined;
    this.pos++;
    return this.pos === this.entries.length ? this.draft : this.entries[this.pos];
  }

  list(): string[] {
    return [...this.entries];
  }
}
