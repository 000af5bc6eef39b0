// Variable substitution in Dockerfile words, as BuildKit's shell lexer (frontend/dockerfile/shell)
// does it for the instructions Docker expands (FROM, COPY, ADD, ENV, ARG, LABEL, EXPOSE, USER,
// WORKDIR, VOLUME, STOPSIGNAL): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
// `${VAR+alt}`, `${VAR:?message}`; single quotes are literal, double quotes group, the escape
// character escapes. Quotes are removed from the result.

export type Lookup = (name: string) => string | undefined;

export class ExpandError extends Error {}

function readName(s: string, i: number): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]|[*#$@?!-])/.exec(s.slice(i));
  return m ? m[1]! : '';
}

interface Options {
  /** keep quotes in place (what step names show) */
  keepQuotes?: boolean;
  /** leave `$NAME` of an unknown variable as typed instead of expanding it to '' */
  keepUnknown?: boolean;
}

/** One word with variables substituted; also reports which variables it used. */
export function expandWord(word: string, lookup: Lookup, escape = '\\', opts: Options = {}): { value: string; used: string[] } {
  const used: string[] = [];
  const get = (name: string) => {
    used.push(name);
    return lookup(name);
  };

  const expandAt = (s: string, start: number): { text: string; end: number } => {
    // s[start] === '$'
    if (s[start + 1] === '{') {
      const close = s.indexOf('}', start + 2);
      if (close < 0) throw new ExpandError(`missing '}' in ${JSON.stringify(word)}`);
      const body = s.slice(start + 2, close);
      const name = readName(body, 0);
      if (!name) throw new ExpandError(`bad substitution`);
      const rest = body.slice(name.length);
      const value = get(name);
      if (rest === '') {
        if (value === undefined && opts.keepUnknown) return { text: s.slice(start, close + 1), end: close + 1 };
        return { text: value ?? '', end: close + 1 };
      }
      const op = /^(:?[-+?])/.exec(rest)?.[1];
      if (!op) throw new ExpandError(`unsupported modifier (${rest[0]}) in substitution`);
      const arg = substitute(rest.slice(op.length));
      const colon = op.startsWith(':');
      const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
      switch (op.slice(-1)) {
        case '-':
          return { text: isSet ? value! : arg, end: close + 1 };
        case '+':
          return { text: isSet ? arg : '', end: close + 1 };
        default:
          if (!isSet) throw new ExpandError(`${name}: ${arg || 'is not allowed to be unset'}`);
          return { text: value!, end: close + 1 };
      }
    }
    const name = readName(s, start + 1);
    if (!name) return { text: '$', end: start + 1 };
    const value = get(name);
    if (value === undefined && opts.keepUnknown) return { text: '$' + name, end: start + 1 + name.length };
    return { text: value ?? '', end: start + 1 + name.length };
  };

  const substitute = (s: string): string => {
    let out = '';
    let quote = '';
    for (let i = 0; i < s.length; ) {
      const ch = s[i]!;
      if (quote === "'") {
        if (ch === "'") {
          quote = '';
          if (opts.keepQuotes) out += ch;
        } else out += ch;
        i++;
        continue;
      }
      if (ch === escape && i + 1 < s.length) {
        const next = s[i + 1]!;
        // inside double quotes the escape only escapes `$`, `"`, the escape itself
        if (quote && !['$', '"', escape].includes(next)) out += ch + next;
        else out += opts.keepQuotes ? ch + next : next;
        i += 2;
        continue;
      }
      if (ch === '"' || (ch === "'" && !quote)) {
        quote = quote === ch ? '' : quote || ch;
        if (opts.keepQuotes) out += ch;
        i++;
        continue;
      }
      if (ch === '$') {
        const r = expandAt(s, i);
        out += r.text;
        i = r.end;
        continue;
      }
      out += ch;
      i++;
    }
    return out;
  };

  return { value: substitute(word), used };
}

/** Convenience: the substituted value only. */
export const expand = (word: string, lookup: Lookup, escape = '\\'): string => expandWord(word, lookup, escape).value;
