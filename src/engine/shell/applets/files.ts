// File applets over the FileSystem: cat, mkdir, rm, rmdir, touch, cp, mv, ln, chmod, stat, find, du,
// basename, dirname, readlink. Error lines follow busybox or GNU coreutils wording.
import { FsError, resolvePath, type FileSystem } from '../../fs/types';
import { ForeverSignal } from '../io';
import { patternSource as patternRegex } from '../pattern';
import { blocks, human, modeString, owners } from './ls';
import { abs, errnoText, fail, options, out, readFile, type Applet, type AppletContext } from './types';

/** busybox wording, or coreutils' */
const say = (c: AppletContext, busybox: string, coreutils: string) => (c.userland === 'busybox' ? busybox : coreutils);

export const cat: Applet = (c) => {
  const o = options(c.argv.slice(1), 'nuAvetsE');
  let status = 0;
  const files = o.operands.length ? o.operands : ['-'];
  for (const f of files) {
    if (f === '-') {
      out(c, c.io.stdin ?? '');
      continue;
    }
    const path = abs(c, f);
    // an endless device streams for ever without growing
    if (path === '/dev/zero') throw new ForeverSignal({ memory: 320 * 1024 });
    const st = path === '/dev/null' ? null : c.sys.fs.stat(path);
    if (path === '/dev/null') continue;
    if (!st) status = fail(c, say(c, `can't open '${f}': No such file or directory`, `${f}: No such file or directory`));
    else if (st.type === 'dir') status = fail(c, say(c, 'read error: Is a directory', `${f}: Is a directory`));
    else out(c, c.sys.fs.readFile(path));
  }
  return status;
};

export const mkdir: Applet = (c) => {
  const o = options(c.argv.slice(1), 'pv', 'm');
  if (o.operands.length === 0) return fail(c, say(c, 'missing operand', 'missing operand'));
  let status = 0;
  for (const d of o.operands) {
    try {
      const mode = o.values['m'] ? Number.parseInt(o.values['m'], 8) : undefined;
      if (o.set.has('p') && c.sys.fs.stat(abs(c, d))?.type === 'dir') continue;
      c.sys.fs.mkdir(abs(c, d), { parents: o.set.has('p'), ...(mode !== undefined ? { mode } : {}) });
    } catch (e) {
      status = fail(c, `${say(c, "can't", 'cannot')} create directory '${d}': ${errnoText(e)}`);
    }
  }
  return status;
};

export const rm: Applet = (c) => {
  const o = options(c.argv.slice(1), 'rRfiv');
  const force = o.set.has('f');
  const recursive = o.set.has('r') || o.set.has('R');
  if (o.operands.length === 0 && !force) return fail(c, 'missing operand');
  let status = 0;
  for (const f of o.operands) {
    const path = abs(c, f);
    const st = c.sys.fs.lstat(path);
    if (!st) {
      if (!force) status = fail(c, `${say(c, "can't", 'cannot')} remove '${f}': No such file or directory`);
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      status = fail(c, say(c, `'${f}' is a directory`, `cannot remove '${f}': Is a directory`));
      continue;
    }
    try {
      c.sys.fs.remove(path, { recursive });
    } catch (e) {
      status = fail(c, `${say(c, "can't", 'cannot')} remove '${f}': ${errnoText(e)}`);
    }
  }
  return status;
};

export const rmdir: Applet = (c) => {
  const o = options(c.argv.slice(1), 'pv');
  let status = 0;
  for (const d of o.operands) {
    const path = abs(c, d);
    const st = c.sys.fs.lstat(path);
    try {
      if (!st) throw new FsError('ENOENT', path);
      if (st.type !== 'dir') throw new FsError('ENOTDIR', path);
      if (c.sys.fs.readdir(path).length) throw new FsError('ENOTEMPTY', path);
      c.sys.fs.remove(path);
    } catch (e) {
      status = fail(c, say(c, `'${d}': ${errnoText(e)}`, `failed to remove '${d}': ${errnoText(e)}`));
    }
  }
  return status;
};

export const touch: Applet = (c) => {
  const o = options(c.argv.slice(1), 'acm', 'dtr');
  let status = 0;
  for (const f of o.operands) {
    const path = abs(c, f);
    try {
      if (c.sys.fs.stat(path)) c.sys.fs.writeFile(path, '', { append: true });
      else c.sys.fs.writeFile(path, '');
    } catch (e) {
      status = fail(c, say(c, `${f}: ${errnoText(e)}`, `cannot touch '${f}': ${errnoText(e)}`));
    }
  }
  return status;
};

function copyTree(fs: FileSystem, from: string, to: string): void {
  const st = fs.lstat(from)!;
  if (st.type === 'symlink') fs.symlink(fs.readlink(from), to);
  else if (st.type === 'dir') {
    fs.mkdir(to, { mode: st.mode });
    for (const name of fs.readdir(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`);
  } else fs.writeFile(to, fs.readFile(from), { mode: st.mode });
}

/** the destination of SRC: inside DEST when it is a directory */
function target(c: AppletContext, src: string, dest: string): string {
  const d = abs(c, dest);
  return c.sys.fs.stat(d)?.type === 'dir' ? resolvePath(d, src.replace(/\/+$/, '').replace(/^.*\//, '')) : d;
}

export const cp: Applet = (c) => {
  const o = options(c.argv.slice(1), 'rRaPpfdLv');
  const recursive = o.set.has('r') || o.set.has('R') || o.set.has('a');
  if (o.operands.length < 2) return fail(c, o.operands.length ? `missing destination file operand after '${o.operands[0]}'` : 'missing file operand');
  const dest = o.operands.pop()!;
  let status = 0;
  for (const src of o.operands) {
    const from = abs(c, src);
    const st = c.sys.fs.stat(from);
    if (!st) {
      status = fail(c, `${say(c, "can't", 'cannot')} stat '${src}': No such file or directory`);
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      status = fail(c, say(c, `omitting directory '${src}'`, `-r not specified; omitting directory '${src}'`));
      continue;
    }
    try {
      const to = target(c, src, dest);
      if (st.type === 'dir') copyTree(c.sys.fs, from, to);
      else c.sys.fs.writeFile(to, readFile(c.sys.fs, from), { mode: st.mode });
    } catch (e) {
      status = fail(c, `${say(c, "can't create", 'cannot create regular file')} '${dest}': ${errnoText(e)}`);
    }
  }
  return status;
};

export const mv: Applet = (c) => {
  const o = options(c.argv.slice(1), 'finv');
  if (o.operands.length < 2) return fail(c, o.operands.length ? `missing destination file operand after '${o.operands[0]}'` : 'missing file operand');
  const dest = o.operands.pop()!;
  let status = 0;
  for (const src of o.operands) {
    const from = abs(c, src);
    if (!c.sys.fs.lstat(from)) {
      status = fail(c, say(c, `can't rename '${src}': No such file or directory`, `cannot stat '${src}': No such file or directory`));
      continue;
    }
    try {
      c.sys.fs.rename(from, target(c, src, dest));
    } catch (e) {
      status = fail(c, say(c, `can't rename '${src}': ${errnoText(e)}`, `cannot move '${src}' to '${dest}': ${errnoText(e)}`));
    }
  }
  return status;
};

export const ln: Applet = (c) => {
  const o = options(c.argv.slice(1), 'sfnvT');
  if (o.operands.length < 2) return fail(c, 'missing file operand');
  const [src, dest] = o.operands as [string, string];
  const to = target(c, src, dest);
  try {
    if (o.set.has('f') && c.sys.fs.lstat(to)) c.sys.fs.remove(to);
    if (o.set.has('s')) c.sys.fs.symlink(src, to);
    else c.sys.fs.writeFile(to, readFile(c.sys.fs, abs(c, src)));
    return 0;
  } catch (e) {
    return fail(c, say(c, `${dest}: ${errnoText(e)}`, `failed to create ${o.set.has('s') ? 'symbolic ' : 'hard '}link '${dest}': ${errnoText(e)}`));
  }
};

/** numeric (755) or symbolic (u+x, go-w, a=r) modes */
function applyMode(spec: string, mode: number): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return Number.parseInt(spec, 8);
  let m = mode;
  for (const clause of spec.split(',')) {
    const r = /^([ugoa]*)([-+=])([rwxt]*)$/.exec(clause);
    if (!r) return undefined;
    const who = r[1] || 'a';
    let bits = 0;
    for (const p of r[3]!) {
      const v = p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' ? 1 : 0;
      if (who.includes('u') || who.includes('a')) bits |= v << 6;
      if (who.includes('g') || who.includes('a')) bits |= v << 3;
      if (who.includes('o') || who.includes('a')) bits |= v;
      if (p === 't') bits |= 0o1000;
    }
    if (r[2] === '+') m |= bits;
    else if (r[2] === '-') m &= ~bits;
    else m = (m & ~0o777) | bits;
  }
  return m;
}

export const chmod: Applet = (c) => {
  const o = options(c.argv.slice(1), 'Rvf');
  const [spec, ...files] = o.operands;
  if (spec === undefined || files.length === 0) return fail(c, 'missing operand');
  let status = 0;
  for (const f of files) {
    const path = abs(c, f);
    const st = c.sys.fs.stat(path);
    if (!st) {
      status = fail(c, say(c, `${f}: No such file or directory`, `cannot access '${f}': No such file or directory`));
      continue;
    }
    const mode = applyMode(spec, st.mode);
    if (mode === undefined) return fail(c, say(c, `invalid mode '${spec}'`, `invalid mode: '${spec}'`));
    try {
      c.sys.fs.chmod(path, mode);
    } catch (e) {
      status = fail(c, say(c, `${f}: ${errnoText(e)}`, `changing permissions of '${f}': ${errnoText(e)}`));
    }
  }
  return status;
};

const isoDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000000 +0000');

export const stat: Applet = (c) => {
  const o = options(c.argv.slice(1), 'LtfF', 'c');
  let status = 0;
  const { user, group } = owners(c);
  for (const f of o.operands) {
    const path = abs(c, f);
    const st = o.set.has('L') ? c.sys.fs.stat(path) : c.sys.fs.lstat(path);
    if (!st) {
      status = fail(c, say(c, `can't stat '${f}': No such file or directory`, `cannot statx '${f}': No such file or directory`));
      continue;
    }
    const format = o.values['c'];
    if (format !== undefined) {
      const fields: Record<string, string> = { s: String(st.size), n: f, a: (st.mode & 0o7777).toString(8), A: modeString(st), U: user(st.uid), G: group(st.gid), u: String(st.uid), g: String(st.gid), F: st.type === 'dir' ? 'directory' : st.type === 'symlink' ? 'symbolic link' : st.size ? 'regular file' : 'regular empty file', Y: String(Math.floor(st.mtime / 1000)) };
      out(c, format.replace(/%(.)/g, (m, k: string) => fields[k] ?? m) + '\n');
      continue;
    }
    const kind = st.type === 'dir' ? 'directory' : st.type === 'symlink' ? 'symbolic link' : st.size ? 'regular file' : 'regular empty file';
    const name = st.type === 'symlink' ? `${f} -> ${st.target}` : f;
    const owner = (id: number, name: string) => `(${String(id).padStart(5)}/${name.padStart(8)})`;
    out(c, [
      `  File: ${name}`,
      `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks(st) * 2).padEnd(10)} IO Block: 4096   ${kind}`,
      `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: ${owner(st.uid, user(st.uid) === String(st.uid) ? 'UNKNOWN' : user(st.uid))}   Gid: ${owner(st.gid, group(st.gid) === String(st.gid) ? 'UNKNOWN' : group(st.gid))}`,
      `Modify: ${isoDate(st.mtime)}`,
      '',
    ].join('\n'));
  }
  return status;
};

export const find: Applet = (c) => {
  const args = c.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0]!.startsWith('-') && args[0] !== '!' && args[0] !== '(') roots.push(args.shift()!);
  if (roots.length === 0) roots.push('.');
  const tests: ((name: string, type: string) => boolean)[] = [];
  let maxDepth = Infinity;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[++i];
    if (v === undefined) return fail(c, `${a}: requires an argument`);
    if (a === '-name' || a === '-iname') {
      const re = new RegExp(`^${patternRegex(v)}$`, a === '-iname' ? 'i' : '');
      tests.push((name) => re.test(name));
    } else if (a === '-type') tests.push((_n, type) => type === v);
    else if (a === '-maxdepth') maxDepth = Number(v);
    else return fail(c, say(c, `unrecognized: ${a}`, `unknown predicate \`${a}'`));
  }
  let status = 0;
  const walk = (shown: string, path: string, depth: number) => {
    const st = c.sys.fs.lstat(path)!;
    const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : 'f';
    if (tests.every((t) => t(shown.replace(/^.*\/(?=.)/, ''), type))) out(c, shown + '\n');
    if (st.type === 'dir' && depth < maxDepth) {
      for (const n of c.sys.fs.readdir(path)) walk(shown.endsWith('/') ? shown + n : `${shown}/${n}`, path === '/' ? `/${n}` : `${path}/${n}`, depth + 1);
    }
  };
  for (const r of roots) {
    const path = abs(c, r);
    if (!c.sys.fs.lstat(path)) {
      status = fail(c, say(c, `${r}: No such file or directory`, `'${r}': No such file or directory`));
      continue;
    }
    walk(r, path, 0);
  }
  return status;
};

export const du: Applet = (c) => {
  const o = options(c.argv.slice(1), 'shakcx', 'd');
  let status = 0;
  const size = (path: string, shown: string, top: boolean): number => {
    const st = c.sys.fs.lstat(path)!;
    let total = blocks(st);
    if (st.type === 'dir') {
      for (const n of c.sys.fs.readdir(path)) total += size(path === '/' ? `/${n}` : `${path}/${n}`, `${shown}/${n}`, false);
    }
    if ((top || (!o.set.has('s') && (st.type === 'dir' || o.set.has('a'))))) out(c, `${o.set.has('h') ? human(total * 1024) : total}\t${shown}\n`);
    return total;
  };
  for (const f of o.operands.length ? o.operands : ['.']) {
    const path = abs(c, f);
    if (!c.sys.fs.lstat(path)) {
      status = fail(c, say(c, `${f}: No such file or directory`, `cannot access '${f}': No such file or directory`));
      continue;
    }
    size(path, f, true);
  }
  return status;
};

export const basename: Applet = (c) => {
  const [path, suffix] = c.argv.slice(1);
  if (path === undefined) return fail(c, 'missing operand');
  let base = path.replace(/\/+$/, '').replace(/^.*\//, '') || (path.startsWith('/') ? '/' : '');
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  out(c, base + '\n');
  return 0;
};

export const dirname: Applet = (c) => {
  const path = c.argv[1];
  if (path === undefined) return fail(c, 'missing operand');
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  out(c, (slash < 0 ? '.' : trimmed.slice(0, slash).replace(/\/+$/, '') || '/') + '\n');
  return 0;
};

export const readlink: Applet = (c) => {
  const o = options(c.argv.slice(1), 'fenv');
  const f = o.operands[0];
  if (f === undefined) return 1;
  const path = abs(c, f);
  if (o.set.has('f')) {
    out(c, realPath(c.sys.fs, path) + '\n');
    return 0;
  }
  const st = c.sys.fs.lstat(path);
  if (st?.type !== 'symlink') return 1;
  out(c, c.sys.fs.readlink(path) + '\n');
  return 0;
};

function realPath(fs: FileSystem, path: string, depth = 0): string {
  const parts = path.split('/').filter(Boolean);
  let current = '/';
  for (const p of parts) {
    const next = resolvePath(current, p);
    const st = fs.lstat(next);
    current = st?.type === 'symlink' && depth < 40 ? realPath(fs, resolvePath(current, fs.readlink(next)), depth + 1) : next;
  }
  return current;
}
