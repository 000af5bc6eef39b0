// pflag's FlagUsagesWrapped, as docker calls it (terminal width 80 → 79 columns): the "Options:" block
// of every help text. Aligns usage texts one column after the longest "-x, --name type" and wraps
// them with pflag's word-wrapping (5 columns of slop to avoid short orphan words).
import type { FlagSpec } from './command';

/** docker's help width for a non-terminal stdout (80) minus one */
const HELP_COLUMNS = 79;

/** pflag wrapN: split at the last whitespace before column i, unless the rest fits within i + slop */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: wrap `s` to width `w` with continuation lines indented by `i` */
function wrapUsage(i: number, w: number, s: string): string {
  const indentNl = (t: string, n: number) => t.replace(/\n/g, '\n' + ' '.repeat(n));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  let [line, rest] = wrapN(width, slop, s);
  r += indentNl(line, i);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    r += '\n' + ' '.repeat(i) + indentNl(line, i);
  }
  return r;
}

/** the "(default …)" suffix pflag appends for non-zero defaults */
function defaultSuffix(f: FlagSpec): string {
  if (f.defaultText !== undefined) return ` (default ${f.defaultText})`;
  const d = f.default;
  if (d === undefined || d === false || d === '' || d === 0) return '';
  if (Array.isArray(d)) return d.length ? ` (default [${d.join(',')}])` : '';
  if (f.type === 'string') return ` (default ${JSON.stringify(d)})`;
  return ` (default ${String(d)})`;
}

/** The flag table, one line (plus wrapped continuation lines) per visible flag, each ending in '\n'. */
export function flagUsages(flags: readonly FlagSpec[], cols = HELP_COLUMNS): string {
  const visible = flags.filter((f) => !f.hidden);
  const heads = visible.map((f) => {
    let head = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const varname = f.valueName ?? (f.type === 'bool' ? '' : f.type);
    if (varname) head += ' ' + varname;
    return head;
  });
  const maxlen = Math.max(0, ...heads.map((h) => h.length + 1));
  return visible
    .map((f, k) => {
      const head = heads[k]!;
      const usage = f.usage + defaultSuffix(f);
      return `${head} ${' '.repeat(maxlen - head.length)} ${wrapUsage(maxlen + 2, cols, usage)}\n`;
    })
    .join('');
}
