// Text filters: head, tail, grep, wc, sort, uniq, cut, tr, tee, seq, sed (s///, p, d basics), xargs.
import { ForeverSignal } from '../io';
import { abs, errnoText, fail, linesOf, options, out, readInputs, type Applet, type AppletContext } from './types';

const say = (c: AppletContext, busybox: string, coreutils: string) => (c.userland === 'busybox' ? busybox : coreutils);
const joinLines = (lines: string[]) => lines.map((l) => l + '\n').join('');

/** `-n N`, `-N` (old style) → N */
function count(args: string[], fallback = 10): { n: number; bytes?: number; rest: string[]; fromStart: boolean; follow: boolean; quiet: boolean } {
  let n = fallback;
  let bytes: number | undefined;
  let fromStart = false;
  let follow = false;
  let quiet = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a.startsWith('-n')) {
      const v = a === '-n' ? (args[++i] ?? '') : a.slice(2);
      fromStart = v.startsWith('+');
      n = Math.abs(Number.parseInt(v, 10));
    } else if (a === '-c' || (a.startsWith('-c') && /^\d/.test(a.slice(2)))) {
      bytes = Number.parseInt(a === '-c' ? (args[++i] ?? '') : a.slice(2), 10);
    } else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F') follow = true;
    else if (a === '-q') quiet = true;
    else rest.push(a);
  }
  return { n, ...(bytes !== undefined ? { bytes } : {}), rest, fromStart, follow, quiet };
}

const openError = (c: AppletContext) => (file: string, e: unknown) => fail(c, say(c, `${file}: ${errnoText(e)}`, `cannot open '${file}' for reading: ${errnoText(e)}`));

export const head: Applet = (c) => {
  const o = count(c.argv.slice(1));
  let status = 0;
  const inputs = readInputs(c, o.rest, (f, e) => (status = openError(c)(f, e)), o.bytes);
  inputs.forEach((input, k) => {
    if (inputs.length > 1 && !o.quiet) out(c, `${k ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    out(c, o.bytes !== undefined ? input.text.slice(0, o.bytes) : joinLines(linesOf(input.text).slice(0, o.n)));
  });
  return status;
};

export const tail: Applet = (c) => {
  const o = count(c.argv.slice(1));
  let status = 0;
  const inputs = readInputs(c, o.rest, (f, e) => {
    status = fail(c, say(c, `can't open '${f}': ${errnoText(e)}`, `cannot open '${f}' for reading: ${errnoText(e)}`));
  });
  if (inputs.length === 0 && c.userland === 'busybox') return fail(c, 'no files');
  for (const input of inputs) {
    const lines = linesOf(input.text);
    out(c, joinLines(o.fromStart ? lines.slice(Math.max(0, o.n - 1)) : lines.slice(Math.max(0, lines.length - o.n))));
  }
  // -f keeps following the files: nothing more is ever appended while the command waits
  if (o.follow) throw new ForeverSignal({});
  return status;
};

export const grep: Applet = (c) => {
  const o = options(c.argv.slice(1), 'ivncqrREFlhHwxso', 'e');
  if (o.bad) return fail(c, `invalid option -- '${o.bad}'`, 2);
  const pattern = o.values['e'] ?? o.operands.shift();
  if (pattern === undefined) return fail(c, say(c, 'usage: grep [-HhnlLoqvsrRiwFE] PATTERN [FILE]...', 'Usage: grep [OPTION]... PATTERNS [FILE]...'), 2);
  const flags = o.set;
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : basicToExtended(pattern);
  if (flags.has('w')) source = `\\b(?:${source})\\b`;
  if (flags.has('x')) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags.has('i') ? 'i' : '');
  } catch {
    return fail(c, 'bad regex', 2);
  }
  let status = 0;
  const files: { name: string; text: string }[] = [];
  const recursive = flags.has('r') || flags.has('R');
  const collect = (name: string) => {
    const path = abs(c, name);
    const st = c.sys.fs.stat(path);
    if (!st) {
      if (!flags.has('s')) fail(c, `${name}: No such file or directory`, 2);
      status = 2;
    } else if (st.type === 'dir') {
      if (!recursive) {
        if (!flags.has('s')) fail(c, `${name}: Is a directory`, 2);
        status = 2;
      } else for (const n of c.sys.fs.readdir(path)) collect(name.endsWith('/') ? name + n : `${name}/${n}`);
    } else files.push({ name, text: c.sys.fs.readFile(path) });
  };
  if (o.operands.length === 0) {
    if (recursive) collect('.');
    else files.push({ name: '(standard input)', text: c.io.stdin ?? '' });
  } else o.operands.forEach(collect);
  const showNames = flags.has('H') || (!flags.has('h') && (files.length > 1 || recursive || o.operands.length > 1));
  let matched = false;
  for (const f of files) {
    let n = 0;
    const hits: string[] = [];
    linesOf(f.text).forEach((line, k) => {
      if (re.test(line) === flags.has('v')) return;
      n++;
      const prefix = (showNames ? `${f.name}:` : '') + (flags.has('n') ? `${k + 1}:` : '');
      if (flags.has('o')) hits.push(...[...line.matchAll(new RegExp(re.source, 'g' + re.flags))].map((m) => prefix + m[0]));
      else hits.push(prefix + line);
    });
    if (n) matched = true;
    if (flags.has('q')) continue;
    if (flags.has('l')) {
      if (n) out(c, f.name + '\n');
    } else if (flags.has('c')) out(c, `${showNames ? f.name + ':' : ''}${n}\n`);
    else out(c, joinLines(hits));
  }
  if (flags.has('q') && matched) return 0;
  return status === 2 && !matched ? 2 : matched ? 0 : Math.max(status, 1);
};

/** POSIX basic regex → JS: \( \) \{ \} \| become groups/intervals/alternation, bare ( ) { } + ? | are literal */
function basicToExtended(re: string): string {
  let result = '';
  for (let i = 0; i < re.length; i++) {
    const ch = re[i]!;
    if (ch === '\\' && i + 1 < re.length) {
      const next = re[++i]!;
      result += '(){}|+?'.includes(next) ? next : '\\' + next;
    } else result += '(){}|+?'.includes(ch) ? '\\' + ch : ch;
  }
  return result;
}

export const wc: Applet = (c) => {
  const o = options(c.argv.slice(1), 'lwcmL');
  const which = o.set.size ? o.set : new Set(['l', 'w', 'c']);
  let status = 0;
  const inputs = readInputs(c, o.operands, (f, e) => (status = fail(c, `${f}: ${errnoText(e)}`)));
  const rows = inputs.map((input) => ({
    name: input.name === '-' ? '' : input.name,
    counts: [
      which.has('l') ? (input.text.match(/\n/g) ?? []).length : undefined,
      which.has('w') ? input.text.split(/\s+/).filter(Boolean).length : undefined,
      which.has('c') || which.has('m') ? new TextEncoder().encode(input.text).length : undefined,
    ].filter((v): v is number => v !== undefined),
  }));
  if (rows.length > 1) rows.push({ name: 'total', counts: rows[0]!.counts.map((_, k) => rows.reduce((s, r) => s + r.counts[k]!, 0)) });
  // busybox pads every count to 9; coreutils to the widest total (7 at least from stdin); neither pads a lone count
  const width = c.userland === 'busybox' ? 9 : Math.max(...rows.flatMap((r) => r.counts.map((n) => String(n).length)), o.operands.length ? 1 : 7);
  for (const r of rows) {
    const single = which.size === 1 && rows.length === 1;
    const cells = r.counts.map((n) => (single ? String(n) : String(n).padStart(width)));
    out(c, cells.join(c.userland === 'busybox' ? ' ' : ' ') + (r.name ? ` ${r.name}` : '') + '\n');
  }
  return status;
};

export const sort: Applet = (c) => {
  const o = options(c.argv.slice(1), 'rnuf', 'kt');
  let status = 0;
  const inputs = readInputs(c, o.operands, (f, e) => (status = fail(c, say(c, `${f}: ${errnoText(e)}`, `cannot read: ${f}: ${errnoText(e)}`), 2)));
  if (status) return status;
  const field = o.values['k'] ? Number.parseInt(o.values['k'], 10) - 1 : -1;
  const key = (line: string) => {
    const v = field < 0 ? line : (o.values['t'] !== undefined ? line.split(o.values['t']) : line.trim().split(/\s+/)).slice(field).join(o.values['t'] ?? ' ');
    return o.set.has('f') ? v.toUpperCase() : v;
  };
  let lines = inputs.flatMap((i) => linesOf(i.text));
  lines.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const d = o.set.has('n') ? (Number.parseFloat(x) || 0) - (Number.parseFloat(y) || 0) : x < y ? -1 : x > y ? 1 : 0;
    return d || (a < b ? -1 : a > b ? 1 : 0);
  });
  if (o.set.has('r')) lines.reverse();
  if (o.set.has('u')) lines = lines.filter((l, k) => k === 0 || key(l) !== key(lines[k - 1]!));
  out(c, joinLines(lines));
  return 0;
};

export const uniq: Applet = (c) => {
  const o = options(c.argv.slice(1), 'cdui');
  let status = 0;
  const [input] = readInputs(c, o.operands.slice(0, 1), (f, e) => (status = fail(c, `${f}: ${errnoText(e)}`)));
  if (!input) return status;
  const groups: { line: string; n: number }[] = [];
  for (const line of linesOf(input.text)) {
    const last = groups[groups.length - 1];
    if (last && (o.set.has('i') ? last.line.toLowerCase() === line.toLowerCase() : last.line === line)) last.n++;
    else groups.push({ line, n: 1 });
  }
  const kept = groups.filter((g) => (o.set.has('d') ? g.n > 1 : o.set.has('u') ? g.n === 1 : true));
  out(c, joinLines(kept.map((g) => (o.set.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
  return 0;
};

/** LIST of cut: 1,3-5,7- → predicate over 1-based positions */
function ranges(list: string): (k: number) => boolean {
  const parts = list.split(',').map((p) => {
    const [a, b] = p.split('-');
    const from = a ? Number(a) : 1;
    const to = b === undefined ? from : b ? Number(b) : Infinity;
    return [from, to] as const;
  });
  return (k) => parts.some(([from, to]) => k >= from && k <= to);
}

export const cut: Applet = (c) => {
  const o = options(c.argv.slice(1), 's', 'dfcb');
  const list = o.values['f'] ?? o.values['c'] ?? o.values['b'];
  if (list === undefined) return fail(c, say(c, 'expected a list of bytes, characters, or fields', 'you must specify a list of bytes, characters, or fields'));
  const pick = ranges(list);
  const delim = o.values['d'] ?? '\t';
  let status = 0;
  const inputs = readInputs(c, o.operands, (f, e) => (status = fail(c, `${f}: ${errnoText(e)}`)));
  for (const input of inputs) {
    for (const line of linesOf(input.text)) {
      if (o.values['f'] === undefined) out(c, [...line].filter((_, k) => pick(k + 1)).join('') + '\n');
      else if (!line.includes(delim)) {
        if (!o.set.has('s')) out(c, line + '\n');
      } else out(c, line.split(delim).filter((_, k) => pick(k + 1)).join(delim) + '\n');
    }
  }
  return status;
};

/** tr sets: ranges a-z, escapes, [:classes:] */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\v\f', alnum: 'a-zA-Z0-9' };
  const s = set
    .replace(/\[:(\w+):\]/g, (m, k: string) => classes[k] ?? m)
    .replace(/\\([0-7]{1,3}|.)/g, (_m, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : (({ n: '\n', t: '\t', r: '\r', '\\': '\\' }) as Record<string, string>)[e] ?? e));
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let k = s.charCodeAt(i); k <= s.charCodeAt(i + 2); k++) chars.push(String.fromCharCode(k));
      i += 2;
    } else chars.push(s[i]!);
  }
  return chars;
}

/** tr: one pass over UTF-16 code units (fast on megabytes from /dev/zero) */
export const tr: Applet = (c) => {
  const o = options(c.argv.slice(1), 'dsc');
  const [a, b] = o.operands;
  if (a === undefined) return fail(c, 'missing operand');
  const from = expandSet(a).map((ch) => ch.charCodeAt(0));
  const to = b === undefined ? [] : expandSet(b).map((ch) => ch.charCodeAt(0));
  // code unit → its replacement, -1 when deleted
  const table = new Int32Array(0x10000).map((_, k) => k);
  from.forEach((code, k) => (table[code] = o.set.has('d') ? -1 : to.length ? (to[k] ?? to[to.length - 1]!) : code));
  const squeeze = new Uint8Array(0x10000);
  if (o.set.has('s')) for (const code of o.set.has('d') || to.length ? to : from) squeeze[code] = 1;
  const text = c.io.stdin ?? '';
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const mapped = table[text.charCodeAt(i)]!;
    if (mapped < 0 || (n > 0 && codes[n - 1] === mapped && squeeze[mapped])) continue;
    codes[n++] = mapped;
  }
  out(c, new TextDecoder('utf-16le').decode(codes.subarray(0, n)));
  return 0;
};

export const tee: Applet = (c) => {
  const o = options(c.argv.slice(1), 'ai');
  const text = c.io.stdin ?? '';
  let status = 0;
  for (const f of o.operands) {
    try {
      c.sys.fs.writeFile(abs(c, f), text, { append: o.set.has('a') });
    } catch (e) {
      status = fail(c, say(c, `can't open '${f}': ${errnoText(e)}`, `${f}: ${errnoText(e)}`));
    }
  }
  out(c, text);
  return status;
};

export const seq: Applet = (c) => {
  const o = options(c.argv.slice(1), 'w', 's');
  const nums = o.operands.map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some(Number.isNaN)) return fail(c, nums.length ? `invalid number '${o.operands.find((x) => Number.isNaN(Number(x)))}'` : 'missing operand');
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : (nums as [number, number, number]);
  const values: string[] = [];
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    values.push(String(v));
    if (step === 0 || values.length > 100_000) break;
  }
  out(c, values.join(o.values['s'] ?? '\n') + (values.length ? '\n' : ''));
  return 0;
};

/** sed: -n, -e, -i, and commands s/re/rep/[gip], p, d, q with an optional /re/ or line-number address */
export const sed: Applet = (c) => {
  const o = options(c.argv.slice(1), 'nEri', 'e');
  const script = o.values['e'] ?? o.operands.shift();
  if (script === undefined) return fail(c, say(c, 'no script specified', 'no script specified'));
  const commands = script.split(/;|\n/).filter((s) => s.trim()).map((s) => parseSed(s.trim(), o.set.has('E') || o.set.has('r')));
  if (commands.some((x) => x === undefined)) return fail(c, say(c, `bad command '${script}'`, `-e expression #1, char ${script.length}: unknown command`));
  let status = 0;
  const run = (text: string): string => {
    let result = '';
    const lines = linesOf(text);
    for (let k = 0; k < lines.length; k++) {
      let line = lines[k]!;
      let deleted = false;
      let quit = false;
      for (const cmd of commands) {
        if (!cmd!.matches(line, k + 1)) continue;
        if (cmd!.kind === 'd') {
          deleted = true;
          break;
        }
        if (cmd!.kind === 'p') result += line + '\n';
        else if (cmd!.kind === 'q') quit = true;
        else line = cmd!.apply(line);
      }
      if (!deleted && !o.set.has('n')) result += line + '\n';
      if (quit) break;
    }
    return result;
  };
  if (o.set.has('i')) {
    for (const f of o.operands) {
      try {
        c.sys.fs.writeFile(abs(c, f), run(c.sys.fs.readFile(abs(c, f))));
      } catch (e) {
        status = fail(c, `${f}: ${errnoText(e)}`);
      }
    }
    return status;
  }
  for (const input of readInputs(c, o.operands, (f, e) => (status = fail(c, `${say(c, "can't read", "can't read")} ${f}: ${errnoText(e)}`, 2)))) out(c, run(input.text));
  return status;
};

interface SedCommand {
  kind: 's' | 'p' | 'd' | 'q';
  matches(line: string, n: number): boolean;
  apply(line: string): string;
}

function parseSed(text: string, extended: boolean): SedCommand | undefined {
  const toRe = (s: string, flags = '') => new RegExp(extended ? s : basicToExtended(s), flags);
  let matches: SedCommand['matches'] = () => true;
  let rest = text;
  const addr = /^(\d+|\$|\/((?:\\.|[^/])*)\/)/.exec(rest);
  if (addr) {
    rest = rest.slice(addr[0].length);
    if (addr[2] !== undefined) {
      const re = toRe(addr[2]);
      matches = (line) => re.test(line);
    } else if (addr[1] !== '$') matches = (_l, n) => n === Number(addr[1]);
  }
  if (rest === 'p' || rest === 'd' || rest === 'q') return { kind: rest, matches, apply: (l) => l };
  if (!rest.startsWith('s') || rest.length < 2) return undefined;
  const d = rest[1]!;
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < rest.length; i++) {
    if (rest[i] === '\\' && rest[i + 1] === d) {
      cur += d;
      i++;
    } else if (rest[i] === d) {
      parts.push(cur);
      cur = '';
    } else cur += rest[i];
  }
  if (parts.length < 2) return undefined;
  const [pattern, replacement] = parts as [string, string];
  const flags = cur;
  const re = toRe(pattern, (flags.includes('g') ? 'g' : '') + (flags.includes('i') || flags.includes('I') ? 'i' : ''));
  const rep = replacement.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1').replace(/(^|[^\\])&/g, '$1$$&').replace(/\\&/g, '&').replace(/\\n/g, '\n');
  return { kind: 's', matches, apply: (line) => line.replace(re, rep) };
}

export const xargs: Applet = (c) => {
  const o = options(c.argv.slice(1), 'rt', 'nI');
  const command = o.operands.length ? o.operands : ['echo'];
  const items = (c.io.stdin ?? '').split(/\s+/).filter(Boolean);
  if (items.length === 0 && o.set.has('r')) return 0;
  const size = o.values['n'] ? Number(o.values['n']) : Math.max(items.length, 1);
  let status = 0;
  for (let k = 0; k < Math.max(items.length, 1); k += size) {
    const batch = items.slice(k, k + size);
    const argv = o.values['I'] !== undefined ? command.map((a) => a.replaceAll(o.values['I']!, batch.join(' '))) : [...command, ...batch];
    const s = c.exec(argv, { stdin: '', stdout: c.io.stdout, stderr: c.io.stderr });
    if (s === 127) return 127;
    if (s) status = 123;
  }
  return status;
};
