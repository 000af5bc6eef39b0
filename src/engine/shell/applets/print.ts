// echo and printf, used as shell builtins and as applets.
import { fail, out, type Applet } from './types';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

/** Backslash escapes as echo -e and printf's %b know them; `\c` stops all output. */
function unescape(text: string): { text: string; stop: boolean } {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 >= text.length) {
      result += ch;
      continue;
    }
    const next = text[++i]!;
    if (next === 'c') return { text: result, stop: true };
    if (next === '0' || /[1-7]/.test(next)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(next === '0' ? i + 1 : i))![0] ?? '';
      result += String.fromCharCode(Number.parseInt(m || '0', 8));
      i += next === '0' ? m.length : m.length - 1;
    } else if (next in ESCAPES) result += ESCAPES[next];
    else result += '\\' + next;
  }
  return { text: result, stop: false };
}

/**
 * echo. busybox and bash take -n/-e/-E and interpret escapes only with -e; dash's echo takes only -n
 * and always interprets escapes (`dash` = flavour of the calling shell).
 */
export const echo = (dash: boolean): Applet => (c) => {
  const args = c.argv.slice(1);
  let newline = true;
  let escapes = dash;
  while (args.length && (dash ? args[0] === '-n' : /^-[neE]+$/.test(args[0]!))) {
    for (const f of args.shift()!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescape(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  out(c, newline ? text + '\n' : text);
  return 0;
};

/** printf FORMAT [ARG…]: the format repeats while arguments remain. */
export const printf: Applet = (c) => {
  const [format, ...args] = c.argv.slice(1);
  if (format === undefined) return fail(c, c.userland === 'busybox' ? 'missing argument' : 'missing operand');
  let status = 0;
  let text = '';
  let i = 0;
  const number = (arg: string): number => {
    if (arg === '') return 0;
    if (/^['"]/.test(arg)) return arg.charCodeAt(1) || 0;
    const n = Number(arg);
    if (Number.isNaN(n)) {
      c.io.stderr.write(c.userland === 'busybox' ? `sh: invalid number '${arg}'\n` : `printf: ${arg}: invalid number\n`);
      status = 1;
      return 0;
    }
    return n;
  };
  for (;;) {
    let stop = false;
    text += format.replace(/\\([0-7]{1,3}|.)|%([-+ #0]*)(\d*|\*)(?:\.(\d*))?([sbdiouxXcfeEgG%])/g, (m, esc?: string, flags = '', width = '', precision?: string, conv?: string) => {
      if (esc !== undefined) return unescape(m).text;
      if (conv === '%') return '%';
      const arg = args[i++] ?? '';
      let value: string;
      switch (conv) {
        case 's': value = precision !== undefined ? arg.slice(0, Number(precision)) : arg; break;
        case 'b': {
          const r = unescape(arg);
          if (r.stop) stop = true;
          value = r.text;
          break;
        }
        case 'c': value = arg.slice(0, 1); break;
        case 'd': case 'i': value = Math.trunc(number(arg)).toString(); break;
        case 'u': value = Math.trunc(number(arg)).toString(); break;
        case 'o': value = Math.trunc(number(arg)).toString(8); break;
        case 'x': value = Math.trunc(number(arg)).toString(16); break;
        case 'X': value = Math.trunc(number(arg)).toString(16).toUpperCase(); break;
        default: value = number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      }
      if (flags.includes('+') && /^\d/.test(value) && 'dif'.includes(conv!)) value = '+' + value;
      const w = width === '*' ? 0 : Number(width || 0);
      if (value.length >= w) return value;
      if (flags.includes('-')) return value.padEnd(w);
      if (flags.includes('0') && conv !== 's') return value.startsWith('-') ? '-' + value.slice(1).padStart(w - 1, '0') : value.padStart(w, '0');
      return value.padStart(w);
    });
    if (stop || i === 0 || i >= args.length) break;
  }
  out(c, text);
  return status;
};
