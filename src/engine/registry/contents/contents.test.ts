import { describe, expect, it } from 'vitest';
import { OverlayRaw } from '../../fs/overlay';
import { PathFs } from '../../fs/path-fs';
import { layerSize } from '../../fs/layer';
import { dir } from '../../fs/node';
import { resolveRemote, type RemoteImage } from '../hub';
import { parseNormalizedNamed } from '../reference';
import { layerContent } from '.';

const hub = { repositories: {}, logins: {} };

function remote(ref: string): RemoteImage {
  const r = resolveRemote(hub, parseNormalizedNamed(ref), new Set());
  if ('kind' in r) throw new Error(r.kind);
  return r;
}

/** The merged file system of a catalogue image, as a container of it starts with. */
function rootOf(ref: string): PathFs {
  const img = remote(ref);
  const layers = img.layers.map((l) => layerContent(l.contentKey!, img.created) ?? dir());
  return new PathFs(new OverlayRaw(layers, dir(), () => 0));
}

const isExecutable = (fs: PathFs, path: string) => fs.stat(path)?.type === 'file' && (fs.stat(path)!.mode & 0o111) !== 0;

describe('image base contents', () => {
  it('busybox-static: one binary and its applets, no /etc/passwd, and exactly the imported layer size', () => {
    const root = layerContent('busybox-static', 1_700_000_000_000)!;
    expect(layerSize(root)).toBe(1_984_132);
    const fs = new PathFs(new OverlayRaw([root], dir(), () => 0));
    expect(fs.readdir('/')).toEqual(['bin', 'etc', 'tmp']);
    expect(fs.readlink('/bin/ls')).toBe('busybox');
    expect(fs.stat('/bin/printenv')).toBeNull();
    expect(fs.stat('/etc/passwd')).toBeNull();
    expect(fs.stat('/bin/busybox')!.mtime).toBe(1_700_000_000_000 - 1000);
  });

  it('Docker Hub busybox has passwd and group', () => {
    const fs = rootOf('busybox');
    expect(fs.readFile('/etc/passwd')).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    expect(fs.readFile('/etc/group')).toContain('root:x:0:');
    expect(isExecutable(fs, '/bin/printenv')).toBe(true);
  });

  it('alpine: release files from the catalogue version, busybox applets across the PATH, apk', () => {
    const fs = rootOf('alpine:3.21');
    expect(fs.readFile('/etc/alpine-release')).toBe('3.21.4\n');
    expect(fs.readFile('/etc/os-release')).toContain('VERSION_ID=3.21.4\n');
    expect(fs.readFile('/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.21"');
    expect(fs.readlink('/usr/bin/wget')).toBe('/bin/busybox');
    expect(isExecutable(fs, '/sbin/apk')).toBe(true);
    expect(fs.readFile('/etc/apk/repositories')).toContain('/alpine/v3.21/main');
    expect(fs.stat('/tmp')!.mode).toBe(0o1777);
  });

  it('debian and ubuntu: os-release, debian_version, coreutils as real binaries behind merged /usr', () => {
    const debian = rootOf('debian:bookworm');
    expect(debian.readFile('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(debian.readFile('/etc/debian_version')).toBe('12.11\n');
    expect(debian.stat('/bin/ls')).toMatchObject({ type: 'file', size: 151_344 });
    expect(debian.readlink('/usr/bin/sh')).toBe('dash');
    expect(debian.stat('/usr/bin/ps')).toBeNull();
    const ubuntu = rootOf('ubuntu:24.04');
    expect(ubuntu.readFile('/etc/os-release')).toContain('VERSION_CODENAME=noble');
    expect(isExecutable(ubuntu, '/usr/bin/ps')).toBe(true);
    expect(ubuntu.readFile('/etc/passwd')).toContain('ubuntu:x:1000:1000:');
  });

  it('nginx: the welcome page, its config, the nginx user over the base passwd, the COPY layers', () => {
    for (const ref of ['nginx', 'nginx:alpine']) {
      const fs = rootOf(ref);
      expect(fs.readFile('/usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
      expect(fs.readFile('/usr/share/nginx/html/50x.html')).toContain('An error occurred.');
      expect(fs.readFile('/etc/nginx/conf.d/default.conf')).toContain('root   /usr/share/nginx/html;');
      expect(fs.readFile('/etc/nginx/nginx.conf')).toContain('include /etc/nginx/conf.d/*.conf;');
      expect(fs.readFile('/etc/passwd')).toMatch(/^root:x:0:0:/);
      expect(fs.readFile('/etc/passwd')).toContain('nginx:x:101:101:');
      expect(fs.stat('/docker-entrypoint.sh')).toMatchObject({ size: 1_620, mode: 0o755 });
      expect(fs.readdir('/docker-entrypoint.d')).toContain('30-tune-worker-processes.sh');
    }
  });

  it('the application images', () => {
    expect(rootOf('httpd').readFile('/usr/local/apache2/htdocs/index.html')).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(isExecutable(rootOf('httpd'), '/usr/local/bin/httpd-foreground')).toBe(true);
    expect(rootOf('redis').stat('/data')).toMatchObject({ type: 'dir', uid: 999 });
    expect(rootOf('redis').readlink('/usr/local/bin/redis-check-aof')).toBe('redis-server');
    expect(isExecutable(rootOf('postgres'), '/usr/lib/postgresql/17/bin/postgres')).toBe(true);
    expect(isExecutable(rootOf('node'), '/usr/local/bin/node')).toBe(true);
    expect(rootOf('node').readFile('/etc/passwd')).toContain('node:x:1000:1000:');
    expect(rootOf('python').readlink('/usr/local/bin/python3')).toBe('python3.13');
    expect(rootOf('golang').readFile('/usr/local/go/VERSION')).toMatch(/^go1\.25\.0\n/);
    expect(rootOf('hello-world').readdir('/')).toEqual(['hello']);
    expect(rootOf('hello-world').stat('/hello')).toMatchObject({ size: 10_072, mode: 0o755 });
    expect(rootOf('registry').readFile('/etc/distribution/config.yml')).toContain('rootdirectory: /var/lib/registry');
    expect(rootOf('mysql').readFile('/etc/os-release')).toContain('Oracle Linux Server');
  });

  it('is generated once per layer and shared (read-only) between images', () => {
    const a = remote('node:22');
    const b = remote('python:3.13');
    expect(a.layers[0]!.contentKey).toBe(b.layers[0]!.contentKey);
    expect(layerContent(a.layers[0]!.contentKey!, 0)).toBe(layerContent(b.layers[0]!.contentKey!, 0));
    expect(layerContent('nosuch#0', 0)).toBeNull();
  });
});
