// The shell's builtins: the commands that change the shell itself (cd, export, exit, set, trap …) and
// the ones every shell we imitate builds in (echo, printf, test, kill, pwd, read).
import { resolvePath } from '../fs/types';
import { normaliseSignal, SIGNAL_NUMBERS } from '../daemon/process/plan';
import { echo, printf } from './applets/print';
import { test } from './applets/test';
import { killArgs } from './applets/system';
import type { Applet } from './applets/types';
import { ExitSignal, LoopSignal, ReturnSignal, type Builtin, type Shell } from './interpreter';
import type { Io } from './io';

const say = (io: Io, text: string) => io.stdout.write(text + '\n');
const complain = (sh: Shell, io: Io, builtin: string, message: string) => io.stderr.write(sh.flavour.builtinError(builtin, message, sh.where) + '\n');

/** An applet run as a builtin, in the shell's cwd and environment. */
const asBuiltin = (applet: (sh: Shell) => Applet): Builtin => (sh, argv, io) => applet(sh)(sh.appletContext(argv, io, Object.fromEntries(sh.state.vars)));

const cd: Builtin = (sh, argv, io) => {
  const home = sh.state.vars.get('HOME') ?? '/';
  let target = argv[1] ?? home;
  if (target === '-') {
    target = sh.state.vars.get('OLDPWD') ?? sh.state.cwd;
    say(io, target);
  }
  const path = resolvePath(sh.state.cwd, target);
  const st = sh.fs.stat(path);
  if (!st || st.type !== 'dir') {
    const failure = sh.flavour.cdFailure(target, st ? 'Not a directory' : 'No such file or directory');
    complain(sh, io, 'cd', failure.message);
    return failure.status;
  }
  sh.state.vars.set('OLDPWD', sh.state.cwd);
  sh.state.cwd = path;
  sh.state.vars.set('PWD', path);
  return 0;
};

const exit: Builtin = (sh, argv, io) => {
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(sh.state.status);
  const valid = sh.flavour.kind === 'bash' ? /^[-+]?\d+$/ : /^\d+$/;
  if (!valid.test(arg)) {
    complain(sh, io, 'exit', sh.flavour.badExitNumber(arg));
    throw new ExitSignal(2);
  }
  throw new ExitSignal(((Number(arg) % 256) + 256) % 256);
};

/** `export`/`readonly`: NAME[=value]…, or the list when there are no operands. */
const declare = (kind: 'export' | 'readonly'): Builtin => (sh, argv, io) => {
  const names = argv.slice(1).filter((a) => a !== '-p');
  const flagged = kind === 'export' ? sh.state.exported : sh.state.readonly;
  if (names.length === 0) {
    for (const name of [...flagged].sort()) {
      const v = sh.state.vars.get(name);
      const shown = v === undefined ? '' : `='${v.replaceAll("'", "'\\''")}'`;
      say(io, sh.flavour.kind === 'bash' ? `declare -${kind === 'export' ? 'x' : 'r'} ${name}${v === undefined ? '' : `="${v}"`}` : `${kind} ${name}${shown}`);
    }
    return 0;
  }
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
    flagged.add(name);
  }
  return 0;
};

const unset: Builtin = (sh, argv, io) => {
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (sh.state.readonly.has(name)) {
      complain(sh, io, 'unset', `${name}: is read only`);
      return 1;
    }
    if (argv[1] === '-f') sh.state.functions.delete(name);
    else {
      sh.state.vars.delete(name);
      sh.state.exported.delete(name);
    }
  }
  return 0;
};

const set: Builtin = (sh, argv, io) => {
  if (argv.length === 1) {
    for (const [k, v] of [...sh.state.vars].sort(([a], [b]) => (a < b ? -1 : 1))) say(io, `${k}='${v.replaceAll("'", "'\\''")}'`);
    return 0;
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !/^[-+][a-zA-Z]+$/.test(a)) {
      sh.state.positional = argv.slice(a === '--' ? i + 1 : i);
      break;
    }
    if (a === '-o' || a === '+o') {
      const long = argv[++i];
      if (long === 'errexit') sh.options[a === '-o' ? 'add' : 'delete']('e');
      continue;
    }
    for (const f of a.slice(1)) sh.options[a.startsWith('-') ? 'add' : 'delete'](f);
  }
  return 0;
};

const shift: Builtin = (sh, argv, io) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0 || n > sh.state.positional.length) {
    if (sh.flavour.kind !== 'dash') return 1;
    complain(sh, io, 'shift', `can't shift that many`);
    throw new ExitSignal(2);
  }
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

const read: Builtin = (sh, argv, io) => {
  const names: string[] = [];
  let raw = false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-r') raw = true;
    else if (argv[i] === '-p') io.stderr.write(argv[++i] ?? '');
    else names.push(argv[i]!);
  }
  if (names.length === 0) names.push('REPLY');
  const input = io.stdin ?? '';
  if (input === '') return 1;
  const nl = input.indexOf('\n');
  let line = nl < 0 ? input : input.slice(0, nl);
  io.stdin = nl < 0 ? '' : input.slice(nl + 1);
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = sh.state.vars.get('IFS') ?? ' \t\n';
  const fields = line.replace(new RegExp(`^[${escapeClass(ifs)}]+`), '').split(new RegExp(`[${escapeClass(ifs)}]+`));
  names.forEach((name, k) => {
    const value = k === names.length - 1 ? fields.slice(k).join(' ') : (fields[k] ?? '');
    sh.assign(name, k === names.length - 1 ? value.replace(new RegExp(`[${escapeClass(ifs)}]+$`), '') : value);
  });
  return nl < 0 ? 1 : 0;
};

const escapeClass = (s: string) => s.replace(/[\\\]^-]/g, '\\$&').replace('\t', '\\t').replace('\n', '\\n');

const trap: Builtin = (sh, argv, io) => {
  if (argv.length === 1) {
    for (const [sig, handler] of sh.state.traps) say(io, `trap -- '${handler}' ${sig}`);
    return 0;
  }
  const [handler, ...signals] = argv.slice(1);
  for (const s of signals) {
    const sig = s === 'EXIT' || s === '0' ? 'EXIT' : normaliseSignal(s);
    if (!sig) {
      complain(sh, io, 'trap', `${s}: bad trap`);
      return 1;
    }
    if (handler === '-') sh.state.traps.delete(sig);
    else sh.state.traps.set(sig, handler!);
  }
  return 0;
};

/** `kill -l`: busybox numbers one a line, dash names one a line, bash a five-column table */
function listSignals(sh: Shell, io: Io): void {
  const names = Object.entries(SIGNAL_NUMBERS);
  if (sh.flavour.kind === 'ash') names.forEach(([name, n]) => say(io, `${String(n).padStart(2)}) ${name}`));
  else if (sh.flavour.kind === 'dash') names.forEach(([name]) => say(io, name));
  else {
    for (let k = 0; k < names.length; k += 5) say(io, names.slice(k, k + 5).map(([name, n]) => `${String(n).padStart(2)}) SIG${name}`).join('\t'));
  }
}

/** `kill [-s SIG|-SIG] PID…` / `kill -l`; a signal to the shell itself goes through its traps. */
const kill: Builtin = (sh, argv, io) => {
  if (argv[1] === '-l') {
    listSignals(sh, io);
    return 0;
  }
  const { signal, args } = killArgs(argv);
  // signal 0 only checks that the process exists
  const sig = signal === '0' ? '0' : normaliseSignal(signal);
  if (!sig) {
    io.stderr.write(sh.flavour.error(sh.flavour.kind === 'ash' ? `bad signal name '${signal}'` : `kill: ${signal}: invalid signal specification`, sh.where) + '\n');
    return 1;
  }
  if (args.length === 0) {
    io.stderr.write(sh.flavour.error(sh.flavour.kind === 'ash' ? 'you need to specify whom to kill' : 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', sh.where) + '\n');
    return sh.flavour.kind === 'ash' ? 1 : 2;
  }
  let status = 0;
  for (const a of args) {
    const pid = Number(a);
    if (pid === sh.config.pid) {
      if (sig !== '0') sh.signalSelf(sig, io);
      continue;
    }
    const error = !Number.isInteger(pid) ? 'No such process' : sig === '0' ? (sh.config.sys.processes().some((p) => p.pid === pid) ? '' : 'No such process') : sh.config.sys.kill(pid, sig);
    if (error) {
      const message = sh.flavour.kind === 'ash' ? `can't kill pid ${a}: ${error}` : sh.flavour.kind === 'dash' ? `kill: ${error}` : `kill: (${a}) - ${error}`;
      io.stderr.write(sh.flavour.error(message, sh.where) + '\n');
      status = 1;
    }
  }
  return status;
};

const type: Builtin = (sh, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const what = describe(sh, name);
    if (what) say(io, `${name} is ${what}`);
    else {
      if (sh.flavour.kind === 'bash') io.stderr.write(sh.flavour.builtinError('type', `${name}: not found`, sh.where) + '\n');
      else say(io, `${name}: not found`);
      status = sh.flavour.kind === 'bash' ? 1 : 127;
    }
  }
  return status;
};

function describe(sh: Shell, name: string): string | undefined {
  if (sh.state.aliases.has(name)) return `an alias for ${sh.state.aliases.get(name)}`;
  if (sh.state.functions.has(name)) return 'a function';
  if (['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}', '!'].includes(name)) return sh.flavour.kind === 'bash' ? 'a shell keyword' : 'a shell keyword';
  if (Object.hasOwn(BUILTINS, name)) return SPECIAL.has(name) ? 'a special shell builtin' : 'a shell builtin';
  return lookupPath(sh, name);
}

/** A command's path; ash runs busybox's own applets without exec'ing them, so it names them bare ("cat is cat"). */
function lookupPath(sh: Shell, name: string): string | undefined {
  const path = sh.config.commands.which(sh, name);
  if (path && sh.flavour.kind === 'ash' && /(^|\/)busybox$/.test(sh.fs.lstat(path)?.target ?? '')) return name;
  return path;
}

const SPECIAL = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset']);

const command: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    const verbose = args[0] === '-V';
    let status = 0;
    for (const name of args.slice(1)) {
      const found = sh.state.functions.has(name) || Object.hasOwn(BUILTINS, name) ? name : lookupPath(sh, name);
      if (!found) status = 1;
      else say(io, verbose ? `${name} is ${describe(sh, name)}` : found);
    }
    return status;
  }
  if (args.length === 0) return 0;
  const saved = sh.state.functions;
  sh.state.functions = new Map();
  try {
    return sh.execute(args, io);
  } finally {
    sh.state.functions = saved;
  }
};

const source: Builtin = (sh, argv, io) => {
  const file = argv[1];
  if (file === undefined) return 0;
  const path = file.includes('/') ? resolvePath(sh.state.cwd, file) : sh.config.commands.which(sh, file) ?? resolvePath(sh.state.cwd, file);
  const st = sh.fs.stat(path);
  if (!st || st.type !== 'file') {
    io.stderr.write(sh.flavour.error(sh.flavour.kind === 'bash' ? `${file}: No such file or directory` : `.: can't open '${file}'`, sh.where) + '\n');
    if (sh.flavour.kind !== 'bash' && !sh.config.interactive) throw new ExitSignal(2);
    return 1;
  }
  const saved = sh.state.positional;
  if (argv.length > 2) sh.state.positional = argv.slice(2);
  try {
    return sh.source(sh.fs.readFile(path), io);
  } finally {
    if (argv.length > 2) sh.state.positional = saved;
  }
};

const alias: Builtin = (sh, argv, io) => {
  if (argv.length === 1) {
    for (const [k, v] of sh.state.aliases) say(io, `${sh.flavour.kind === 'bash' ? 'alias ' : ''}${k}='${v}'`);
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.state.aliases.has(a)) say(io, `${a}='${sh.state.aliases.get(a)}'`);
    else {
      io.stderr.write(sh.flavour.builtinError('alias', `${a}: not found`, sh.where) + '\n');
      status = 1;
    }
  }
  return status;
};

const loopControl = (kind: 'break' | 'continue'): Builtin => (_sh, argv) => {
  throw new LoopSignal(kind, Math.max(1, Number(argv[1] ?? 1) || 1));
};

/** bash numbers entries in five columns and two spaces, busybox ash in four and one */
const history: Builtin = (sh, _argv, io) => {
  const bash = sh.flavour.kind === 'bash';
  sh.history.forEach((line, k) => say(io, bash ? `${String(k + 1).padStart(5)}  ${line}` : `${String(k).padStart(4)} ${line}`));
  return 0;
};

const pwd: Builtin = (sh, _argv, io) => {
  say(io, sh.state.cwd);
  return 0;
};

export const BUILTINS: Record<string, Builtin> = {
  cd,
  pwd,
  exit,
  export: declare('export'),
  readonly: declare('readonly'),
  local: declare('export'),
  unset,
  set,
  shift,
  read,
  trap,
  kill,
  type,
  command,
  '.': source,
  source,
  alias,
  unalias: (sh, argv) => (argv.slice(1).forEach((a) => sh.state.aliases.delete(a)), 0),
  break: loopControl('break'),
  continue: loopControl('continue'),
  return: (sh, argv) => {
    throw new ReturnSignal(argv[1] === undefined ? sh.state.status : Number(argv[1]) & 255);
  },
  eval: (sh, argv, io) => sh.source(argv.slice(1).join(' '), io),
  exec: (sh, argv, io) => {
    if (argv.length === 1) return 0;
    throw new ExitSignal(sh.execute(argv.slice(1), io, {}, true));
  },
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  wait: () => 0,
  hash: () => 0,
  history,
  umask: (_sh, argv, io) => (argv.length === 1 ? (say(io, '0022'), 0) : 0),
  echo: asBuiltin((sh) => echo(sh.flavour.kind === 'dash')),
  printf: asBuiltin(() => printf),
  test: asBuiltin(() => test),
  '[': asBuiltin(() => test),
};
