// Grading a command question by meaning: the learner's command runs in a scratch engine seeded with the
// question's scenario, and the expectation is checked against what the engine then reports through
// `docker inspect` (the API's own data), so `-p 8080:80` and `--publish=8080:80`, or any flag order,
// grade alike. A command that runs but does the wrong thing gets a hint derived from the difference.
import { createEngine, type Engine } from '../../engine';
import type { CommandExpectation, CommandQuestion, ContainerExpectation } from './schema';

export interface CommandGrade {
  correct: boolean;
  /** what is wrong, most important first; empty when correct */
  hints: string[];
  /** what the simulated terminal printed, for the learner to see */
  output: string;
}

/** the fields of `docker inspect` the expectations look at */
interface Inspected {
  Name: string;
  State: { Status: string };
  Config: { Image: string; Cmd: string[] | null; AttachStdout: boolean };
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    RestartPolicy: { Name: string; MaximumRetryCount: number };
  };
  NetworkSettings: { Networks: Record<string, unknown> | null };
}

/** an engine in the question's starting state; throws if the scenario itself does not work */
export function scenarioEngine(q: Pick<CommandQuestion, 'id' | 'scenario'>): Engine {
  const engine = createEngine({ images: q.scenario.images });
  for (const line of q.scenario.setup) {
    const r = engine.exec(line);
    if (r.exit !== 0) throw new Error(`${q.id}: setup command \`${line}\` failed: ${r.stderr.trim()}`);
  }
  return engine;
}

function inspectAll(engine: Engine): Inspected[] {
  const ids = engine.exec('docker ps -aq --no-trunc').stdout.split('\n').filter(Boolean);
  if (ids.length === 0) return [];
  const r = engine.exec(`docker inspect ${ids.join(' ')}`);
  return JSON.parse(r.stdout) as Inspected[];
}

/** `nginx`, `library/nginx`, `docker.io/library/nginx:latest` → `docker.io/library/nginx:latest` */
export function normalizeImage(ref: string): string {
  let name = ref;
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  if (slash === -1 || !/[.:]|^localhost$/.test(first)) name = `docker.io/${name}`;
  if (/^docker\.io\/[^/]+$/.test(name.split(/[:@]/)[0]!)) name = name.replace('docker.io/', 'docker.io/library/');
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) name += ':latest';
  return name;
}

/** `8080:80` → `8080:80/tcp` (an empty host IP is dropped, as `-p` writes it) */
export function normalizePort(mapping: string): string {
  return mapping.includes('/') ? mapping : `${mapping}/tcp`;
}

function publishedPorts(c: Inspected): string[] {
  return Object.entries(c.HostConfig.PortBindings ?? {})
    .flatMap(([port, bindings]) => (bindings ?? []).map((b) => `${b.HostIp ? `${b.HostIp}:` : ''}${b.HostPort}:${port}`))
    .sort();
}

function restartPolicy(c: Inspected): string {
  const { Name, MaximumRetryCount } = c.HostConfig.RestartPolicy;
  if (Name === '') return 'no';
  return Name === 'on-failure' && MaximumRetryCount > 0 ? `on-failure:${MaximumRetryCount}` : Name;
}

const swapPorts = (p: string) => p.replace(/^(.*?)(\d+):(\d+)\//, '$1$3:$2/');
const code = (s: string) => `\`${s}\``;

function portHints(expected: string[], actual: string[]): string[] {
  const want = expected.map(normalizePort).sort();
  if (want.join() === actual.join()) return [];
  if (actual.length > 0 && actual.map(swapPorts).sort().join() === want.join()) {
    return [`Your ports are reversed: the host port comes first, then the container's (${code(`-p ${want[0]!.replace('/tcp', '')}`)}).`];
  }
  if (actual.length === 0) return [`No port is published. Add ${want.map((p) => code(`-p ${p.replace('/tcp', '')}`)).join(' ')}.`];
  return [`You published ${actual.map(code).join(', ')}, but the task asks for ${want.map(code).join(', ')}.`];
}

/** the value at a dotted path of inspect data (`HostConfig.Memory`) */
function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), data);
}

/** `want` holds for `actual` when equal; objects and arrays compare as subsets (every wanted item is found) */
export function matchesSubset(want: unknown, actual: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(actual) && want.every((w) => actual.some((a) => matchesSubset(w, a)));
  if (want !== null && typeof want === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(want).every(([k, w]) => matchesSubset(w, (actual as Record<string, unknown>)[k]));
  }
  return want === actual;
}

const json = (v: unknown) => code(JSON.stringify(v) ?? 'nothing');

function containerHints(want: ContainerExpectation, all: Inspected[], created: Inspected[]): string[] {
  const c = all.find((x) => x.Name === `/${want.name}`);
  if (!c) {
    const other = created[0];
    if (other) return [`Your container is called ${code(other.Name.slice(1))}. Name it with ${code(`--name ${want.name}`)}.`];
    return [`There is no container named ${code(want.name)} afterwards.`];
  }
  const hints: string[] = [];
  if (want.image && normalizeImage(c.Config.Image) !== normalizeImage(want.image)) {
    hints.push(`${code(want.name)} runs ${code(c.Config.Image)}, but the task asks for ${code(want.image)}.`);
  }
  const cmd = c.Config.Cmd ?? [];
  if (want.command && JSON.stringify(cmd) !== JSON.stringify(want.command)) {
    hints.push(`The container's command is ${code(cmd.join(' '))}, but the task asks for ${code(want.command.join(' '))}.`);
  }
  if (want.detached && c.Config.AttachStdout) {
    hints.push(`The container runs in the foreground and holds your terminal. Add ${code('-d')} (${code('--detach')}) to run it in the background.`);
  }
  if (want.state && c.State.Status !== want.state) {
    hints.push(`${code(want.name)} is ${c.State.Status}, but it should be ${want.state}.`);
  }
  if (want.ports) hints.push(...portHints(want.ports, publishedPorts(c)));
  if (want.restart && restartPolicy(c) !== want.restart) {
    hints.push(`The restart policy is ${code(restartPolicy(c))}, but the task asks for ${code(want.restart)}.`);
  }
  if (want.networks) {
    const on = Object.keys(c.NetworkSettings.Networks ?? {}).sort();
    if (on.join() !== [...want.networks].sort().join()) {
      hints.push(`${code(want.name)} is on ${on.map(code).join(', ') || 'no network'}, but the task asks for ${want.networks.map(code).join(', ')}.`);
    }
  }
  for (const [path, value] of Object.entries(want.fields ?? {})) {
    const actual = valueAt(c, path);
    if (!matchesSubset(value, actual)) hints.push(`${code(path)} of ${code(want.name)} is ${json(actual)}, but the task needs ${json(value)}.`);
  }
  return hints;
}

/**
 * Options typed after the image name become the program's arguments: the commonest mistake with `docker
 * run`, and one Docker's own error (if any) does not explain. Spotted as a new container whose command
 * differs from its image's default and contains something that looks like an option.
 */
function misplacedOptionHints(engine: Engine, created: Inspected[], want?: ContainerExpectation): string[] {
  return created.flatMap((c) => {
    const cmd = c.Config.Cmd ?? [];
    if (!cmd.some((arg) => arg.startsWith('-')) || (want?.command && JSON.stringify(cmd) === JSON.stringify(want.command))) return [];
    const image = engine.exec(`docker image inspect --format '{{json .Config.Cmd}}' ${c.Config.Image}`);
    if (image.exit === 0 && image.stdout.trim() === JSON.stringify(cmd)) return [];
    return [`${code(cmd.join(' '))} went to the program in the container: everything after the image name is its command. Put Docker's options before the image.`];
  });
}

/** images, networks and volumes the task asks to exist, read through the API as `docker … ls` does */
function objectHints(expect: CommandExpectation, engine: Engine): string[] {
  const hints: string[] = [];
  const tags = engine.exec("docker images --format '{{.Repository}}:{{.Tag}}'").stdout.split('\n').map(normalizeImage);
  for (const ref of expect.images ?? []) {
    if (!tags.includes(normalizeImage(ref))) hints.push(`There is no local image ${code(ref)} afterwards.`);
  }
  for (const want of expect.networks ?? []) {
    const r = engine.exec(`docker network inspect -f '{{.Internal}}' ${want.name}`);
    if (r.exit !== 0) hints.push(`There is no network ${code(want.name)} afterwards.`);
    else if (want.internal !== undefined && (r.stdout.trim() === 'true') !== want.internal) {
      hints.push(want.internal ? `${code(want.name)} is not internal: create it with ${code('--internal')}.` : `${code(want.name)} should not be internal.`);
    }
  }
  const volumes = engine.exec("docker volume ls -q").stdout.split('\n');
  for (const name of expect.volumes ?? []) if (!volumes.includes(name)) hints.push(`There is no volume ${code(name)} afterwards.`);
  return hints;
}

function expectationHints(expect: CommandExpectation, engine: Engine, result: { stdout: string; exit: number }, before: Set<string>): string[] {
  const all = inspectAll(engine);
  const created = all.filter((c) => !before.has(c.Name));
  const hints = misplacedOptionHints(engine, created, expect.container);
  if (hints.length > 0) return hints;
  if (expect.container) hints.push(...containerHints(expect.container, all, created));
  for (const name of expect.absent ?? []) {
    if (all.some((c) => c.Name === `/${name}`)) hints.push(`${code(name)} still exists; the task is to remove it.`);
  }
  hints.push(...objectHints(expect, engine));
  if (expect.stdoutIncludes && !result.stdout.includes(expect.stdoutIncludes)) {
    hints.push(`The output does not show ${code(expect.stdoutIncludes)}.`);
  }
  if (hints.length === 0 && result.exit !== expect.exit) hints.push(`The command ended with exit status ${result.exit}, not ${expect.exit}.`);
  return hints;
}

/**
 * The error a failed command reported, if any. stderr also carries progress (`Unable to find image …`,
 * pull lines) that is no error, so only lines shaped like the CLI's errors count.
 */
function errorLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .find((line) => /^(?:docker: |Error|unknown (?:flag|shorthand)|invalid |flag needs|"docker |accepts |requires )/.test(line));
}

/** the learner's line as typed, without a copied prompt or surrounding space */
export function cleanCommand(line: string): string {
  return line.trim().replace(/^\$\s*/, '');
}

/** the parts of a command question grading needs (what the page embeds as JSON) */
export type CommandSpec = Pick<CommandQuestion, 'id' | 'scenario' | 'expect'>;

export function gradeCommand(q: CommandSpec, answer: string): CommandGrade {
  const line = cleanCommand(answer);
  if (!/^docker(\s|$)/.test(line)) {
    return { correct: false, hints: ['Start with `docker`: the task is done with one docker command.'], output: '' };
  }
  const engine = scenarioEngine(q);
  const before = new Set(inspectAll(engine).map((c) => c.Name));
  const result = engine.exec(line);
  const output = result.stdout + result.stderr;
  const error = result.exit !== 0 && result.exit !== q.expect.exit ? errorLine(result.stderr) : undefined;
  if (error) {
    // the command failed: Docker's own message is the best hint, unless a misplaced option explains it
    const created = inspectAll(engine).filter((c) => !before.has(c.Name));
    const misplaced = misplacedOptionHints(engine, created, q.expect.container);
    return { correct: false, hints: misplaced.length > 0 ? misplaced : [`Docker answered: ${error}`], output };
  }
  const hints = expectationHints(q.expect, engine, result, before);
  return { correct: hints.length === 0, hints, output };
}
