// Splits shell source into words (raw, quotes kept), operators and newlines. A word ends at an unquoted
// blank or operator character; quotes, `\`, `$(…)`, `${…}`, `$((…))` and backquotes are skipped over
// as units. Here-document bodies are read at the end of the line that introduced them.
import { EOF_TOKEN, ShellSyntaxError, type Redir } from './syntax';

export type Token =
  | { type: 'word'; raw: string; line: number }
  /** digits directly before a redirection operator (`2>`) */
  | { type: 'io'; fd: number; line: number }
  | { type: 'op'; op: string; line: number }
  | { type: 'newline'; line: number }
  | { type: 'eof'; line: number };

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '<>', '>|', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

export class Lexer {
  private i = 0;
  line = 1;
  private pendingHeredocs: Redir[] = [];

  constructor(private readonly src: string) {}

  /** Registers a `<<` redirection whose body starts after the current line. */
  heredoc(redir: Redir): void {
    this.pendingHeredocs.push(redir);
  }

  next(): Token {
    const s = this.src;
    for (;;) {
      while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
      if (s[this.i] === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        this.line++;
        continue;
      }
      if (s[this.i] === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      }
      break;
    }
    const line = this.line;
    if (this.i >= s.length) {
      if (this.pendingHeredocs.length) this.readHeredocs();
      return { type: 'eof', line };
    }
    const ch = s[this.i]!;
    if (ch === '\n') {
      this.i++;
      this.line++;
      if (this.pendingHeredocs.length) this.readHeredocs();
      return { type: 'newline', line };
    }
    const op = OPERATORS.find((o) => s.startsWith(o, this.i));
    if (op) {
      this.i += op.length;
      return { type: 'op', op, line };
    }
    const start = this.i;
    this.skipWord();
    const raw = s.slice(start, this.i);
    if (/^\d+$/.test(raw) && (s[this.i] === '<' || s[this.i] === '>')) return { type: 'io', fd: Number(raw), line };
    return { type: 'word', raw, line };
  }

  private skipWord(): void {
    const s = this.src;
    while (this.i < s.length && !META.has(s[this.i]!)) this.skipUnit();
  }

  /** Advances over one character or one quoted/substituted unit. */
  private skipUnit(): void {
    const s = this.src;
    const ch = s[this.i]!;
    if (ch === '\\') {
      if (s[this.i + 1] === '\n') this.line++;
      this.i += 2;
    } else if (ch === "'") {
      const end = s.indexOf("'", this.i + 1);
      if (end < 0) throw new ShellSyntaxError({ kind: 'unterminated', quote: "'" }, this.line);
      this.countLines(this.i, end);
      this.i = end + 1;
    } else if (ch === '"') {
      this.i++;
      while (s[this.i] !== '"') {
        if (this.i >= s.length) throw new ShellSyntaxError({ kind: 'unterminated', quote: '"' }, this.line);
        if (s[this.i] === '\\') this.i += 2;
        else if (s[this.i] === '$' || s[this.i] === '`') this.skipUnit();
        else {
          if (s[this.i] === '\n') this.line++;
          this.i++;
        }
      }
      this.i++;
    } else if (ch === '`') {
      this.i++;
      while (s[this.i] !== '`') {
        if (this.i >= s.length) throw new ShellSyntaxError({ kind: 'unterminated', quote: '`' }, this.line);
        this.i += s[this.i] === '\\' ? 2 : 1;
      }
      this.i++;
    } else if (ch === '$' && (s[this.i + 1] === '(' || s[this.i + 1] === '{')) {
      const close = s[this.i + 1] === '(' ? ')' : '}';
      this.i += 2;
      this.skipBalanced(s[this.i - 1]!, close);
    } else {
      if (ch === '\n') this.line++;
      this.i++;
    }
  }

  /** Skips to just past the `close` matching an already consumed `open`, minding quotes. */
  private skipBalanced(open: string, close: string): void {
    const s = this.src;
    let depth = 1;
    while (depth > 0) {
      if (this.i >= s.length) throw new ShellSyntaxError({ kind: 'unexpected', token: EOF_TOKEN, expecting: close === ')' ? ')' : '}' }, this.line);
      const ch = s[this.i]!;
      if (ch === open) depth++;
      else if (ch === close) depth--;
      if (ch === "'" || ch === '"' || ch === '`' || ch === '\\' || (ch === '$' && (s[this.i + 1] === '(' || s[this.i + 1] === '{'))) this.skipUnit();
      else this.i++;
    }
  }

  private countLines(from: number, to: number): void {
    for (let k = from; k < to; k++) if (this.src[k] === '\n') this.line++;
  }

  private readHeredocs(): void {
    for (const redir of this.pendingHeredocs.splice(0)) {
      const quoted = /['"\\]/.test(redir.target);
      const delimiter = redir.target.replace(/['"\\]/g, '');
      const lines: string[] = [];
      while (this.i < this.src.length) {
        const end = this.src.indexOf('\n', this.i);
        const raw = this.src.slice(this.i, end < 0 ? this.src.length : end);
        this.i = end < 0 ? this.src.length : end + 1;
        this.line++;
        const text = redir.op === '<<-' ? raw.replace(/^\t+/, '') : raw;
        if (text === delimiter) break;
        lines.push(text);
      }
      redir.heredoc = { body: lines.map((l) => l + '\n').join(''), expand: !quoted };
    }
  }
}
