// Creating users and groups, as Dockerfiles do before `USER app`: shadow-utils' groupadd/useradd
// (Debian, Ubuntu) and busybox's addgroup/adduser (Alpine, busybox). They edit /etc/group and
// /etc/passwd in the file system the command runs on, so the next RUN, `USER`, `id` and `whoami` see
// the account.
import { err, fail, out, type Applet, type AppletContext } from './types';

interface Entry {
  name: string;
  id: number;
  fields: string[];
}

const FILES = { user: '/etc/passwd', group: '/etc/group' } as const;

function entries(c: AppletContext, kind: keyof typeof FILES): Entry[] {
  const text = c.sys.fs.stat(FILES[kind]) ? c.sys.fs.readFile(FILES[kind]) : '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const fields = line.split(':');
      return { name: fields[0]!, id: Number(fields[2]), fields };
    });
}

function append(c: AppletContext, kind: keyof typeof FILES, line: string): void {
  const path = FILES[kind];
  const text = c.sys.fs.stat(path) ? c.sys.fs.readFile(path) : '';
  c.sys.fs.writeFile(path, (text === '' || text.endsWith('\n') ? text : text + '\n') + line + '\n');
}

/**
 * The id a new account gets: system accounts count down from 999 (shadow-utils' SYS_UID_MAX) or up
 * from 100 (busybox's FIRST_SYSTEM_ID); others count up from 1000.
 */
function freeId(taken: Entry[], system: boolean, downward: boolean): number {
  const used = new Set(taken.map((e) => e.id));
  if (system && downward) {
    for (let id = 999; id >= 100; id--) if (!used.has(id)) return id;
  }
  for (let id = system ? 100 : 1000; ; id++) if (!used.has(id)) return id;
}

/** long options (`--system`) as their short letters, `--opt=value` split */
function shortOptions(args: string[], long: Record<string, string>): string[] {
  return args.flatMap((a) => {
    const [name, value] = a.split('=', 2) as [string, string | undefined];
    const short = Object.hasOwn(long, name) ? '-' + long[name] : a;
    return value !== undefined && short !== a ? [short, value] : [short];
  });
}

/** `-x VALUE` pairs and flags of a command line already in short form; the last operand is the name */
function parse(args: string[], valued: string): { flags: Set<string>; values: Record<string, string>; name?: string } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a.length === 1) operands.push(a);
    else if (valued.includes(a[1]!)) values[a[1]!] = a.length > 2 ? a.slice(2) : (args[++i] ?? '');
    else for (const f of a.slice(1)) flags.add(f);
  }
  return { flags, values, ...(operands.length ? { name: operands[operands.length - 1]! } : {}) };
}

const home = (c: AppletContext, dir: string, uid: number, gid: number) => {
  if (c.sys.fs.stat(dir)) return;
  c.sys.fs.mkdir(dir, { parents: true, mode: 0o755 });
  c.sys.fs.chown(dir, uid, gid);
};

/** `groupadd [-r|--system] [-g GID] NAME` */
export const groupadd: Applet = (c) => {
  const o = parse(shortOptions(c.argv.slice(1), { '--system': 'r', '--gid': 'g' }), 'g');
  if (!o.name) return fail(c, 'Usage: groupadd [options] GROUP', 2);
  const groups = entries(c, 'group');
  if (groups.some((g) => g.name === o.name)) return fail(c, `group '${o.name}' already exists`, 9);
  const gid = o.values['g'] !== undefined ? Number(o.values['g']) : freeId(groups, o.flags.has('r'), true);
  if (groups.some((g) => g.id === gid)) return fail(c, `GID '${gid}' already exists`, 4);
  append(c, 'group', `${o.name}:x:${gid}:`);
  return 0;
};

/** `useradd [-r] [-g GROUP] [-u UID] [-m|-M] [-d HOME] [-s SHELL] NAME`: no home unless -m, as Debian's defaults */
export const useradd: Applet = (c) => {
  const long = { '--system': 'r', '--gid': 'g', '--uid': 'u', '--create-home': 'm', '--no-create-home': 'M', '--home-dir': 'd', '--shell': 's', '--no-user-group': 'N', '--comment': 'c' };
  const o = parse(shortOptions(c.argv.slice(1), long), 'gudsc');
  if (!o.name) return fail(c, 'Usage: useradd [options] LOGIN', 2);
  const users = entries(c, 'user');
  if (users.some((u) => u.name === o.name)) return fail(c, `user '${o.name}' already exists`, 9);
  const groups = entries(c, 'group');
  const system = o.flags.has('r');
  const uid = o.values['u'] !== undefined ? Number(o.values['u']) : freeId(users, system, true);
  let gid: number;
  if (o.values['g'] !== undefined) {
    const g = groups.find((e) => e.name === o.values['g'] || String(e.id) === o.values['g']);
    if (!g) return fail(c, `group '${o.values['g']}' does not exist`, 6);
    gid = g.id;
  } else if (groups.some((g) => g.name === o.name)) {
    return fail(c, `group ${o.name} exists - if you want to add this user to that group, use -g.`, 9);
  } else {
    // the user's own group, numbered like the user when that id is free
    gid = groups.some((g) => g.id === uid) ? freeId(groups, system, true) : uid;
    append(c, 'group', `${o.name}:x:${gid}:`);
  }
  const dir = o.values['d'] ?? `/home/${o.name}`;
  append(c, 'user', `${o.name}:x:${uid}:${gid}:${o.values['c'] ?? ''}:${dir}:${o.values['s'] ?? '/bin/sh'}`);
  if (o.flags.has('m')) home(c, dir, uid, gid);
  return 0;
};

/** busybox `addgroup [-S] [-g GID] GROUP` (adding a user to a group, `addgroup USER GROUP`, too) */
export const addgroup: Applet = (c) => {
  const args = c.argv.slice(1);
  const o = parse(args, 'g');
  const operands = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-g');
  if (operands.length === 0) return fail(c, 'Usage: addgroup [-g GID] [-S] [USER] GROUP', 1);
  const groups = entries(c, 'group');
  if (operands.length === 2) {
    const [user, group] = operands as [string, string];
    const g = groups.find((e) => e.name === group);
    if (!g) return fail(c, `unknown group ${group}`);
    const members = (g.fields[3] ?? '').split(',').filter(Boolean);
    const text = c.sys.fs.readFile(FILES.group).replace(new RegExp(`^${group}:.*$`, 'm'), [...g.fields.slice(0, 3), [...members, user].join(',')].join(':'));
    c.sys.fs.writeFile(FILES.group, text);
    return 0;
  }
  const name = operands[0]!;
  if (groups.some((g) => g.name === name)) return fail(c, `group '${name}' in use`);
  const gid = o.values['g'] !== undefined ? Number(o.values['g']) : freeId(groups, o.flags.has('S'), false);
  append(c, 'group', `${name}:x:${gid}:`);
  return 0;
};

/** busybox `adduser [-S] [-D] [-H] [-G GROUP] [-u UID] [-h HOME] [-s SHELL] [-g GECOS] USER` */
export const adduser: Applet = (c) => {
  const o = parse(c.argv.slice(1), 'Guhsgk');
  if (!o.name) return fail(c, 'Usage: adduser [OPTIONS] USER [GROUP]', 1);
  const users = entries(c, 'user');
  if (users.some((u) => u.name === o.name)) return fail(c, `user '${o.name}' in use`);
  const groups = entries(c, 'group');
  const system = o.flags.has('S');
  const uid = o.values['u'] !== undefined ? Number(o.values['u']) : freeId(users, system, false);
  let gid: number;
  if (o.values['G'] !== undefined) {
    const g = groups.find((e) => e.name === o.values['G']);
    if (!g) return fail(c, `unknown group ${o.values['G']}`);
    gid = g.id;
  } else {
    gid = groups.some((g) => g.id === uid) ? freeId(groups, system, false) : uid;
    append(c, 'group', `${o.name}:x:${gid}:`);
  }
  const dir = o.values['h'] ?? `/home/${o.name}`;
  const shell = o.values['s'] ?? (system ? '/sbin/nologin' : '/bin/sh');
  append(c, 'user', `${o.name}:x:${uid}:${gid}:${o.values['g'] ?? 'Linux User,,,'}:${dir}:${shell}`);
  if (!o.flags.has('H')) home(c, dir, uid, gid);
  // without -D busybox asks for a password; no terminal answers in a build
  if (!o.flags.has('D') && !system) {
    out(c, `Changing password for ${o.name}\nNew password: \n`);
    err(c, `passwd: password for ${o.name} is unchanged`);
    return 1;
  }
  return 0;
};
