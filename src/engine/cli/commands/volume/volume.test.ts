import { describe, expect, it } from 'vitest';
import { createAnonymousVolume } from '../../../daemon/volumes/store';
import { container, newDaemon, run } from '../system/harness.test-util';
import { handlers } from '.';

const h = (k: string) => handlers[k]!;

describe('volumes', () => {
  it('creates idempotently, lists naturally sorted, inspects in the real shape', () => {
    const d = newDaemon();
    expect(run(d, h('volume ls')).stdout).toBe('DRIVER    VOLUME NAME\n');
    expect(run(d, h('volume create'), ['gt-vol10']).stdout).toBe('gt-vol10\n');
    expect(run(d, h('volume create'), ['gt-vol10']).stdout).toBe('gt-vol10\n');
    run(d, h('volume create'), [], { name: 'gt-vol2' });
    run(d, h('volume create'), ['gt-vol3'], { label: ['owner=gt'] });
    expect(run(d, h('volume ls')).stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     gt-vol2\nlocal     gt-vol3\nlocal     gt-vol10\n',
    );
    expect(run(d, h('volume ls'), [], { filter: ['label=owner=gt'], quiet: true }).stdout).toBe('gt-vol3\n');
    expect(run(d, h('volume ls'), [], { format: 'table {{.Name}}\t{{.Labels}}' }).stdout).toBe(
      'VOLUME NAME   LABELS\ngt-vol2       \ngt-vol3       owner=gt\ngt-vol10      \n',
    );
    expect(run(d, h('volume ls'), [], { filter: ['bogus=1'] }).stderr).toBe(
      "Error response from daemon: invalid filter 'bogus'\n",
    );
    expect(run(d, h('volume inspect'), ['gt-vol2']).stdout).toBe(
      '[\n    {\n        "CreatedAt": "2026-11-23T12:00:00Z",\n        "Driver": "local",\n        "Labels": null,\n' +
        '        "Mountpoint": "/var/lib/docker/volumes/gt-vol2/_data",\n        "Name": "gt-vol2",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n',
    );
    expect(run(d, h('volume inspect'), ['gt-vol2', 'nosuch'], { format: '{{.Name}}' })).toEqual({
      stdout: 'gt-vol2\n',
      stderr: 'Error response from daemon: get nosuch: no such volume\n',
      exit: 1,
    });
    expect(run(d, h('volume create')).stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('refuses to remove a volume in use; prune takes only anonymous ones unless --all', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, h('volume create'), ['gt-vol']);
    const anon = createAnonymousVolume(d.state.volumes, d);
    const cid = container(d, 'gt-vuser', { binds: ['gt-vol:/data'] });
    expect(run(d, h('volume rm'), ['gt-vol', 'nosuch'])).toEqual({
      stdout: '',
      stderr: `Error response from daemon: remove gt-vol: volume is in use - [${cid}]\nError response from daemon: get nosuch: no such volume\n`,
      exit: 1,
    });
    expect(run(d, h('volume rm'), ['nosuch'], { force: true })).toEqual({ stdout: 'nosuch\n', stderr: '', exit: 0 });
    expect(run(d, h('volume prune')).stdout).toBe(
      'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
    expect(run(d, h('volume prune'), [], { force: true }).stdout).toBe(
      `Deleted Volumes:\n${anon.name}\n\nTotal reclaimed space: 0B\n`,
    );
    d.api.request({ method: 'DELETE', path: `/containers/${cid}`, query: { force: '1' } });
    expect(run(d, h('volume prune'), [], { force: true }).stdout).toBe('Total reclaimed space: 0B\n');
    expect(run(d, h('volume prune'), [], { force: true, all: true }).stdout).toBe(
      'Deleted Volumes:\ngt-vol\n\nTotal reclaimed space: 0B\n',
    );
  });

  it('validates names and drivers', () => {
    const d = newDaemon();
    expect(run(d, h('volume create'), ['a']).stderr).toBe(
      'Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n',
    );
    expect(run(d, h('volume create'), ['x'], { driver: 'nfs' }).stderr).toBe(
      'Error response from daemon: create x: error looking up volume plugin nfs: plugin "nfs" not found\n',
    );
  });
});

describe('volume create --name (hidden flag CLI 28 still accepts)', () => {
  it('parses through the command line, and is absent from the help', async () => {
    const { createEngine } = await import('../../../index');
    const e = createEngine();
    expect(e.exec('docker volume create --name fx-vol2')).toMatchObject({ stdout: 'fx-vol2\n', exit: 0 });
    expect(e.exec('docker volume create --help').stdout).not.toContain('--name');
  });
});

describe('volume maps as Go encodes them', () => {
  it('--opt / --label keys come back sorted', async () => {
    const { createEngine } = await import('../../../index');
    const e = createEngine();
    e.exec('docker volume create --opt type=tmpfs --opt device=tmpfs --opt o=size=100m fx-tv');
    expect(e.exec("docker volume inspect -f '{{json .Options}}' fx-tv").stdout).toBe('{"device":"tmpfs","o":"size=100m","type":"tmpfs"}\n');
  });
});
