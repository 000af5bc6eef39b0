import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { containerEssentials, namesOf, readEngineData, toViewModel, type ContainerInspect, type EngineData } from './view-model';

describe('toViewModel (from Engine API JSON, as a real daemon sends it)', () => {
  const data: EngineData = {
    containers: [
      {
        Id: 'b'.repeat(64),
        Names: ['/web'],
        Image: 'nginx',
        State: 'running',
        Status: 'Up 2 minutes',
        Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
        NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } },
        Mounts: [{ Type: 'volume', Name: 'data', Destination: '/data' }, { Type: 'bind', Source: '/srv', Destination: '/srv' }],
      },
      { Id: 'a'.repeat(64), Names: ['/api'], Image: 'sha256:' + 'c'.repeat(64), State: 'exited', Status: 'Exited (0)', Ports: [], Mounts: [] },
    ],
    images: [
      { Id: 'sha256:' + 'c'.repeat(64), RepoTags: ['<none>:<none>'], Size: 1_500_000 },
      { Id: 'sha256:' + 'd'.repeat(64), RepoTags: ['nginx:latest'], Size: 192_000_000 },
    ],
    imageDetails: { ['sha256:' + 'd'.repeat(64)]: { Id: 'sha256:' + 'd'.repeat(64), RootFS: { Layers: ['l1', 'l2', 'l3'] } } },
    volumes: { Volumes: [{ Name: 'data', Driver: 'local' }, { Name: 'spare', Driver: 'local' }] },
    networks: [
      { Id: 'n1', Name: 'bridge', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] } },
      { Id: 'n2', Name: 'host', Driver: 'host', IPAM: { Config: null } },
    ],
  };
  const vm = toViewModel(data);

  it('maps containers with ports, networks and mounts, sorted by name', () => {
    expect(vm.containers.map((c) => c.name)).toEqual(['api', 'web']);
    expect(vm.containers[1]).toMatchObject({ state: 'running', ports: '0.0.0.0:8080->80/tcp', networks: ['bridge'], mounts: ['data → /data', '/srv → /srv'] });
  });
  it('maps images with size, layers and the containers using them (by tag or by ID)', () => {
    expect(vm.images).toEqual([
      { id: 'sha256:' + 'd'.repeat(64), tags: ['nginx:latest'], size: '192MB', layers: 3, usedBy: ['web'] },
      { id: 'sha256:' + 'c'.repeat(64), tags: [], size: '1.5MB', layers: undefined, usedBy: ['api'] },
    ].sort((a, b) => (a.tags[0] ?? a.id).localeCompare(b.tags[0] ?? b.id)));
  });
  it('lists who uses each volume and network', () => {
    expect(vm.volumes).toEqual([{ name: 'data', driver: 'local', usedBy: ['web'] }, { name: 'spare', driver: 'local', usedBy: [] }]);
    expect(vm.networks).toEqual([
      { name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', attached: ['web'] },
      { name: 'host', driver: 'host', subnet: '', attached: [] },
    ]);
    expect(namesOf(vm).images).toEqual(['nginx:latest']);
  });
});

describe('readEngineData on the simulator', () => {
  it('reads the panel state without adding to the next command’s trace', () => {
    const engine = createEngine({ images: ['busybox:latest'] });
    engine.exec('docker run -d --name web -v data:/data busybox sleep 100');
    const vm = toViewModel(readEngineData((p, q) => engine.read(p, q)));
    expect(vm.containers).toMatchObject([{ name: 'web', image: 'busybox', state: 'running', networks: ['bridge'], mounts: ['data → /data'] }]);
    expect(vm.images).toMatchObject([{ tags: ['busybox:latest'], layers: 1, usedBy: ['web'] }]);
    expect(vm.volumes).toMatchObject([{ name: 'data', usedBy: ['web'] }]);
    expect(vm.networks.find((n) => n.name === 'bridge')?.attached).toEqual(['web']);
    expect(engine.exec('docker pause web').trace).toEqual([{ method: 'POST', url: '/containers/web/pause', status: 204 }]);
  });
  it('gives the essentials of a container inspect', () => {
    const engine = createEngine({ images: ['busybox:latest'] });
    engine.exec('docker run -d --name web --restart always busybox sleep 100');
    const rows = Object.fromEntries(containerEssentials(engine.read<ContainerInspect>('/containers/web/json').body));
    expect(rows).toMatchObject({ Image: 'busybox', Command: 'sleep 100', State: 'running', 'Exit code': '0', 'Restart policy': 'always' });
    expect(rows['IP address']).toMatch(/^172\.17\.0\.\d+ \(bridge\)$/);
  });
});
