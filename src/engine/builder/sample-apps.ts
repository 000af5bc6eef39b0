// What a small app the learner builds does when it runs, read from its source rather than from a list
// of known lessons: the port it listens on (a literal, a constant, or `process.env.PORT || 3000`), the
// text it answers with (`res.end('…')`, `res.send(…)`, Flask's `return '…'`, Go's `fmt.Fprint…(w, …)`)
// and what it prints at start-up (`console.log`, `print`, `log.Printf` lines outside handlers). Node,
// Python and Go sources are recognised; a Go binary carries its package source (see `go build` in the
// shell), so a binary copied into a scratch image still serves what its source says.

export type AppLanguage = 'node' | 'python' | 'go';

export interface AppBehaviour {
  /** start-up lines, in order */
  startup: string[];
  /** undefined: the program prints and exits (a script, not a server) */
  server?: { port: number; body: string; contentType: string };
}

/** a JS/Python/Go string literal's value ('a\nb', "x", `t ${port}`, b"bytes") */
function literal(raw: string, vars: Record<string, string>): string {
  const quote = raw.replace(/^[bfr]+/i, '')[0]!;
  const body = raw.replace(/^[bfr]+/i, '').slice(1, -1);
  const unescaped = body.replace(/\\(n|t|r|"|'|`|\\)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
  if (quote === '`' || /^f/i.test(raw)) return unescaped.replace(/\$?\{([^}]+)\}/g, (_m, e: string) => vars[e.trim()] ?? '');
  return unescaped;
}

const STRING = String.raw`(?:[bfr]*"(?:[^"\\]|\\.)*"|[bfr]*'(?:[^'\\]|\\.)*'|` + '`(?:[^`\\\\]|\\\\.)*`)';

/** `{ message: 'hi' }` as Express's res.json sends it; a literal it cannot read is sent as written */
function jsonOf(objectLiteral: string): string {
  const asJson = objectLiteral
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_m, s: string) => JSON.stringify(s))
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/,\s*}/g, '}');
  try {
    return JSON.stringify(JSON.parse(asJson));
  } catch {
    return objectLiteral;
  }
}

/** Resolves a port expression: a number, a constant, `process.env.PORT || 3000`, `os.getenv("PORT", 5000)`. */
function portOf(expr: string, source: string, env: Record<string, string>, depth = 0): number | undefined {
  const e = expr.trim().replace(/^["'`]:?|["'`]$/g, '');
  if (/^\d+$/.test(e)) return Number(e);
  const envName = /(?:process\.env\.|os\.(?:getenv|environ\.get)\(\s*["'])([A-Z_][A-Z0-9_]*)/.exec(e)?.[1];
  if (envName && env[envName] && /^\d+$/.test(env[envName]!)) return Number(env[envName]);
  const fallback = /(?:\|\||\?\?|,|\bor\b)\s*["']?(\d+)/.exec(e)?.[1];
  if (fallback) return Number(fallback);
  const ident = /^[A-Za-z_$][\w$]*$/.test(e) ? e : undefined;
  if (ident && depth < 3) {
    const def = new RegExp(String.raw`(?:const|let|var)?\s*\b${ident}\b\s*:?=\s*([^;\n]+)`).exec(source)?.[1];
    if (def) return portOf(def, source, env, depth + 1);
  }
  return undefined;
}

const LISTEN: Record<AppLanguage, RegExp[]> = {
  node: [/\.listen\(\s*([^,)]+)/],
  python: [/\.run\([^)]*port\s*=\s*([^,)]+)/, /HTTPServer\(\s*\(\s*["'][^"']*["']\s*,\s*([^)]+)\)/, /uvicorn\.run\([^)]*port\s*=\s*([^,)]+)/],
  go: [/ListenAndServe\(\s*("[^"]*"|[^,]+)/],
};

const BODY: Record<AppLanguage, RegExp[]> = {
  node: [new RegExp(String.raw`res\.(?:end|send|write)\(\s*(${STRING})`), /res\.json\(\s*(\{[^)]*\})\s*\)/],
  python: [new RegExp(String.raw`^\s*return\s+(${STRING})`, 'm'), new RegExp(String.raw`wfile\.write\(\s*(${STRING})`)],
  go: [new RegExp(String.raw`Fprint(?:f|ln)?\(\s*w\s*,\s*(${STRING})`), new RegExp(String.raw`w\.Write\(\s*\[\]byte\(\s*(${STRING})`)],
};

/** start-up output calls; the argument list is read up to the call's closing parenthesis */
const PRINT: Record<AppLanguage, RegExp> = {
  node: /console\.(?:log|info)\(((?:[^()]|\([^()]*\))*)\)/g,
  python: /print\(((?:[^()]|\([^()]*\))*)\)/g,
  go: /(?:fmt\.Println|fmt\.Printf|log\.Println|log\.Printf)\(((?:[^()]|\([^()]*\))*)\)/g,
};

/** Splits on `sep` outside quotes and brackets. */
function splitTop(expr: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!;
    if (quote) {
      if (ch === '\\') cur += ch + (expr[++i] ?? '');
      else {
        if (ch === quote) quote = '';
        cur += ch;
      }
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (ch === sep && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** A printed value: string literals, known variables and `+` concatenations; anything else as written. */
function valueOf(expr: string, vars: Record<string, string>): string {
  return splitTop(expr, '+')
    .map((part) => (new RegExp(`^${STRING}$`).test(part) ? literal(part, vars) : (vars[part] ?? part)))
    .join('');
}

/** What one print call writes: its arguments joined by spaces (Printf fills its verbs in order). */
function printed(args: string, vars: Record<string, string>, formatted: boolean): string {
  const values = splitTop(args, ',').map((a) => valueOf(a, vars));
  if (!formatted) return values.join(' ');
  let i = 1;
  return values[0]!.replace(/%[-+# 0]*\d*[dsvq]/g, () => values[i++] ?? '').replace(/\n$/, '');
}

/** What a program with this source does; undefined when the source shows nothing it can recognise. */
export function recogniseApp(lang: AppLanguage, source: string, env: Record<string, string>): AppBehaviour {
  let port: number | undefined;
  for (const re of LISTEN[lang]) {
    const m = re.exec(source);
    if (m) port = portOf(m[1]!, source, env);
    if (port !== undefined) break;
  }
  const vars: Record<string, string> = port !== undefined ? { port: String(port), PORT: String(port) } : {};
  const startup = [...source.matchAll(PRINT[lang])].map((m) => printed(m[1]!, vars, m[0].includes('Printf')));
  if (lang === 'python' && /\bFlask\(/.test(source) && port !== undefined)
    startup.push(` * Serving Flask app 'app'`, ` * Debug mode: off`, ` * Running on all addresses (0.0.0.0)`, ` * Running on http://127.0.0.1:${port}`);
  if (port === undefined) return { startup };
  let body = '';
  let contentType = 'text/plain; charset=utf-8';
  for (const re of BODY[lang]) {
    const m = re.exec(source);
    if (!m) continue;
    if (m[1]!.startsWith('{')) {
      body = jsonOf(m[1]!);
      contentType = 'application/json; charset=utf-8';
    } else body = literal(m[1]!, vars).replace(/%[dsv]/, '') + (m[0].includes('Fprintln') ? '\n' : '');
    break;
  }
  const declared = /['"]Content-Type['"]\s*[:,]\s*['"]([^'"]+)['"]/i.exec(source)?.[1];
  if (declared) contentType = declared;
  else if (lang === 'python' && /\bFlask\(/.test(source)) contentType = 'text/html; charset=utf-8';
  return { startup, server: { port, body, contentType } };
}
