// Executable resolution (as runc does it: a name is looked up in $PATH, a path must exist and be a
// file) and the program table of each kind of image: its shells and application programs. Everything
// else (applets, scripts) runs through the shell's command runner over the container's file system.
// The result is a ProcessPlan or the OCI error the daemon reports when the process cannot start.
import { resolvePath } from '../../fs/types';
import { runCommand, runShellCommand, type ShellOptions } from '../../shell/run';
import type { ShellKind } from '../../shell/flavours';
import { toPlan, exited, notSimulated, type BaseSystem, type Program, type ProgramContext, type Run } from './program';
import type { ProcessPlan, StartFailure } from './plan';
import { goBinary, goTool, isGoBinary } from '../../builder/go-tool';
import { npmTool, pipTool } from '../../builder/package-tools';
import { hello } from './programs/hello';
import { interpreter } from './programs/interpreters';
import { redisCli } from './programs/clients';
import { apacheHttpd, busyboxHttpd, mysqld, nginx, postgres, redisServer, registry } from './programs/servers';

const KiB = 1024;

/** The shell (src/engine/shell) over the process's context: file system, services, clock, stdin. */
export function shellOptions(ctx: ProgramContext, kind: ShellKind = ctx.base === 'debian' ? 'dash' : 'ash'): ShellOptions {
  return {
    kind,
    sys: ctx.sys,
    env: ctx.env,
    cwd: ctx.workingDir || '/',
    now: ctx.now,
    pid: 1,
    // without -i stdin is /dev/null; with it open and no client, a reader waits
    stdin: ctx.stdinOpen ? null : '',
    programs: (argv, env, cwd) => imageProgram(argv, { ...ctx, env, workingDir: cwd }),
    minimal: !ctx.passwd,
  };
}

const shell = (kind: ShellKind): Program => (ctx, argv) => runShellCommand(argv, shellOptions(ctx, kind));

/** The shells each userland has, as programs (found even when a file tree does not list them). */
function shellsOf(base: BaseSystem): Record<string, Program> {
  if (base === 'none') return {};
  if (base === 'debian') return { sh: shell('dash'), dash: shell('dash'), bash: shell('bash') };
  return { sh: shell('ash'), ash: shell('ash'), ...(base === 'busybox' ? { httpd: busyboxHttpd } : {}) };
}

/** An official image's docker-entrypoint.sh: runs `defaultProgram` for option-only args, else execs them. */
const entrypoint = (defaultProgram: string): Program => (ctx, argv) => {
  const args = argv.slice(1);
  const words = args.length === 0 || args[0]!.startsWith('-') ? [defaultProgram, ...args] : args;
  return runProgram(words, ctx) ?? exited(127, { stream: 'stderr', text: `exec: ${words[0]}: not found` });
};

const APP_PROGRAMS: Record<string, Record<string, Program>> = {
  nginx: { nginx: nginx(false), 'docker-entrypoint.sh': (ctx, argv) => (argv[1] === 'nginx' ? nginx(true)(ctx, argv.slice(1)) : entrypoint('nginx')(ctx, argv)) },
  httpd: { 'httpd-foreground': apacheHttpd, httpd: apacheHttpd },
  redis: { 'redis-server': redisServer, 'docker-entrypoint.sh': entrypoint('redis-server'), 'redis-cli': redisCli },
  postgres: { postgres, 'docker-entrypoint.sh': entrypoint('postgres'), psql: (_c, a) => notSimulated(a.join(' ')) },
  mysql: { mysqld, 'docker-entrypoint.sh': entrypoint('mysqld'), mysql: (_c, a) => notSimulated(a.join(' ')) },
  node: { node: interpreter('node', 'node', 40 * 1024 * KiB), 'docker-entrypoint.sh': entrypoint('node'), npm: npmTool, npx: (_c, a) => notSimulated(a.join(' ')) },
  python: { python: interpreter('python', 'python', 9 * 1024 * KiB), python3: interpreter('python3', 'python', 9 * 1024 * KiB), pip: pipTool, pip3: pipTool },
  golang: { go: goTool },
  registry: { registry, 'entrypoint.sh': registry },
  'hello-world': { hello },
};

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/'];
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

type LookupError = 'not-found' | 'no-such-file' | 'permission-denied';

/** The programs of each kind of image, built once per kind (programs are stateless functions). */
const tables = new Map<string, Record<string, Program>>();

function programTable(base: BaseSystem, app: string): Record<string, Program> {
  const key = `${base}/${app}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = { ...shellsOf(base), ...(APP_PROGRAMS[app] ?? {}) }));
  return table;
}

/** An image program of the table, by the name it is exec'd as (its basename for a path). */
function imageProgram(argv: string[], ctx: ProgramContext): Run | undefined {
  const table = programTable(ctx.base, ctx.app);
  const name = argv[0]!.replace(/^.*\//, '');
  if (Object.hasOwn(table, name)) return table[name]!(ctx, argv);
  return goBinaryAt(argv[0]!, ctx)?.(ctx, argv);
}

/** A binary `go build` made (builder/go-tool.ts), found by path or on $PATH: it runs what its source says. */
function goBinaryAt(name: string, ctx: ProgramContext): Program | undefined {
  const fs = ctx.sys.fs;
  const dirs = name.includes('/') ? [''] : (ctx.env['PATH'] ?? DEFAULT_PATH).split(':');
  for (const dir of dirs) {
    const path = resolvePath(ctx.workingDir || '/', dir ? `${dir}/${name}` : name);
    if (fs.stat(path)?.type !== 'file') continue;
    const content = fs.readFile(path);
    return isGoBinary(content) ? goBinary(content) : undefined;
  }
  return undefined;
}

/**
 * runc's executable lookup: a name on the container's PATH, a path as it is (a directory cannot be
 * exec'd). The image's own programs count as present where its file tree does not list them.
 */
function lookup(name: string, ctx: ProgramContext): LookupError | undefined {
  const fs = ctx.sys.fs;
  const table = programTable(ctx.base, ctx.app);
  if (!name.includes('/')) {
    const onPath = (ctx.env['PATH'] ?? DEFAULT_PATH).split(':').some((dir) => fs.stat(resolvePath(ctx.workingDir || '/', `${dir}/${name}`))?.type === 'file');
    return onPath || Object.hasOwn(table, name) ? undefined : 'not-found';
  }
  const path = resolvePath(ctx.workingDir || '/', name);
  const st = fs.stat(path);
  if (st) return st.type === 'dir' ? 'permission-denied' : undefined;
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  return BIN_DIRS.includes(dir) && Object.hasOwn(table, path.slice(dir.length + (dir === '/' ? 0 : 1))) ? undefined : 'no-such-file';
}

/** Runs one command inside the container as its own process; undefined when it does not exist. */
export function runProgram(argv: string[], ctx: ProgramContext): Run | undefined {
  if (lookup(argv[0]!, ctx)) return undefined;
  return runCommand(argv, shellOptions(ctx)) ?? imageProgram(argv, ctx);
}

/** runc's wording for a process that cannot be exec'd. */
function execError(name: string, error: LookupError): string {
  if (error === 'not-found') return `exec: "${name}": executable file not found in $PATH`;
  if (error === 'permission-denied') return `exec: "${name}": permission denied`;
  return `exec: "${name}": stat ${name}: no such file or directory`;
}

/** The CLI's exit code for a failed start (moby/cli toStatusError). */
const failureCode = (error: string): number => (error === 'permission-denied' ? 126 : 127);

export type Launch = { plan: ProcessPlan } | { failure: StartFailure };

/** Plans a container's main process (`argv` = Entrypoint + Cmd). */
export function launchMain(argv: string[], ctx: ProgramContext): Launch {
  const run = runProgram(argv, ctx);
  if (!run) {
    const error = lookup(argv[0]!, ctx) ?? 'no-such-file';
    const message = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execError(argv[0]!, error)}: unknown`;
    return { failure: { message, exitCode: failureCode(error) } };
  }
  return { plan: toPlan(run) };
}

/** Plans a `docker exec` process; the failure message is what the CLI prints on stdout. */
export function launchExec(argv: string[], ctx: ProgramContext): { run: Run } | { failure: StartFailure } {
  // runc changes into `exec -w DIR` before anything else (the container's own WORKDIR exists: made at create)
  const cwd = ctx.workingDir ? ctx.sys.fs.stat(ctx.workingDir) : null;
  if (ctx.workingDir && cwd?.type !== 'dir') {
    const why = cwd ? 'not a directory' : 'no such file or directory';
    return { failure: { message: `OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${ctx.workingDir}") set in config.json failed: ${why}: unknown`, exitCode: 127 } };
  }
  const run = runProgram(argv, ctx);
  if (!run) {
    const error = lookup(argv[0]!, ctx) ?? 'no-such-file';
    const message = `OCI runtime exec failed: exec failed: unable to start container process: ${execError(argv[0]!, error)}: unknown`;
    return { failure: { message, exitCode: failureCode(error) } };
  }
  return { run };
}
