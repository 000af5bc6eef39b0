// Dockerfile text → instruction nodes, as BuildKit's dockerfile frontend reads it
// (frontend/dockerfile/parser): parser directives at the top (`# syntax=`, `# escape=`), comments,
// line continuations with the escape character, then per instruction the argument form its
// dispatcher expects (JSON or shell form, whitespace lists, key=value pairs, flags before arguments).

export class DockerfileError extends Error {
  constructor(
    message: string,
    /** 1-based first and last line of the instruction at fault (0 when the file as a whole is) */
    readonly startLine: number,
    readonly endLine = startLine,
  ) {
    super(message);
  }
}

/** A here-document after RUN/COPY/ADD (`<<EOF` … `EOF`), BuildKit's heredoc syntax. */
export interface Heredoc {
  name: string;
  /** the lines up to the terminator, each ending in a newline */
  content: string;
}

export interface Node {
  /** the instruction keyword as typed (`run`, `RUN`) */
  keyword: string;
  /** the joined instruction text (continuations removed), what BuildKit shows in step names */
  original: string;
  /** `--from=build` style flags, as typed */
  flags: string[];
  /** the arguments after this instruction's argument parser */
  args: string[];
  /** shell form vs JSON (exec) form, for RUN/CMD/ENTRYPOINT/SHELL/COPY/ADD/VOLUME/HEALTHCHECK CMD */
  json: boolean;
  /** ENV/LABEL written as `KEY value` (the legacy form) */
  legacyKeyValue?: boolean;
  /** ONBUILD's trigger and HEALTHCHECK CMD's command, parsed as their own nodes */
  sub?: Node;
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
}

export interface ParsedDockerfile {
  nodes: Node[];
  escape: string;
  syntax?: string;
  /** the file's lines, for error snippets */
  lines: string[];
}

/** `<<EOF`, `<<-EOF` (leading tabs stripped), `<<"EOF"` / `<<'EOF'` */
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][\w]*)\2/g;
export const HEREDOC_ONLY = /^<<-?(["']?)([A-Za-z_]\w*)\1$/;
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const WHITESPACE = /[\t\v\f\r ]+/;

/** Splits a shell-form argument string into words, keeping quotes (BuildKit parseWords). */
export function splitWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  let blank = true;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (!inWord) {
      if (/\s/.test(ch)) continue;
      inWord = true;
      blank = false;
    }
    if (/\s/.test(ch) && !quote) {
      words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (ch === escape && quote !== "'" && i + 1 < rest.length) {
      word += ch + rest[++i];
      continue;
    }
    if (quote && ch === quote) quote = '';
    else if (!quote && (ch === '"' || ch === "'")) quote = ch;
    word += ch;
  }
  if (!blank && inWord) words.push(word);
  return words;
}

/** `["a", "b"]` as a string array, or undefined when the text is not a JSON array of strings. */
function jsonArray(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(rest);
    return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The leading `--name=value` words (BuildKit extractBuilderFlags); `--` ends them. */
function extractFlags(rest: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let remaining = rest;
  for (;;) {
    remaining = remaining.replace(/^[\t\v\f\r ]+/, '');
    if (!remaining.startsWith('--')) return { flags, rest: remaining };
    const word = splitWords(remaining, escape)[0] ?? '';
    remaining = remaining.slice(remaining.indexOf(word) + word.length);
    if (word === '--') return { flags, rest: remaining.trimStart() };
    flags.push(word.replace(/^(--[^=]*=)(["'])(.*)\2$/, '$1$3'));
  }
}

type ArgParser = (rest: string, escape: string, line: number) => Pick<Node, 'args' | 'json' | 'legacyKeyValue' | 'sub'>;

const maybeJson: ArgParser = (rest) => {
  const arr = jsonArray(rest);
  return arr ? { args: arr, json: true } : { args: rest === '' ? [] : [rest], json: false };
};
const maybeJsonToList: ArgParser = (rest) => {
  const arr = jsonArray(rest);
  return arr ? { args: arr, json: true } : { args: rest.split(WHITESPACE).filter(Boolean), json: false };
};
const whitespaceList: ArgParser = (rest) => ({ args: rest.split(WHITESPACE).filter(Boolean), json: false });
const wholeString: ArgParser = (rest) => ({ args: rest === '' ? [] : [rest], json: false });

/** ENV and LABEL: `KEY=value …` pairs, or the legacy `KEY value with spaces`. */
function keyValues(keyword: string): ArgParser {
  return (rest, escape) => {
    const words = splitWords(rest, escape);
    if (words.length === 0) return { args: [], json: false };
    if (!words[0]!.includes('=')) {
      const [key, value] = rest.split(WHITESPACE, 1).concat(rest.replace(/^\S+\s*/, ''));
      if (!value) throw new Error(`${keyword} must have two arguments`);
      return { args: [key!, value], json: false, legacyKeyValue: true };
    }
    const args: string[] = [];
    for (const w of words) {
      const eq = w.indexOf('=');
      if (eq < 0)
        throw new Error(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
      args.push(w.slice(0, eq), w.slice(eq + 1));
    }
    return { args, json: false };
  };
}

const nameOrNameValue: ArgParser = (rest, escape) => ({ args: splitWords(rest, escape), json: false });

const healthcheck: ArgParser = (rest, escape, line) => {
  const [type = '', ...more] = rest.split(WHITESPACE);
  const cmdRest = rest.slice(type.length).trimStart();
  if (type.toUpperCase() !== 'CMD') return { args: [type, ...more.filter(Boolean)], json: false };
  const cmd = maybeJson(cmdRest, escape, line);
  return { args: [type, ...cmd.args], json: cmd.json };
};

const onbuild: ArgParser = (rest, escape, line) => {
  const sub = nodeFromLine(rest, escape, line, line);
  return { args: [sub.keyword, ...sub.args], json: sub.json, sub };
};

const ARG_PARSERS: Record<string, ArgParser> = {
  add: maybeJsonToList,
  arg: nameOrNameValue,
  cmd: maybeJson,
  copy: maybeJsonToList,
  entrypoint: maybeJson,
  env: keyValues('ENV'),
  expose: whitespaceList,
  from: whitespaceList,
  healthcheck,
  label: keyValues('LABEL'),
  maintainer: wholeString,
  onbuild,
  run: maybeJson,
  shell: maybeJson,
  stopsignal: wholeString,
  user: wholeString,
  volume: maybeJsonToList,
  workdir: wholeString,
};

export const INSTRUCTIONS = Object.keys(ARG_PARSERS).map((k) => k.toUpperCase());

function nodeFromLine(line: string, escape: string, startLine: number, endLine: number, heredocs: Heredoc[] = []): Node {
  const trimmed = line.trim();
  const [keyword = ''] = trimmed.split(WHITESPACE, 1);
  const afterKeyword = trimmed.slice(keyword.length);
  const { flags, rest } = extractFlags(afterKeyword, escape);
  const parse = ARG_PARSERS[keyword.toLowerCase()] ?? wholeString;
  try {
    return { keyword, original: line, flags, heredocs, ...parse(rest.trim(), escape, startLine), startLine, endLine };
  } catch (e) {
    throw new DockerfileError((e as Error).message, startLine, endLine);
  }
}

const isComment = (line: string) => /^\s*#/.test(line);

/** Parses a Dockerfile; throws DockerfileError with BuildKit's wording (without the line prefix). */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  let escape = '\\';
  let syntax: string | undefined;
  const seen = new Set<string>();
  let directivesDone = false;
  const nodes: Node[] = [];

  for (let i = 0; i < lines.length; i++) {
    if (!directivesDone) {
      const m = DIRECTIVE.exec(lines[i]!);
      const key = m?.[1]!.toLowerCase();
      if (m && (key === 'escape' || key === 'syntax' || key === 'check')) {
        if (seen.has(key)) throw new DockerfileError(`only one ${key} parser directive can be used`, i + 1);
        seen.add(key);
        if (key === 'escape') {
          if (m[2] !== '`' && m[2] !== '\\')
            throw new DockerfileError(`invalid escape token '${m[2]}' does not match \` or \\`, i + 1);
          escape = m[2];
        }
        if (key === 'syntax') syntax = m[2];
        continue;
      }
      directivesDone = true;
    }
    if (isComment(lines[i]!)) continue;
    const continuation = new RegExp(`\\${escape}[ \\t]*$`);
    const startLine = i + 1;
    let line = lines[i]!.trimStart();
    if (line.trim() === '') continue;
    let open = continuation.test(line);
    line = line.replace(continuation, '');
    // comment and blank lines inside a continued instruction are skipped, as BuildKit does
    while (open && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (isComment(next) || next.trim() === '') continue;
      open = continuation.test(next);
      line += next.replace(continuation, '');
    }
    if (line.trim() === '') continue;
    // RUN, COPY and ADD may take here-documents: their lines follow the instruction
    const heredocs: Heredoc[] = [];
    if (/^\s*(run|copy|add)\s/i.test(line)) {
      for (const m of line.matchAll(HEREDOC)) {
        const [, strip, , name] = m as unknown as [string, string, string, string];
        let content = '';
        while (i + 1 < lines.length) {
          const next = lines[++i]!;
          const body = strip ? next.replace(/^\t+/, '') : next;
          if (body === name) break;
          content += body + '\n';
        }
        heredocs.push({ name, content });
      }
    }
    nodes.push(nodeFromLine(line, escape, startLine, i + 1, heredocs));
  }
  if (nodes.length === 0) throw new DockerfileError('file with no instructions', 0);
  return { nodes, escape, syntax, lines };
}
