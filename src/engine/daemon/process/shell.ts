// A deliberately small `sh -c` for main processes and `docker exec`: words with quotes and $VAR, the
// lists `;` `&&` `||`, output redirection to stderr or /dev/null, `for … in …; do …; done`,
// `while true; do …; done`, `trap`, and the builtins `exit`, `export`, `cd`. Every other command runs
// through the same program table as PID 1 does. The runtime issue replaces this module with a real
// POSIX shell over the container's file system.
import type { PlannedLine, SignalReaction } from './plan';
import { normaliseSignal } from './plan';
import { exited, stderrLine, type ProgramContext, type Run } from './program';

export type Runner = (argv: string[], ctx: ProgramContext) => Run | undefined;

type Op = ';' | '&&' | '||';

/** A simple command (raw words, expanded when it runs), or a loop over a body. */
type Item =
  | { kind: 'simple'; op: Op; words: string[] }
  | { kind: 'for'; op: Op; variable: string; values: string[]; body: Item[] }
  | { kind: 'while'; op: Op; condition: string[]; body: Item[] };

class ScriptSyntaxError extends Error {}

// Quoted text is marked so expansion and word splitting can tell it apart: \u0001 delimits quotes,
// \u0002 stands for a `$` that must stay literal (inside single quotes).
const QUOTE = '\u0001';
const LITERAL_DOLLAR = '\u0002';

/** Splits a script into simple commands joined by list operators. */
function tokenize(script: string): { words: string[]; op: Op }[] {
  const cmds: { words: string[]; op: Op }[] = [{ words: [], op: ';' }];
  let word: string | null = null;
  const flush = () => {
    if (word !== null) cmds[cmds.length - 1]!.words.push(word);
    word = null;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'" || ch === '"') {
      const end = script.indexOf(ch, i + 1);
      if (end < 0) throw new ScriptSyntaxError('Unterminated quoted string');
      const body = script.slice(i + 1, end);
      word = (word ?? '') + QUOTE + (ch === "'" ? body.replaceAll('$', LITERAL_DOLLAR) : body) + QUOTE;
      i = end;
    } else if (script.startsWith('$((', i)) {
      const end = arithmeticEnd(script, i);
      word = (word ?? '') + script.slice(i, end);
      i = end - 1;
    } else if (ch === '\\' && i + 1 < script.length) {
      word = (word ?? '') + script[++i];
    } else if (ch === ';' || ch === '\n' || script.startsWith('&&', i) || script.startsWith('||', i)) {
      flush();
      const op: Op = ch === ';' || ch === '\n' ? ';' : (script.slice(i, i + 2) as Op);
      if (op !== ';') i++;
      if (cmds[cmds.length - 1]!.words.length === 0) {
        if (ch === '\n') continue;
        throw new ScriptSyntaxError(`syntax error: unexpected "${op}"`);
      }
      cmds.push({ words: [], op });
    } else if (ch === ' ' || ch === '\t') {
      flush();
    } else {
      word = (word ?? '') + ch;
    }
  }
  flush();
  const last = cmds[cmds.length - 1]!;
  if (last.words.length === 0) {
    if (last.op !== ';') throw new ScriptSyntaxError('syntax error: unexpected end of file');
    cmds.pop();
  }
  return cmds;
}

/** Groups `for`/`while` … `do` … `done` into loop items. */
function structure(cmds: { words: string[]; op: Op }[]): Item[] {
  let i = 0;
  const block = (closer: string | undefined): Item[] => {
    const items: Item[] = [];
    while (i < cmds.length) {
      const { words, op } = cmds[i]!;
      if (words[0] === closer) {
        i++;
        return items;
      }
      if (words[0] === 'done') throw new ScriptSyntaxError('syntax error: unexpected "done"');
      i++;
      if (words[0] === 'for' || words[0] === 'while') {
        const head = words.slice(1);
        const doCmd = cmds[i];
        if (!doCmd || doCmd.words[0] !== 'do') throw new ScriptSyntaxError('syntax error: unexpected end of file (expecting "do")');
        doCmd.words = doCmd.words.slice(1);
        if (doCmd.words.length === 0) i++;
        const body = block('done');
        if (words[0] === 'for') {
          if (head[1] !== 'in') throw new ScriptSyntaxError(`syntax error: bad for loop variable`);
          items.push({ kind: 'for', op, variable: head[0]!, values: head.slice(2), body });
        } else {
          items.push({ kind: 'while', op, condition: head, body });
        }
        continue;
      }
      items.push({ kind: 'simple', op, words });
    }
    if (closer) throw new ScriptSyntaxError('syntax error: unexpected end of file (expecting "done")');
    return items;
  };
  return block(undefined);
}

/** The index just past the `))` closing the `$((` at `start` (parentheses may nest inside). */
function arithmeticEnd(s: string, start: number): number {
  let depth = 2;
  for (let i = start + 3; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i + 1;
  }
  throw new ScriptSyntaxError('Unterminated arithmetic expression');
}

/** `$((…))`: integer arithmetic with + - * / % and parentheses; names are variables (unset = 0). */
function arithmetic(expr: string, vars: Record<string, string>): string {
  const tokens = expr.match(/\d+|[A-Za-z_]\w*|[-+*/%()]/g) ?? [];
  let i = 0;
  const atom = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++;
      return v;
    }
    if (t === '-') return -atom();
    if (t === '+') return atom();
    if (t === undefined) throw new ScriptSyntaxError(`arithmetic syntax error`);
    return /^\d/.test(t) ? Number(t) : Number.parseInt(vars[t] ?? '0', 10) || 0;
  };
  const product = (): number => {
    let v = atom();
    while (tokens[i] === '*' || tokens[i] === '/' || tokens[i] === '%') {
      const op = tokens[i++];
      const r = atom();
      if (op !== '*' && r === 0) throw new ScriptSyntaxError('divide by zero');
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return String(sum());
}

function expand(raw: string, vars: Record<string, string>, status: number): string {
  let text = raw;
  for (let at = text.indexOf('$(('); at >= 0; at = text.indexOf('$((', at)) {
    const end = arithmeticEnd(text, at);
    const value = arithmetic(text.slice(at + 3, end - 2), vars);
    text = text.slice(0, at) + value + text.slice(end);
    at += value.length;
  }
  return text
    // $$ is the shell's own PID: 1 for a container's main process (the simulator runs scripts as PID 1)
    .replace(/\$\?|\$\$|\$\{(\w+)\}|\$(\w+)/g, (m, a?: string, b?: string) => (m === '$?' ? String(status) : m === '$$' ? '1' : (vars[(a ?? b)!] ?? '')))
    .replaceAll(QUOTE, '')
    .replaceAll(LITERAL_DOLLAR, '$');
}

const BARE_REDIRECT = /^\d?(?:>>?|<|&>)$/;
const FILE_REDIRECT = /^\d?(?:>>?|<|&>)/;
const REDIRECTS: Record<string, { out?: 1 | 2 | null; err?: 1 | 2 | null }> = {
  '>&2': { out: 2 }, '1>&2': { out: 2 }, '2>&1': { err: 1 }, '>/dev/null': { out: null },
  '1>/dev/null': { out: null }, '2>/dev/null': { err: null }, '&>/dev/null': { out: null, err: null },
};

export interface ShellFlavour {
  /** `sh: foo: not found` (busybox), `sh: 1: foo: not found` (dash), `bash: line 1: foo: command not found` */
  notFound(name: string): string;
  syntaxError(msg: string): string;
  /** `sh -c` without a script */
  missingScript: string;
}

/** The shell's state while it works through a script. */
class Session {
  output: PlannedLine[] = [];
  t = 0;
  status = 0;
  memory = 0;
  /** set once the script ends: by `exit`, or by a command/loop that never ends */
  ended: 'exit' | 'forever' | undefined;
  repeat: Run['repeat'];
  signals: Record<string, SignalReaction> = {};
  readonly vars: Record<string, string>;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly flavour: ShellFlavour,
    private readonly run: Runner,
  ) {
    this.vars = { ...ctx.env };
  }

  items(items: Item[]): void {
    for (const item of items) {
      if (this.ended) return;
      if ((item.op === '&&' && this.status !== 0) || (item.op === '||' && this.status === 0)) continue;
      if (item.kind === 'simple') this.simple(item.words);
      else if (item.kind === 'for') {
        for (const v of item.values.flatMap((w) => expand(w, this.vars, this.status).split(/\s+/).filter(Boolean))) {
          this.vars[item.variable] = v;
          this.items(item.body);
          if (this.ended) return;
        }
      } else this.loop(item.condition, item.body);
    }
  }

  /** `while COND`: a constant-true loop whose body takes time becomes repeating output for ever. */
  private loop(condition: string[], body: Item[]): void {
    const always = condition.length === 1 && (condition[0] === 'true' || condition[0] === ':');
    if (!always) {
      this.simple(['while', ...condition]);
      return;
    }
    const start = { t: this.t, lines: this.output.length };
    this.items(body);
    if (this.ended) return;
    const every = this.t - start.t;
    // a busy loop without sleep would flood the log: model it as running silently
    this.repeat = every > 0 ? { from: start.t, every, lines: this.output.slice(start.lines).map((l) => ({ ...l, at: l.at - start.t })) } : undefined;
    if (every > 0) this.output.length = start.lines;
    this.ended = 'forever';
  }

  private simple(raw: string[]): void {
    const redirect = { out: 1 as 1 | 2 | null, err: 2 as 1 | 2 | null };
    const words: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      // `> /dev/null` is `>/dev/null`: a bare operator takes the next word as its target
      const w = BARE_REDIRECT.test(raw[i]!) && i + 1 < raw.length ? raw[i]! + raw[++i]! : raw[i]!;
      const r = REDIRECTS[w];
      if (r) Object.assign(redirect, r);
      else if (FILE_REDIRECT.test(w)) return this.unsupportedRedirect(w);
      else words.push(expand(w, this.vars, this.status));
    }
    const [name, ...args] = words;
    if (name === undefined) return;
    if (name === 'exit') {
      this.status = args[0] === undefined ? this.status : Number(args[0]) & 255;
      this.ended = 'exit';
    } else if (name === 'export' || /^\w+=/.test(name)) {
      for (const a of name === 'export' ? args : words) {
        const eq = a.indexOf('=');
        if (eq > 0) this.vars[a.slice(0, eq)] = a.slice(eq + 1);
      }
      this.status = 0;
    } else if (name === 'cd') {
      this.status = 0;
    } else if (name === 'trap') {
      this.trap(args);
    } else if (name === 'kill' && args.at(-1) === '1') {
      this.killSelf(args.length > 1 ? args[0]!.replace(/^-/, '') : 'TERM');
    } else {
      this.external(words, redirect);
    }
  }

  /** Files in containers arrive with the runtime; until then say so instead of echoing `> file` as text. */
  private unsupportedRedirect(word: string): void {
    this.output.push({ at: this.t, stream: 'stderr', text: `sh: redirection ${word}: files inside containers are not available in the Dockhand simulator yet (they arrive with the container runtime)` });
    this.status = 1;
  }

  /** `trap 'handler' SIG…`: the handler runs when the signal arrives; with `exit` in it, the shell ends. */
  private trap([handler, ...signals]: string[]): void {
    for (const s of signals) {
      const sig = normaliseSignal(s);
      if (!sig) continue;
      if (handler === '-' || handler === undefined) {
        delete this.signals[sig];
        continue;
      }
      const inner = new Session({ ...this.ctx, env: this.vars }, this.flavour, this.run);
      inner.items(structure(tokenize(handler)));
      this.signals[sig] = inner.ended === 'exit' ? { code: inner.status, output: inner.output } : 'ignore';
    }
    this.status = 0;
  }

  /**
   * `kill -SIG $$` from inside: PID 1 of a PID namespace only receives signals it has a handler for
   * (even SIGKILL is dropped), so without a trap nothing happens.
   */
  private killSelf(signal: string): void {
    const reaction = this.signals[normaliseSignal(signal) ?? ''];
    this.status = 0;
    if (!reaction || reaction === 'ignore') return;
    this.output.push(...reaction.output.map((l) => ({ ...l, at: this.t + l.at })));
    this.status = reaction.code;
    this.ended = 'exit';
  }

  private external(words: string[], redirect: { out: 1 | 2 | null; err: 1 | 2 | null }): void {
    const result = this.run(words, { ...this.ctx, env: this.vars }) ?? exited(127, stderrLine(this.flavour.notFound(words[0]!)));
    for (const line of result.output) {
      const target = line.stream === 'stdout' ? redirect.out : redirect.err;
      if (target !== null) this.output.push({ ...line, at: this.t + line.at, stream: target === 1 ? 'stdout' : 'stderr' });
    }
    this.memory = Math.max(this.memory, result.memory ?? 0);
    if (result.duration === Infinity) {
      Object.assign(this.signals, result.signals);
      this.ended = 'forever';
      return;
    }
    this.t += result.duration;
    this.status = result.code;
  }

  /** The shell gives up with status 2 (a syntax or expansion error at run time). */
  fail(message: string): void {
    this.output.push({ at: this.t, ...stderrLine(message) });
    this.status = 2;
    this.ended = 'exit';
  }

  result(): Run {
    const base = { output: this.output, memory: this.memory, signals: this.signals };
    if (this.ended === 'forever') return { ...base, duration: Infinity, code: 0, ...(this.repeat ? { repeat: this.repeat } : {}) };
    return { ...base, duration: this.t, code: this.status };
  }
}

/** Runs `script` like `sh -c script`; `run` executes one simple command (an external program). */
export function runScript(script: string, ctx: ProgramContext, flavour: ShellFlavour, run: Runner): Run {
  let items: Item[];
  try {
    items = structure(tokenize(script));
  } catch (e) {
    if (e instanceof ScriptSyntaxError) return exited(2, stderrLine(flavour.syntaxError(e.message)));
    throw e;
  }
  const session = new Session(ctx, flavour, run);
  try {
    session.items(items);
  } catch (e) {
    // an expansion that fails at run time ends the shell like a syntax error does
    if (!(e instanceof ScriptSyntaxError)) throw e;
    session.fail(flavour.syntaxError(e.message));
  }
  return session.result();
}
