// Splits a command line into words the way a POSIX shell does before docker ever sees them: single
// and double quotes, backslash escapes, `\`-newline continuations, `$VAR` / `${VAR}` expansion (with
// field splitting when unquoted), `#` comments. Command substitution (`$(…)`, backticks) is delegated
// to a hook so a simulated host shell can plug in later. Never throws.

export interface TokenizeOptions {
  /** variables for `$VAR` expansion (unset variables expand to nothing) */
  env?: Readonly<Record<string, string>>;
  /** runs a command substitution's inner text and returns its output; undefined (or no hook): not available */
  substitute?: (command: string) => string | undefined;
}

export interface TokenizeResult {
  words: string[];
  /** a shell syntax error ("unexpected EOF while looking for matching `\"'"); exit status 2 */
  error?: string;
}

const IFS = /[ \t\n]+/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** unquoted characters a shell treats as operators; a lone docker command line never needs them */
const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);

export function tokenize(line: string, opts: TokenizeOptions = {}): TokenizeResult {
  const env = opts.env ?? {};
  const words: string[] = [];
  // the word being built: `parts` are [text, splittable] pieces (unquoted expansions split on IFS)
  let parts: [string, boolean][] = [];
  let inWord = false;
  let i = 0;

  const flush = (): void => {
    if (!inWord) return;
    let fields: string[] = [];
    let current = '';
    let quotedOrLiteral = false;
    for (const [text, splittable] of parts) {
      if (!splittable) {
        current += text;
        quotedOrLiteral = true;
        continue;
      }
      const pieces = text.split(IFS);
      current += pieces[0];
      for (const p of pieces.slice(1)) {
        fields.push(current);
        current = p;
      }
    }
    fields.push(current);
    // an unquoted expansion that produced nothing yields no word at all
    if (!quotedOrLiteral) fields = fields.filter((f) => f !== '');
    words.push(...fields);
    parts = [];
    inWord = false;
  };
  const lit = (t: string): void => {
    parts.push([t, false]);
    inWord = true;
  };

  /** `$…` at `i` (pointing at '$'); returns the expansion and advances `i` */
  const dollar = (): { text: string } | { error: string } => {
    const next = line[i + 1];
    if (next === '{') {
      const end = line.indexOf('}', i + 2);
      if (end < 0) return { error: `unexpected EOF while looking for matching \`}'` };
      const name = line.slice(i + 2, end);
      i = end + 1;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$|^[0-9?$#@*!-]$/.test(name)) return { error: `\${${name}}: bad substitution` };
      return { text: env[name] ?? '' };
    }
    if (next === '(') {
      const end = matchingParen(line, i + 2);
      if (end < 0) return { error: "unexpected EOF while looking for matching `)'" };
      const inner = line.slice(i + 2, end);
      i = end + 1;
      return substitute(inner);
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < line.length && NAME_CHAR.test(line[j]!)) j++;
      const name = line.slice(i + 1, j);
      i = j;
      return { text: env[name] ?? '' };
    }
    if (next !== undefined && /[0-9?$#@*!-]/.test(next)) {
      i += 2;
      return { text: env[next] ?? '' };
    }
    i++;
    return { text: '$' };
  };

  const substitute = (inner: string): { text: string } | { error: string } => {
    const output = opts.substitute?.(inner);
    if (output === undefined) return { error: `command substitution is not available here: ${inner.trim() || '(empty)'}` };
    // the shell drops trailing newlines of the output
    return { text: output.replace(/\n+$/, '') };
  };

  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      flush();
      i++;
    } else if (c === '#' && !inWord) {
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? line.length : nl;
    } else if (c === '\\') {
      if (line[i + 1] === '\n')
        i += 2; // continuation
      else if (i + 1 < line.length) {
        lit(line[i + 1]!);
        i += 2;
      } else {
        lit('\\');
        i++;
      }
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { words, error: "unexpected EOF while looking for matching `''" };
      lit(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      i++;
      let text = '';
      let closed = false;
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) {
          if (line[i + 1] !== '\n') text += line[i + 1];
          i += 2;
        } else if (d === '$') {
          const r = dollar();
          if ('error' in r) return { words, error: r.error };
          text += r.text;
        } else if (d === '`') {
          const end = line.indexOf('`', i + 1);
          if (end < 0) return { words, error: "unexpected EOF while looking for matching ``'" };
          const r = substitute(line.slice(i + 1, end));
          if ('error' in r) return { words, error: r.error };
          text += r.text;
          i = end + 1;
        } else {
          text += d;
          i++;
        }
      }
      if (!closed) return { words, error: 'unexpected EOF while looking for matching `"\'' };
      lit(text);
    } else if (c === '$') {
      const r = dollar();
      if ('error' in r) return { words, error: r.error };
      parts.push([r.text, true]);
      inWord = true;
    } else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end < 0) return { words, error: "unexpected EOF while looking for matching ``'" };
      const r = substitute(line.slice(i + 1, end));
      if ('error' in r) return { words, error: r.error };
      parts.push([r.text, true]);
      inWord = true;
      i = end + 1;
    } else if (OPERATORS.has(c)) {
      return { words, error: `syntax error near unexpected token \`${c}' (pipes, redirections and command lists are not supported here)` };
    } else {
      // a run of ordinary characters in one step keeps 100 KB lines fast
      let j = i + 1;
      while (j < line.length && !/[\s\\'"$`#|&;<>()]/.test(line[j]!)) j++;
      lit(line.slice(i, j));
      i = j;
    }
  }
  flush();
  return { words };
}

/** index of the ')' closing a `$(` whose body starts at `from`, honouring nesting and quotes; −1 if none */
function matchingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
