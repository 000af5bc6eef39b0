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
  fc.constantFrom(
    'docker ps', 'docker ps -a', 'docker ps -a -s --no-trunc', 'docker ps --filter status=exited', 'docker container prune -f',
    'docker network create net1', 'docker network rm net1', 'docker network connect net1 web', 'docker network disconnect net1 web',
    'docker volume create data', 'docker volume rm data', 'docker volume prune -f', 'docker stats --no-stream -a', 'docker rmi busybox',
  ),
  fc.integer({ min: 1, max: 120 }).map((s) => `+${s}`),
);

function step(e: Engine, line: string): string {
  if (line.startsWith('+')) {
    e.clock.advance(Number(line.slice(1)) * 1000);
    return '';
  }
  const r = e.exec(line);
  return `${r.exit}\n${r.stdout}\n${r.stderr}`;
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
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), fc.nat(), (lines, cut) => {
        const e = createEngine({ images: ['busybox:latest'] });
        const restoreAt = cut % lines.length;
        for (const [i, line] of lines.entries()) {
          step(e, line);
          const snap = e.snapshot() as DaemonSnapshot;
          checkInvariants(snap);
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
