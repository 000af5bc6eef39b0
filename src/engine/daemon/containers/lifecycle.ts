// The container state machine's operations (start, stop, kill, pause, unpause, restart, rm, rename,
// wait) with exactly moby's legal transitions and, for every illegal one, its error (reference §3.2).
// `ref` is the container as the user typed it: several messages quote it that way.
import type { Daemon } from '../daemon';
import { badRequest, conflict, DaemonError, serverError } from '../errors';
import { normaliseSignal } from '../process/plan';
import { statusOf, type ContainerRecord } from './model';
import { validName } from './names';
import { containerEvent } from './notify';
import { removeContainer } from './removal';
import { deliverSignal, startProcess } from './runtime';
import { containerByName, getContainer, nameConflict, renameContainer } from './store';

/** What an operation did: 'done', or 'unchanged' (the API's 304 Not Modified). */
export type Outcome = 'done' | 'unchanged';

const notRunning = (c: ContainerRecord) => conflict(`container ${c.id} is not running`);
const restarting = (c: ContainerRecord) => conflict(`Container ${c.id} is restarting, wait until the container is running`);
const markedForRemoval = () => conflict('container is marked for removal and cannot be started');

function parseSignal(s: string): string {
  const sig = normaliseSignal(s);
  if (!sig) throw badRequest(`Invalid signal: ${s}`);
  return sig;
}

/** A paused process resumes where it was: its plan's clock skips the time spent frozen. */
function resume(d: Daemon, c: ContainerRecord): void {
  if (!c.state.Paused) return;
  if (c.process) c.process.startedAt += d.now() - c.pausedAt;
  c.pausedAt = 0;
  c.state.Paused = false;
}

/** The restart manager's pending restart is cancelled: the container comes to rest as exited. */
function cancelRestart(c: ContainerRecord): void {
  Object.assign(c.state, { Running: false, Restarting: false });
  c.restartAt = 0;
  c.manuallyStopped = true;
}

export function start(d: Daemon, ref: string): Outcome {
  const c = getContainer(d.state, ref);
  const status = statusOf(c.state);
  if (status === 'paused') throw conflict('cannot start a paused container, try unpause instead');
  if (status === 'running' || status === 'restarting') return 'unchanged';
  if (status === 'removing' || status === 'dead') throw markedForRemoval();
  manualStart(d, c);
  return 'done';
}

/** A start by the user resets what the restart manager remembered (moby ResetRestartManager). */
function manualStart(d: Daemon, c: ContainerRecord): void {
  c.manuallyStopped = false;
  c.restartCount = 0;
  c.restartDelay = 0;
  startProcess(d, c, d.now());
  d.tick();
}

/** SIGTERM (or the StopSignal), then SIGKILL once `timeoutSec` of simulated time has passed. */
function stopRunning(d: Daemon, c: ContainerRecord, signal: string | undefined, timeoutSec: number | undefined): void {
  const sig = parseSignal(signal || c.config.StopSignal || 'SIGTERM');
  c.manuallyStopped = true;
  if (c.state.Restarting) return cancelRestart(c);
  resume(d, c);
  const asked = d.now();
  if (deliverSignal(d, c, sig, asked)) return;
  const timeout = timeoutSec ?? c.config.StopTimeout ?? 10;
  const deadline = asked + Math.max(timeout, 0) * 1000;
  const pid = c.state.Pid;
  const plan = c.process!.plan;
  const naturalEnd = plan.exit ? c.process!.startedAt + plan.exit.afterMs : Infinity;
  d.advanceTo(Math.min(deadline, naturalEnd));
  if (c.state.Running && c.state.Pid === pid) deliverSignal(d, c, 'KILL', deadline);
}

export function stop(d: Daemon, ref: string, timeoutSec?: number, signal?: string): Outcome {
  const c = getContainer(d.state, ref);
  if (!c.state.Running) return 'unchanged';
  stopRunning(d, c, signal, timeoutSec);
  containerEvent(d, c, 'stop');
  return 'done';
}

export function kill(d: Daemon, ref: string, signal = 'KILL'): void {
  const c = getContainer(d.state, ref);
  const sig = parseSignal(signal);
  if (!c.state.Running) throw notRunning(c);
  if (sig === 'KILL' || sig === normaliseSignal(c.config.StopSignal || 'SIGTERM')) c.manuallyStopped = true;
  if (c.state.Restarting) {
    cancelRestart(c);
    containerEvent(d, c, 'kill', { signal: String(sig === 'KILL' ? 9 : 15) });
    return;
  }
  resume(d, c);
  deliverSignal(d, c, sig, d.now());
}

export function pause(d: Daemon, ref: string): void {
  const c = getContainer(d.state, ref);
  const status = statusOf(c.state);
  if (status === 'paused') throw conflict(`Container ${c.id} is already paused`);
  if (status === 'restarting') throw restarting(c);
  if (status !== 'running') throw notRunning(c);
  c.state.Paused = true;
  c.pausedAt = d.now();
  containerEvent(d, c, 'pause');
}

export function unpause(d: Daemon, ref: string): void {
  const c = getContainer(d.state, ref);
  if (statusOf(c.state) !== 'paused') throw serverError(`Container ${c.id} is not paused`);
  resume(d, c);
  containerEvent(d, c, 'unpause');
}

export function restart(d: Daemon, ref: string, timeoutSec?: number, signal?: string): void {
  const c = getContainer(d.state, ref);
  try {
    const status = statusOf(c.state);
    if (status === 'removing' || status === 'dead') throw markedForRemoval();
    if (c.state.Running) {
      c.manuallyRestarted = true;
      try {
        stopRunning(d, c, signal, timeoutSec);
      } finally {
        c.manuallyRestarted = false;
      }
      containerEvent(d, c, 'stop');
    }
    manualStart(d, c);
    containerEvent(d, c, 'restart');
  } catch (e) {
    if (e instanceof DaemonError) throw new DaemonError(e.status, `Cannot restart container ${ref}: ${e.message}`);
    throw e;
  }
}

export function remove(d: Daemon, ref: string, opts: { force: boolean; volumes: boolean }): void {
  const c = getContainer(d.state, ref);
  const status = statusOf(c.state);
  if (!opts.force) {
    const why =
      status === 'paused' ? 'container is paused and must be unpaused first'
      : status === 'restarting' ? 'container is restarting: stop the container before removing or force remove'
      : status === 'running' ? 'container is running: stop the container before removing or force remove'
      : undefined;
    if (why) throw conflict(`cannot remove container "${ref}": ${why}`);
  } else if (c.state.Running) {
    kill(d, c.id);
  }
  removeContainer(d, c, { removeVolumes: opts.volumes });
}

export function rename(d: Daemon, ref: string, newName: string): void {
  const c = getContainer(d.state, ref);
  const name = newName.startsWith('/') ? newName : '/' + newName;
  if (name === c.name) throw badRequest('Renaming a container with the same name as its current name');
  try {
    validName(name);
    const holder = containerByName(d.state, name);
    if (holder) throw nameConflict(name, holder);
  } catch (e) {
    if (e instanceof DaemonError) throw new DaemonError(e.status, `Error when allocating new name: ${e.message}`);
    throw e;
  }
  const oldName = c.name;
  renameContainer(d.state, c, name);
  for (const net of Object.values(d.state.networks.networks)) {
    const ep = net.endpoints[c.id];
    if (ep) ep.name = name.slice(1);
  }
  containerEvent(d, c, 'rename', { oldName });
}
