// Where a command's output goes: the process's timeline (lines stamped with the shell's clock), a pipe
// buffer, a file, or nowhere. And how a command that never ends by itself is reported.
import type { ChildProcess, Listener, PlannedLine, SignalReaction, Stream } from '../daemon/process/plan';

export interface Writer {
  write(text: string): void;
  /** a program's planned line written as is (keeps its timestamp template); only the timeline has it */
  line?(l: PlannedLine): void;
}

export const DISCARD: Writer = { write: () => {} };

/** A pipe or `$(…)`: collects text. */
export class Buffer implements Writer {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** The streams a command sees. stdin null: a terminal or an open stdin that delivers nothing yet. */
export interface Io {
  stdin: string | null;
  stdout: Writer;
  stderr: Writer;
}

/**
 * The process's output as planned lines: each line carries the offset (ms after the start) at which its
 * first character was written; a line still open at the end is `partial`.
 */
export class Timeline {
  readonly lines: PlannedLine[] = [];
  private readonly open: Partial<Record<Stream, PlannedLine>> = {};

  constructor(private readonly clock: () => number) {}

  writer(stream: Stream): Writer {
    return {
      write: (text) => this.write(stream, text),
      line: (l) => {
        delete this.open[stream];
        this.lines.push({ ...l, at: this.clock(), stream });
      },
    };
  }

  /** Takes the lines written so far; text written later starts new lines (a session's terminal). */
  drain(): PlannedLine[] {
    const lines = this.lines.splice(0);
    for (const stream of Object.keys(this.open) as Stream[]) delete this.open[stream];
    return lines;
  }

  private write(stream: Stream, text: string): void {
    const parts = text.split('\n');
    parts.forEach((part, k) => {
      const last = k === parts.length - 1;
      if (last && part === '') return;
      let line = this.open[stream];
      if (!line) {
        line = { at: this.clock(), stream, text: '', partial: true };
        this.lines.push(line);
        this.open[stream] = line;
      }
      line.text += part;
      if (!last) {
        delete line.partial;
        delete this.open[stream];
      }
    });
  }
}

/** What a program that keeps running in the foreground does from now on. */
export interface Forever {
  /** output again every `every` ms (at offsets from the moment the program settled) */
  repeat?: { every: number; lines: PlannedLine[] };
  signals?: Record<string, SignalReaction>;
  /**
   * output that changes as it goes (ping's sequence numbers): the lines due in [fromMs, toMs) after the
   * program settled. Takes precedence over `repeat` for a session; a plan gets `repeat` only.
   */
  stream?: (fromMs: number, toMs: number) => PlannedLine[];
  /** what it prints and exits with when interrupted (Ctrl-C) after `elapsedMs` */
  interrupted?: (elapsedMs: number) => { lines: PlannedLine[]; code: number };
  memory?: number;
  /** ports a server started by the shell serves, its ps title and its children (see ProcessPlan) */
  listens?: Listener[];
  title?: string;
  children?: ChildProcess[];
}

/** Thrown by a program that never ends by itself: the shell stops there. */
export class ForeverSignal {
  constructor(readonly forever: Forever) {}
}
