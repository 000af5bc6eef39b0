import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../index';
import type { DaemonSnapshot } from '../daemon';

function engine(): Engine & { ok(line: string): string } {
  const e = createEngine({ images: ['busybox:latest'] });
  return Object.assign(e, {
    ok(line: string) {
      const r = e.exec(line);
      if (r.exit !== 0) throw new Error(`${line}: ${r.stderr}`);
      return r.stdout;
    },
  });
}

const state = (e: Engine) => (e.snapshot() as DaemonSnapshot).state;

describe('container file systems in the daemon', () => {
  it('keeps the writable layer across stop/start and in snapshots; rm discards it', () => {
    const e = engine();
    e.ok('docker run -d --name keep busybox sleep 1000');
    e.ok(`docker exec keep sh -c 'echo kept > /root-file'`);
    e.ok('docker stop -t 0 keep');
    e.ok('docker start keep');
    expect(e.ok('docker exec keep cat /root-file')).toBe('kept\n');
    const copy = createEngine();
    copy.restore(JSON.parse(JSON.stringify(e.snapshot())));
    expect(copy.exec('docker exec keep cat /root-file').stdout).toBe('kept\n');
    e.ok('docker rm -f keep');
    e.ok('docker run -d --name keep busybox sleep 1000');
    expect(e.exec('docker exec keep cat /root-file').exit).toBe(1);
  });

  it('writes /etc/hosts, /etc/hostname and resolv.conf at start, outside docker diff', () => {
    const e = engine();
    e.ok('docker network create appnet');
    e.ok('docker run -d --name web --hostname web1 --network appnet --add-host db.local:10.0.0.9 busybox sleep 1000');
    const hosts = e.ok('docker exec web cat /etc/hosts');
    expect(hosts).toMatch(/^127\.0\.0\.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n/);
    expect(hosts).toMatch(/10\.0\.0\.9\tdb\.local\n172\.\d+\.0\.2\tweb1\n$/);
    expect(e.ok('docker exec web cat /etc/hostname')).toBe('web1\n');
    expect(e.ok('docker exec web cat /etc/resolv.conf')).toContain('nameserver 127.0.0.11\noptions ndots:0\n');
    e.ok('docker run -d --name plain busybox sleep 1000');
    expect(e.ok('docker exec plain cat /etc/resolv.conf')).toContain('nameserver 192.168.1.1\n');
    expect(e.ok('docker exec plain ls -a /')).toContain('.dockerenv');
    expect(e.ok('docker diff web')).toBe('');
    e.ok('docker run -d --name isolated --network none busybox sleep 1000');
    expect(e.ok('docker exec isolated cat /etc/hosts')).not.toMatch(/172\./);
  });

  it('copies image content into an empty volume once, and shares the volume', () => {
    const e = engine();
    e.ok(`docker run --name seed busybox sh -c 'mkdir /seed; echo image > /seed/f'`);
    e.ok('docker commit seed seeded');
    expect(e.ok('docker run --rm -v vol:/seed seeded cat /seed/f')).toBe('image\n');
    e.ok(`docker run --rm -v vol:/seed busybox sh -c 'echo changed > /seed/f'`);
    expect(e.ok('docker run --rm -v vol:/seed seeded cat /seed/f')).toBe('changed\n');
    expect(state(e).volumes.volumes['vol']!.data.entries['f']).toMatchObject({ content: 'changed\n' });
    expect(e.ok('docker system df -v')).toMatch(/vol +0 +8B/);
  });

  it('tmpfs is empty again after a restart; bind mounts show and take host files; :ro refuses writes', () => {
    const e = engine();
    e.ok('docker run -d --name tmp1 --tmpfs /scratch -v /home/learner/project:/app busybox sleep 1000');
    e.ok(`docker exec tmp1 sh -c 'echo x > /scratch/x; echo from-container > /app/out.txt'`);
    e.ok('docker restart -t 0 tmp1');
    expect(e.ok('docker exec tmp1 ls /scratch')).toBe('');
    expect(e.ok('cat out.txt')).toBe('from-container\n');
    e.ok('docker run -d --name ro -v /home/learner/project:/app:ro busybox sleep 1000');
    const r = e.exec(`docker exec ro sh -c 'echo no > /app/x'`);
    expect(r.exit).not.toBe(0);
    expect(r.stderr).toContain('Read-only file system');
  });

  it('reads --env-file and --label-file from the host folder', () => {
    const e = engine();
    e.ok(`printf '# settings\\nGREETING=hello there\\n\\nEMPTY=\\nFROM_CLIENT\\n' > app.env`);
    e.ok(`printf 'tier=web\\nbare\\n' > labels`);
    expect(e.ok(`docker run --rm --env-file app.env busybox sh -c 'echo "$GREETING|$EMPTY|$FROM_CLIENT"'`)).toBe('hello there||\n');
    e.ok('docker create --name labelled --label-file labels busybox');
    expect(e.ok(`docker inspect -f '{{json .Config.Labels}}' labelled`)).toBe('{"bare":"","tier":"web"}\n');
    const missing = e.exec('docker run --rm --env-file nope.env busybox true');
    expect(missing.stderr).toContain('open nope.env: no such file or directory');
  });

  it('SizeRw counts the writable layer', () => {
    const e = engine();
    e.ok(`docker run --name sz busybox sh -c 'echo 12345 > /f'`);
    expect(e.ok(`docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' sz`)).toBe('6 1984138\n');
  });
});
