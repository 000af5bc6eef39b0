// Shell patterns (`*`, `?`, `[…]`, `\x` literal) for globbing, `case` and `${VAR#pat}`, and pathname
// expansion over a FileSystem.
import { resolvePath, type FileSystem } from '../fs/types';

/** true when `pattern` has an unescaped glob character */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if ('*?['.includes(pattern[i]!)) return true;
  }
  return false;
}

/** The regex source matching the pattern (unanchored); `shortest` makes `*` lazy. */
export function patternSource(pattern: string, shortest = false): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i]!);
    else if (ch === '*') out += shortest ? '[\\s\\S]*?' : '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else out += escapeRegex(ch);
  }
  return out;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Pathname expansion: matching paths, sorted, relative when the pattern is; [] when nothing matches. */
export function glob(pattern: string, cwd: string, fs: FileSystem): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let found: string[] = [absolute ? '/' : ''];
  for (const [index, segment] of segments.entries()) {
    if (index === 0 && absolute) continue;
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const base of found) {
      const dir = resolvePath(cwd, base || '.');
      if (!hasGlob(segment)) {
        const path = join(base, segment.replace(/\\(.)/g, '$1'));
        if (fs.lstat(resolvePath(cwd, path))) next.push(path);
        continue;
      }
      if (fs.stat(dir)?.type !== 'dir') continue;
      const re = new RegExp(`^${patternSource(segment)}$`);
      for (const name of fs.readdir(dir)) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (!re.test(name)) continue;
        const path = join(base, name);
        if (last || fs.stat(resolvePath(cwd, path))?.type === 'dir') next.push(path);
      }
    }
    found = next;
  }
  return found.filter((p) => p !== '' && p !== '/').sort();
}

const join = (base: string, name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
