// Finding and running what is not a builtin: a name is looked up on $PATH in the file system (which
// decides what an image has: /bin/ls is a symlink to /bin/busybox, or coreutils' own binary), a path
// is taken as it is. A found file runs as the applet of its name, as an image
// program of the daemon's table (nginx, node …), or as a shell script; image programs the base
// contents do not list are still found, so `docker run nginx nginx -v` works on any file tree.
import { renderLine } from '../daemon/process/plan';
import type { Run } from '../daemon/process/program';
import { resolvePath } from '../fs/types';
import { APPLETS } from './applets';
import type { ShellKind } from './flavours';
import { runShellCommand } from './run';
import { nested, type CommandRunner, type Shell } from './interpreter';
import { ForeverSignal, type Io } from './io';

/** an image program outside the shell (the daemon's program table); undefined when the image has none */
export type ProgramRunner = (argv: string[], env: Record<string, string>, cwd: string) => Run | undefined;

const ELF_MAGIC = '\x7fELF';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `PATH` lookup: the first directory holding `name` as a file (symlinks followed). */
export function whichPath(sh: Shell, name: string): string | undefined {
  if (name.includes('/')) return undefined;
  for (const dir of (sh.state.vars.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const path = resolvePath(sh.state.cwd, `${dir || '.'}/${name}`);
    if (sh.fs.stat(path)?.type === 'file') return path;
  }
  return undefined;
}

export function commandRunner(programs: ProgramRunner): CommandRunner {
  return {
    which: whichPath,
    run(sh, argv, io, env, inPlace) {
      const name = argv[0]!;
      let path: string | undefined;
      if (name.includes('/')) {
        path = resolvePath(sh.state.cwd, name);
        const st = sh.fs.stat(path);
        if (!st) return undefined;
        if (st.type === 'dir' || (st.mode & 0o111) === 0) {
          io.stderr.write(sh.flavour.error(`${name}: Permission denied`, sh.where) + '\n');
          return 126;
        }
      } else path = whichPath(sh, name);
      const base = (path ?? name).replace(/^.*\//, '');
      if (path && Object.hasOwn(APPLETS, base)) return APPLETS[base]!(sh.appletContext(argv, io, env));
      const shell = path && shellKind(base, sh.flavour.userland);
      if (shell) {
        const opts = { kind: shell, sys: sh.config.sys, env, cwd: sh.state.cwd, now: sh.now(), pid: inPlace ? sh.config.pid : sh.config.pid + 1, stdin: io.stdin, programs, minimal: sh.config.minimal ?? false };
        return replay(sh, nested(() => runShellCommand(argv, opts)), io);
      }
      const run = programs(argv, env, sh.state.cwd);
      if (run) return replay(sh, run, io);
      if (!path) return undefined;
      return script(sh, path, argv, io);
    },
  };
}

/** the shell a binary name stands for in this userland (`sh` is busybox ash, or dash on Debian) */
function shellKind(base: string, userland: 'busybox' | 'coreutils'): ShellKind | undefined {
  if (base === 'bash') return 'bash';
  if (base === 'dash') return 'dash';
  if (base === 'sh' || base === 'ash') return userland === 'busybox' ? 'ash' : 'dash';
  return undefined;
}

/** An image program's planned output, written at its offsets; one that keeps running stops the shell. */
function replay(sh: Shell, run: Run, io: Io): number {
  const start = sh.t;
  sh.peakMemory = Math.max(sh.peakMemory, run.memory ?? 0);
  for (const l of [...run.output].sort((a, b) => a.at - b.at)) {
    sh.t = start + l.at;
    const w = l.stream === 'stdout' ? io.stdout : io.stderr;
    if (w.line) w.line(l);
    else w.write(renderLine(l, sh.now()) + (l.partial ? '' : '\n'));
  }
  if (run.duration === Infinity) {
    throw new ForeverSignal({
      ...(run.repeat ? { repeat: { every: run.repeat.every, lines: run.repeat.lines } } : {}),
      ...(run.signals ? { signals: run.signals } : {}),
      ...(run.memory ? { memory: run.memory } : {}),
      ...(run.listens ? { listens: run.listens } : {}),
      ...(run.title ? { title: run.title } : {}),
      ...(run.children ? { children: run.children } : {}),
    });
  }
  sh.t = start + run.duration;
  return run.code;
}

/** A text file with `#!…sh` (or no #! line) runs in a subshell; anything else is a binary we cannot run. */
function script(sh: Shell, path: string, argv: string[], io: Io): number {
  const text = sh.fs.readFile(path);
  const shebang = /^#!\s*(\S+)/.exec(text)?.[1];
  if (shebang === undefined ? text.startsWith(ELF_MAGIC) || text.includes('\0') : !/\/(ba|da|a)?sh$/.test(shebang)) {
    io.stderr.write(`${argv[0]}: not available in the Dockhand simulator (only shell scripts and the image's known programs run)\n`);
    return 126;
  }
  return sh.subshell(() =>
    nested(() => {
      sh.state.positional = argv.slice(1);
      sh.state.functions = new Map();
      return sh.source(text, io);
    }),
  );
}
