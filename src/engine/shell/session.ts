// An interactive shell behind a TTY: `docker run -it busybox sh`, `docker exec -it web bash`, the host
// terminal. It implements the engine's InteractiveStream over one persistent shell (cwd, variables,
// functions and $? carry from line to line).
//
// API for the code that connects a session (host helper):
//   const s = new ShellSession({ ...shellOptions, clock: () => engine.clock.now() });
//   s.onData(write to the terminal); s.onExit((code) => stop the container with `code` for run -it);
//   s.start();                 // prints the first prompt
//   s.write('ls -l\r');        // input; output arrives through onData, synchronously where it is due
//   s.tick(now);               // simulated time passed: output of the running program due by `now`,
//                              // and the prompt once it has finished
//   s.nextDue();               // when something is next due (Infinity: nothing until input/Ctrl-C)
//   s.busyUntil;               // when the running line is done (Infinity: until Ctrl-C; undefined: idle)
//   s.end(code);               // the container went away: the session ends with `code`
//   s.close();                 // the terminal went away: SIGHUP, ends with 129
// A command line runs entirely when it is entered (its side effects happen then); its output is
// released as the clock reaches each line's time. A program that never ends by itself (ping without
// -c, tail -f, sleep infinity, an endless loop) keeps the session busy until Ctrl-C (exit 130, or what
// the program prints and returns when interrupted, like ping's statistics).
import type { InteractiveStream } from '../engine';
import { renderLine, type PlannedLine } from '../daemon/process/plan';
import { ExitSignal, type Shell } from './interpreter';
import { ForeverSignal, type Forever } from './io';
import { parse } from './parser';
import { createShell, type ShellOptions } from './run';
import { EOF_TOKEN, ShellSyntaxError } from './syntax';

export interface SessionOptions extends Omit<ShellOptions, 'stdin' | 'interactive' | 'now'> {
  /** the engine's clock, ms since epoch */
  clock: () => number;
}

/** what the foreground is doing: a line's output still due, or a program that runs until interrupted */
interface Busy {
  /** absolute ms when the line's commands are done (Infinity: a Forever) */
  until: number;
  forever?: Forever;
  /** absolute ms when the Forever program settled; `streamed` is how far its stream was released */
  settledAt?: number;
  streamed?: number;
  /** `exit` ran: the session ends with this code when the line is done */
  exitCode?: number;
}

const CRLF = '\r\n';
const SIGHUP_STATUS = 129;
const SIGINT_STATUS = 130;

export class ShellSession implements InteractiveStream {
  private readonly sh: Shell;
  private readonly start0: number;
  private readonly dataListeners = new Set<(text: string) => void>();
  private readonly exitListeners = new Set<(code: number) => void>();
  /** output lines not yet released, with absolute times */
  private pending: { t: number; line: PlannedLine }[] = [];
  private busy: Busy | undefined;
  private lineBuffer = '';
  /** a command continued over several lines (PS2) */
  private continued = '';
  private typeahead: string[] = [];
  private ended = false;
  private cols = 80;

  constructor(private readonly opts: SessionOptions) {
    this.start0 = opts.clock();
    this.sh = createShell({ ...opts, now: this.start0, stdin: null, interactive: true });
  }

  /** Prints the first prompt (attach listeners first). */
  start(): void {
    this.prompt();
  }

  get columns(): number {
    return this.cols;
  }

  // ---- InteractiveStream -------------------------------------------------------------------------

  write(data: string): void {
    for (const ch of data) {
      if (this.ended) return;
      if (ch === '\x03') this.interrupt();
      else if (ch === '\x04') {
        if (this.lineBuffer === '' && this.continued === '' && !this.busy) this.finish(this.sh.state.status, this.sh.flavour.kind === 'bash' ? 'exit' + CRLF : CRLF);
      } else if (ch === '\r' || ch === '\n') {
        const line = this.lineBuffer;
        this.lineBuffer = '';
        if (this.busy) this.typeahead.push(line);
        else this.enter(line);
      } else if (ch === '\x7f' || ch === '\b') this.lineBuffer = this.lineBuffer.slice(0, -1);
      else this.lineBuffer += ch;
    }
  }

  onData(listener: (text: string) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onExit(listener: (code: number) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  resize(cols: number, _rows: number): void {
    this.cols = cols;
  }

  close(): void {
    this.finish(SIGHUP_STATUS);
  }

  // ---- time --------------------------------------------------------------------------------------

  /** Releases what is due by `now` (absolute ms); prompts when the foreground is done. */
  tick(now: number): void {
    if (this.ended) return;
    const busy = this.busy;
    if (busy?.forever?.stream && busy.settledAt !== undefined) {
      const from = busy.streamed ?? 0;
      const to = now - busy.settledAt + 1;
      if (to > from) {
        for (const line of busy.forever.stream(from, to)) this.pending.push({ t: busy.settledAt + line.at, line });
        busy.streamed = to;
      }
    } else if (busy?.forever?.repeat && busy.settledAt !== undefined) {
      const { every, lines } = busy.forever.repeat;
      const from = busy.streamed ?? 0;
      for (let k = Math.floor(from / every); k * every <= now - busy.settledAt; k++) {
        for (const line of lines) {
          const at = k * every + line.at;
          if (at >= from && at <= now - busy.settledAt) this.pending.push({ t: busy.settledAt + at, line });
        }
      }
      busy.streamed = now - busy.settledAt + 1;
    }
    this.release(now);
    if (busy && busy.until <= now) this.done(busy);
  }

  /** Absolute ms of the next output or prompt due; Infinity when only input can move the session. */
  nextDue(): number {
    const next = Math.min(...this.pending.map((p) => p.t), this.busy?.until ?? Infinity);
    if (this.busy?.forever && this.busy.settledAt !== undefined) {
      const step = this.busy.forever.repeat?.every ?? (this.busy.forever.stream ? 1000 : Infinity);
      return Math.min(next, this.busy.settledAt + (this.busy.streamed ?? 0) + step - 1);
    }
    return next;
  }

  /**
   * Absolute ms when the line being run is done: Infinity for a program that runs until Ctrl-C,
   * undefined while the shell waits for input (a manual clock's driver jumps to it, as an attached
   * `docker run` lets time pass to its end).
   */
  get busyUntil(): number | undefined {
    return this.busy?.until;
  }

  /** The container stopped or went away: the session ends with its process's status. */
  end(code: number): void {
    this.finish(code);
  }

  // ---- internals ---------------------------------------------------------------------------------

  private emit(text: string): void {
    if (text) for (const l of this.dataListeners) l(text);
  }

  private prompt(): void {
    const ps2 = this.continued !== '';
    this.emit(ps2 ? '> ' : this.sh.flavour.prompt(this.sh.state.cwd, this.opts.sys.hostname, this.sh.state.vars.get('HOME') ?? '/'));
  }

  private enter(line: string): void {
    const source = this.continued + line;
    if (incomplete(source)) {
      this.continued = source + '\n';
      this.prompt();
      return;
    }
    this.continued = '';
    if (source.trim()) this.sh.history.push(source);
    this.run(source);
  }

  /** Runs a complete command line now; its output is released as the clock reaches it. */
  private run(source: string): void {
    const sh = this.sh;
    const now = this.opts.clock();
    sh.t = now - this.start0;
    const busy: Busy = { until: now };
    try {
      sh.source(source, sh.topIo(null));
    } catch (e) {
      if (e instanceof ExitSignal) busy.exitCode = e.code;
      else if (e instanceof ForeverSignal) busy.forever = e.forever;
      else throw e;
    }
    sh.lineBase += source.split('\n').length;
    for (const line of sh.timeline.drain()) this.pending.push({ t: this.start0 + line.at, line });
    if (busy.forever) {
      busy.until = Infinity;
      busy.settledAt = this.start0 + sh.t;
    } else busy.until = this.start0 + sh.t;
    this.busy = busy;
    this.tick(now);
  }

  private release(now: number): void {
    this.pending.sort((a, b) => a.t - b.t);
    while (this.pending.length && this.pending[0]!.t <= now) {
      const { t, line } = this.pending.shift()!;
      this.emit(renderLine(line, t) + (line.partial ? '' : CRLF));
    }
  }

  /** The line's commands are done: the session ends (exit) or prompts and takes typed-ahead input. */
  private done(busy: Busy): void {
    this.busy = undefined;
    if (busy.exitCode !== undefined) {
      this.finish(busy.exitCode, this.sh.flavour.kind === 'bash' ? 'exit' + CRLF : '');
      return;
    }
    this.prompt();
    while (!this.busy && !this.ended && this.typeahead.length) this.enter(this.typeahead.shift()!);
  }

  /** Ctrl-C: SIGINT to the foreground program, or a fresh prompt when there is none. */
  private interrupt(): void {
    const busy = this.busy;
    const now = this.opts.clock();
    this.emit('^C');
    this.typeahead = [];
    this.lineBuffer = '';
    this.continued = '';
    if (busy?.forever?.interrupted && busy.settledAt !== undefined) {
      this.release(now);
      const r = busy.forever.interrupted(now - busy.settledAt);
      this.pending = [];
      for (const line of r.lines) this.emit(renderLine(line, now) + (line.partial ? '' : CRLF));
      this.sh.state.status = r.code;
    } else {
      this.pending = [];
      this.emit(CRLF);
      this.sh.state.status = SIGINT_STATUS;
    }
    this.busy = undefined;
    this.prompt();
  }

  private finish(code: number, farewell = ''): void {
    if (this.ended) return;
    this.emit(farewell);
    this.ended = true;
    for (const l of this.exitListeners) l(code);
  }
}

/** true when the source needs more lines: an open quote, or a construct still waiting for its end */
function incomplete(source: string): boolean {
  try {
    parse(source);
    return false;
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return e.problem.kind === 'unterminated' || (e.problem.kind === 'unexpected' && e.problem.token === EOF_TOKEN);
  }
}
