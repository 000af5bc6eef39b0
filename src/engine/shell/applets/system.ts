// System applets: env, printenv, hostname, id, whoami, ps, kill, sleep, date, uname, df, free, nproc,
// which, pwd. Values come from the container's settings and services; fixed machine facts (kernel,
// sizes) are the simulated host's.
import { cDate } from '../../daemon/process/stamps';
import { normaliseSignal } from '../../daemon/process/plan';
import { ForeverSignal } from '../io';
import type { ProcessInfo } from '../services';
import { human } from './ls';
import { fail, options, out, type Applet, type AppletContext } from './types';

/** the simulated host: what `uname`, `nproc`, `df` and `free` report in every container */
export const HOST = { kernel: '6.8.0-generic', cpus: 4, memKiB: 8_142_084, diskKiB: 61_202_244, diskUsedKiB: 18_471_920 };

const listEnv = (c: AppletContext) => out(c, Object.entries(c.env).map(([k, v]) => `${k}=${v}\n`).join(''));

export const env: Applet = (c) => {
  const args = c.argv.slice(1);
  let vars = { ...c.env };
  while (args.length) {
    const a = args[0]!;
    if (a === '-i' || a === '-') vars = {};
    else if (a === '-u') delete vars[args.splice(1, 1)[0] ?? ''];
    else if (/^[A-Za-z_]\w*=/.test(a)) vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else break;
    args.shift();
  }
  if (args.length === 0) {
    listEnv({ ...c, env: vars });
    return 0;
  }
  return c.exec(args, c.io, vars);
};

export const printenv: Applet = (c) => {
  const names = c.argv.slice(1);
  if (names.length === 0) {
    listEnv(c);
    return 0;
  }
  const found = names.filter((n) => Object.hasOwn(c.env, n));
  out(c, found.map((n) => c.env[n] + '\n').join(''));
  return found.length === names.length ? 0 : 1;
};

export const hostname: Applet = (c) => {
  const arg = c.argv[1];
  if (arg === '-i') out(c, (c.sys.net.resolve(c.sys.hostname) as { ip?: string }).ip ?? '' + '\n');
  else if (arg === '-s' || arg === undefined) out(c, c.sys.hostname.split('.')[0] + '\n');
  else return fail(c, c.userland === 'busybox' ? `sethostname: Operation not permitted` : 'you must be root to change the host name');
  return 0;
};

/** group memberships of root as each image's /etc/group lists them */
function groupsOf(c: AppletContext, user: string, gid: number): { id: number; name: string }[] {
  const groups: { id: number; name: string }[] = [];
  try {
    for (const line of c.sys.fs.readFile('/etc/group').split('\n')) {
      const [name, , id, members] = line.split(':');
      if (name === undefined || id === undefined) continue;
      if (Number(id) === gid || (members ?? '').split(',').includes(user)) groups.push({ id: Number(id), name });
    }
  } catch {
    // no /etc/group: only the primary group, by number
  }
  return groups.length ? groups : [{ id: gid, name: '' }];
}

export const id: Applet = (c) => {
  const { uid, gid, name } = c.sys.user;
  const known = c.sys.fs.stat('/etc/passwd') !== null && name !== String(uid);
  const o = options(c.argv.slice(1), 'ugnGr');
  const groups = groupsOf(c, name, gid);
  const named = (id: number, n: string) => (n ? `${id}(${n})` : String(id));
  if (o.set.has('u')) out(c, (o.set.has('n') ? name : String(uid)) + '\n');
  else if (o.set.has('g')) out(c, String(gid) + '\n');
  else if (o.set.has('G')) out(c, groups.map((g) => g.id).join(' ') + '\n');
  else {
    const primary = groups.find((g) => g.id === gid);
    out(c, `uid=${known ? named(uid, name) : uid} gid=${named(gid, primary?.name ?? '')} groups=${groups.map((g) => named(g.id, g.name)).join(',')}\n`);
  }
  return 0;
};

export const whoami: Applet = (c) => {
  const { uid, name } = c.sys.user;
  if (name === String(uid) || !c.sys.fs.stat('/etc/passwd')) return fail(c, c.userland === 'busybox' ? `unknown uid ${uid}` : `cannot find name for user ID ${uid}`);
  out(c, name + '\n');
  return 0;
};

/** procps START/STIME of a process started today: "12:00" */
const startTime = (p: ProcessInfo) => new Date(p.startedAt).toISOString().slice(11, 16);

/** "0:00" (busybox TIME), "00:00:00" (procps TIME) from the CPU time a process used */
const cpuTime = (p: ProcessInfo, now: number, long: boolean) => {
  const seconds = Math.floor(Math.max(0, now - p.startedAt) / 1000 / 600);
  return long ? `00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}` : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

export const ps: Applet = (c) => {
  const procs = c.sys.processes();
  const args = c.argv.slice(1);
  if (c.userland === 'busybox') {
    const o = args.indexOf('-o');
    if (o >= 0) {
      const cols = (args[o + 1] ?? '').split(',');
      const header: Record<string, string> = { pid: '  PID', ppid: ' PPID', user: 'USER    ', comm: 'COMMAND', args: 'COMMAND', time: 'TIME', vsz: 'VSZ', rss: 'RSS', stat: 'STAT' };
      const cell = (p: ProcessInfo, k: string) => ({ pid: String(p.pid).padStart(5), ppid: String(p.ppid).padStart(5), user: p.user.padEnd(8), comm: p.command.split(' ')[0]!.replace(/^.*\//, ''), args: p.command, time: cpuTime(p, c.now(), false), vsz: String(Math.round(p.vsz / 1024)), rss: String(Math.round(p.rss / 1024)), stat: p.stat })[k] ?? '';
      out(c, cols.map((k) => header[k] ?? k.toUpperCase()).join(' ') + '\n');
      out(c, procs.map((p) => cols.map((k) => cell(p, k)).join(' ') + '\n').join(''));
      return 0;
    }
    // the busybox-static build has no TIME column
    const time = !c.minimal;
    out(c, `PID   USER     ${time ? 'TIME  ' : ''}COMMAND\n`);
    out(c, procs.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)} ${time ? cpuTime(p, c.now(), false).padStart(5) + ' ' : ''}${p.command}\n`).join(''));
    return 0;
  }
  const full = args.some((a) => a === 'aux' || a === '-aux' || a === 'au');
  const ef = args.some((a) => a === '-ef' || a === '-e' || a === '-f');
  if (full) {
    out(c, 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
    for (const p of procs) {
      const mem = ((p.rss / 1024 / HOST.memKiB) * 100).toFixed(1);
      out(c, `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0 ${mem.padStart(4)} ${String(Math.round(p.vsz / 1024)).padStart(6)} ${String(Math.round(p.rss / 1024)).padStart(5)} ${p.tty.padEnd(8)} ${(p.stat + (p.pid === 1 ? 's' : '')).padEnd(4)} ${startTime(p)}   ${cpuTime(p, c.now(), false)} ${p.command}\n`);
    }
    return 0;
  }
  if (ef) {
    out(c, 'UID          PID    PPID  C STIME TTY          TIME CMD\n');
    for (const p of procs) {
      out(c, `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${startTime(p)} ${p.tty.padEnd(8)} ${cpuTime(p, c.now(), true)} ${p.command}\n`);
    }
    return 0;
  }
  out(c, '    PID TTY          TIME CMD\n');
  for (const p of procs) out(c, `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} ${cpuTime(p, c.now(), true)} ${p.command.split(' ')[0]!.replace(/^.*\//, '')}\n`);
  return 0;
};

/** `kill [-s SIG|-SIG] PID…` → the signal as given (TERM by default) and the operands */
export function killArgs(argv: string[]): { signal: string; args: string[] } {
  const args = argv.slice(1);
  if (args[0] === '-s') return { signal: args[1] ?? '', args: args.slice(2) };
  if (args[0]?.startsWith('-')) return { signal: args[0].slice(1), args: args.slice(1) };
  return { signal: 'TERM', args };
}

export const kill: Applet = (c) => {
  const { signal, args } = killArgs(c.argv);
  const sig = normaliseSignal(signal);
  if (!sig) return fail(c, `bad signal name '${signal}'`);
  let status = 0;
  for (const a of args) {
    const error = c.sys.kill(Number(a), sig);
    if (error) status = fail(c, c.userland === 'busybox' ? `can't kill pid ${a}: ${error}` : `(${a}): ${error}`);
  }
  return status;
};

/** seconds with optional s/m/h/d suffix, or `infinity` (ms; undefined when invalid) */
export function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit * 1000);
}

export const sleep: Applet = (c) => {
  const args = c.argv.slice(1);
  if (args.length === 0) return fail(c, c.userland === 'busybox' ? 'missing operand' : 'missing operand');
  let total = 0;
  for (const a of args) {
    const ms = parseSleep(a);
    if (ms === undefined) return fail(c, c.userland === 'busybox' ? `invalid number '${a}'` : `invalid time interval '${a}'`);
    total += ms;
  }
  if (total === Infinity) throw new ForeverSignal({ memory: 320 * 1024 });
  c.sleep(total);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime for date +FORMAT (UTC, the containers' zone) */
function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const f: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: p(d.getUTCMonth() + 1), d: p(d.getUTCDate()), H: p(d.getUTCHours()), M: p(d.getUTCMinutes()),
    S: p(d.getUTCSeconds()), s: String(Math.floor(ms / 1000)), a: DAYS[d.getUTCDay()]!, b: MONTHS[d.getUTCMonth()]!, Z: 'UTC', z: '+0000',
    y: p(d.getUTCFullYear() % 100), e: String(d.getUTCDate()).padStart(2), j: p(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1, 3),
    F: `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`, T: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`, n: '\n', t: '\t', '%': '%',
  };
  return format.replace(/%(.)/g, (m, k: string) => f[k] ?? m);
}

export const date: Applet = (c) => {
  const args = c.argv.slice(1).filter((a) => a !== '-u' && a !== '--utc');
  const format = args.find((a) => a.startsWith('+'));
  const bad = args.find((a) => a.startsWith('-'));
  if (bad) return fail(c, c.userland === 'busybox' ? `invalid option -- '${bad.slice(1, 2)}'` : `invalid option -- '${bad.slice(1, 2)}'`);
  out(c, (format ? strftime(format.slice(1), c.now()) : cDate(c.now())) + '\n');
  return 0;
};

export const uname: Applet = (c) => {
  const o = options(c.argv.slice(1), 'asnrvmpio');
  if (o.bad) return fail(c, `invalid option -- '${o.bad}'`);
  const fields: [string, string][] = [
    ['s', 'Linux'], ['n', c.sys.hostname], ['r', HOST.kernel], ['v', '#1 SMP PREEMPT_DYNAMIC Mon Sep  1 12:00:00 UTC 2026'], ['m', 'x86_64'], ['o', 'GNU/Linux'],
  ];
  const wanted = o.set.has('a') ? new Set(['s', 'n', 'r', 'v', 'm', 'o']) : o.set.size ? o.set : new Set(['s']);
  out(c, fields.filter(([k]) => wanted.has(k)).map(([, v]) => v).join(' ') + '\n');
  return 0;
};

export const df: Applet = (c) => {
  const h = c.argv.includes('-h');
  const total = HOST.diskKiB;
  const used = HOST.diskUsedKiB;
  const size = (kib: number) => (h ? human(kib * 1024) : String(kib));
  if (c.userland === 'busybox') {
    out(c, h ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n');
    const row = (fsName: string, t: number, u: number, mount: string) =>
      `${fsName.padEnd(20)}${size(t).padStart(10)}${size(u).padStart(10)}${size(t - u).padStart(10)}${`${t ? Math.ceil((u / t) * 100) : 0}%`.padStart(5)} ${mount}\n`;
    out(c, row('overlay', total, used, '/') + row('tmpfs', 65536, 0, '/dev') + row('shm', 65536, 0, '/dev/shm'));
    return 0;
  }
  out(c, `Filesystem     ${h ? ' Size  Used Avail' : '1K-blocks     Used Available'} Use% Mounted on\n`);
  const row = (fsName: string, t: number, u: number, mount: string) =>
    `${fsName.padEnd(14)} ${h ? `${size(t).padStart(5)} ${size(u).padStart(5)} ${size(t - u).padStart(5)}` : `${size(t).padStart(9)} ${size(u).padStart(8)} ${size(t - u).padStart(9)}`} ${`${t ? Math.ceil((u / t) * 100) : 0}%`.padStart(4)} ${mount}\n`;
  out(c, row('overlay', total, used, '/') + row('tmpfs', 65536, 0, '/dev') + row('shm', 65536, 0, '/dev/shm'));
  return 0;
};

export const free: Applet = (c) => {
  const h = c.argv.includes('-h');
  const total = HOST.memKiB;
  const used = Math.round(total * 0.18);
  const cache = Math.round(total * 0.22);
  const f = (kib: number) => (h ? human(kib * 1024).replace(/(\d)([KMG])$/, '$1$2i') : String(kib));
  out(c, '              total        used        free      shared  buff/cache   available\n');
  out(c, `Mem:    ${[total, used, total - used - cache, 1024, cache, total - used].map((v) => f(v).padStart(12)).join('')}\n`.replace('Mem:    ', 'Mem:'.padEnd(7)));
  out(c, `Swap:${[0, 0, 0].map((v) => f(v).padStart(12)).join('')}\n`.replace('Swap:', 'Swap:'.padEnd(6)));
  return 0;
};

export const nproc: Applet = (c) => {
  out(c, `${HOST.cpus}\n`);
  return 0;
};

export const which: Applet = (c) => {
  let status = 0;
  for (const name of c.argv.slice(1)) {
    const path = c.which(name);
    if (path && path.startsWith('/')) out(c, path + '\n');
    else status = 1;
  }
  return status;
};

export const pwd: Applet = (c) => {
  out(c, c.cwd + '\n');
  return 0;
};
