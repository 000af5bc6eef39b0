// Word expansion, in POSIX order: tilde, parameters, command substitution, arithmetic (left to right,
// quote-aware), then field splitting of unquoted expansion results, pathname expansion, quote removal.
// A word is first read into pieces that remember whether they were quoted and whether they came from
// an expansion, which is what splitting and globbing need to know.
import { ArithmeticError, evaluate } from './arith';
import { hasGlob, patternSource } from './pattern';

export interface ExpandHost {
  /** a variable or special parameter ($?, $$, $#, $0…$9, $!, $-); undefined when unset */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  positional(): string[];
  /** runs `script` in a subshell and returns its standard output */
  substitute(script: string): string;
  /** pathname expansion of a pattern (backslash-escaped literals); [] when nothing matches */
  glob(pattern: string): string[];
}

/** An expansion error (`${X?}`, bad substitution, arithmetic): the shell prints `sh: <message>`. */
export class ExpansionError extends Error {}

interface Piece {
  text: string;
  quoted: boolean;
  /** an unquoted expansion result: subject to field splitting */
  split: boolean;
}
/** separates the fields of "$@" */
const BREAK: Piece = { text: '', quoted: true, split: false };

const SPECIAL = /^[?$#!@*\-0-9]$/;

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** A command word or `for` item: may become several fields, or none. */
  fields(raw: string): string[] {
    const fields = this.split(this.scan(raw));
    return fields.flatMap((parts) => {
      const pattern = parts.map((p) => (p.quoted ? p.text.replace(/[\\*?[\]]/g, '\\$&') : p.text)).join('');
      const plain = parts.map((p) => p.text).join('');
      if (parts.some((p) => !p.quoted && hasGlob(p.text))) {
        const matches = this.host.glob(pattern);
        if (matches.length) return matches;
      }
      return [plain];
    });
  }

  /** Assignments, redirection targets, `case` words, here-documents: one string, no splitting or globbing. */
  string(raw: string): string {
    return this.scan(raw).map((p) => p.text).join('');
  }

  /** A here-document body: only $ expansions and backquotes, `\` before $ ` \ newline. */
  heredoc(body: string): string {
    return this.scanDouble(body, 0, body.length, false).map((p) => p.text).join('');
  }

  /** A `case` or `${VAR#…}` pattern: quoted parts match literally. */
  pattern(raw: string): string {
    return this.scan(raw).map((p) => (p.quoted ? p.text.replace(/[\\*?[\]]/g, '\\$&') : p.text)).join('');
  }

  private scan(raw: string): Piece[] {
    const pieces: Piece[] = [];
    let literal = '';
    const flush = () => {
      if (literal) pieces.push({ text: literal, quoted: false, split: false });
      literal = '';
    };
    let i = 0;
    if (raw.startsWith('~') && /^~(\/|$)/.test(raw)) {
      pieces.push({ text: this.host.lookup('HOME') ?? '', quoted: true, split: false });
      i = 1;
    }
    while (i < raw.length) {
      const ch = raw[i]!;
      if (ch === "'") {
        flush();
        const end = raw.indexOf("'", i + 1);
        pieces.push({ text: raw.slice(i + 1, end), quoted: true, split: false });
        i = end + 1;
      } else if (ch === '"') {
        flush();
        const end = closingQuote(raw, i + 1);
        const inner = raw.slice(i + 1, end);
        if (inner === '$@' && this.host.positional().length === 0) {
          i = end + 1;
          continue;
        }
        const parts = this.scanDouble(raw, i + 1, end, true);
        pieces.push(...(parts.length ? parts : [{ text: '', quoted: true, split: false }]));
        i = end + 1;
      } else if (ch === '\\') {
        flush();
        if (raw[i + 1] !== '\n' && i + 1 < raw.length) pieces.push({ text: raw[i + 1]!, quoted: true, split: false });
        i += 2;
      } else if (ch === '$' || ch === '`') {
        const r = this.dollar(raw, i, false);
        if (!r) {
          literal += ch;
          i++;
          continue;
        }
        flush();
        pieces.push(...r.pieces);
        i = r.end;
      } else {
        literal += ch;
        i++;
      }
    }
    flush();
    return pieces;
  }

  /** The inside of double quotes (or a here-document when `quotes` is false). */
  private scanDouble(raw: string, from: number, to: number, quotes: boolean): Piece[] {
    const pieces: Piece[] = [];
    let text = '';
    for (let i = from; i < to; ) {
      const ch = raw[i]!;
      if (ch === '\\' && i + 1 < to && (quotes ? '$`"\\\n' : '$`\\\n').includes(raw[i + 1]!)) {
        if (raw[i + 1] !== '\n') text += raw[i + 1];
        i += 2;
      } else if (ch === '$' || ch === '`') {
        const r = this.dollar(raw, i, true);
        if (!r) {
          text += ch;
          i++;
          continue;
        }
        if (text) pieces.push({ text, quoted: true, split: false });
        text = '';
        pieces.push(...r.pieces);
        i = r.end;
      } else {
        text += ch;
        i++;
      }
    }
    if (text) pieces.push({ text, quoted: true, split: false });
    return pieces;
  }

  /** A `$…` or backquote expansion starting at `i`; undefined when `$` is just a character. */
  private dollar(raw: string, i: number, quoted: boolean): { pieces: Piece[]; end: number } | undefined {
    const value = (text: string): Piece[] => [{ text, quoted, split: !quoted }];
    if (raw[i] === '`') {
      let end = i + 1;
      let script = '';
      while (end < raw.length && raw[end] !== '`') {
        if (raw[end] === '\\' && '$`\\'.includes(raw[end + 1] ?? '')) end++;
        script += raw[end++];
      }
      return { pieces: value(this.host.substitute(script).replace(/\n+$/, '')), end: end + 1 };
    }
    const next = raw[i + 1];
    if (next === '(' && raw[i + 2] === '(') {
      const end = matching(raw, i + 1, '(', ')');
      const inner = raw.slice(i + 3, end - 1);
      if (raw[end - 1] === ')') return { pieces: value(this.arithmetic(inner)), end: end + 1 };
    }
    if (next === '(') {
      const end = matching(raw, i + 1, '(', ')');
      return { pieces: value(this.host.substitute(raw.slice(i + 2, end)).replace(/\n+$/, '')), end: end + 1 };
    }
    if (next === '{') {
      const end = matching(raw, i + 1, '{', '}');
      return { pieces: this.braced(raw.slice(i + 2, end), quoted), end: end + 1 };
    }
    if (next !== undefined && SPECIAL.test(next)) return { pieces: this.parameter(next, quoted), end: i + 2 };
    const name = /^[A-Za-z_]\w*/.exec(raw.slice(i + 1))?.[0];
    if (!name) return undefined;
    return { pieces: value(this.host.lookup(name) ?? ''), end: i + 1 + name.length };
  }

  private parameter(name: string, quoted: boolean): Piece[] {
    if (name === '@' && quoted) {
      return this.host.positional().flatMap((p, k) => (k === 0 ? [{ text: p, quoted: true, split: false }] : [BREAK, { text: p, quoted: true, split: false }]));
    }
    const text = name === '@' || name === '*' ? this.host.positional().join(quoted ? (this.host.lookup('IFS') ?? ' ').slice(0, 1) : ' ') : (this.host.lookup(name) ?? '');
    return [{ text, quoted, split: !quoted }];
  }

  private arithmetic(expr: string): string {
    const text = this.string(expr.replace(/"/g, ''));
    try {
      return String(evaluate(text, { get: (n) => this.host.lookup(n), set: (n, v) => this.host.assign(n, v) }));
    } catch (e) {
      if (e instanceof ArithmeticError) throw new ExpansionError(e.message);
      throw e;
    }
  }

  /** `${…}`: length, defaults, assignments, errors, alternatives and prefix/suffix removal. */
  private braced(body: string, quoted: boolean): Piece[] {
    const out = (text: string): Piece[] => [{ text, quoted, split: !quoted }];
    if (body.startsWith('#') && body.length > 1) {
      const name = body.slice(1);
      if (!/^(\w+|[?$#!@*\-])$/.test(name)) throw new ExpansionError(`\${${body}}: bad substitution`);
      return out(String(name === '#' ? this.host.positional().length : (this.host.lookup(name) ?? '').length));
    }
    const m = /^([A-Za-z_]\w*|\d+|[?$#!@*\-])(:?[-=?+]|##?|%%?)?([\s\S]*)$/.exec(body);
    if (!m || (!m[2] && m[3])) throw new ExpansionError(`\${${body}}: bad substitution`);
    const [, name, op, word] = m as unknown as [string, string, string | undefined, string];
    if (!op) return name === '@' || name === '*' ? this.parameter(name, quoted) : out(this.host.lookup(name) ?? '');
    const value = name === '@' || name === '*' ? this.host.positional().join(' ') : this.host.lookup(name);
    const unset = value === undefined || (op.startsWith(':') && value === '');
    const word$ = () => (quoted ? this.scanDouble(word, 0, word.length, true).map((p) => p.text).join('') : this.string(word));
    switch (op.replace(':', '')) {
      case '-':
        return unset ? out(word$()) : out(value!);
      case '=':
        if (!unset) return out(value!);
        this.host.assign(name, word$());
        return out(this.host.lookup(name) ?? '');
      case '?':
        if (!unset) return out(value!);
        throw new ExpansionError(`${name}: ${word$() || (op.startsWith(':') ? 'parameter not set or null' : 'parameter not set')}`);
      case '+':
        return unset ? [] : out(word$());
      default: {
        const v = value ?? '';
        const pattern = patternSource(this.pattern(word), op.length === 1);
        const re = op.startsWith('#') ? new RegExp(`^${pattern}`) : new RegExp(`${pattern}$`);
        if (op.startsWith('%') && op.length === 1) {
          // shortest suffix: try the longest start position first
          for (let k = v.length; k >= 0; k--) if (new RegExp(`^${patternSource(this.pattern(word))}$`).test(v.slice(k))) return out(v.slice(0, k));
          return out(v);
        }
        return out(v.replace(re, ''));
      }
    }
  }

  /** Splits unquoted expansion results on IFS; quoted text and literals glue onto the current field. */
  private split(pieces: Piece[]): Piece[][] {
    const ifs = this.host.lookup('IFS') ?? ' \t\n';
    const fields: Piece[][] = [];
    let current: Piece[] | null = null;
    for (const piece of pieces) {
      if (piece === BREAK) {
        fields.push(current ?? []);
        current = [];
        continue;
      }
      if (!piece.split || ifs === '') {
        (current ??= []).push(piece);
        continue;
      }
      let text = '';
      for (const ch of piece.text) {
        if (!ifs.includes(ch)) {
          text += ch;
          continue;
        }
        if (text) (current ??= []).push({ ...piece, text });
        text = '';
        const whitespace = ' \t\n'.includes(ch);
        if (current || !whitespace) fields.push(current ?? []);
        current = null;
      }
      if (text) (current ??= []).push({ ...piece, text });
    }
    if (current && (current.some((p) => p.text !== '' || p.quoted))) fields.push(current);
    return fields;
  }
}

function closingQuote(raw: string, from: number): number {
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '"') return i;
    else if (raw[i] === '$' && (raw[i + 1] === '(' || raw[i + 1] === '{')) i = matching(raw, i + 1, raw[i + 1]!, raw[i + 1] === '(' ? ')' : '}');
    else if (raw[i] === '`') i = raw.indexOf('`', i + 1);
  }
  return raw.length;
}

/** Index of the `close` matching the `open` at `at`, skipping quoted text. */
function matching(raw: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let i = at; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === "'" && open === '(') i = raw.indexOf("'", i + 1);
    else if (ch === '"') i = closingQuote(raw, i + 1);
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i;
  }
  return raw.length;
}
