// Executable resolution (as runc does it: a name is looked up in $PATH, a path must exist and be a
// file) and the program table of each kind of image. The result is a ProcessPlan or the OCI error the
// daemon reports when the process cannot start.
import { toPlan, exited, notSimulated, type BaseSystem, type Program, type ProgramContext, type Run } from './program';
import type { ProcessPlan, StartFailure } from './plan';
import { basicPrograms } from './programs/basic';
import { hello } from './programs/hello';
import { repl } from './programs/interpreters';
import { apacheHttpd, busyboxHttpd, mysqld, nginx, postgres, redisServer, registry } from './programs/servers';
import { runScript, type ShellFlavour } from './shell';

const KiB = 1024;

/** Real programs of the userland that the model cannot run without a file system (runtime issue). */
const COMMON_TOOLS = [
  'ls', 'cat', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'find', 'grep', 'sed', 'awk',
  'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'xargs', 'du', 'df', 'ps', 'kill', 'top', 'free',
  'mount', 'which', 'tar', 'gzip', 'gunzip', 'stat', 'readlink', 'basename', 'dirname', 'test', '[', 'seq',
  'yes', 'more', 'less', 'vi', 'diff', 'md5sum', 'sha256sum', 'base64', 'nproc', 'tty', 'stty', 'clear',
];
const BUSYBOX_ONLY = ['wget', 'ping', 'nslookup', 'nc', 'ifconfig', 'ip', 'netstat', 'route', 'traceroute', 'telnet'];

const flavours: Record<'busybox' | 'dash' | 'bash', ShellFlavour> = {
  busybox: { notFound: (n) => `sh: ${n}: not found`, syntaxError: (m) => `sh: ${m}`, missingScript: 'sh: -c requires an argument' },
  dash: { notFound: (n) => `sh: 1: ${n}: not found`, syntaxError: (m) => `sh: 1: ${m}`, missingScript: 'sh: 0: -c requires an argument' },
  bash: { notFound: (n) => `bash: line 1: ${n}: command not found`, syntaxError: (m) => `bash: -c: line 1: ${m}`, missingScript: 'bash: -c: option requires an argument' },
};

/** `sh -c 'script'` runs the script; `sh` alone reads stdin; `sh file` needs the file system. */
const shell = (name: string, flavour: ShellFlavour): Program => (ctx, argv) => {
  const c = argv.indexOf('-c');
  if (c > 0) {
    const script = argv[c + 1];
    if (script === undefined) return exited(2, { stream: 'stderr', text: flavour.missingScript });
    return runScript(script, ctx, flavour, (words, inner) => runProgram(words, inner));
  }
  return repl(name, 500 * KiB)(ctx, argv.filter((a) => !/^-[il]+$/.test(a)));
};

function programsOf(base: BaseSystem): Record<string, Program> {
  if (base === 'none') return {};
  const table: Record<string, Program> = { ...basicPrograms };
  for (const tool of COMMON_TOOLS) table[tool] = (_ctx, argv) => notSimulated(argv.join(' '));
  if (base === 'debian') {
    table['sh'] = shell('sh', flavours.dash);
    table['bash'] = shell('bash', flavours.bash);
    for (const tool of ['apt-get', 'apt', 'dpkg']) table[tool] = (_ctx, argv) => notSimulated(argv.join(' '));
  } else {
    table['sh'] = table['ash'] = shell('sh', flavours.busybox);
    table['httpd'] = busyboxHttpd;
    for (const tool of BUSYBOX_ONLY) table[tool] = (_ctx, argv) => notSimulated(argv.join(' '));
    if (base === 'alpine') table['apk'] = (_ctx, argv) => notSimulated(argv.join(' '));
  }
  return table;
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
  redis: { 'redis-server': redisServer, 'docker-entrypoint.sh': entrypoint('redis-server'), 'redis-cli': (_c, a) => notSimulated(a.join(' ')) },
  postgres: { postgres, 'docker-entrypoint.sh': entrypoint('postgres'), psql: (_c, a) => notSimulated(a.join(' ')) },
  mysql: { mysqld, 'docker-entrypoint.sh': entrypoint('mysqld'), mysql: (_c, a) => notSimulated(a.join(' ')) },
  node: { node: repl('node', 40 * 1024 * KiB), 'docker-entrypoint.sh': entrypoint('node'), npm: (_c, a) => notSimulated(a.join(' ')), npx: (_c, a) => notSimulated(a.join(' ')) },
  python: { python: repl('python', 9 * 1024 * KiB), python3: repl('python3', 9 * 1024 * KiB), pip: (_c, a) => notSimulated(a.join(' ')) },
  golang: { go: (_c, a) => notSimulated(a.join(' ')) },
  registry: { registry, 'entrypoint.sh': registry },
  'hello-world': { hello },
};

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/'];
/** Well-known directories: exec'ing one fails with EACCES, as `docker run busybox /etc` shows. */
const DIRECTORIES = new Set(['/', '/bin', '/etc', '/home', '/root', '/tmp', '/usr', '/var', '/dev', '/proc', '/sys', '/lib', '/sbin', '/opt', '/srv', '/mnt']);

type Lookup = { program: Program } | { error: 'not-found' | 'no-such-file' | 'permission-denied' };

/** The programs of each kind of image, built once per kind (programs are stateless functions). */
const tables = new Map<string, Record<string, Program>>();

function programTable(base: BaseSystem, app: string): Record<string, Program> {
  const key = `${base}/${app}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = { ...programsOf(base), ...(APP_PROGRAMS[app] ?? {}) }));
  return table;
}

function lookup(name: string, ctx: ProgramContext): Lookup {
  const table = programTable(ctx.base, ctx.app);
  if (!name.includes('/')) {
    const program = Object.hasOwn(table, name) ? table[name] : undefined;
    return program ? { program } : { error: 'not-found' };
  }
  const path = name.replace(/\/+$/, '') || '/';
  if (DIRECTORIES.has(path)) return { error: 'permission-denied' };
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const base = path.slice(slash + 1);
  const program = BIN_DIRS.includes(dir) && Object.hasOwn(table, base) ? table[base] : undefined;
  return program ? { program } : { error: 'no-such-file' };
}

/** Runs one command inside the container (shells use this for each simple command). */
export function runProgram(argv: string[], ctx: ProgramContext): Run | undefined {
  const found = lookup(argv[0]!, ctx);
  return 'program' in found ? found.program(ctx, argv) : undefined;
}

/** runc's wording for a process that cannot be exec'd. */
function execError(name: string, error: 'not-found' | 'no-such-file' | 'permission-denied'): string {
  if (error === 'not-found') return `exec: "${name}": executable file not found in $PATH`;
  if (error === 'permission-denied') return `exec: "${name}": permission denied`;
  return `exec: "${name}": stat ${name}: no such file or directory`;
}

/** The CLI's exit code for a failed start (moby/cli toStatusError). */
const failureCode = (error: string): number => (error === 'permission-denied' ? 126 : 127);

export type Launch = { plan: ProcessPlan } | { failure: StartFailure };

/** Plans a container's main process (`argv` = Entrypoint + Cmd). */
export function launchMain(argv: string[], ctx: ProgramContext): Launch {
  const found = lookup(argv[0]!, ctx);
  if ('error' in found) {
    const message = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execError(argv[0]!, found.error)}: unknown`;
    return { failure: { message, exitCode: failureCode(found.error) } };
  }
  return { plan: toPlan(found.program(ctx, argv)) };
}

/** Plans a `docker exec` process; the failure message is what the CLI prints on stdout. */
export function launchExec(argv: string[], ctx: ProgramContext): { run: Run } | { failure: StartFailure } {
  const found = lookup(argv[0]!, ctx);
  if ('error' in found) {
    const message = `OCI runtime exec failed: exec failed: unable to start container process: ${execError(argv[0]!, found.error)}: unknown`;
    return { failure: { message, exitCode: failureCode(found.error) } };
  }
  return { run: found.program(ctx, argv) };
}
