// Which command lines the bridge hands to the real `docker` CLI. The line is split by the simulator's
// own tokenizer (quotes and escapes as a shell would, but no pipes, lists or substitutions), must start
// with `docker`, and the words go to the CLI as its argv: no shell ever sees the line. The flags that
// give a container the host (privileges, host namespaces, devices, the Docker socket, bind mounts
// outside the workspace) are refused with a reason, unless the bridge was started with --unsafe.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FlagValue, Invocation } from '../src/engine/cli/command';
import { parseCommandLine } from '../src/engine/cli/parse';
import { tokenize } from '../src/engine/cli/tokenize';

export interface PolicyOptions {
  /** the folder bind mounts and host files must stay in (the CLI runs there, too) */
  workspace: string;
  unsafe: boolean;
  maxLineLength: number;
  /** the security lesson's full address, for the explanations */
  lessonUrl: string;
}

export type Verdict =
  /** `tty`: the command asks for a terminal (-t) */
  { ok: true; argv: string[]; tty: boolean } | { ok: false; message: string };

const OTHER_ENGINE = /^(-H|--host\b|-c|--context\b|--config\b|--tls)/;
const HOST_NAMESPACES: Record<string, string> = { pid: 'process', ipc: 'IPC', uts: 'host name', userns: 'user', cgroupns: 'cgroup' };
/** flags whose values are host files the CLI reads or writes */
const HOST_FILE_FLAGS = ['env-file', 'label-file', 'cidfile', 'iidfile', 'output', 'input', 'file'];

const list = (v: FlagValue | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);

/** the real path of `p`, or of its nearest existing parent with the rest appended (docker creates missing sources) */
function realPathOf(p: string): string {
  let existing = p;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, p));
}

export class LinePolicy {
  private readonly workspaceReal: string;

  constructor(private readonly opts: PolicyOptions) {
    this.workspaceReal = realpathSync(opts.workspace);
  }

  check(line: string): Verdict {
    if (line.length > this.opts.maxLineLength) return this.refuse(`the line is longer than ${this.opts.maxLineLength} characters.`, false);
    const { words, error } = tokenize(line);
    if (error) return this.refuse(`${error}. Each line runs one docker command, without a shell.`, false);
    if (words[0] !== 'docker') return this.refuse(`only docker commands run here (this terminal drives your Docker engine, it is not a shell): ${words[0] ?? '(empty line)'}`, false);
    const argv = words.slice(1);
    // the global options come first: they must not point the CLI at another engine than the page shows
    for (const w of argv) {
      if (!w.startsWith('-')) break;
      if (OTHER_ENGINE.test(w)) return this.refuse(`${w}: this terminal talks to the engine the bridge found, not another one (no -H, --context, --config or --tls).`, false);
    }
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'invoke') {
      const problem = this.invocationProblem(parsed.inv);
      return problem ? this.refuse(problem, true) : { ok: true, argv, tty: parsed.inv.flags.tty === true };
    }
    // Help, or a line the simulator's parser does not know (a CLI plugin such as compose, a newer
    // flag): the real CLI answers, unless a dangerous flag shows up anywhere in it.
    const problem = this.wordsProblem(argv);
    return problem ? this.refuse(problem, true) : { ok: true, argv, tty: argv.some((w) => /^-[a-zA-Z]*t[a-zA-Z]*$|^--tty(=true)?$/.test(w)) };
  }

  private refuse(reason: string, liftable: boolean): Verdict {
    const why = liftable ? `\nWhy this is dangerous, and what to do instead: ${this.opts.lessonUrl}\n(The bridge allows it when started with --unsafe: npm start -- --unsafe)` : '';
    return { ok: false, message: `Refused by the Dockhand bridge: ${reason}${why}\n` };
  }

  private invocationProblem(inv: Invocation): string | undefined {
    if (this.opts.unsafe) return undefined;
    const f = inv.flags;
    const set = (name: string) => inv.changed.has(name);
    if (set('privileged') && f.privileged === true) return '--privileged gives the container every capability and all of the host\'s devices: root on your machine.';
    for (const [ns, what] of Object.entries(HOST_NAMESPACES)) {
      if (set(ns) && f[ns] === 'host') return `--${ns}=host puts the container in your machine's ${what} namespace.`;
    }
    if (set('cap-add')) return '--cap-add gives the container Linux capabilities it does not have by default.';
    if (set('device') || set('device-cgroup-rule')) return '--device gives the container direct access to a device of your machine.';
    if (set('security-opt')) return '--security-opt can switch off the confinement (seccomp, AppArmor) that protects your machine.';
    for (const v of list(f.volume)) {
      const problem = this.volumeProblem(v);
      if (problem) return problem;
    }
    for (const m of list(f.mount)) {
      const problem = this.mountProblem(m);
      if (problem) return problem;
    }
    const path = inv.spec.path.join(' ');
    if (path === 'volume create') {
      for (const o of list(f.opt)) if (o.startsWith('device=')) return this.hostPathProblem(o.slice('device='.length), 'a volume backed by a host folder');
    }
    for (const name of HOST_FILE_FLAGS) {
      for (const file of list(f[name])) if (file !== '-' && !(name === 'output' && path === 'image build')) {
        const problem = this.hostPathProblem(file, `--${name}`);
        if (problem) return problem;
      }
    }
    const localArgs =
      path === 'container cp' ? inv.args.filter((a) => a !== '-' && !/^[^/:]+:/.test(a))
      : path === 'image build' || path === 'image import' ? inv.args.slice(0, 1).filter((a) => a !== '-' && !/^[a-z]+:\/\/|^git@|^github\.com\//.test(a))
      : [];
    for (const a of localArgs) {
      const problem = this.hostPathProblem(a, `the host path ${a}`);
      if (problem) return problem;
    }
    return undefined;
  }

  /** -v SOURCE:TARGET[:MODE]: a source that is a path (not a volume name) is a bind mount */
  private volumeProblem(spec: string): string | undefined {
    const parts = spec.split(':');
    if (parts.length < 2) return undefined; // an anonymous volume
    const source = parts[0]!;
    return source.startsWith('/') || source.startsWith('.') ? this.hostPathProblem(source, 'a bind mount') : undefined;
  }

  /** --mount type=bind,source=…,target=…; a local volume can also be a bind in disguise (volume-opt=device=…) */
  private mountProblem(spec: string): string | undefined {
    const fields = spec.split(',').map((kv): [string, string] => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
    });
    const get = (...keys: string[]) => fields.find(([k]) => keys.includes(k))?.[1];
    if (get('type') === 'bind') return this.hostPathProblem(get('source', 'src') ?? '', 'a bind mount');
    for (const [k, v] of fields) if (k === 'volume-opt' && v.startsWith('device=')) return this.hostPathProblem(v.slice('device='.length), 'a volume backed by a host folder');
    return undefined;
  }

  /** a host path must resolve (links followed) inside the workspace; the Docker socket never may */
  private hostPathProblem(p: string, what: string): string | undefined {
    if (p === '') return undefined;
    const real = realPathOf(resolve(this.opts.workspace, p));
    if (basename(real) === 'docker.sock') return `mounting the Docker socket (${p}) hands the container full control of your Docker engine, and so of your machine.`;
    const rel = relative(this.workspaceReal, real);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return undefined;
    return `${what} reaches ${p}, outside the workspace folder ${this.opts.workspace}. Put the files you want to share with containers there.`;
  }

  /** the fallback for lines the parser does not know: the dangerous flags by name, wherever they are */
  private wordsProblem(words: string[]): string | undefined {
    if (this.opts.unsafe) return undefined;
    for (const [i, w] of words.entries()) {
      const [name, inline] = w.startsWith('--') ? [w.slice(2).split('=')[0]!, w.includes('=') ? w.slice(w.indexOf('=') + 1) : undefined] : [w === '-v' ? 'volume' : '', undefined];
      const value = inline ?? words[i + 1] ?? '';
      if (['privileged', 'cap-add', 'device', 'device-cgroup-rule', 'security-opt'].includes(name)) return `--${name} gives a container power over your machine.`;
      if (name in HOST_NAMESPACES && value === 'host') return `--${name}=host puts a container in your machine's ${HOST_NAMESPACES[name]} namespace.`;
      const problem = name === 'volume' ? this.volumeProblem(value) : name === 'mount' ? this.mountProblem(value) : undefined;
      if (problem) return problem;
    }
    return undefined;
  }
}
