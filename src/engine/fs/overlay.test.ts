import { describe, expect, it } from 'vitest';
import { OverlayRaw } from './overlay';
import { PathFs } from './path-fs';
import { MountRaw, SubtreeRaw, mountedFs } from './mounts';
import { TreeRaw } from './tree';
import { applyLayer, changesOf, diffChanges, layerSize } from './layer';
import { dir, file, symlink, type DirNode } from './node';
import { FsError } from './types';

const T0 = 1_700_000_000_000;

/** busybox-like image (base layer) plus a committed layer holding /data, as in the real-engine checks */
function image(): DirNode[] {
  const base = dir({
    bin: dir({ busybox: file('', { size: 1_131_168, mode: 0o755 }), sh: symlink('busybox'), ls: symlink('busybox'), vi: symlink('busybox') }),
    etc: dir(),
    tmp: dir({}, { mode: 0o1777 }),
  });
  const data = dir({ data: dir({ f: file('a\n'), sub: dir({ g: file('b\n') }) }) });
  return [base, data];
}

function container() {
  let now = T0;
  const upper = dir();
  const raw = new OverlayRaw(image(), upper, () => (now += 1000));
  return { fs: new PathFs(raw), raw, upper };
}

const diff = (raw: OverlayRaw) => diffChanges(raw).map((c) => `${c.kind} ${c.path}`);

describe('overlay', () => {
  it('shows the merged view of all layers', () => {
    const { fs } = container();
    expect(fs.readdir('/')).toEqual(['bin', 'data', 'etc', 'tmp']);
    expect(fs.readFile('/data/sub/g')).toBe('b\n');
    expect(fs.stat('/bin/sh')!.size).toBe(1_131_168);
  });

  it('copies up on write and leaves the image layers alone', () => {
    const { fs, upper } = container();
    const layers = image();
    fs.writeFile('/data/f', 'more\n', { append: true });
    expect(fs.readFile('/data/f')).toBe('a\nmore\n');
    expect(upper.entries['data']).toMatchObject({ type: 'dir', entries: { f: { content: 'a\nmore\n' } } });
    expect(layers[1]!.entries['data']).toEqual(image()[1]!.entries['data']);
  });

  it('hides deleted entries with whiteouts and re-created directories with opaque ones', () => {
    const { fs, upper } = container();
    fs.remove('/data/sub', { recursive: true });
    expect(fs.stat('/data/sub')).toBeNull();
    expect(fs.readdir('/data')).toEqual(['f']);
    expect((upper.entries['data'] as DirNode).entries['sub']).toEqual({ type: 'whiteout' });
    fs.mkdir('/data/sub');
    expect(fs.readdir('/data/sub')).toEqual([]);
    expect((upper.entries['data'] as DirNode).entries['sub']).toMatchObject({ type: 'dir', opaque: true });
    // something only the upper layer had is simply gone
    fs.writeFile('/tmp/x', '');
    fs.remove('/tmp/x');
    expect((upper.entries['tmp'] as DirNode).entries).toEqual({});
  });

  it('reports docker diff like the real engine (busybox, checked on Engine 20.10)', () => {
    const a = container();
    a.fs.writeFile('/tmp/x', 'hi\n');
    a.fs.mkdir('/a/b', { parents: true });
    a.fs.writeFile('/a/b/c', '1\n');
    a.fs.remove('/bin/ls');
    a.fs.remove('/bin/vi');
    a.fs.mkdir('/etc/zz');
    a.fs.writeFile('/etc/zz/f', '');
    a.fs.symlink('/x', '/lnk');
    expect(diff(a.raw)).toEqual(['A /a', 'A /a/b', 'A /a/b/c', 'C /bin', 'D /bin/ls', 'D /bin/vi', 'C /etc', 'A /etc/zz', 'A /etc/zz/f', 'A /lnk', 'C /tmp', 'A /tmp/x']);

    const b = container();
    b.fs.writeFile('/data/f', 'more\n', { append: true });
    expect(diff(b.raw)).toEqual(['C /data', 'C /data/f']);

    const c = container();
    c.fs.remove('/data/sub', { recursive: true });
    c.fs.mkdir('/data/sub');
    c.fs.chmod('/data/f', 0o700);
    expect(diff(c.raw)).toEqual(['C /data', 'C /data/f', 'C /data/sub', 'D /data/sub/g']);

    const d = container();
    d.fs.remove('/data', { recursive: true });
    d.fs.mkdir('/data');
    d.fs.writeFile('/data/new', '');
    expect(diff(d.raw)).toEqual(['C /data', 'A /data/new', 'D /data/f', 'D /data/sub']);

    const e = container();
    e.fs.rename('/data/sub', '/data/sub2');
    expect(diff(e.raw)).toEqual(['C /data', 'A /data/sub2', 'A /data/sub2/g', 'D /data/sub']);

    const f = container();
    f.fs.writeFile('/data/sub/g', 'b\n');
    expect(diff(f.raw)).toEqual(['C /data', 'C /data/sub', 'C /data/sub/g']);
  });

  it('exports the writable layer as a new image layer', () => {
    const { fs, upper } = container();
    fs.writeFile('/tmp/hello', 'hello\n');
    fs.remove('/data/f');
    const layer = changesOf(upper);
    expect(layerSize(layer)).toBe(6);
    const next = new PathFs(new OverlayRaw([...image(), layer], dir(), () => T0));
    expect(next.readFile('/tmp/hello')).toBe('hello\n');
    expect(next.stat('/data/f')).toBeNull();
    const flat = image()[0]!;
    applyLayer(flat, image()[1]!);
    applyLayer(flat, layer);
    expect(Object.keys((flat.entries['data'] as DirNode).entries)).toEqual(['sub']);
    expect(JSON.stringify(flat)).not.toContain('whiteout');
  });
});

describe('mounts', () => {
  function withMounts(opts: { readOnlyRoot?: boolean } = {}) {
    const { raw, upper } = container();
    const volume = dir({ 'db.txt': file('rows\n') });
    const host = dir({ project: dir({ 'index.html': file('<h1>hi</h1>\n'), 'app.conf': file('x=1\n') }) });
    const hostRaw = new TreeRaw(host, () => T0);
    const fs = mountedFs(raw, opts.readOnlyRoot ?? false, [
      { path: '/data', raw: new TreeRaw(volume, () => T0), readOnly: false },
      { path: '/srv', raw: new SubtreeRaw(hostRaw, '/project'), readOnly: true },
      { path: '/etc/app.conf', raw: new SubtreeRaw(hostRaw, '/project/app.conf'), readOnly: false },
    ]);
    return { fs, upper, volume, host };
  }

  it('hides what the image had at the mount path', () => {
    const { fs } = withMounts();
    expect(fs.readdir('/data')).toEqual(['db.txt']);
    expect(fs.readFile('/srv/index.html')).toBe('<h1>hi</h1>\n');
    expect(fs.readFile('/etc/app.conf')).toBe('x=1\n');
  });

  it('writes into the volume, not the container layer', () => {
    const { fs, upper, volume } = withMounts();
    fs.writeFile('/data/new', 'n');
    expect(volume.entries['new']).toMatchObject({ content: 'n' });
    expect(upper.entries['data']).toBeUndefined();
    fs.writeFile('/etc/app.conf', 'x=2\n');
    expect(fs.readFile('/etc/app.conf')).toBe('x=2\n');
  });

  it('refuses writes to read-only mounts and a read-only root, but not to writable mounts on it', () => {
    const { fs } = withMounts({ readOnlyRoot: true });
    const code = (op: () => void) => {
      try {
        op();
      } catch (e) {
        return (e as FsError).code;
      }
    };
    expect(code(() => fs.writeFile('/srv/x', ''))).toBe('EROFS');
    expect(code(() => fs.writeFile('/tmp/x', ''))).toBe('EROFS');
    expect(code(() => fs.remove('/data', { recursive: true }))).toBe('EBUSY');
    fs.writeFile('/data/ok', '');
    expect(fs.stat('/data/ok')).not.toBeNull();
  });

  it('moves across mounts by copying', () => {
    const { fs, volume } = withMounts();
    fs.writeFile('/tmp/moved', 'm');
    fs.rename('/tmp/moved', '/data/moved');
    expect(volume.entries['moved']).toMatchObject({ content: 'm' });
    expect(fs.stat('/tmp/moved')).toBeNull();
    expect((new MountRaw({ path: '/', raw: new TreeRaw(dir(), () => 0), readOnly: false }, [])).lstat('/')!.type).toBe('dir');
  });
});
