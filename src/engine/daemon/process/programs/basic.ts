// Small utilities whose output follows from the container's own settings (environment, hostname,
// working directory, clock), so the simulator can answer them without a file system.
import { cDate } from '../stamps';
import { exited, notSimulated, printed, stderrLine, waiting, type Program } from '../program';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** busybox echo: leading -n/-e/-E flags (combinable), backslash escapes with -e. */
const echo: Program = (_ctx, argv) => {
  const args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    for (const f of args.shift()!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\([ntrabfv\\])/g, (_m, e: string) => ESCAPES[e]!);
  return printed(newline ? text + '\n' : text);
};

/** printf FORMAT [ARG…]: %s %d %i %c %x %o %%, backslash escapes; the format repeats while arguments remain. */
const printf: Program = (_ctx, argv) => {
  const [format, ...args] = argv.slice(1);
  if (format === undefined) return exited(1, stderrLine('printf: missing operand'));
  let out = '';
  let i = 0;
  do {
    out += format.replace(/\\([ntrabfv\\])|%([-0-9.]*)([sdicxo%])/g, (_m, esc?: string, width?: string, conv?: string) => {
      if (esc) return ESCAPES[esc]!;
      if (conv === '%') return '%';
      const arg = args[i++] ?? '';
      const n = Number.parseInt(arg, 10) || 0;
      const value = conv === 's' ? arg : conv === 'c' ? arg.slice(0, 1) : conv === 'x' ? n.toString(16) : conv === 'o' ? n.toString(8) : String(n);
      const w = Number.parseInt(width ?? '', 10);
      return Number.isNaN(w) ? value : w < 0 ? value.padEnd(-w) : value.padStart(w, width!.startsWith('0') ? '0' : ' ');
    });
  } while (i > 0 && i < args.length);
  return printed(out);
};

/** busybox/coreutils sleep: seconds with optional s/m/h/d suffix, or `infinity`. */
export function parseSleep(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit * 1000);
}

const sleep: Program = (_ctx, argv) => {
  if (argv.length < 2) return exited(1, stderrLine('sleep: missing operand'));
  const ms = parseSleep(argv[1]);
  if (ms === undefined) return exited(1, stderrLine(`sleep: invalid number '${argv[1]}'`));
  return ms === Infinity ? waiting(320 * 1024) : { output: [], duration: ms, code: 0, memory: 320 * 1024 };
};

const printenv: Program = (ctx, argv) => {
  const names = argv.slice(1);
  if (names.length === 0) return exited(0, ...Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`));
  const found = names.filter((n) => n in ctx.env);
  return exited(found.length === names.length ? 0 : 1, ...found.map((n) => ctx.env[n]!));
};

const env: Program = (ctx, argv) =>
  argv.length > 1 ? exited(0) : exited(0, ...Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`));

/** `date` in the C locale: "Mon Nov 23 11:30:00 UTC 2026" */
const date: Program = (ctx) => exited(0, cDate(ctx.now));

const ID_LINE: Record<string, string> = {
  busybox: 'uid=0(root) gid=0(root) groups=0(root),10(wheel)',
  alpine: 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)',
};

export const basicPrograms: Record<string, Program> = {
  echo,
  printf,
  true: () => exited(0),
  false: () => exited(1),
  sleep,
  printenv,
  env,
  date,
  hostname: (ctx) => exited(0, ctx.hostname),
  whoami: (ctx) => (ctx.passwd ? exited(0, 'root') : exited(1, stderrLine('whoami: unknown uid 0'))),
  id: (ctx) => exited(0, ctx.passwd ? (ID_LINE[ctx.base] ?? 'uid=0(root) gid=0(root) groups=0(root)') : 'uid=0 gid=0 groups=0'),
  pwd: (ctx) => exited(0, ctx.workingDir || '/'),
  uname: (_ctx, argv) => {
    const flag = argv[1] ?? '-s';
    if (flag === '-s') return exited(0, 'Linux');
    if (flag === '-m') return exited(0, 'x86_64');
    return notSimulated('uname ' + flag);
  },
};
