// Parsed nodes → typed instructions grouped in build stages, with the checks and messages of BuildKit's
// frontend/dockerfile/instructions (parse.go, bflag.go). Messages that BuildKit prefixes with
// "dockerfile parse error on line N: " carry `parseError`; the stage checks do not.
import type { HealthConfig } from '../../daemon/images/model';
import { DockerfileError, INSTRUCTIONS, parseDockerfile, type Node, type ParsedDockerfile } from './parse';
import { withSuggestion } from './suggest';

interface Base {
  node: Node;
}
export interface RunInstruction extends Base {
  kind: 'RUN';
  /** shell form: one command string run through the stage's SHELL; exec form: argv */
  cmd: string[];
  shellForm: boolean;
  /** `--mount=type=secret,id=…` ids (the secret is visible to this RUN only) */
  secrets: string[];
}
export interface CommandLineInstruction extends Base {
  kind: 'CMD' | 'ENTRYPOINT';
  cmd: string[];
  shellForm: boolean;
}
export interface CopyInstruction extends Base {
  kind: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  from?: string;
  chown?: string;
  chmod?: string;
}
export interface KeyValueInstruction extends Base {
  kind: 'ENV' | 'LABEL';
  pairs: [string, string][];
}
export interface ArgInstruction extends Base {
  kind: 'ARG';
  args: { key: string; value?: string }[];
}
export interface ValueInstruction extends Base {
  kind: 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER';
  value: string;
}
export interface ListInstruction extends Base {
  kind: 'EXPOSE' | 'VOLUME';
  values: string[];
}
export interface HealthcheckInstruction extends Base {
  kind: 'HEALTHCHECK';
  health: HealthConfig;
}
export interface ShellInstruction extends Base {
  kind: 'SHELL';
  shell: string[];
}
export interface OnbuildInstruction extends Base {
  kind: 'ONBUILD';
  expression: string;
}

export type Instruction =
  | RunInstruction
  | CommandLineInstruction
  | CopyInstruction
  | KeyValueInstruction
  | ArgInstruction
  | ValueInstruction
  | ListInstruction
  | HealthcheckInstruction
  | ShellInstruction
  | OnbuildInstruction;

export interface Stage {
  /** `AS name`, lower-cased; '' when unnamed */
  name: string;
  /** the base as typed (variables not yet substituted) */
  baseName: string;
  platform?: string;
  node: Node;
  instructions: Instruction[];
}

export interface Dockerfile {
  parsed: ParsedDockerfile;
  /** ARGs before the first FROM: usable in FROM lines only (unless redeclared in a stage) */
  metaArgs: ArgInstruction[];
  stages: Stage[];
}

/** BuildKit BFlags: the flags an instruction accepts, `--name=value`, unknown ones refused. */
function parseFlags(node: Node, allowed: Record<string, 'string' | 'bool'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of node.flags) {
    const body = raw.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const type = allowed[name];
    if (!type) throw withSuggestion(`unknown flag: ${name}`, name, Object.keys(allowed), true);
    if (name in out && type === 'string' && name !== 'mount') throw new Error(`Duplicate flag specified: ${name}`);
    if (type === 'string' && eq < 0) throw new Error(`missing a value on flag: ${name}`);
    const value = eq < 0 ? 'true' : body.slice(eq + 1);
    out[name] = name === 'mount' && out[name] ? `${out[name]}\n${value}` : value;
  }
  return out;
}

const exactlyOne = (kw: string) => new Error(`${kw} requires exactly one argument`);
const atLeastOne = (kw: string) => new Error(`${kw} requires at least one argument`);

/** Go duration strings as HEALTHCHECK takes them (`30s`, `1m30s`, `500ms`), in nanoseconds. */
function parseDuration(flag: string, s: string | undefined): number | undefined {
  if (!s) return undefined;
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * units[m[2]!]!;
    pos = re.lastIndex;
  }
  if (pos !== s.length || s === '') throw new Error(`time: invalid duration ${JSON.stringify(s)}`);
  if (total !== 0 && total < 1e6) throw new Error(`Interval "${flag}" cannot be less than 1ms`);
  return total === 0 ? undefined : total;
}

function healthcheckOf(node: Node): HealthConfig {
  if (node.args.length === 0) throw atLeastOne('HEALTHCHECK');
  const type = node.args[0]!.toUpperCase();
  const rest = node.args.slice(1);
  if (type === 'NONE') {
    if (rest.length) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  const f = parseFlags(node, { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' });
  if (type !== 'CMD') throw new Error(`Unknown type "${type}" in HEALTHCHECK (try CMD)`);
  if (rest.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  const health: HealthConfig = { Test: [node.json ? 'CMD' : 'CMD-SHELL', ...rest] };
  const durations = [['Interval', 'interval'], ['Timeout', 'timeout'], ['StartPeriod', 'start-period'], ['StartInterval', 'start-interval']] as const;
  for (const [key, flag] of durations) {
    const d = parseDuration(flag, f[flag]);
    if (d !== undefined) health[key] = d;
  }
  if (f.retries !== undefined) {
    const n = Number(f.retries);
    if (!/^-?\d+$/.test(f.retries)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(f.retries)}: invalid syntax`);
    if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
    if (n > 0) health.Retries = n;
  }
  return health;
}

function secretIds(mounts: string | undefined): string[] {
  if (!mounts) return [];
  return mounts.split('\n').flatMap((m) => {
    const fields = Object.fromEntries(m.split(',').map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
    return fields.type === 'secret' ? [fields.id || (fields.target ?? fields.dst ?? '').split('/').pop() || ''] : [];
  });
}

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function instructionOf(node: Node): Instruction | Stage {
  const kw = node.keyword.toUpperCase();
  const a = node.args;
  switch (kw) {
    case 'FROM': {
      let name = '';
      if (a.length === 3 && a[1]!.toLowerCase() === 'as') {
        name = a[2]!.toLowerCase();
        if (!VALID_STAGE_NAME.test(name))
          throw new Error(`invalid name for build stage: "${a[2]}", name can't start with a number or contain symbols`);
      } else if (a.length !== 1) throw new Error('FROM requires either one or three arguments');
      const f = parseFlags(node, { platform: 'string' });
      return { name, baseName: a[0]!, platform: f.platform, node, instructions: [] };
    }
    case 'RUN': {
      const f = parseFlags(node, { mount: 'string', network: 'string', security: 'string', device: 'string' });
      return { kind: 'RUN', cmd: a, shellForm: !node.json, secrets: secretIds(f.mount), node };
    }
    case 'CMD':
    case 'ENTRYPOINT':
      parseFlags(node, {});
      return { kind: kw, cmd: a, shellForm: !node.json, node };
    case 'COPY':
    case 'ADD': {
      if (a.length < 2)
        throw new Error(`${kw} requires at least two arguments, but only one was provided. Destination could not be determined`);
      const f = parseFlags(
        node,
        kw === 'COPY'
          ? { chown: 'string', chmod: 'string', from: 'string', link: 'bool', parents: 'bool', exclude: 'string' }
          : { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'string' },
      );
      return { kind: kw, sources: a.slice(0, -1), dest: a[a.length - 1]!, from: f.from, chown: f.chown, chmod: f.chmod, node };
    }
    case 'ENV':
    case 'LABEL': {
      parseFlags(node, {});
      if (a.length === 0) throw atLeastOne(kw);
      const pairs: [string, string][] = [];
      for (let i = 0; i < a.length; i += 2) {
        if (a[i] === '') throw new Error(`${kw} names can not be blank`);
        pairs.push([a[i]!, a[i + 1]!]);
      }
      return { kind: kw, pairs, node };
    }
    case 'ARG': {
      if (a.length === 0) throw atLeastOne('ARG');
      parseFlags(node, {});
      return {
        kind: 'ARG',
        args: a.map((w) => {
          const eq = w.indexOf('=');
          if (eq === 0) throw new Error('ARG names can not be blank');
          return eq < 0 ? { key: w } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
        }),
        node,
      };
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      if (a.length !== 1) throw exactlyOne(kw);
      parseFlags(node, {});
      return { kind: kw, value: a[0]!, node };
    case 'EXPOSE':
    case 'VOLUME': {
      if (a.length === 0) throw atLeastOne(kw);
      parseFlags(node, {});
      const values = a.map((v) => v.trim());
      if (kw === 'VOLUME' && values.some((v) => v === '')) throw new Error('VOLUME specified can not be an empty string');
      return { kind: kw, values: kw === 'EXPOSE' ? [...values].sort() : values, node };
    }
    case 'HEALTHCHECK':
      return { kind: 'HEALTHCHECK', health: healthcheckOf(node), node };
    case 'SHELL':
      parseFlags(node, {});
      if (a.length === 0) throw atLeastOne('SHELL');
      if (!node.json) throw new Error(`SHELL requires the arguments to be in JSON form`);
      return { kind: 'SHELL', shell: a, node };
    case 'ONBUILD': {
      if (a.length === 0 || !node.sub) throw atLeastOne('ONBUILD');
      const trigger = node.sub.keyword.toUpperCase();
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      instructionOf(node.sub);
      return { kind: 'ONBUILD', expression: node.original.replace(/^\s*ONBUILD\s*/i, ''), node };
    }
  }
  throw withSuggestion(`unknown instruction: ${node.keyword}`, node.keyword, INSTRUCTIONS, false);
}

const isStage = (x: Instruction | Stage): x is Stage => !('kind' in x);

/** Text → stages. Throws DockerfileError; `.message` is the text after `failed to solve: `. */
export function readDockerfile(text: string): Dockerfile {
  const parsed = parseDockerfile(text);
  const stages: Stage[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const node of parsed.nodes) {
    let item: Instruction | Stage;
    try {
      item = instructionOf(node);
    } catch (e) {
      throw new DockerfileError(`dockerfile parse error on line ${node.startLine}: ${(e as Error).message}`, node.startLine, node.endLine);
    }
    if (isStage(item)) stages.push(item);
    else if (stages.length === 0 && item.kind === 'ARG') metaArgs.push(item);
    else if (stages.length === 0) throw new DockerfileError('no build stage in current context', node.startLine, node.endLine);
    else stages[stages.length - 1]!.instructions.push(item);
  }
  return { parsed, metaArgs, stages };
}
