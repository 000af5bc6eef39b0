// docker exec: POST /containers/{id}/exec creates an exec instance, /exec/{id}/start runs it through
// the same process model as a main process. An attached exec lets simulated time pass until its program
// ends; a detached one ends on the timeline (or when the container stops).
import type { Daemon } from '../daemon';
import { conflict, notFound, serverError } from '../errors';
import { launchExec } from '../process/launch';
import { renderLine, type PlannedLine } from '../process/plan';
import { execUnderMemoryLimit } from '../process/oom';
import { HOST_MEMORY } from '../system-info';
import { usage } from './processes';
import type { ExecRecord } from './exec-model';
import { statusOf, type LogLine } from './model';
import { containerEvent } from './notify';
import { programContext } from './runtime';
import { getContainer } from './store';

export interface ExecCreateBody {
  Cmd: string[];
  User?: string;
  WorkingDir?: string;
  Env?: string[];
  Tty?: boolean;
  AttachStdin?: boolean;
}

export function createExec(d: Daemon, ref: string, body: ExecCreateBody): ExecRecord {
  const c = getContainer(d.state, ref);
  const status = statusOf(c.state);
  if (status === 'paused') throw conflict(`Container ${ref} is paused, unpause the container before exec`);
  if (status === 'restarting') throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  if (status !== 'running') throw conflict(`container ${c.id} is not running`);
  const x: ExecRecord = {
    id: d.ids.hex64(),
    containerId: c.id,
    argv: body.Cmd,
    user: body.User ?? '',
    workingDir: body.WorkingDir ?? '',
    env: body.Env ?? [],
    tty: body.Tty ?? false,
    attachStdin: body.AttachStdin ?? false,
    running: false,
    exitCode: null,
    pid: 0,
  };
  d.state.execs[x.id] = x;
  c.execIds.push(x.id);
  containerEvent(d, c, `exec_create: ${body.Cmd.join(' ')}`, { execID: x.id });
  return x;
}

export function getExec(d: Daemon, id: string): ExecRecord {
  const x = d.state.execs[id];
  if (!x) throw notFound(`No such exec instance: ${id}`);
  return x;
}

/** The output of an attached exec, and whether it keeps running (a program that never ends by itself). */
export interface ExecOutcome {
  output: LogLine[];
  running: boolean;
}

/** An exec's output as its client reads it: a TTY has one stream, and its line discipline ends lines with CRLF. */
function execOutput(x: ExecRecord, lines: PlannedLine[], started: number): LogLine[] {
  return lines.map(
    (l): LogLine => ({
      t: started + l.at,
      stream: x.tty ? 'stdout' : l.stream,
      text: renderLine(l, started + l.at) + (x.tty && !l.partial ? '\r' : ''),
      ...(l.partial ? { partial: true } : {}),
    }),
  );
}

export function startExec(d: Daemon, id: string, detach: boolean): ExecOutcome {
  const x = getExec(d, id);
  if (x.running || x.exitCode !== null) throw conflict(`Error: Exec command ${id} is already running`);
  const c = getContainer(d.state, x.containerId);
  if (!c.state.Running || c.state.Paused) throw conflict(`container ${c.id} is not running`);
  const started = d.now();
  // the process exists (PID, start time) while its program runs: `ps` lists itself
  x.pid = ++d.state.lastPid;
  x.startedAt = started;
  const ctx = programContext(d, c, started, { env: x.env, workingDir: x.workingDir, record: x });
  const launched = launchExec(x.argv, ctx);
  containerEvent(d, c, `exec_start: ${x.argv.join(' ')}`, { execID: x.id });
  if ('failure' in launched) {
    x.pid = 0;
    x.exitCode = launched.failure.exitCode;
    containerEvent(d, c, 'exec_die', { execID: x.id, exitCode: String(x.exitCode) });
    // detached, nobody reads the stream: the start request itself fails with runc's message
    if (detach) throw serverError(launched.failure.message);
    return { output: [{ t: started, stream: 'stdout', text: launched.failure.message + '\r' }], running: false };
  }
  // the program may have ended the container (`kill 1` to a server that handles it): it died with it
  if (!c.state.Running) {
    Object.assign(x, { running: false, pid: 0, exitCode: launched.run.duration === Infinity ? 137 : launched.run.code });
    return { output: execOutput(x, launched.run.output, started), running: false };
  }
  const room = (c.hostConfig.Memory || HOST_MEMORY) - usage(d, c).memory;
  const { run, oomKilled } = execUnderMemoryLimit(launched.run, room);
  if (oomKilled) containerEvent(d, c, 'oom', {}, started + run.duration);
  if (run.memory !== undefined) x.memory = run.memory;
  x.running = true;
  x.exitCode = run.code;
  const output = execOutput(x, run.output, started);
  if (run.duration === Infinity) return { output, running: true };
  x.endsAt = started + run.duration;
  if (!detach) d.advanceTo(x.endsAt);
  return { output, running: false };
}

/** GET /exec/{id}/json, the fields the CLI reads. */
export function inspectExec(d: Daemon, id: string) {
  const x = getExec(d, id);
  return {
    ID: x.id,
    Running: x.running,
    ExitCode: x.running ? null : x.exitCode,
    ProcessConfig: { tty: x.tty, entrypoint: x.argv[0], arguments: x.argv.slice(1), privileged: false, user: x.user },
    OpenStdin: x.attachStdin,
    OpenStderr: true,
    OpenStdout: true,
    CanRemove: false,
    ContainerID: x.containerId,
    DetachKeys: '',
    Pid: x.pid,
  };
}
