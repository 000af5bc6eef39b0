import { describe, expect, it } from 'vitest';
import { humanSizeWithPrecision } from '../cli/format/units';
import { CATALOG } from './catalog';
import { resolveRemote, type RemoteImage } from './hub';
import type { HubState } from './hub-state';
import { parseNormalizedNamed, withDefaultTag } from './reference';

const hub = (): HubState => ({ repositories: {}, logins: {} });
const remote = (ref: string) =>
  resolveRemote(hub(), withDefaultTag(parseNormalizedNamed(ref)), new Set()) as RemoteImage;
const size = (ref: string) =>
  humanSizeWithPrecision(
    remote(ref).layers.reduce((n, l) => n + l.size, 0),
    3,
  );

describe('the simulated Docker Hub catalogue', () => {
  it('gives every repository a latest tag and every tag one release', () => {
    for (const [path, releases] of Object.entries(CATALOG)) {
      const tags = releases.flatMap((r) => r.tags);
      expect(tags, path).toContain('latest');
      expect(new Set(tags).size, `${path} has a tag in two releases`).toBe(tags.length);
    }
  });
  it('has the sizes `docker images` shows for the real images', () => {
    expect(size('hello-world')).toBe('10.1kB');
    expect(size('busybox')).toBe('4.28MB');
    expect(size('alpine')).toBe('8.31MB');
    expect(size('nginx')).toBe('192MB');
    expect(size('ubuntu')).toBe('78.1MB');
    expect(size('node')).toBe('1.12GB');
  });
  it('carries the real configs', () => {
    const nginx = remote('nginx:alpine').config;
    expect(nginx.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(nginx.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(nginx.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(nginx.StopSignal).toBe('SIGQUIT');
    expect(remote('postgres').config.Volumes).toEqual({ '/var/lib/postgresql/data': {} });
    expect(remote('redis').config.WorkingDir).toBe('/data');
    expect(remote('mysql').config.ExposedPorts).toEqual({ '3306/tcp': {}, '33060/tcp': {} });
  });
  it('aliases point at one image and shared bases share layers', () => {
    expect(remote('alpine:3.22').id).toBe(remote('alpine:latest').id);
    expect(remote('nginx:1').id).toBe(remote('nginx:latest').id);
    expect(remote('nginx:1.28').id).not.toBe(remote('nginx').id);
    const python = remote('python').layers.map((l) => l.diffId);
    const node = remote('node').layers.map((l) => l.diffId);
    expect(python.slice(0, 4)).toEqual(node.slice(0, 4));
    expect(python[4]).not.toBe(node[4]);
  });
  it('refuses unknown repositories, tags and other registries', () => {
    expect(resolveRemote(hub(), parseNormalizedNamed('someuser/nosuchrepo:latest'), new Set())).toEqual({
      kind: 'denied',
    });
    expect(resolveRemote(hub(), parseNormalizedNamed('busybox:nonexistent'), new Set())).toEqual({
      kind: 'manifest-unknown',
    });
    expect(resolveRemote(hub(), parseNormalizedNamed('localhost:5000/app:1'), new Set())).toEqual({
      kind: 'unreachable',
      message: 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    });
  });
});
