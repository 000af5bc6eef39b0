// Test kit for the object commands: a real Daemon (all routes) and a way to call one handler with
// chosen args and flags, capturing stdout/stderr as the engine would.
import { ManualClock } from '../../../clock';
import { Daemon } from '../../../daemon/daemon';
import { IdSource } from '../../../ids';
import type { FlagValue, Handler } from '../../command';

export const START = Date.parse('2026-11-23T12:00:00Z');

export function newDaemon(presets: string[] = []): Daemon {
  const d = new Daemon({ clock: new ManualClock(START), ids: new IdSource(7) });
  d.presetImages(presets);
  return d;
}

export interface Run {
  stdout: string;
  stderr: string;
  exit: number;
}

export function run(d: Daemon, handler: Handler, args: string[] = [], flags: Record<string, FlagValue> = {}): Run {
  let stdout = '';
  let stderr = '';
  const exit = handler({
    inv: {
      spec: { path: [], usage: '', short: '', flags: [], args: { kind: 'any' } },
      typedPath: [],
      flags,
      changed: new Set(Object.keys(flags)),
      args,
    },
    api: d.api,
    io: { out: (t) => (stdout += t), err: (t) => (stderr += t) },
    clock: d.clock,
  });
  return { stdout, stderr, exit };
}

/** Creates (and by default starts) a container through the Engine API; returns its ID. */
export function container(
  d: Daemon,
  name: string,
  opts: { image?: string; cmd?: string[]; binds?: string[]; network?: string; publish?: string; start?: boolean } = {},
): string {
  const res = d.api.request<{ Id: string }>({
    method: 'POST',
    path: '/containers/create',
    query: { name },
    body: {
      Image: opts.image ?? 'busybox',
      ...(opts.cmd ? { Cmd: opts.cmd } : opts.image ? {} : { Cmd: ['sleep', '600'] }),
      HostConfig: {
        Binds: opts.binds ?? [],
        NetworkMode: opts.network ?? 'default',
        // `publish: '5000:5000'` → the container port published on the same-numbered host port
        ...(opts.publish ? { PortBindings: portBinding(opts.publish) } : {}),
      },
    },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  if (opts.start !== false) d.api.request({ method: 'POST', path: `/containers/${res.body.Id}/start` });
  return res.body.Id;
}

function portBinding(spec: string): Record<string, { HostIp: string; HostPort: string }[]> {
  const [host, containerPort] = spec.split(':');
  return { [`${containerPort}/tcp`]: [{ HostIp: '', HostPort: host! }] };
}
