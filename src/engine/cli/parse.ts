// docker's command-line parsing: cobra's command lookup and pflag's flag rules, with their exact
// messages and exit codes. The result is either an Invocation for a handler or a finished answer
// (help, version, or an error) that needs no daemon.
import type { CommandSpec, FlagSpec, FlagValue, Invocation } from './command';
import { validateListItem } from './flag-validators';
import { applyFlag, defaultValue, FlagValueError } from './flag-values';
import { sha256Hex } from '../registry/sha256';
import { quoteGo } from './format/text';
import { commandHelp, rootHelp } from './help';
import { GLOBAL_FLAGS } from './spec/root';
import { displayPath, isManagement, specFor, usageLine } from './spec';

/** an answer the CLI gives on its own */
export interface CliAnswer {
  stdout: string;
  stderr: string;
  exit: number;
}

export type ParseResult =
  /** `notices`: what pflag printed on stdout while parsing (deprecated flags) */
  { kind: 'invoke'; inv: Invocation; global: GlobalOptions; notices: string } | { kind: 'answer'; answer: CliAnswer };

export interface GlobalOptions {
  debug: boolean;
  logLevel: string;
  hosts: string[];
  context: string;
  /** --tls or --tlsverify */
  tls: boolean;
  tlsCaCert: string;
}

/** the one daemon this engine simulates listens here */
const DEFAULT_HOST = 'unix:///var/run/docker.sock';

const CLI_VERSION = '28.2.2';
const CLI_BUILD = 'e6534b4';

const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'Print usage' };
/** docker marks cobra's `-h` deprecated; pflag says so when it is used */
const DEPRECATED_H = 'Flag shorthand -h has been deprecated, use --help\n';
const LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

const answer = (stdout: string, stderr: string, exit: number): ParseResult => ({
  kind: 'answer',
  answer: { stdout, stderr, exit },
});

interface FlagParse {
  values: Record<string, FlagValue>;
  changed: Set<string>;
  args: string[];
  /** flags ended at "--" */
  dashDash: boolean;
  /** pflag's notices for deprecated flags, printed on stdout */
  notices: string;
  error?: string;
}

interface FlagTables {
  /** the first flag of each long name, then --help unless the command defines it */
  byName: ReadonlyMap<string, FlagSpec>;
  byShort: ReadonlyMap<string, FlagSpec>;
  /** flags that hold a value of their own (not an alias writing another flag's `target`), in byName order */
  valued: readonly FlagSpec[];
}

/**
 * The lookup tables of a flag list, built once per list: flag lists are static spec data, and `run`
 * has about a hundred flags, so rebuilding them was most of a command line's parsing garbage.
 */
const tablesByList = new WeakMap<readonly FlagSpec[], FlagTables>();

function flagTables(flags: readonly FlagSpec[]): FlagTables {
  const cached = tablesByList.get(flags);
  if (cached) return cached;
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const f of [...flags, HELP_FLAG]) {
    if (byName.has(f.name)) continue;
    byName.set(f.name, f);
    if (f.short && !byShort.has(f.short)) byShort.set(f.short, f);
  }
  const tables: FlagTables = { byName, byShort, valued: [...byName.values()].filter((f) => !f.target) };
  tablesByList.set(flags, tables);
  return tables;
}

/** a management command's own flags: only --help (one list, so its tables are built once) */
const NO_FLAGS: readonly FlagSpec[] = [];

/**
 * pflag's parseArgs: long and short flags, `-abc` groups, `-p8080`, `--name=value`, `--`; stops at the
 * first positional when `interspersed` is false. `-h` is help unless the command defines `-h` itself.
 */
function parseFlags(flags: readonly FlagSpec[], argv: readonly string[], interspersed: boolean): FlagParse {
  const { byName, byShort, valued } = flagTables(flags);
  const res: FlagParse = { values: {}, changed: new Set(), args: [], dashDash: false, notices: '' };
  // defaultValue per call: list defaults must be fresh arrays, the handler gets them to keep
  for (const f of valued) res.values[f.name] = defaultValue(f);

  const set = (f: FlagSpec, raw: string): string | undefined => {
    const key = f.target ?? f.name;
    try {
      const invalid = f.type === 'list' ? validateListItem(f.name, raw) : undefined;
      if (invalid !== undefined) throw new FlagValueError(invalid);
      res.values[key] = applyFlag(f, raw, res.values[key]!, !res.changed.has(key));
      res.changed.add(key);
      if (f.deprecated) res.notices += `Flag --${f.name} has been deprecated, ${f.deprecated}\n`;
      return undefined;
    } catch (e) {
      if (!(e instanceof FlagValueError)) throw e;
      const shown = f.short && f !== HELP_FLAG ? `-${f.short}, --${f.name}` : `--${f.name}`;
      return `invalid argument ${quoteGo(raw)} for ${quoteGo(shown)} flag: ${e.message}`;
    }
  };

  let i = 0;
  while (i < argv.length) {
    const s = argv[i++]!;
    if (s.length < 2 || s[0] !== '-') {
      res.args.push(s);
      if (!interspersed) {
        res.args.push(...argv.slice(i));
        break;
      }
      continue;
    }
    if (s === '--') {
      res.args.push(...argv.slice(i));
      res.dashDash = true;
      break;
    }
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') return { ...res, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const f = byName.get(name);
      if (!f) return { ...res, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (f.type === 'bool') raw = 'true';
      else if (i < argv.length) raw = argv[i++]!;
      else return { ...res, error: `flag needs an argument: ${s}` };
      const err = set(f, raw);
      if (err) return { ...res, error: err };
      continue;
    }
    // a group of shorthands: -it, -dp 8080:80, -p8080:80, -d=false
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = String.fromCodePoint(shorts.codePointAt(0)!);
      const f = byShort.get(c);
      if (!f) return { ...res, error: `unknown shorthand flag: ${goQuoteRune(c)} in -${shorts}` };
      let raw: string;
      let rest = shorts.slice(c.length);
      if (rest.length > 1 && rest[0] === '=') {
        raw = rest.slice(1);
        rest = '';
      } else if (f.type === 'bool') raw = 'true';
      else if (rest.length > 0) {
        raw = rest;
        rest = '';
      } else if (i < argv.length) raw = argv[i++]!;
      else return { ...res, error: `flag needs an argument: ${goQuoteRune(c)} in -${shorts}` };
      if (f === HELP_FLAG) res.notices += DEPRECATED_H;
      const err = set(f, raw);
      if (err) return { ...res, error: err };
      shorts = rest;
    }
  }
  return res;
}

/** Go's %q for a rune: 'x' */
function goQuoteRune(c: string): string {
  const q = quoteGo(c).slice(1, -1);
  return `'${c === "'" ? "\\'" : q === '\\"' ? '"' : q}'`;
}

/** cli/required.go wording for argument-count errors; null when the count is fine */
function checkArgs(spec: CommandSpec, n: number): { text: string; see: string } | null {
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  const r = spec.args;
  switch (r.kind) {
    case 'none':
      return n === 0 ? null : { text: 'accepts no arguments', see: 'Run' };
    case 'exact':
      return n === r.n ? null : { text: `requires ${r.n} ${plural(r.n)}`, see: 'Run' };
    case 'min':
      return n >= r.n ? null : { text: `requires at least ${r.n} ${plural(r.n)}`, see: 'See' };
    case 'max':
      // docker/cli 28 really prints "SRun" here
      return n <= r.n ? null : { text: `requires at most ${r.n} ${plural(r.n)}`, see: 'SRun' };
    case 'range':
      return n >= r.min && n <= r.max ? null : { text: `requires at least ${r.min} and at most ${r.max} ${plural(r.max)}`, see: 'Run' };
    case 'any':
      return null;
  }
}

function flagError(msg: string, usage: string, path: string): ParseResult {
  return answer('', `${msg}\n\nUsage:  ${usage}\n\nRun '${path} --help' for more information\n`, 125);
}

const ROOT_USAGE_LINE = 'docker [OPTIONS] COMMAND [ARG...]';

/** Parses the words after `docker`. */
export function parseCommandLine(argv: readonly string[]): ParseResult {
  // global options, up to the command name (the root command is not interspersed)
  const root = parseFlags(GLOBAL_FLAGS, argv, false);
  if (root.error) return flagError(root.error, ROOT_USAGE_LINE, 'docker');
  const level = root.values['log-level'] as string;
  if (!LOG_LEVELS.has(level)) return answer('', `Unable to parse logging level: ${level}\n`, 1);
  const global: GlobalOptions = {
    debug: root.values.debug as boolean,
    logLevel: level,
    hosts: root.values.host as string[],
    context: root.values.context as string,
    tls: root.values.tls === true || root.values.tlsverify === true,
    tlsCaCert: root.values.tlscacert as string,
  };
  // the root command prints pflag's notices on stderr
  if (root.values.help) return answer(rootHelp(), root.notices, 0);
  const args = root.args;
  if (args.length === 0) {
    if (root.values.version) return answer(`Docker version ${CLI_VERSION}, build ${CLI_BUILD}\n`, '', 0);
    return answer('', rootHelp(), 0);
  }
  if (args[0] === 'help') return helpTopic(args.slice(1));

  const top = specFor([args[0]!]);
  if (!top) return answer('', `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information\n`, 1);
  if (!isManagement(top)) return parseLeaf(top, [args[0]!], args.slice(1), global);
  return parseManagement(top, args.slice(1), global);
}

/**
 * `docker container …`: its own flags (only --help) come before the subcommand name. `notices` are
 * pflag's deprecation notices printed so far (they precede whatever comes next).
 */
function parseManagement(top: CommandSpec, rest: readonly string[], global: GlobalOptions, notices = ''): ParseResult {
  const mgmtName = top.path[0]!;
  const unknown = (name: string) =>
    answer(
      notices,
      `docker: unknown command: docker ${mgmtName} ${name}\n\nUsage:  docker ${top.usage}\n\nRun 'docker ${mgmtName} --help' for more information\n`,
      1,
    );
  const sub = rest[0];
  if (sub === undefined) return answer(notices, commandHelp(top, [mgmtName]), 0);
  if (sub.startsWith('-') && sub !== '-') {
    const mf = parseFlags(NO_FLAGS, rest, false);
    if (mf.error) return flagError(mf.error, `docker ${top.usage}`, `docker ${mgmtName}`);
    if (mf.values.help) return answer(notices + mf.notices + commandHelp(top, [mgmtName]), '', 0);
    // after "--" the next word is an argument, not a subcommand
    if (mf.dashDash && mf.args.length > 0) return unknown(mf.args[0]!);
    return parseManagement(top, mf.args, global, notices + mf.notices);
  }
  const leaf = specFor([mgmtName, sub]);
  if (!leaf) return unknown(sub);
  return parseLeaf(leaf, [mgmtName, sub], rest.slice(1), global, notices);
}

function parseLeaf(spec: CommandSpec, typed: string[], argv: readonly string[], global: GlobalOptions, prior = ''): ParseResult {
  const path = 'docker ' + displayPath(spec, typed).join(' ');
  const usage = usageLine(spec, typed);
  const fp = parseFlags(spec.flags, argv, spec.interspersed !== false);
  if (fp.error) return flagError(fp.error, usage, path); // docker drops pflag's notices on flag errors
  const notices = prior + fp.notices;
  const reply = (stdout: string, stderr: string, exit: number) => answer(notices + stdout, stderr, exit);
  if (fp.values.help) return reply(commandHelp(spec, typed), '', 0);
  const bad = checkArgs(spec, fp.args.length);
  if (bad) return reply('', `docker: '${path}' ${bad.text}\n\nUsage:  ${usage}\n\n${bad.see} '${path} --help' for more information\n`, 1);
  const init = clientInitError(global);
  if (init) return reply('', init, 1);
  delete fp.values.help;
  fp.changed.delete('help');
  return {
    kind: 'invoke',
    inv: { spec, typedPath: typed, flags: fp.values, changed: fp.changed, args: fp.args },
    global,
    notices,
  };
}

/**
 * What docker's client initialisation says about the global options (it runs after the arguments
 * were validated): only the default context exists, TLS has no certificates, and the simulated
 * daemon listens on the default socket only.
 */
function clientInitError(g: GlobalOptions): string | undefined {
  const fail = 'Failed to initialize: unable to resolve docker endpoint: ';
  if (g.context && g.context !== 'default') {
    return `${fail}context ${quoteGo(g.context)}: context not found: open /root/.docker/contexts/meta/${sha256Hex(g.context)}/meta.json: no such file or directory\n`;
  }
  if (g.tls) return `${fail}open ${g.tlsCaCert}: no such file or directory\n`;
  const host = g.hosts[g.hosts.length - 1];
  if (host !== undefined && host !== DEFAULT_HOST) {
    const shown = /^tcp:\/\/[^:/]+$/.test(host) ? `${host}:2375` : host;
    return `Cannot connect to the Docker daemon at ${shown}. Is the docker daemon running?\n`;
  }
  return undefined;
}

/** `docker help [COMMAND…]` */
function helpTopic(words: string[]): ParseResult {
  if (words.length === 0) return answer(rootHelp(), '', 0);
  let spec: CommandSpec | undefined;
  const typed: string[] = [];
  for (const w of words) {
    const next = specFor([...typed, w]);
    if (!next || (spec && !isManagement(spec))) return answer('', `unknown help topic: ${w}\n`, 1);
    spec = next;
    typed.push(w);
  }
  return answer(commandHelp(spec!, typed), '', 0);
}
