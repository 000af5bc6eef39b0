// How each real shell words its errors and draws its prompt: busybox ash (busybox and Alpine images),
// dash (`sh` on Debian/Ubuntu) and bash. Messages take where the error happened: the script's line
// number, and whether the shell reads a terminal (interactive shells leave line numbers out).
import { EOF_TOKEN, NEWLINE_TOKEN, type SyntaxProblem } from './syntax';

export type ShellKind = 'ash' | 'dash' | 'bash';

export interface Where {
  line: number;
  interactive: boolean;
}

export interface Flavour {
  kind: ShellKind;
  /** the shell's name in messages and $0 */
  name: string;
  /** which userland's applets the image has */
  userland: 'busybox' | 'coreutils';
  /** a shell-level error (`sh: can't create …`, expansion errors) */
  error(message: string, where: Where): string;
  notFound(command: string, where: Where): string;
  /** an error of a builtin (`cd`, `exit`, `shift` …) */
  builtinError(builtin: string, message: string, where: Where): string;
  /** the message lines of a syntax error in `source` */
  syntax(problem: SyntaxProblem, where: Where, source: string): string[];
  /** the prompt for root in `cwd` */
  prompt(cwd: string, hostname: string, home: string): string;
  /** the status and wording of builtins whose failures differ between shells */
  cdFailure(dir: string, reason: string): { message: string; status: number };
  badExitNumber(arg: string): string;
}

const tilde = (cwd: string, home: string) => (home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd);

const ash: Flavour = {
  kind: 'ash',
  name: 'sh',
  userland: 'busybox',
  error: (m) => `sh: ${m}`,
  notFound: (c) => `sh: ${c}: not found`,
  builtinError: (b, m, w) => (w.interactive ? `sh: ${b}: ${m}` : `sh: ${b}: line ${w.line}: ${m}`),
  syntax: (p) => {
    if (p.kind === 'unterminated') return ['sh: syntax error: unterminated quoted string'];
    const token = p.token === EOF_TOKEN || p.token === NEWLINE_TOKEN ? p.token : `"${p.token}"`;
    return [`sh: syntax error: unexpected ${token}${p.expecting ? ` (expecting "${p.expecting}")` : ''}`];
  },
  prompt: (cwd, _h, home) => `${tilde(cwd, home)} # `,
  cdFailure: (dir, reason) => ({ message: `can't cd to ${dir}: ${reason}`, status: 2 }),
  badExitNumber: (arg) => `Illegal number: ${arg}`,
};

const dash: Flavour = {
  kind: 'dash',
  name: 'sh',
  userland: 'coreutils',
  error: (m, w) => `sh: ${w.line}: ${m}`,
  notFound: (c, w) => `sh: ${w.line}: ${c}: not found`,
  builtinError: (b, m, w) => `sh: ${w.line}: ${b}: ${m}`,
  syntax: (p, w) => {
    if (p.kind === 'unterminated') return [`sh: ${w.line}: Syntax error: Unterminated quoted string`];
    const token = p.token === EOF_TOKEN || p.token === NEWLINE_TOKEN ? p.token : `"${p.token}"`;
    return [`sh: ${w.line}: Syntax error: ${token} unexpected${p.expecting ? ` (expecting "${p.expecting}")` : ''}`];
  },
  prompt: () => '# ',
  cdFailure: (dir) => ({ message: `can't cd to ${dir}`, status: 2 }),
  badExitNumber: (arg) => `Illegal number: ${arg}`,
};

const bashWhere = (w: Where) => (w.interactive ? 'bash: ' : `bash: line ${w.line}: `);

const bash: Flavour = {
  kind: 'bash',
  name: 'bash',
  userland: 'coreutils',
  error: (m, w) => bashWhere(w) + m,
  notFound: (c, w) => `${bashWhere(w)}${c}: command not found`,
  builtinError: (b, m, w) => `${bashWhere(w)}${b}: ${m}`,
  syntax: (p, w, source) => {
    const at = w.interactive ? 'bash: ' : `bash: -c: line ${w.line}: `;
    if (p.kind === 'unterminated') return [`${at}unexpected EOF while looking for matching \`${p.quote}'`];
    if (p.token === EOF_TOKEN) return [`${at}syntax error: unexpected end of file`];
    const line = source.split('\n')[w.line - 1] ?? '';
    return [`${at}syntax error near unexpected token \`${p.token === NEWLINE_TOKEN ? 'newline' : p.token}'`, ...(w.interactive ? [] : [`${at}\`${line}'`])];
  },
  prompt: (cwd, hostname, home) => `root@${hostname}:${tilde(cwd, home)}# `,
  cdFailure: (dir, reason) => ({ message: `${dir}: ${reason}`, status: 1 }),
  badExitNumber: (arg) => `${arg}: numeric argument required`,
};

export const FLAVOURS: Record<ShellKind, Flavour> = { ash, dash, bash };
