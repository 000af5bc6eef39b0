// ls in busybox and GNU coreutils layouts (-l -a -1 -R -h -d), and the owner/size/date formatting
// other applets (stat, du) share.
import type { Stat } from '../../fs/types';
import { abs, options, out, fail, type Applet, type AppletContext } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR = 182.5 * 24 * 3600 * 1000;

export function modeString(st: Stat): string {
  const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const bits = 'rwxrwxrwx'.split('').map((ch, k) => (st.mode & (0o400 >> k) ? ch : '-'));
  if (st.mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return type + bits.join('');
}

/** "Nov 23 14:04", or "Nov 23  2025" for dates more than half a year away (UTC: containers' zone) */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const recent = Math.abs(now - mtime) < HALF_YEAR;
  return recent ? `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : `${day}  ${d.getUTCFullYear()}`;
}

/** 1.9M, 4.0K, 13 (powers of 1024, one decimal below 10, rounded up like ls/du) */
export function human(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return String(bytes);
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

/** uid/gid → name from /etc/passwd and /etc/group; the number when the image has no such entry */
export function owners(c: AppletContext): { user: (uid: number) => string; group: (gid: number) => string } {
  const table = (path: string) => {
    const names = new Map<number, string>();
    try {
      for (const line of c.sys.fs.readFile(path).split('\n')) {
        const f = line.split(':');
        if (f.length > 2) names.set(Number(f[2]), f[0]!);
      }
    } catch {
      // no such file: numeric ids
    }
    return names;
  };
  const users = table('/etc/passwd');
  const groups = table('/etc/group');
  return { user: (uid) => users.get(uid) ?? String(uid), group: (gid) => groups.get(gid) ?? String(gid) };
}

/** 1K blocks a file occupies (4K granules), as `total` and du count them */
export const blocks = (st: Stat): number => (st.type === 'symlink' ? 0 : Math.ceil(st.size / 4096) * 4 || (st.type === 'dir' ? 4 : 0));

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

export const ls: Applet = (c) => {
  const o = options(c.argv.slice(1), 'laA1RhdFiCx');
  const busybox = c.userland === 'busybox';
  if (o.bad) return fail(c, `invalid option -- '${o.bad}'`, busybox ? 1 : 2);
  const fs = c.sys.fs;
  const long = o.set.has('l');
  const all = o.set.has('a');
  let status = 0;
  const operands = o.operands.length ? o.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = abs(c, name);
    const lst = fs.lstat(path);
    if (!lst) {
      fail(c, busybox ? `${name}: No such file or directory` : `cannot access '${name}': No such file or directory`);
      status = busybox ? 1 : 2;
      continue;
    }
    // `ls -l link` shows the link itself; otherwise (or with a trailing slash) what it points to
    const st = lst.type === 'symlink' && (!long || name.endsWith('/')) ? (fs.stat(path) ?? lst) : lst;
    (st.type === 'dir' && !o.set.has('d') ? dirs : files).push({ name, path, st });
  }
  // operands are listed in name order, files before directories
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  files.sort(byName);
  dirs.sort(byName);
  const print = (entries: Entry[]) => out(c, format(c, entries, long, o.set.has('h'), o.set.has('1')));
  if (files.length) print(files);
  const headers = operands.length > 1 || o.set.has('R');
  const queue = [...dirs];
  let first = files.length === 0;
  while (queue.length) {
    const d = queue.shift()!;
    if (!first) out(c, '\n');
    first = false;
    if (headers) out(c, `${d.name}:\n`);
    const names = fs.readdir(d.path).filter((n) => all || o.set.has('A') || !n.startsWith('.'));
    const entries: Entry[] = [
      ...(all ? ['.', '..'].map((n) => ({ name: n, path: d.path + '/' + n, st: fs.stat(d.path + '/' + n)! })) : []),
      ...names.map((n) => {
        const path = d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        return { name: n, path, st: fs.lstat(path)! };
      }),
    ];
    if (long) out(c, `total ${entries.reduce((sum, e) => sum + blocks(e.st), 0)}\n`);
    if (entries.length) print(entries);
    if (o.set.has('R')) {
      const subdirs = entries.filter((e) => e.st.type === 'dir' && e.name !== '.' && e.name !== '..');
      queue.unshift(...subdirs.map((e) => ({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name}/${e.name}` })));
    }
  }
  return status;
};

function format(c: AppletContext, entries: Entry[], long: boolean, humanSizes: boolean, onePerLine: boolean): string {
  // one name a line into a pipe or file, columns on a terminal
  if (!long) return onePerLine || !c.tty || !c.io.stdout.line ? entries.map((e) => e.name + '\n').join('') : columns(entries.map((e) => e.name));
  const { user, group } = owners(c);
  const rows = entries.map((e) => ({
    mode: modeString(e.st),
    links: String(e.st.type === 'dir' ? 2 : 1),
    user: user(e.st.uid),
    group: group(e.st.gid),
    size: humanSizes ? human(e.st.size) : String(e.st.size),
    date: lsDate(e.st.mtime, c.now()),
    name: e.name + (e.st.type === 'symlink' ? ` -> ${e.st.target ?? c.sys.fs.readlink(e.path)}` : ''),
  }));
  if (c.userland === 'busybox') {
    return rows.map((r) => `${r.mode} ${r.links.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}\n`).join('');
  }
  const w = (k: 'links' | 'user' | 'group' | 'size') => Math.max(...rows.map((r) => r[k].length));
  return rows.map((r) => `${r.mode} ${r.links.padStart(w('links'))} ${r.user.padEnd(w('user'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${r.date} ${r.name}\n`).join('');
}

/** names in columns down then across, 80 wide, two spaces apart */
function columns(names: string[]): string {
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const perRow = Math.max(1, Math.floor(80 / width));
  const rows = Math.ceil(names.length / perRow);
  let text = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let k = r; k < names.length; k += rows) cells.push(names[k]!);
    text += cells.map((n, k) => (k === cells.length - 1 ? n : n.padEnd(width))).join('') + '\n';
  }
  return text;
}
