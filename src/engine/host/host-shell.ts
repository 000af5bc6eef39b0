// The learner's own machine in the terminal: a bash-like shell over the simulated host folder. Every
// line that is not a plain `docker …` command runs here (pipes, `;`, redirections, `cd`, `$(pwd)` …);
// `docker` inside such a line is a program like any other, so `docker ps -q | wc -l` works. The shell
// is rebuilt for each line from plain JSON (variables, cwd, history), so snapshot/restore round-trips.
import type { ApiTraceEntry } from '../api/http';
import type { ExecResult, OutputChunk } from '../engine';
import { APPLETS } from '../shell/applets';
import { BUILTINS } from '../shell/builtins';
import { commandRunner } from '../shell/commands';
import { FLAVOURS } from '../shell/flavours';
import { Shell, type Builtin, type CommandRunner } from '../shell/interpreter';
import type { Io, Writer } from '../shell/io';
import { appendChunk, streamText } from '../output-chunks';
import { runToEnd } from '../shell/run';
import type { SystemServices } from '../shell/services';
import { HOST_BUILTINS, type HostLineEffects } from './builtins';

/** What the host shell keeps between lines: plain JSON, part of the engine snapshot. */
export interface HostShellState {
  cwd: string;
  /** shell variables, exported or not (`name=web` on one line, `docker run --name $name` on the next) */
  vars: Record<string, string>;
  exported: string[];
  /** every line the terminal ran, oldest first (`history`) */
  history: string[];
}

export const HOST_USER = { name: 'learner', uid: 1000, gid: 1000 };
const HOST_HOME = '/home/learner';
/** $$ of the learner's login shell */
export const HOST_SHELL_PID = 2417;
/** the history bash keeps in memory (HISTSIZE) */
const HISTORY_LIMIT = 500;

export function newHostShellState(cwd: string, hostname: string): HostShellState {
  const env = {
    HOME: HOST_HOME,
    USER: HOST_USER.name,
    LOGNAME: HOST_USER.name,
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    HOSTNAME: hostname,
  };
  return { cwd, vars: { ...env, PWD: cwd }, exported: [...Object.keys(env), 'PWD'], history: [] };
}

/** The docker CLI as a program of the host (the engine runs it without a terminal and without streams). */
export type DockerProgram = (args: string[], cwd: string) => ExecResult;

export interface HostShellDeps {
  /** the host's services, looked up per line (the daemon state behind them changes on restore) */
  sys(): SystemServices;
  now(): number;
  docker: DockerProgram;
}

export interface HostLineResult extends HostLineEffects {
  output: OutputChunk[];
  exit: number;
  trace: ApiTraceEntry[];
  /** simulated time the line took (`sleep 2`), for the engine clock */
  elapsedMs: number;
}

/** Program names of the host: every applet but Alpine's package manager. */
const NOT_ON_HOST = new Set(['apk']);
const isHostApplet = (name: string) => Object.hasOwn(APPLETS, name) && !NOT_ON_HOST.has(name);

export class HostShell {
  state: HostShellState;

  constructor(
    private readonly deps: HostShellDeps,
    initial: HostShellState,
  ) {
    this.state = structuredClone(initial);
  }

  prompt(): string {
    const { cwd, vars } = this.state;
    const home = vars['HOME'] ?? '';
    const where = home && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
    return `${HOST_USER.name}@${this.deps.sys().hostname}:${where}$ `;
  }

  /** Records a line in the history (the engine does it for every line, docker lines included). */
  remember(line: string): void {
    if (line.trim() === '') return;
    this.state.history.push(line);
    if (this.state.history.length > HISTORY_LIMIT) this.state.history.splice(0, this.state.history.length - HISTORY_LIMIT);
  }

  /** Runs one line; never throws for anything the learner types. */
  run(line: string): HostLineResult {
    const output: OutputChunk[] = [];
    const writer = (stream: OutputChunk['stream']): Writer => ({ write: (text) => appendChunk(output, stream, text) });
    const trace: ApiTraceEntry[] = [];
    const effects: HostLineEffects = {};
    const sh = this.shell(trace, effects);
    // a terminal's stdin delivers nothing to a command that reads it without input typed ahead
    const io: Io = { stdin: '', stdout: writer('stdout'), stderr: writer('stderr') };
    const ended = runToEnd(sh, () => sh.source(line, io));
    let exit: number;
    if ('forever' in ended) {
      // something that never ends by itself (`ping`, `sleep infinity`): the terminal gets it as interrupted
      const stopped = ended.forever.interrupted?.(0);
      for (const l of stopped?.lines ?? []) (l.stream === 'stdout' ? io.stdout : io.stderr).write(l.text + (l.partial ? '' : '\n'));
      io.stderr.write('^C\n');
      exit = stopped?.code ?? 130;
    } else exit = ended.code;
    this.save(sh);
    return { output, exit, trace, elapsedMs: sh.t, ...effects };
  }

  /** The stdout of `inner` as a command substitution of a plain docker line (`-v $(pwd):/app`). */
  capture(inner: string): string {
    return streamText(this.run(inner).output, 'stdout');
  }

  private shell(trace: ApiTraceEntry[], effects: HostLineEffects): Shell {
    const { cwd, vars, exported } = this.state;
    const builtins: Record<string, Builtin> = { ...BUILTINS };
    for (const [name, make] of Object.entries(HOST_BUILTINS)) builtins[name] = make(this.state, effects);
    const sh = new Shell({
      flavour: FLAVOURS.bash,
      sys: this.deps.sys(),
      env: vars,
      cwd,
      now: this.deps.now(),
      pid: HOST_SHELL_PID,
      interactive: true,
      builtins,
      commands: this.commands(trace),
    });
    sh.state.exported = new Set(exported);
    return sh;
  }

  private save(sh: Shell): void {
    this.state.cwd = sh.state.cwd;
    this.state.vars = Object.fromEntries(sh.state.vars);
    this.state.exported = [...sh.state.exported].filter((name) => sh.state.vars.has(name));
  }

  /**
   * The host has coreutils and curl installed (the applets, wherever the host folder keeps no /usr/bin)
   * and the docker CLI; scripts in the host folder run through the shell's own lookup.
   */
  private commands(trace: ApiTraceEntry[]): CommandRunner {
    const files = commandRunner(() => undefined);
    return {
      which: (sh, name) => (name === 'docker' || isHostApplet(name) ? `/usr/bin/${name}` : files.which(sh, name)),
      run: (sh, argv, io, env) => {
        const name = argv[0]!;
        if (name === 'docker' || name === '/usr/bin/docker') {
          const r = this.deps.docker(argv.slice(1), sh.state.cwd);
          trace.push(...r.trace);
          for (const c of r.output) (c.stream === 'stdout' ? io.stdout : io.stderr).write(c.text);
          return r.exit;
        }
        const base = name.startsWith('/usr/bin/') ? name.slice('/usr/bin/'.length) : name;
        if (isHostApplet(base) && (base === name || sh.fs.stat(name) === null)) return APPLETS[base]!(sh.appletContext(argv, io, env));
        return files.run(sh, argv, io, env);
      },
    };
  }
}
