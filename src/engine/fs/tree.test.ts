import { describe, expect, it } from 'vitest';
import { treeFs } from './tree';
import { dir, file, symlink } from './node';
import { FsError, type FsErrorCode } from './types';

const T0 = 1_700_000_000_000;
function fixture() {
  let now = T0;
  const root = dir({
    bin: dir({ busybox: file('', { size: 1_131_168, mode: 0o755 }), sh: symlink('busybox'), ls: symlink('/bin/busybox') }),
    etc: dir({ passwd: file('root:x:0:0:root:/root:/bin/sh\n'), 'hostname': file('box\n') }),
    tmp: dir({}, { mode: 0o1777 }),
    loop: symlink('/loop'),
    dangling: symlink('/tmp/target'),
    broken: symlink('/nowhere/x'),
    lib: symlink('usr/lib'),
    usr: dir({ lib: dir({ 'libc.so': file('ELF') }) }),
  });
  const fs = treeFs(root, () => (now += 1000));
  return { fs, root };
}

function code(op: () => unknown): FsErrorCode | undefined {
  try {
    op();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('tree file system', () => {
  it('stats files, directories and symlinks with defaults and declared sizes', () => {
    const { fs } = fixture();
    expect(fs.stat('/bin/busybox')).toMatchObject({ type: 'file', size: 1_131_168, mode: 0o755, uid: 0 });
    expect(fs.stat('/etc/passwd')!.size).toBe(30);
    expect(fs.stat('/tmp')).toMatchObject({ type: 'dir', size: 4096, mode: 0o1777 });
    expect(fs.lstat('/bin/sh')).toMatchObject({ type: 'symlink', target: 'busybox', size: 7 });
    expect(fs.stat('/bin/sh')!.type).toBe('file');
    expect(fs.stat('/missing')).toBeNull();
    expect(fs.stat('/etc/passwd/x')).toBeNull();
  });

  it('follows relative, absolute and intermediate symlinks', () => {
    const { fs } = fixture();
    expect(fs.readFile('/lib/libc.so')).toBe('ELF');
    expect(fs.readdir('/lib')).toEqual(['libc.so']);
    expect(fs.readlink('/bin/ls')).toBe('/bin/busybox');
    expect(fs.readFile('/usr/lib/../../etc/hostname')).toBe('box\n');
    expect(code(() => fs.readFile('/loop'))).toBe('ELOOP');
    expect(code(() => fs.readlink('/etc/passwd'))).toBe('EINVAL');
  });

  it('reports POSIX errors with the path as given', () => {
    const { fs } = fixture();
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.readdir('/etc/passwd'))).toBe('ENOTDIR');
    expect(code(() => fs.writeFile('/no/dir/f', 'x'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc/passwd/f', 'x'))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.remove('/etc'))).toBe('ENOTEMPTY');
    expect(code(() => fs.remove('/'))).toBe('EBUSY');
    expect(code(() => fs.rename('/etc', '/etc/sub'))).toBe('EINVAL');
    expect(code(() => fs.rename('/etc/passwd', '/tmp'))).toBe('EISDIR');
    try {
      fs.readFile('/x/y');
    } catch (e) {
      expect((e as Error).message).toBe('/x/y: No such file or directory');
    }
  });

  it('writes, appends and keeps owner and mode on rewrite', () => {
    const { fs } = fixture();
    fs.writeFile('/tmp/a', 'one\n');
    fs.writeFile('/tmp/a', 'two\n', { append: true });
    expect(fs.readFile('/tmp/a')).toBe('one\ntwo\n');
    expect(fs.stat('/tmp/a')).toMatchObject({ mode: 0o644, size: 8 });
    fs.chmod('/tmp/a', 0o600);
    fs.chown('/tmp/a', 1000, 1000);
    fs.writeFile('/tmp/a', 'três');
    expect(fs.stat('/tmp/a')).toMatchObject({ mode: 0o600, uid: 1000, gid: 1000, size: 5 });
    fs.writeFile('/bin/sh', 'replaced');
    expect(fs.readFile('/bin/busybox')).toBe('replaced');
    expect(fs.stat('/bin/busybox')!.size).toBe(8);
    fs.writeFile('/dangling', 'xyz');
    expect(fs.readFile('/tmp/target')).toBe('xyz');
    expect(code(() => fs.writeFile('/broken', 'x'))).toBe('ENOENT');
  });

  it('touches the parent directory when entries come and go', () => {
    const { fs } = fixture();
    const before = fs.stat('/tmp')!.mtime;
    fs.writeFile('/tmp/new', '');
    const afterAdd = fs.stat('/tmp')!.mtime;
    expect(afterAdd).toBeGreaterThan(before);
    fs.writeFile('/tmp/new', 'changed');
    expect(fs.stat('/tmp')!.mtime).toBe(afterAdd);
    fs.remove('/tmp/new');
    expect(fs.stat('/tmp')!.mtime).toBeGreaterThan(afterAdd);
  });

  it('mkdir -p, recursive remove, rename and symlink', () => {
    const { fs, root } = fixture();
    fs.mkdir('/a/b/c', { parents: true });
    fs.mkdir('/a/b/c', { parents: true });
    expect(code(() => fs.mkdir('/etc/passwd/x', { parents: true }))).toBe('EEXIST');
    expect(fs.stat('/a/b')).toMatchObject({ type: 'dir', mode: 0o755 });
    fs.writeFile('/a/b/c/f', 'data');
    fs.rename('/a/b', '/moved');
    expect(fs.readFile('/moved/c/f')).toBe('data');
    expect(fs.readdir('/a')).toEqual([]);
    fs.remove('/moved', { recursive: true });
    expect(fs.stat('/moved')).toBeNull();
    fs.symlink('/etc/hostname', '/h');
    expect(fs.readFile('/h')).toBe('box\n');
    expect(code(() => fs.symlink('x', '/h'))).toBe('EEXIST');
    fs.remove('/h');
    expect(fs.stat('/etc/hostname')).not.toBeNull();
    // the tree stays plain JSON
    expect(JSON.parse(JSON.stringify(root))).toEqual(root);
  });

  it('lists entries sorted', () => {
    const { fs } = fixture();
    expect(fs.readdir('/')).toEqual(['bin', 'broken', 'dangling', 'etc', 'lib', 'loop', 'tmp', 'usr']);
  });
});
