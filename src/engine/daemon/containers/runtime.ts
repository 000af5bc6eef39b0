// The container runtime's side of the state machine: starting the main process from its plan, writing
// its output to the log as time passes, delivering signals, and what happens when the process exits
// (network teardown, `die`, the restart policy's back-off, `--rm`).
import { badRequest, DaemonError } from '../errors';
import type { Daemon } from '../daemon';
import { classify } from '../process/classify';
import { launchMain } from '../process/launch';
import { endedByOom, underMemoryLimit } from '../process/oom';
import { reactionTo, renderLine, SIGNAL_NUMBERS, type PlannedLine, type SignalReaction } from '../process/plan';
import type { ProgramContext } from '../process/program';
import { LOG_LIMIT, type ContainerRecord, type ProcessRun } from './model';
import { containerEvent } from './notify';
import { hasTtyClient } from './tty';
import { volumeMounted, volumeUnmounted } from '../volumes/store';
import { attachSandbox, primaryIp, releaseSandbox } from './sandbox';
import { removeContainer } from './removal';
import { HOST_MEMORY } from '../system-info';
import type { ExecRecord } from './exec-model';
import { containerSystem } from './system';
import type { LaunchingMain } from './processes';
import { clearTmpfs, containerFs, writeEtcFiles } from './rootfs';

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The process environment: moby's CreateDaemonEnvironment (PATH, HOSTNAME, TERM, then Config.Env), and
 * HOME as runc sets it from /etc/passwd (`/` when the image has none).
 */
export function processEnv(c: ContainerRecord, passwd: boolean, extra: string[] = []): Record<string, string> {
  const env: Record<string, string> = {};
  const put = (kv: string) => {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  };
  [DEFAULT_PATH, `HOSTNAME=${c.config.Hostname}`, ...(c.config.Tty ? ['TERM=xterm'] : []), ...c.config.Env, ...extra].forEach(put);
  env['HOME'] ??= passwd ? '/root' : '/';
  return env;
}

/**
 * What a program runs in; `exec.record` is the exec instance being started, `main` the main process
 * being started (either is listed by ps while its program runs).
 */
export function programContext(d: Daemon, c: ContainerRecord, now: number, exec?: { env: string[]; workingDir: string; record?: ExecRecord }, main?: LaunchingMain): ProgramContext {
  const img = d.state.images.images[c.imageId];
  const kind = img ? classify(img) : { app: '' as const, base: 'debian' as const, passwd: true };
  const fs = containerFs(d, c);
  return {
    sys: containerSystem(d, c, fs, exec?.record ?? main),
    ...kind,
    env: processEnv(c, kind.passwd, exec?.env),
    hostname: c.config.Hostname,
    workingDir: exec?.workingDir || c.config.WorkingDir,
    // a TTY never reports end of input (`run -dt busybox` keeps its shell waiting); a terminal attached
    // before start (`run -it`, `start -ai`) holds stdin open until it detaches or exits
    stdinOpen: c.config.Tty || (c.config.OpenStdin && (!c.config.StdinOnce || hasTtyClient(c))),
    now,
    ip: primaryIp(d, c),
  };
}

/** Adds lines written at `t` to the container's log (the main process's plan, a server answering a request). */
export function appendLog(c: ContainerRecord, lines: PlannedLine[], t: number): void {
  for (const l of lines) c.logs.push({ t, stream: l.stream, text: renderLine(l, t), ...(l.partial ? { partial: true } : {}) });
  if (c.logs.length > LOG_LIMIT) c.logs.splice(0, c.logs.length - LOG_LIMIT);
}

/** When the k-th line of the plan's repeating output falls due. */
function repeatDue(run: ProcessRun, k: number): number {
  const repeat = run.plan.repeat!;
  const n = repeat.lines.length;
  return run.startedAt + repeat.from + Math.floor(k / n) * repeat.every + repeat.lines[k % n]!.at;
}

/** When the next line not yet in the log falls due (Infinity: the plan writes nothing more). */
export function nextLineAt(run: ProcessRun): number {
  const { output, repeat } = run.plan;
  const next = run.nextLine < output.length ? run.startedAt + output[run.nextLine]!.at : Infinity;
  return repeat && repeat.lines.length > 0 ? Math.min(next, repeatDue(run, run.repeated)) : next;
}

/** Writes the plan's output lines that are due by `t` into the container's log. */
export function logDueLines(c: ContainerRecord, t: number): void {
  const run = c.process;
  if (!run) return;
  const { output, repeat } = run.plan;
  while (run.nextLine < output.length && run.startedAt + output[run.nextLine]!.at <= t) {
    const line = output[run.nextLine++]!;
    appendLog(c, [line], run.startedAt + line.at);
  }
  if (!repeat || repeat.lines.length === 0) return;
  const n = repeat.lines.length;
  const due = (k: number) => repeatDue(run, k);
  // after a long jump only the last LOG_LIMIT lines can survive: skip the rest without writing them
  let last = run.repeated;
  while (due(last + LOG_LIMIT) <= t) last += LOG_LIMIT;
  if (last - LOG_LIMIT > run.repeated) run.repeated = last - LOG_LIMIT;
  for (; due(run.repeated) <= t; run.repeated++) {
    const line = repeat.lines[run.repeated % n]!;
    appendLog(c, [line], due(run.repeated));
  }
}

/**
 * Starts the main process: sandbox (network, ports), then the process itself. A failure leaves the
 * container stopped with State.Error set and rethrows the daemon error (moby containerStart's defer).
 */
export function startProcess(d: Daemon, c: ContainerRecord, at: number): void {
  try {
    attachSandbox(d, c);
    writeEtcFiles(d, c);
    const pid = d.state.lastPid + 1;
    const launch = launchMain([c.path, ...c.args], programContext(d, c, at, undefined, { pid, startedAt: at }));
    if ('failure' in launch) {
      c.state.ExitCode = launch.failure.exitCode;
      throw badRequest(launch.failure.message);
    }
    // under --init the command runs as docker-init's child, the next host PID; its own children follow
    const highest = Math.max(c.hostConfig.Init ? 2 : 1, ...(launch.plan.children ?? []).map((k) => k.pid));
    d.state.lastPid = pid + highest - 1;
    c.process = { plan: underMemoryLimit(launch.plan, c.hostConfig.Memory || HOST_MEMORY), startedAt: at, nextLine: 0, repeated: 0, pid };
    Object.assign(c.state, { Running: true, Paused: false, Restarting: false, Pid: pid, ExitCode: 0, Error: '', StartedAt: at, OOMKilled: false });
    for (const m of c.mounts) if (m.Name) volumeMounted(d, m.Name, c.id, m.Destination, m.RW);
    containerEvent(d, c, 'start', {}, at);
    logDueLines(c, at);
  } catch (e) {
    releaseSandbox(d, c);
    c.state.Error = e instanceof Error ? e.message : String(e);
    if (c.state.ExitCode === 0) c.state.ExitCode = 128;
    if (c.hostConfig.AutoRemove) removeContainer(d, c, { removeVolumes: true, at });
    throw e;
  }
}

const MIN_BACKOFF = 100;
const MAX_BACKOFF = 60_000;

/** moby restartmanager.ShouldRestart. */
function shouldRestart(c: ContainerRecord, code: number): boolean {
  const p = c.hostConfig.RestartPolicy;
  if (c.manuallyStopped) return false;
  if (p.Name === 'always' || p.Name === 'unless-stopped') return true;
  if (p.Name === 'on-failure') return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
  return false;
}

/** The main process ended at `at` with `code`: tear down, report, then restart, remove or rest. */
export function processExited(d: Daemon, c: ContainerRecord, code: number, at: number): void {
  logDueLines(c, at);
  const ranFor = at - c.state.StartedAt;
  const oom = c.process !== null && endedByOom(c.process.plan, c.process.startedAt, at);
  c.process = null;
  Object.assign(c.state, { Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: code, FinishedAt: at, OOMKilled: oom });
  if (oom) containerEvent(d, c, 'oom', {}, at);
  // Engine 25+ (daemon/monitor.go): how long the process ran, in whole seconds
  containerEvent(d, c, 'die', { execDuration: String(Math.floor(ranFor / 1000)), exitCode: String(code) }, at);
  releaseSandbox(d, c);
  clearTmpfs(c);
  for (const m of c.mounts) if (m.Name) volumeUnmounted(d, m.Name, c.id);
  // processes started by exec die with the container
  for (const id of c.execIds) {
    const x = d.state.execs[id];
    if (x?.running) Object.assign(x, { running: false, endsAt: undefined, exitCode: 137 });
  }
  if (shouldRestart(c, code)) {
    // back-off doubles from 100 ms up to a minute, and starts over after a run of 10 s or more
    const delay = ranFor >= 10_000 || c.restartDelay === 0 ? MIN_BACKOFF : Math.min(c.restartDelay * 2, MAX_BACKOFF);
    c.restartDelay = delay;
    c.restartAt = at + delay;
    c.restartCount++;
    Object.assign(c.state, { Running: true, Restarting: true });
  } else if (c.hostConfig.AutoRemove && !c.manuallyRestarted) {
    removeContainer(d, c, { removeVolumes: true, at });
  }
}

/** The restart manager's timer fired: start again (a failure ends the restart loop). */
export function restartDue(d: Daemon, c: ContainerRecord): void {
  const at = c.restartAt;
  c.restartAt = 0;
  Object.assign(c.state, { Running: false, Restarting: false });
  try {
    startProcess(d, c, at);
  } catch (e) {
    // State.Error records why; the container stays exited, as moby's restart manager gives up
    if (!(e instanceof DaemonError)) throw e;
  }
}

/**
 * Delivers `signal` to the main process of a running (not restarting) container at time `at`.
 * Returns true when the process exited because of it.
 */
export function deliverSignal(d: Daemon, c: ContainerRecord, signal: string, at: number): boolean {
  const run = c.process;
  if (!run) return false;
  containerEvent(d, c, 'kill', { signal: String(SIGNAL_NUMBERS[signal]) }, at);
  return react(d, c, reactionTo(run.plan, signal, c.hostConfig.Init === true), at);
}

/**
 * kill(2) from a process inside the container to its PID 1 (`toChild`: to docker-init's child, the
 * command, which is not PID 1). PID 1 gets only the signals it handles — not even SIGKILL from its own
 * namespace; docker-init forwards what it gets to its child. No `kill` event: the daemon is not involved.
 */
export function signalFromInside(d: Daemon, c: ContainerRecord, signal: string, toChild: boolean): boolean {
  const run = c.process;
  if (!run) return false;
  const underInit = c.hostConfig.Init === true;
  const reaction = signal === 'KILL' && !toChild ? 'ignore' : reactionTo(run.plan, signal, underInit);
  return react(d, c, reaction, d.now());
}

function react(d: Daemon, c: ContainerRecord, reaction: SignalReaction, at: number): boolean {
  if (reaction === 'ignore') return false;
  logDueLines(c, at);
  appendLog(c, reaction.output, at);
  processExited(d, c, reaction.code, at);
  return true;
}
