import { describe, expect, it } from 'vitest';
import { handlers as image } from '../cli/commands/image';
import { handlers as network } from '../cli/commands/network';
import { handlers as registry } from '../cli/commands/registry';
import { container, newDaemon, run } from '../cli/commands/system/harness.test-util';
import { handlers as volume } from '../cli/commands/volume';

const actions = (d: ReturnType<typeof newDaemon>, type: string) =>
  d.events.history.filter((e) => e.Type === type).map((e) => `${e.Action} ${e.Actor.Attributes.name ?? ''}`.trim());

describe('object events', () => {
  it('images: pull, tag, untag, delete', () => {
    const d = newDaemon();
    run(d, registry['image pull']!, ['alpine']);
    run(d, image['image tag']!, ['alpine', 'mine:1']);
    run(d, image['image rm']!, ['mine:1', 'alpine']);
    const id = d.events.history.find((e) => e.Action === 'tag')!.Actor.ID;
    expect(actions(d, 'image')).toEqual([
      'pull alpine',
      'tag mine:1',
      `untag ${id}`,
      `untag ${id}`,
      `untag ${id}`,
      `delete ${id}`,
    ]);
  });
  it('volumes and networks: create, mount, connect, disconnect, destroy', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, volume['volume create']!, ['data']);
    run(d, network['network create']!, ['app']);
    const cid = container(d, 'web', { binds: ['data:/data'], network: 'app' });
    d.api.request({ method: 'DELETE', path: `/containers/${cid}`, query: { force: '1' } });
    run(d, volume['volume rm']!, ['data']);
    run(d, network['network rm']!, ['app']);
    expect(d.events.history.filter((e) => e.Type === 'volume').map((e) => e.Action)).toEqual([
      'create',
      'mount',
      'unmount',
      'destroy',
    ]);
    expect(actions(d, 'network')).toEqual(['create app', 'connect app', 'disconnect app', 'destroy app']);
  });
  it('an empty name is refused by the client before any request', () => {
    const d = newDaemon();
    expect(run(d, network['network inspect']!, [''])).toEqual({
      stdout: '[]\n',
      stderr: 'invalid network name or ID: value is empty\n',
      exit: 1,
    });
    expect(run(d, volume['volume rm']!, [' ']).stderr).toBe('invalid volume name or ID: value is empty\n');
    expect(d.api.takeTrace().filter((t) => t.url.startsWith('/networks') || t.url.startsWith('/volumes'))).toEqual([]);
  });
});
