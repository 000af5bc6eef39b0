// Executes the syntax tree. The shell runs a whole script at once, against a simulated clock: output is
// stamped with the offset at which it is written, `sleep` moves the clock on, and a program that never
// ends by itself (a server, `sleep infinity`, `tail -f`, an endless loop) stops the run with a Forever.
import { FsError, resolvePath } from '../fs/types';
import { SIGNAL_NUMBERS, type PlannedLine } from '../daemon/process/plan';
import { Expander, ExpansionError, type ExpandHost } from './expand';
import type { Flavour, Where } from './flavours';
import { Buffer, DISCARD, ForeverSignal, Timeline, type Io, type Writer } from './io';
import { parse } from './parser';
import { glob, patternSource } from './pattern';
import type { SystemServices } from './services';
import { cloneState, environment, newState, type ShellState } from './state';
import { ShellSyntaxError, type Command, type List, type Pipeline, type Redir } from './syntax';
import type { AppletContext } from './applets/types';

/** `exit`, or a fatal error in a non-interactive shell */
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

export type Builtin = (sh: Shell, argv: string[], io: Io) => number;

/** How the shell finds and runs what is not a builtin or function (see commands.ts). */
export interface CommandRunner {
  /**
   * runs argv[0] as a program; undefined when it does not exist (the shell says "not found").
   * `inPlace`: the program replaces the calling process (exec), keeping its PID.
   */
  run(sh: Shell, argv: string[], io: Io, env: Record<string, string>, inPlace?: boolean): number | undefined;
  which(sh: Shell, name: string): string | undefined;
}

export interface ShellConfig {
  flavour: Flavour;
  sys: SystemServices;
  env: Record<string, string>;
  cwd: string;
  /** ms since epoch when the shell starts */
  now: number;
  /** $$ */
  pid: number;
  /** $0 and the positional parameters */
  argv0?: string;
  args?: string[];
  interactive: boolean;
  builtins: Record<string, Builtin>;
  commands: CommandRunner;
  /** the busybox-static import (see AppletContext.minimal) */
  minimal?: boolean;
}

/**
 * A loop that takes no simulated time counts as endless (a busy `while :; do :; done`) after this many
 * iterations or this much real computing time, whichever comes first: the browser must stay responsive.
 */
const LOOP_LIMIT = 100_000;
const LOOP_BUDGET_MS = 300;
/** how fast data moves through pipes and substitutions (200 MB/s) */
const BYTES_PER_MS = 200_000;
const IGNORED_BY_DEFAULT = new Set(['CHLD', 'CONT', 'URG', 'WINCH']);
/** a loop that has run this long without settling into the same output repeats its last iteration */
const STEADY_AFTER_MS = 600_000;

export class Shell implements ExpandHost {
  state: ShellState;
  /** ms since the shell started */
  t = 0;
  /** lines read before the current source (an interactive shell counts its input lines) */
  lineBase = 0;
  /** how the shell was started, as $- shows it: `c` for a -c string, `i` interactive (bash adds its own) */
  modeFlags = '';
  /** the command lines an interactive session ran, for `history` */
  readonly history: string[] = [];
  /** the most memory a program it ran declared (bytes), for `docker stats` and the OOM killer */
  peakMemory = 0;
  /** the most data it held at once (a pipe's or a `$(…)`'s text), on top of that */
  dataPeak = 0;
  line = 1;
  readonly timeline: Timeline;
  readonly expander: Expander;
  /** status of the last command substitution (an assignment-only command returns it) */
  private substStatus: number | undefined;
  private currentStderr: Writer = DISCARD;
  private conditionDepth = 0;
  /** single-letter options of `set` (-e is the one that changes execution) */
  readonly options = new Set<string>();
  private backgroundPids = 0;

  constructor(readonly config: ShellConfig) {
    this.state = newState(config.env, config.cwd || '/', config.args ?? []);
    if (!this.state.vars.has('IFS')) this.state.vars.set('IFS', ' \t\n');
    this.state.vars.set('PWD', this.state.cwd);
    this.timeline = new Timeline(() => this.t);
    this.expander = new Expander(this);
  }

  get flavour(): Flavour {
    return this.config.flavour;
  }
  get fs() {
    return this.config.sys.fs;
  }
  get where(): Where {
    return { line: this.lineBase + this.line, interactive: this.config.interactive };
  }
  now(): number {
    return this.config.now + this.t;
  }

  /** The process's own streams: the timeline. */
  topIo(stdin: string | null): Io {
    return { stdin, stdout: this.timeline.writer('stdout'), stderr: this.timeline.writer('stderr') };
  }

  /** Parses and runs `source`; syntax errors are reported like the real shell does. Returns $?. */
  source(src: string, io: Io): number {
    let list: List;
    try {
      list = parse(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      for (const l of this.flavour.syntax(e.problem, { line: this.lineBase + e.line, interactive: this.config.interactive }, src)) io.stderr.write(l + '\n');
      this.state.status = 2;
      if (!this.config.interactive) throw new ExitSignal(2);
      return 2;
    }
    return this.list(list, io);
  }

  // ---- ExpandHost ------------------------------------------------------------------------------

  lookup(name: string): string | undefined {
    const s = this.state;
    switch (name) {
      case '?': return String(s.status);
      case '$': return String(this.config.pid);
      case '#': return String(s.positional.length);
      case '!': return s.lastBackground === undefined ? '' : String(s.lastBackground);
      case '-': return [...this.options].join('') + this.modeFlags;
      case '0': return this.config.argv0 ?? this.flavour.name;
      case 'PPID': return s.vars.get('PPID') ?? String(this.config.pid === 1 ? 0 : 1);
    }
    if (/^\d+$/.test(name)) return s.positional[Number(name) - 1];
    return s.vars.get(name);
  }

  assign(name: string, value: string): void {
    if (this.state.readonly.has(name)) {
      this.currentStderr.write(this.flavour.error(`${name}: is read only`, this.where) + '\n');
      throw new ExitSignal(2);
    }
    this.state.vars.set(name, value);
    if (name === 'PWD') this.state.cwd = value;
  }

  positional(): string[] {
    return this.state.positional;
  }

  substitute(script: string): string {
    const out = new Buffer();
    this.substStatus = this.subshell(() => this.source(script, { stdin: '', stdout: out, stderr: this.currentStderr }));
    this.holding(out.text);
    return out.text;
  }

  glob(pattern: string): string[] {
    return glob(pattern, this.state.cwd, this.fs);
  }

  /** Big data takes time to move and memory to hold (`head -c 20000000 /dev/zero | tr …`). */
  private holding(text: string): void {
    this.dataPeak = Math.max(this.dataPeak, text.length);
    this.t += Math.floor(text.length / BYTES_PER_MS);
  }

  // ---- execution --------------------------------------------------------------------------------

  /** Runs `fn` on a copy of the state (a subshell); `exit` inside ends only the subshell. */
  subshell(fn: () => number): number {
    const saved = this.state;
    this.state = cloneState(saved);
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    } finally {
      this.state = saved;
    }
  }

  list(list: List, io: Io): number {
    for (const item of list) {
      if (item.background) this.background(() => this.andOr(item.andOr, { stdin: '', stdout: DISCARD, stderr: DISCARD }));
      else this.andOr(item.andOr, io);
    }
    return this.state.status;
  }

  /** An if/while/until condition: `set -e` does not apply inside it. */
  private condition(list: List, io: Io): number {
    this.conditionDepth++;
    try {
      return this.list(list, io);
    } finally {
      this.conditionDepth--;
    }
  }

  /** `cmd &`: runs now in a subshell without output or time, even if it never ends. */
  private background(fn: () => number): void {
    const t = this.t;
    this.subshell(() => {
      try {
        return fn();
      } catch (e) {
        if (e instanceof ForeverSignal) return 0;
        throw e;
      }
    });
    this.t = t;
    this.state.lastBackground = this.config.pid + ++this.backgroundPids;
    this.state.status = 0;
  }

  private andOr(andOr: { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] }, io: Io): number {
    let status = this.pipeline(andOr.first, io);
    let last = andOr.first;
    for (const { op, pipeline } of andOr.rest) {
      if ((op === '&&') === (status === 0)) {
        status = this.pipeline(pipeline, io);
        last = pipeline;
      }
    }
    // set -e: a failing command ends the shell, unless it was tested (a condition, a non-final part
    // of && / ||, or negated with !)
    const tested = this.conditionDepth > 0 || last.bang || last !== (andOr.rest.at(-1)?.pipeline ?? andOr.first);
    if (status !== 0 && this.options.has('e') && !tested) throw new ExitSignal(status);
    return status;
  }

  private pipeline(p: Pipeline, io: Io): number {
    let status: number;
    if (p.cmds.length === 1) status = this.command(p.cmds[0]!, io);
    else {
      let stdin = io.stdin;
      status = 0;
      p.cmds.forEach((cmd, k) => {
        const last = k === p.cmds.length - 1;
        const out = last ? io.stdout : new Buffer();
        status = this.subshell(() => this.command(cmd, { stdin, stdout: out, stderr: io.stderr }));
        if (!last) {
          stdin = (out as Buffer).text;
          this.holding(stdin);
        }
      });
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.state.status = status;
    return status;
  }

  command(cmd: Command, io: Io): number {
    let status: number;
    switch (cmd.type) {
      case 'simple':
        this.line = cmd.line;
        status = this.simple(cmd, io);
        break;
      case 'func':
        this.state.functions.set(cmd.name, cmd.body);
        status = 0;
        break;
      default: {
        const redirected = this.redirect(cmd.redirs, io);
        if (!redirected) status = 1;
        else status = this.compound(cmd, redirected);
      }
    }
    this.state.status = status;
    return status;
  }

  private compound(cmd: Exclude<Command, { type: 'simple' | 'func' }>, io: Io): number {
    switch (cmd.type) {
      case 'group':
        return cmd.subshell ? this.subshell(() => this.list(cmd.body, io)) : this.list(cmd.body, io);
      case 'if': {
        for (const clause of cmd.clauses) {
          if (this.condition(clause.cond, io) === 0) return this.list(clause.body, io);
        }
        return cmd.otherwise ? this.list(cmd.otherwise, io) : 0;
      }
      case 'for': {
        const items = cmd.items === null ? [...this.state.positional] : cmd.items.flatMap((w) => this.expandFields(w, io));
        let status = 0;
        for (const item of items) {
          this.assign(cmd.name, item);
          const r = this.loopBody(() => this.list(cmd.body, io));
          status = r.status;
          if (r.stop) break;
        }
        return status;
      }
      case 'loop':
        return this.loop(cmd, io);
      case 'case': {
        const word = this.expandString(cmd.word, io);
        for (const arm of cmd.arms) {
          if (arm.patterns.some((p) => new RegExp(`^${patternOf(this, p)}$`).test(word))) return this.list(arm.body, io);
        }
        return 0;
      }
    }
  }

  /** Runs a loop body, turning break/continue into whether the loop stops. */
  private loopBody(fn: () => number): { status: number; stop: boolean } {
    try {
      return { status: fn(), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: this.state.status, stop: e.kind === 'break' };
    }
  }

  /**
   * while/until. An endless loop becomes a Forever: once an iteration prints the same lines over the
   * same time as the one before (with the same variables), those lines repeat for ever from there.
   */
  private loop(cmd: Extract<Command, { type: 'loop' }>, io: Io): number {
    let status = 0;
    let previous: { signature: string; t: number; lines: number } | undefined;
    const loopStart = this.t;
    const started = Date.now();
    for (let n = 0; ; n++) {
      const start = { t: this.t, lines: this.timeline.lines.length };
      const cond = this.condition(cmd.cond, io);
      if ((cond === 0) === cmd.until) break;
      const r = this.loopBody(() => this.list(cmd.body, io));
      status = r.status;
      if (r.stop) break;
      const every = this.t - start.t;
      const lines = this.timeline.lines.slice(start.lines).map((l) => ({ ...l, at: l.at - start.t }));
      const signature = JSON.stringify([every, lines, [...this.state.vars]]);
      const steady = every > 0 && (previous?.signature === signature || this.t - loopStart >= STEADY_AFTER_MS);
      if (steady || (every === 0 && (n >= LOOP_LIMIT || (n % 1000 === 999 && Date.now() - started > LOOP_BUDGET_MS)))) {
        // rewind to where the repetition starts
        const from = previous && previous.signature === signature ? previous : start;
        this.timeline.lines.length = from.lines;
        this.t = from.t;
        throw new ForeverSignal(every > 0 ? { repeat: { every, lines } } : {});
      }
      previous = { signature, ...start };
    }
    return status;
  }

  // ---- simple commands ----------------------------------------------------------------------------

  private expandFields(word: string, io: Io): string[] {
    this.currentStderr = io.stderr;
    return this.expander.fields(word);
  }

  private expandString(word: string, io: Io): string {
    this.currentStderr = io.stderr;
    return this.expander.string(word);
  }

  /** An expansion error: the message, then a non-interactive shell exits with 2. */
  expansionFailed(e: ExpansionError, io: Io): number {
    // bash words both ${X?} and ${X:?} one way
    const message = this.flavour.kind === 'bash' ? e.message.replace(/parameter not set( or null)?$/, 'parameter null or not set') : e.message;
    io.stderr.write(this.flavour.error(message, this.where) + '\n');
    if (!this.config.interactive) throw new ExitSignal(2);
    return this.flavour.kind === 'bash' ? 1 : 2;
  }

  private simple(cmd: Extract<Command, { type: 'simple' }>, io: Io): number {
    let argv: string[];
    const assigns: [string, string][] = [];
    this.substStatus = undefined;
    try {
      argv = cmd.words.flatMap((w) => this.expandFields(w, io));
      for (const a of cmd.assigns) {
        const eq = a.indexOf('=');
        assigns.push([a.slice(0, eq), this.expandString(a.slice(eq + 1), io)]);
      }
    } catch (e) {
      if (e instanceof ExpansionError) return this.expansionFailed(e, io);
      throw e;
    }
    const alias = argv[0] !== undefined && this.state.aliases.get(argv[0]);
    if (alias) argv = [...alias.split(/\s+/).filter(Boolean).flatMap((w) => this.expander.fields(w)), ...argv.slice(1)];
    const redirected = this.redirect(cmd.redirs, io);
    if (!redirected) return 1;
    if (argv.length === 0) {
      for (const [name, value] of assigns) this.assign(name, value);
      return this.substStatus ?? 0;
    }
    return this.execute(argv, redirected, Object.fromEntries(assigns));
  }

  /** Runs an expanded command: function, builtin, then a program found on PATH. */
  execute(argv: string[], io: Io, prefix: Record<string, string> = {}, inPlace = false): number {
    const name = argv[0]!;
    const fn = this.state.functions.get(name);
    if (fn) return this.callFunction(fn, argv, io);
    const builtin = Object.hasOwn(this.config.builtins, name) ? this.config.builtins[name] : undefined;
    if (builtin) {
      // assignments before a builtin stay (as special builtins do in every shell we imitate)
      for (const [k, v] of Object.entries(prefix)) this.assign(k, v);
      return builtin(this, argv, io);
    }
    const status = this.config.commands.run(this, argv, io, environment(this.state, prefix), inPlace);
    if (status !== undefined) return status;
    io.stderr.write(this.notFound(name) + '\n');
    return 127;
  }

  notFound(name: string): string {
    if (name.includes('/') && this.flavour.kind === 'bash') return this.flavour.error(`${name}: No such file or directory`, this.where);
    return this.flavour.notFound(name, this.where);
  }

  private callFunction(body: Command, argv: string[], io: Io): number {
    const saved = this.state.positional;
    this.state.positional = argv.slice(1);
    try {
      return nested(() => this.command(body, io));
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.state.positional = saved;
    }
  }

  /** A context for an applet run by this shell (commands.ts). */
  appletContext(argv: string[], io: Io, env: Record<string, string>): AppletContext {
    return {
      argv,
      io,
      env,
      cwd: this.state.cwd,
      sys: this.config.sys,
      userland: this.flavour.userland,
      minimal: this.config.minimal ?? false,
      tty: this.config.interactive,
      now: () => this.now(),
      sleep: (ms) => {
        this.t += ms;
      },
      // `childEnv` replaces the environment (env -i, env A=1 CMD)
      exec: (args, childIo, childEnv) => this.subshell(() => {
        if (childEnv) {
          for (const k of this.state.exported) this.state.vars.delete(k);
          this.state.exported = new Set(Object.keys(childEnv));
          for (const [k, v] of Object.entries(childEnv)) this.state.vars.set(k, v);
        }
        return this.execute(args, childIo);
      }),
      which: (name) => this.config.commands.which(this, name),
    };
  }

  // ---- redirections -------------------------------------------------------------------------------

  /** Applies redirections; undefined (after printing why) when one fails. */
  private redirect(redirs: Redir[], io: Io): Io | undefined {
    if (redirs.length === 0) return io;
    const fds: Record<number, Writer> = { 1: io.stdout, 2: io.stderr };
    let stdin = io.stdin;
    for (const r of redirs) {
      const fd = r.fd ?? (r.op.startsWith('<') && r.op !== '<>' ? 0 : 1);
      try {
        if (r.heredoc) {
          stdin = r.heredoc.expand ? this.expander.heredoc(r.heredoc.body) : r.heredoc.body;
          continue;
        }
        const target = this.expandString(r.target, io);
        if (r.op === '>&' || r.op === '<&') {
          if (fd === 0) continue;
          fds[fd] = target === '-' ? DISCARD : (fds[Number(target)] ?? DISCARD);
        } else if (r.op === '<') {
          stdin = this.readRedirect(target);
        } else {
          fds[fd] = this.openWriter(target, r.op === '>>', fds);
        }
      } catch (e) {
        if (e instanceof ExpansionError) {
          this.expansionFailed(e, io);
          return undefined;
        }
        if (!(e instanceof FsError)) throw e;
        io.stderr.write(this.flavour.error(redirectMessage(this.flavour.kind, r.op === '<' ? 'open' : 'create', this.expander.string(r.target), e.code), this.where) + '\n');
        return undefined;
      }
    }
    return { stdin, stdout: fds[1]!, stderr: fds[2]! };
  }

  private readRedirect(target: string): string {
    if (target === '/dev/null') return '';
    const path = resolvePath(this.state.cwd, target);
    const st = this.fs.stat(path);
    if (!st) throw new FsError('ENOENT', path);
    if (st.type === 'dir') return '';
    return this.fs.readFile(path);
  }

  private openWriter(target: string, append: boolean, fds: Record<number, Writer>): Writer {
    if (target === '/dev/null') return DISCARD;
    if (target === '/dev/stdout') return fds[1]!;
    if (target === '/dev/stderr') return fds[2]!;
    const path = resolvePath(this.state.cwd, target);
    const st = this.fs.stat(path);
    if (st?.type === 'dir') throw new FsError('EISDIR', path);
    const parent = this.fs.stat(resolvePath(path, '..'));
    if (!parent) throw new FsError('ENOENT', path);
    if (!append || !st) this.fs.writeFile(path, '');
    return { write: (text) => this.fs.writeFile(path, text, { append: true }) };
  }

  /**
   * A signal the shell sends itself (`kill -TERM $$`): its trap runs; without one, PID 1 of a PID
   * namespace ignores it (even KILL, sent from inside), any other shell dies of it.
   */
  signalSelf(sig: string, io: Io): void {
    const handler = this.state.traps.get(sig);
    if (handler !== undefined) {
      if (handler !== '') this.source(handler, io);
      return;
    }
    if (this.config.pid === 1 || IGNORED_BY_DEFAULT.has(sig)) return;
    throw new ExitSignal(128 + SIGNAL_NUMBERS[sig]!);
  }

  // ---- results ------------------------------------------------------------------------------------

  /** The output lines written so far. */
  get output(): PlannedLine[] {
    return this.timeline.lines;
  }
}

/** how deep functions and nested shells may call each other before the shell crashes (its stack) */
const MAX_NESTING = 200;
let nesting = 0;
const SEGFAULT_STATUS = 139;

/** Runs `fn` one level deeper; endless recursion ends the shell as a stack overflow does (SIGSEGV). */
export function nested<T>(fn: () => T): T {
  if (nesting >= MAX_NESTING) throw new ExitSignal(SEGFAULT_STATUS);
  nesting++;
  try {
    return fn();
  } finally {
    nesting--;
  }
}

/** A case pattern's regex source: quoted parts literal. */
function patternOf(sh: Shell, raw: string): string {
  return patternSource(sh.expander.pattern(raw));
}

/** What each shell says when a redirection cannot open its file. */
function redirectMessage(kind: Flavour['kind'], what: 'open' | 'create', path: string, code: FsError['code']): string {
  const strerror: Record<string, string> = { ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EACCES: 'Permission denied', EROFS: 'Read-only file system', ENOTDIR: 'Not a directory' };
  const text = strerror[code] ?? code;
  if (kind === 'bash') return `${path}: ${text}`;
  if (kind === 'dash') return `cannot ${what} ${path}: ${code === 'ENOENT' ? (what === 'open' ? 'No such file' : 'Directory nonexistent') : text}`;
  return `can't ${what} ${path}: ${code === 'ENOENT' ? (what === 'open' ? 'no such file' : 'nonexistent directory') : text}`;
}
