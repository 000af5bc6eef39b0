// Terminals attached to processes: `run -it` / `start -ai` / `attach` hijack the main process's TTY,
// `exec -it` one of an exec'd shell. A shell behind a TTY runs as the shell's ShellSession; any other
// main process (nginx -it, `run -it busybox echo hi`) shows its output and takes Ctrl-C. Live sessions
// are runtime objects, not daemon state: a restored snapshot has none (its containers keep running,
// their shells waiting for input).
import { ManualClock } from '../../clock';
import type { InteractiveStream } from '../../engine';
import type { ShellKind } from '../../shell/flavours';
import { ShellSession } from '../../shell/session';
import type { Daemon } from '../daemon';
import { conflict } from '../errors';
import { classify } from '../process/classify';
import { launchExec, shellOptions } from '../process/launch';
import type { ExecRecord } from './exec-model';
import type { ContainerRecord } from './model';
import { containerEvent } from './notify';
import { deliverSignal, processExited, programContext } from './runtime';

/** A terminal's live shell: the stream the CLI relays, and how the daemon ends it. */
interface MainTty {
  stream: InteractiveStream;
  feed: TerminalFeed;
}

/** the main-process terminals, by container record (a restored snapshot has new records, and none) */
const mainTtys = new WeakMap<ContainerRecord, MainTty>();

/** A client holds the container's stdin open through a TTY (its shell must wait for input, not exit). */
export const hasTtyClient = (c: ContainerRecord): boolean => mainTtys.has(c);

/**
 * What a terminal has shown and how it ended, kept for whoever listens later: the command opens the
 * session (the shell draws its prompt) before the UI subscribes, and a quick program may be done by then.
 */
class TerminalFeed {
  private held = '';
  /** the text after the last line break: the prompt, while a shell waits */
  private current = '';
  private readonly data = new Set<(text: string) => void>();
  private readonly exits = new Set<(code: number) => void>();
  exitCode: number | null = null;

  emit(text: string): void {
    if (!text) return;
    const lastBreak = text.lastIndexOf('\n');
    this.current = lastBreak < 0 ? this.current + text : text.slice(lastBreak + 1);
    if (this.data.size === 0) this.held += text;
    for (const l of [...this.data]) l(text);
  }

  /** Input went in: a line ended by the learner's Enter (echoed by the terminal, not in the output) starts a new one. */
  typed(data: string): void {
    if (/[\r\n]/.test(data)) this.current = '';
  }

  exit(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    for (const l of [...this.exits]) l(code);
  }

  /** Draws the current line again, as a shell does when `docker attach` resizes its terminal. */
  redraw(): void {
    this.emit(`\r${this.current.replace(/^\r/, '').replace(/\x1b\[J$/, '')}\x1b[J`);
  }

  /** The held output becomes a redraw (a shell that drew its prompt before anyone attached). */
  heldAsRedraw(): void {
    this.held = '';
    this.redraw();
  }

  onData(listener: (text: string) => void): () => void {
    this.data.add(listener);
    const held = this.held;
    this.held = '';
    if (held) listener(held);
    return () => this.data.delete(listener);
  }

  onExit(listener: (code: number) => void): () => void {
    if (this.exitCode !== null) listener(this.exitCode);
    this.exits.add(listener);
    return () => this.exits.delete(listener);
  }
}

/** The kind of interactive shell `argv` starts (`sh`, `bash -l`), or undefined for a script or a program. */
export function shellKind(argv: string[], base: string): ShellKind | undefined {
  const name = argv[0]!.replace(/^.*\//, '');
  if (argv.slice(1).some((a) => !/^-[il]+$/.test(a))) return undefined;
  if (name === 'bash' || name === 'dash' || name === 'ash') return name;
  if (name === 'sh') return base === 'debian' ? 'dash' : 'ash';
  return undefined;
}

function baseOf(d: Daemon, c: ContainerRecord): string {
  const img = d.state.images.images[c.imageId];
  return img ? classify(img).base : 'debian';
}

/**
 * Runs the shell's session as the container's (or exec's) terminal: time reaches it through the
 * daemon's ticks; it ends when the container stops. `onEnd` learns the shell's own exit status.
 */
function shellTerminal(d: Daemon, c: ContainerRecord, kind: ShellKind, onEnd: (code: number) => void, exec?: ExecRecord): MainTty {
  const ctx = programContext(d, c, d.now(), exec && { env: exec.env, workingDir: exec.workingDir, record: exec });
  const { stdin: _stdin, now: _now, ...opts } = shellOptions(ctx, kind);
  const session = new ShellSession({ ...opts, pid: exec ? exec.pid : 1, clock: () => d.now() });
  const feed = new TerminalFeed();
  session.onData((text) => feed.emit(text));
  const unwatchTime = d.watch(() => session.tick(d.now()));
  const unwatchContainer = endWithContainer(d, c, (code) => session.end(code));
  session.onExit((code) => {
    unwatchTime();
    unwatchContainer();
    onEnd(code);
    feed.exit(code);
  });
  session.start();
  const stream: InteractiveStream = {
    write(data) {
      feed.typed(data);
      session.write(data);
      // a manual clock (tests, the headless sim) does not move by itself: a line's work completes at
      // once, as an attached `docker run` lets time pass; on the wall clock output comes as time passes
      const until = session.busyUntil;
      if (d.clock instanceof ManualClock && until !== undefined && until !== Infinity) d.advanceTo(until);
    },
    onData: (listener) => feed.onData(listener),
    onExit: (listener) => feed.onExit(listener),
    resize: (cols, rows) => session.resize(cols, rows),
    close: () => session.close(),
  };
  return { stream, feed };
}

/**
 * Calls `end` with the container's exit code when it stops (or is removed) from outside, once it has
 * run: `docker stop` from another terminal ends an attached `run -it`. Returns the unsubscribe function.
 */
function endWithContainer(d: Daemon, c: ContainerRecord, end: (code: number) => void): () => void {
  let seenRunning = c.state.Running;
  let ended = false;
  const stop = d.watch(() => {
    // removed, or replaced by a restored snapshot
    const gone = d.state.containers[c.id] !== c;
    if (c.state.Running && !gone) seenRunning = true;
    else if (!ended && (seenRunning || gone)) {
      ended = true;
      stop();
      end(c.state.ExitCode);
    }
  });
  return stop;
}

/**
 * POST /containers/{id}/attach with stdin on a TTY container: the main process's terminal. A shell's
 * session is created on first attach (before `start`, for `run -it`) and found again by later ones.
 */
export function attachTty(d: Daemon, c: ContainerRecord): InteractiveStream {
  const existing = mainTtys.get(c);
  if (existing && existing.feed.exitCode === null) {
    existing.feed.redraw();
    return existing.stream;
  }
  const kind = shellKind([c.path, ...c.args], baseOf(d, c));
  if (!kind) return outputTerminal(d, c);
  const drawnBefore = c.state.Running;
  const tty = shellTerminal(d, c, kind, (code) => {
    mainTtys.delete(c);
    // `exit N` ends PID 1: the container stops with N (die event, --rm, restart policy)
    if (c.state.Running && d.state.containers[c.id] === c) processExited(d, c, code, d.now());
  });
  // a main shell already running (`run -dit`) drew its prompt unseen: attaching redraws it
  if (drawnBefore) tty.feed.heldAsRedraw();
  mainTtys.set(c, tty);
  return tty.stream;
}

/** The TTY of a main process that is not a shell: its output from now on; Ctrl-C sends SIGINT. */
function outputTerminal(d: Daemon, c: ContainerRecord): InteractiveStream {
  const feed = new TerminalFeed();
  let cursor = c.logs.length;
  const pump = () => {
    for (; cursor < c.logs.length; cursor++) {
      const l = c.logs[cursor]!;
      feed.emit(l.text.replace(/\r$/, '') + (l.partial ? '' : '\r\n'));
    }
  };
  const unwatchLogs = d.watch(pump);
  const unwatchExit = endWithContainer(d, c, (code) => {
    pump();
    unwatchLogs();
    feed.exit(code);
  });
  return {
    write(text) {
      if (text.includes('\x03') && c.state.Running && !c.state.Paused) {
        feed.emit('^C');
        deliverSignal(d, c, 'INT', d.now());
      }
    },
    onData: (listener) => feed.onData(listener),
    onExit: (listener) => feed.onExit(listener),
    resize() {},
    close() {
      unwatchLogs();
      unwatchExit();
    },
  };
}

/**
 * POST /exec/{id}/start of a TTY exec with stdin attached whose command is a shell: its session.
 * Undefined for any other command (it runs as a plain exec, its output written through the TTY).
 */
export function startExecSession(d: Daemon, x: ExecRecord): InteractiveStream | undefined {
  const c = d.state.containers[x.containerId];
  if (!c) return undefined;
  const kind = shellKind(x.argv, baseOf(d, c));
  // a shell the image does not have (`bash` in busybox) fails as a plain exec does
  if (!kind || 'failure' in launchExec(x.argv, programContext(d, c, d.now()))) return undefined;
  if (x.running || x.exitCode !== null) throw conflict(`Error: Exec command ${x.id} is already running`);
  if (!c.state.Running || c.state.Paused) throw conflict(`container ${c.id} is not running`);
  x.pid = ++d.state.lastPid;
  x.running = true;
  containerEvent(d, c, `exec_start: ${x.argv.join(' ')}`, { execID: x.id });
  return shellTerminal(
    d,
    c,
    kind,
    (code) => {
      if (!x.running) return; // the container stopped first: its exec processes died with it
      Object.assign(x, { running: false, exitCode: code });
      containerEvent(d, c, 'exec_die', { execID: x.id, exitCode: String(code) });
    },
    x,
  ).stream;
}
