// Runs the real `docker` CLI with an argv (never through a shell): in a pseudo-terminal when node-pty
// is installed (colours, progress bars, `-it`), else with plain pipes. Either way the child leads its
// own process group, so ending a terminal ends everything it started.
import { spawn } from 'node:child_process';

export interface ChildOptions {
  argv: string[];
  cwd: string;
  cols: number;
  rows: number;
  onData(data: string): void;
  onExit(code: number | null): void;
}

export interface Child {
  readonly pid: number;
  /** keystrokes: a terminal interprets Ctrl-C itself; pipes get it as SIGINT to the group */
  write(data: string): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  /** ends the whole process group */
  kill(): void;
}

export type Spawner = (opts: ChildOptions) => Child;

const killGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
};

/** the part of node-pty used here, typed locally: the package may be missing (see ptySpawner) */
interface PtyModule {
  spawn(file: string, args: string[], opts: { name: string; cols: number; rows: number; cwd: string; env: Record<string, string | undefined> }): {
    pid: number;
    onData(listener: (data: string) => void): void;
    onExit(listener: (e: { exitCode: number; signal?: number }) => void): void;
    write(data: string): void;
    resize(cols: number, rows: number): void;
    pause(): void;
    resume(): void;
  };
}

/**
 * node-pty, when it could be installed: it is an optional dependency compiled on install, so a machine
 * without a C++ toolchain has none, and the bridge runs commands through pipes instead.
 */
export async function ptySpawner(): Promise<Spawner | undefined> {
  const name = 'node-pty'; // a variable: nothing may require the module to exist at build or type-check time
  let pty: PtyModule;
  try {
    const mod = (await import(name)) as PtyModule & { default?: PtyModule };
    pty = mod.default ?? mod;
  } catch {
    return undefined;
  }
  return (o) => {
    const p = pty.spawn('docker', o.argv, { name: 'xterm-256color', cols: o.cols, rows: o.rows, cwd: o.cwd, env: { ...process.env, TERM: 'xterm-256color' } });
    p.onData(o.onData);
    p.onExit(({ exitCode, signal }) => o.onExit(signal ? null : exitCode));
    return {
      pid: p.pid,
      write: (d) => p.write(d),
      resize: (c, r) => p.resize(c, r),
      pause: () => p.pause(),
      resume: () => p.resume(),
      kill: () => killGroup(p.pid, 'SIGKILL'),
    };
  };
}

export const pipeSpawner: Spawner = (o) => {
  const p = spawn('docker', o.argv, { cwd: o.cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  for (const s of [p.stdout, p.stderr]) {
    s.setEncoding('utf8');
    s.on('data', o.onData);
  }
  p.stdin.on('error', () => {}); // the command may not read its input
  p.on('error', (e) => o.onData(`docker: ${e.message}\n`));
  p.on('close', (code) => o.onExit(code));
  return {
    pid: p.pid ?? -1,
    // what a terminal's line discipline would do: Ctrl-C interrupts, Ctrl-D ends the input, Enter is a newline
    write: (d) => {
      if (d.includes('\x03')) killGroup(p.pid!, 'SIGINT');
      else if (d === '\x04') p.stdin.end();
      else p.stdin.write(d.replace(/\r/g, '\n'));
    },
    resize: () => {},
    pause: () => (p.stdout.pause(), p.stderr.pause()),
    resume: () => (p.stdout.resume(), p.stderr.resume()),
    kill: () => killGroup(p.pid!, 'SIGKILL'),
  };
};
