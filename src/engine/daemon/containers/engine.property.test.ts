// Property test: thousands of random command sequences through the whole engine; after every command
// the daemon's invariants hold, and a snapshot restored into a fresh engine answers exactly the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../index';
import type { DaemonSnapshot } from '../daemon';
import { statusOf } from './model';

const NAMES = ['web', 'db', 'cache', 'app1'];
const name = fc.constantFrom(...NAMES);
const programs = fc.constantFrom('sleep 1000', 'sleep 2', 'true', "sh -c 'exit 3'", 'httpd -f -p 80', 'nosuchcmd', "sh -c 'echo hi; sleep 1; echo bye'");
const port = fc.constantFrom('-p 8080:80', '-p 8081:80', '-p 80', '');
const restart = fc.constantFrom('', '--restart always', '--restart on-failure:2', '--restart unless-stopped');
const volume = fc.constantFrom('', '-v data:/data', '-v /scratch');
const network = fc.constantFrom('', '--network net1');

const command: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('run -d', 'create', 'run'), fc.option(name), port, restart, volume, network, programs, fc.boolean()).map(
    ([verb, n, p, r, v, net, prog, rm]) => `docker ${verb} ${n ? `--name ${n}` : ''} ${p} ${rm && !r ? '--rm' : r} ${v} ${net} busybox ${prog}`,
  ),
  fc.tuple(fc.constantFrom('start', 'stop -t 1', 'stop', 'restart -t 0', 'kill', 'pause', 'unpause', 'rm', 'rm -f', 'rm -v', 'logs', 'wait', 'top', 'port', 'inspect'), name).map(([v, n]) => `docker ${v} ${n}`),
  fc.tuple(name, name).map(([a, b]) => `docker rename ${a} ${b}`),
  fc.tuple(name, fc.constantFrom('true', "sh -c 'exit 4'", 'printenv HOSTNAME', 'nosuch')).map(([n, c]) => `docker exec ${n} ${c}`),
  // file writes, often: into the volume at /data (when mounted) and into the writable layer; `#` becomes the line's index
  { arbitrary: name.map((n) => `docker run -d --name ${n} -v data:/data busybox sleep 1000`), weight: 2 },
  { arbitrary: fc.tuple(name, fc.constantFrom('/data/v#', '/l#')).map(([n, f]) => `docker exec ${n} sh -c 'echo # > ${f}'`), weight: 3 },
  fc.constantFrom(
    'docker ps', 'docker ps -a', 'docker ps -a -s --no-trunc', 'docker ps --filter status=exited', 'docker container prune -f',
    'docker network create net1', 'docker network rm net1', 'docker network connect net1 web', 'docker network disconnect net1 web',
    'docker volume create data', 'docker volume rm data', 'docker volume prune -f', 'docker stats --no-stream -a', 'docker rmi busybox',
  ),
  fc.integer({ min: 1, max: 120 }).map((s) => `+${s}`),
);

function step(e: Engine, line: string): string {
  return run(e, line).text;
}

function run(e: Engine, line: string): { text: string; exit: number } {
  if (line.startsWith('+')) {
    e.clock.advance(Number(line.slice(1)) * 1000);
    return { text: '', exit: 0 };
  }
  const r = e.exec(line);
  return { text: `${r.exit}\n${r.stdout}\n${r.stderr}`, exit: r.exit };
}

/** Files written by successful execs: into a volume (by name) or a container's writable layer (by ID). */
interface Written {
  volumes: { volume: string; file: string; content: string }[];
  layers: { id: string; file: string; content: string }[];
}

const WRITE = /^docker exec (\S+) sh -c 'echo (\d+) > \/(data\/)?((?:v|l)\d+)'$/;

/** Records what a successful write put where (the container as it is right after the command). */
function noteWrite(line: string, exit: number, snap: DaemonSnapshot, w: Written): void {
  const m = WRITE.exec(line);
  if (!m || exit !== 0) return;
  const c = Object.values(snap.state.containers).find((x) => x.name === `/${m[1]}`)!;
  const content = `${m[2]}\n`;
  if (m[3]) w.volumes.push({ volume: c.mounts.find((x) => x.Destination === '/data')!.Name!, file: m[4]!, content });
  else w.layers.push({ id: c.id, file: m[4]!, content });
}

/** Volume data survives every container operation; layer data lives exactly as long as its container. */
function checkFiles(snap: DaemonSnapshot, w: Written): void {
  const { containers, volumes } = snap.state;
  w.volumes = w.volumes.filter((v) => volumes.volumes[v.volume] !== undefined);
  for (const v of w.volumes) expect(volumes.volumes[v.volume]!.data.entries[v.file], `${v.file} in volume ${v.volume}`).toMatchObject({ content: v.content });
  for (const l of w.layers) {
    const c = containers[l.id];
    if (c) expect(c.rwLayer.entries[l.file], `${l.file} in the layer of ${c.name}`).toMatchObject({ content: l.content });
    else for (const other of Object.values(containers)) expect(other.rwLayer.entries[l.file], `${l.file} outlived its container`).toBeUndefined();
  }
}

function checkInvariants(snap: DaemonSnapshot): void {
  const { containers, images, volumes, networks } = snap.state;
  const all = Object.values(containers);
  const names = all.map((c) => c.name);
  expect(new Set(names).size, 'unique names').toBe(names.length);
  const claims = new Set<string>();
  for (const c of all) {
    const s = c.state;
    const status = statusOf(s);
    expect(['created', 'running', 'paused', 'restarting', 'exited']).toContain(status);
    if (s.Paused || s.Restarting) expect(s.Running).toBe(true);
    expect(s.Paused && s.Restarting).toBe(false);
    const live = s.Running && !s.Restarting;
    expect(c.process !== null, `${c.name} process while ${status}`).toBe(live);
    expect(s.Pid > 0).toBe(live);
    if (!live) expect(c.ports).toEqual({});
    if (status === 'exited') expect(s.StartedAt).toBeGreaterThan(0);
    expect(images.images[c.imageId], `${c.name} image`).toBeDefined();
    for (const m of c.mounts) if (m.Type === 'volume') expect(volumes.volumes[m.Name!], `${c.name} volume ${m.Name}`).toBeDefined();
    for (const [key, bindings] of Object.entries(c.ports)) {
      for (const b of bindings) {
        const claim = `${b.HostIp}:${b.HostPort}/${key.split('/')[1]}`;
        expect(claims.has(claim), `port ${claim} owned twice`).toBe(false);
        claims.add(claim);
      }
    }
  }
  for (const net of Object.values(networks.networks)) {
    for (const id of Object.keys(net.endpoints)) {
      const c = containers[id];
      expect(c, `endpoint of a missing container on ${net.name}`).toBeDefined();
      expect(c!.state.Running && !c!.state.Restarting, `endpoint of stopped ${c!.name}`).toBe(true);
    }
  }
}

const PROBES = ['docker ps -a --no-trunc', 'docker ps -a -s', 'docker network ls', 'docker volume ls', 'docker images', ...NAMES.map((n) => `docker inspect ${n}`), ...NAMES.map((n) => `docker logs -t ${n}`)];

describe('engine invariants under random command sequences', () => {
  it('hold after every command, and snapshot → restore answers the same', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), fc.nat(), (generated, cut) => {
        const lines = generated.map((l, i) => l.replaceAll('#', String(i)));
        const e = createEngine({ images: ['busybox:latest'] });
        const restoreAt = cut % lines.length;
        const written: Written = { volumes: [], layers: [] };
        for (const [i, line] of lines.entries()) {
          const { exit } = run(e, line);
          const snap = e.snapshot() as DaemonSnapshot;
          checkInvariants(snap);
          noteWrite(line, exit, snap, written);
          checkFiles(snap, written);
          if (i !== restoreAt) continue;
          const copy = createEngine({ seed: 42 });
          copy.restore(JSON.parse(JSON.stringify(snap)));
          for (const probe of [...PROBES, ...lines.slice(i + 1)]) expect(step(copy, probe), probe).toBe(step(e, probe));
          expect(copy.snapshot()).toEqual(e.snapshot());
        }
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 1000) },
    );
  }, 120_000);
});
