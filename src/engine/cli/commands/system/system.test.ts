import { describe, expect, it } from 'vitest';
import { createVolume } from '../../../daemon/volumes/store';
import { handlers as networks } from '../network';
import { newDaemon, run } from './harness.test-util';
import { goStruct } from '../../format/gofmt';
import { handlers } from '.';
import { printInspect } from './output';

const h = (k: string) => handlers[k]!;

describe('system df', () => {
  it('summarises disk usage like the reference engine', () => {
    const d = newDaemon(['busybox:latest']);
    expect(run(d, h('system df')).stdout).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          1         0         1.984MB   1.984MB (100%)\n' +
        'Containers      0         0         0B        0B\n' +
        'Local Volumes   0         0         0B        0B\n' +
        'Build Cache     0         0         0B        0B\n',
    );
    createVolume(d.state.volumes, d, { name: 'gt-xvol' });
    const v = run(d, h('system df'), [], { verbose: true }).stdout;
    expect(v).toMatch(
      /^Images space usage:\n\nREPOSITORY   TAG       IMAGE ID       CREATED         SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\nbusybox      latest    [0-9a-f]{12}   5 minutes ago   1\.98MB    0B            1\.984MB       0\n\n/,
    );
    expect(v).toContain(
      '\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES\n\n' +
        'Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\ngt-xvol       0         0B\n\n' +
        'Build cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n',
    );
  });
});

describe('system prune', () => {
  it('asks first, then prunes family by family', () => {
    const d = newDaemon();
    expect(run(d, h('system prune'), [], { volumes: true }).stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n' +
        '  - all anonymous volumes not used by at least one container\n  - all dangling images\n  - unused build cache\n\n' +
        'Are you sure you want to continue? [y/N] ',
    );
    run(d, networks['network create']!, ['gt-xnet']);
    expect(run(d, h('system prune'), [], { force: true }).stdout).toBe(
      'Deleted Networks:\ngt-xnet\n\nTotal reclaimed space: 0B\n',
    );
    expect(run(d, h('system prune'), [], { force: true }).stdout).toBe('Total reclaimed space: 0B\n');
  });
});

describe('info and version', () => {
  it('answers the template fields the reference transcripts use', () => {
    const d = newDaemon(['busybox:latest']);
    const info = (format: string) => run(d, h('system info'), [], { format }).stdout;
    expect(
      info('{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'),
    ).toBe('0 0 0 0 1\n');
    expect(info('{{.Driver}} {{.OSType}} {{.Architecture}} {{.Swarm.LocalNodeState}}')).toBe(
      'overlay2 linux x86_64 inactive\n',
    );
    expect(info('{{json .Plugins.Volume}} {{.DefaultRuntime}} {{.LoggingDriver}}')).toBe('["local"] runc json-file\n');
    const version = (format: string) => run(d, h('version'), [], { format }).stdout;
    expect(version('{{.Client.Version}}')).toBe('28.2.2\n');
    expect(version('{{.Server.Os}}/{{.Server.Arch}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}}')).toBe(
      'linux/amd64 1.50 1.24\n',
    );
  });
  it('lays out `docker version` with the client and server blocks', () => {
    const out = run(newDaemon(), h('version')).stdout;
    expect(out).toBe(
      'Client:\n Version:           28.2.2\n API version:       1.50\n Go version:        go1.24.3\n Git commit:        e6534b4\n' +
        ' Built:             Fri May 30 12:07:14 2025\n OS/Arch:           linux/amd64\n Context:           default\n\n' +
        'Server: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n  API version:      1.50 (minimum version 1.24)\n' +
        '  Go version:       go1.24.3\n  Git commit:       45873be\n  Built:            Fri May 30 12:07:26 2025\n' +
        '  OS/Arch:          linux/amd64\n  Experimental:     false\n containerd:\n  Version:          1.7.27\n' +
        '  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da\n runc:\n  Version:          1.2.5\n' +
        '  GitCommit:        v1.2.5-0-g59923ef\n docker-init:\n  Version:          0.19.0\n  GitCommit:        de40ad0\n',
    );
  });
  it('prints docker info in the CLI 28 layout', () => {
    const out = run(newDaemon(), h('system info')).stdout;
    expect(
      out.startsWith(
        'Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: 0\n  Running: 0\n',
      ),
    ).toBe(true);
    expect(out.endsWith(' Live Restore Enabled: false\n\n')).toBe(true);
  });
});

describe('printInspect', () => {
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { out: (t: string) => (o.out += t), err: (t: string) => (o.err += t) } };
  };
  it('prints found objects, then every error', () => {
    const { o, io: out } = io();
    expect(
      printInspect(
        out,
        [{ Name: 'a' }, { Nope: 1 }],
        ['Error response from daemon: get x: no such volume'],
        '{{.Name}}',
        (r) => goStruct('volume.Volume', r),
      ),
    ).toBe(1);
    expect(o.out).toBe('a\n');
    expect(o.err).toMatch(
      /^Error response from daemon: get x: no such volume\ntemplate parsing error: template: :1:2: executing "" at <\.Name>: map has no entry for key "Name"\n$/,
    );
  });
  it('falls back to the raw JSON with missingkey=error when the typed view fails (TemplateInspector)', () => {
    const a = io();
    expect(printInspect(a.io, [{ Extra: 'x' }], [], '{{.Extra}}', (r) => goStruct('volume.Volume', { Name: r }))).toBe(0);
    expect(a.o).toEqual({ out: 'x\n', err: '' });
    const b = io();
    expect(printInspect(b.io, [{ State: { Status: 'running' } }, { Name: 'v' }], [], '{{.State.Status}}')).toBe(1);
    expect(b.o).toEqual({
      out: 'running\n',
      err: 'template parsing error: template: :1:8: executing "" at <.State.Status>: map has no entry for key "State"\n',
    });
  });
  it('flushes one empty line when nothing printed, and exits 64 on a bad template', () => {
    const a = io();
    expect(printInspect(a.io, [], ['missing'], '{{.Name}}')).toBe(1);
    expect(a.o).toEqual({ out: '\n', err: 'missing\n' });
    const b = io();
    expect(printInspect(b.io, [{}], [], '{{.Name')).toBe(64);
    expect(b.o).toEqual({ out: '', err: 'template parsing error: template: :1: unclosed action\n' });
    const c = io();
    expect(printInspect(c.io, [], [], '')).toBe(0);
    expect(c.o.out).toBe('[]\n');
  });
});
