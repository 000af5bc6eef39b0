import { describe, expect, it } from 'vitest';
import { allocate, ipToNum, parseCidr } from '../../../daemon/networks/ipam';
import { connect } from '../../../daemon/networks/store';
import { container, newDaemon, run } from '../system/harness.test-util';
import { consolidateIpam, handlers } from '.';

const h = (k: string) => handlers[k]!;

describe('IPAM', () => {
  it('allocates serially and skips used addresses', () => {
    const c = parseCidr('10.123.0.0/24')!;
    const gw = ipToNum('10.123.0.1');
    expect(allocate(c, new Set([gw]), 0)).toBe(ipToNum('10.123.0.2'));
    expect(allocate(c, new Set([gw]), ipToNum('10.123.0.2'))).toBe(ipToNum('10.123.0.3'));
    expect(allocate(parseCidr('10.0.0.0/30')!, new Set([ipToNum('10.0.0.1'), ipToNum('10.0.0.2')]), 0)).toBeUndefined();
    expect(parseCidr('bad')).toBeUndefined();
  });
});

describe('consolidateIpam (CLI side)', () => {
  it('pairs gateways and ranges with their subnet', () => {
    expect(consolidateIpam(['10.1.0.0/16', '10.2.0.0/16'], ['10.2.5.0/24'], ['10.1.0.254'])).toEqual([
      { Subnet: '10.1.0.0/16', Gateway: '10.1.0.254' },
      { Subnet: '10.2.0.0/16', IPRange: '10.2.5.0/24' },
    ]);
  });
  it('refuses what docker/cli refuses', () => {
    expect(consolidateIpam([], [], ['10.0.0.1'])).toBe('every ip-range or gateway must have a corresponding subnet');
    expect(consolidateIpam(['10.1.0.0/16'], [], ['10.9.0.1'])).toBe('no matching subnet for gateway 10.9.0.1');
    expect(consolidateIpam(['10.1.0.0/16', '10.1.2.0/24'], [], [])).toBe(
      'multiple overlapping subnet configuration is not allowed',
    );
    expect(consolidateIpam(['bad'], [], [])).toEqual([{ Subnet: 'bad' }]);
  });
});

describe('networks', () => {
  it('lists the predefined networks and creates user networks from the default pools', () => {
    const d = newDaemon();
    expect(run(d, h('network ls'), [], { format: '{{.Name}} {{.Driver}} {{.Scope}}' }).stdout).toBe(
      'bridge bridge local\nhost host local\nnone null local\n',
    );
    const id = run(d, h('network create'), ['gt-net']).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(run(d, h('network create'), ['gt-net']).stderr).toBe(
      'Error response from daemon: network with name gt-net already exists\n',
    );
    expect(run(d, h('network create'), ['bridge']).stderr).toBe(
      'Error response from daemon: operation is not permitted on predefined bridge network\n',
    );
    expect(
      run(d, h('network inspect'), ['gt-net'], { format: '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' })
        .stdout,
    ).toBe('172.18.0.0/16 172.18.0.1\n');
    run(d, h('network create'), ['gt-net2'], { subnet: ['10.123.0.0/24'] });
    expect(run(d, h('network create'), ['gt-overlap'], { subnet: ['10.123.0.0/24'] }).stderr).toBe(
      'Error response from daemon: Pool overlaps with other one on this address space\n',
    );
    expect(run(d, h('network create'), ['gt-bad'], { subnet: ['bad'] }).stderr).toBe(
      'Error response from daemon: Invalid subnet bad : invalid CIDR address: bad\n',
    );
    expect(run(d, h('network create'), ['gt-bad2'], { driver: 'nosuchdriver' }).stderr).toBe(
      'Error response from daemon: plugin "nosuchdriver" not found\n',
    );
    expect(run(d, h('network ls'), [], { filter: ['name=gt-net2'], format: '{{.Name}}' }).stdout).toBe('gt-net2\n');
  });

  it('connects, refuses duplicates, and will not remove a network with endpoints', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, h('network create'), ['gt-net2'], { subnet: ['10.123.0.0/24'] });
    const n1 = container(d, 'gt-n1');
    const n2 = container(d, 'gt-n2');
    expect(run(d, h('network connect'), ['gt-net2', 'gt-n1']).exit).toBe(0);
    run(d, h('network connect'), ['gt-net2', 'gt-n2'], { alias: ['db'] });
    // Go ranges over a map in key (container ID) order
    const rows = [`${n1} gt-n1 10.123.0.2/24`, `${n2} gt-n2 10.123.0.3/24`].sort().map((r) => r.slice(65) + ' ');
    expect(
      run(d, h('network inspect'), ['gt-net2'], { format: '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}' })
        .stdout,
    ).toBe(rows.join('') + '\n');
    expect(run(d, h('network connect'), ['gt-net2', 'gt-n1']).stderr).toBe(
      'Error response from daemon: endpoint with name gt-n1 already exists in network gt-net2\n',
    );
    const eps = Object.values(Object.values(d.state.networks.networks)[3]!.endpoints).map((e) =>
      e.endpointId.slice(0, 12),
    );
    expect(run(d, h('network rm'), ['gt-net2', 'nosuch'])).toEqual({
      stdout: '',
      stderr:
        `Error response from daemon: error while removing network: network gt-net2 has active endpoints (name:"gt-n1" id:"${eps[0]}", name:"gt-n2" id:"${eps[1]}")\n` +
        'Error response from daemon: network nosuch not found\nexit status 1\n',
      exit: 1,
    });
    expect(run(d, h('network disconnect'), ['gt-net2', 'gt-n1']).exit).toBe(0);
    expect(run(d, h('network disconnect'), ['gt-net2', 'gt-n1']).stderr).toBe(
      `Error response from daemon: container ${n1} is not connected to network gt-net2\n`,
    );
    expect(run(d, h('network rm'), ['bridge']).stderr).toBe(
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n',
    );
  });

  it('keeps none and host exclusive, and prunes unused networks', () => {
    const d = newDaemon();
    const ctx = d;
    connect(d.state.networks, ctx, 'none', { containerId: 'n1', containerName: 'gt-n5' });
    run(d, h('network create'), ['gt-net']);
    expect(() => connect(d.state.networks, ctx, 'gt-net', { containerId: 'n1', containerName: 'gt-n5' })).toThrow(
      'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    );
    expect(run(d, h('network prune')).stdout).toBe(
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
    expect(run(d, h('network prune'), [], { force: true }).stdout).toBe('Deleted Networks:\ngt-net\n\n');
    expect(run(d, h('network prune'), [], { force: true }).stdout).toBe('');
  });
});
