import { describe, expect, it } from 'vitest';
import type { DockerApi, EngineEvent } from './docker-api';
import { SessionTracker } from './tracker';

const event = (Type: string, Action: string, ID: string, Attributes: Record<string, string> = {}, at = Date.now()): EngineEvent => ({ Type, Action, Actor: { ID, Attributes }, timeNano: at * 1e6 });

/** an engine where everything the tracker asks about exists, and removals are recorded */
function fakeApi(gone: string[] = []) {
  const deleted: string[] = [];
  const api = {
    get: async (path: string) => ({ status: gone.some((g) => path.includes(g)) ? 404 : 200, body: {} }),
    request: async (method: string, path: string) => (deleted.push(`${method} ${path}`), { status: 204, body: undefined }),
  } as unknown as DockerApi;
  return { api, deleted };
}

describe('what a session made', () => {
  it('counts what was created while a command ran, or just after, and nothing else', async () => {
    const tracker = new SessionTracker();
    tracker.observe(event('container', 'create', 'before', { name: 'theirs' }));
    const end = tracker.commandStarted();
    tracker.observe(event('container', 'create', 'c1', { name: 'web' }));
    tracker.observe(event('image', 'pull', 'nginx:latest', { name: 'nginx' }));
    tracker.observe(event('image', 'tag', 'sha256:abc', { name: 'mine:1' }));
    tracker.observe(event('network', 'create', 'n1', { name: 'net', type: 'bridge' }));
    tracker.observe(event('container', 'start', 'c1', { name: 'web' }));
    end();
    tracker.observe(event('volume', 'create', 'data', { driver: 'local' })); // the events trail the CLI's exit
    tracker.observe(event('volume', 'create', 'later', { driver: 'local' }, Date.now() + 10_000));
    const { api } = fakeApi();
    expect((await tracker.list(api)).map((t) => `${t.kind} ${t.name} ${t.id}`)).toEqual([
      'container web c1',
      'image mine:1 mine:1',
      'image nginx:latest nginx:latest',
      'volume data data',
      'network net n1',
    ]);
  });

  it('forgets what was removed, and what no longer exists', async () => {
    const tracker = new SessionTracker();
    const end = tracker.commandStarted();
    tracker.observe(event('container', 'create', 'c1', { name: 'one' }));
    tracker.observe(event('container', 'create', 'c2', { name: 'two' }));
    tracker.observe(event('volume', 'create', 'v1'));
    tracker.observe(event('container', 'destroy', 'c1', { name: 'one' }));
    end();
    const { api } = fakeApi(['/volumes/v1']);
    expect((await tracker.list(api)).map((t) => t.name)).toEqual(['two']);
  });

  it('removes containers first (with their anonymous volumes), then images, volumes and networks', async () => {
    const tracker = new SessionTracker();
    const end = tracker.commandStarted();
    tracker.observe(event('network', 'create', 'n1', { name: 'net' }));
    tracker.observe(event('volume', 'create', 'v1'));
    tracker.observe(event('image', 'pull', 'busybox:latest'));
    tracker.observe(event('container', 'create', 'c1', { name: 'web' }));
    end();
    const { api, deleted } = fakeApi();
    const result = await tracker.cleanUp(api);
    expect(deleted).toEqual(['DELETE /containers/c1', 'DELETE /images/busybox%3Alatest', 'DELETE /volumes/v1', 'DELETE /networks/n1']);
    expect(result.removed).toHaveLength(4);
    expect(await tracker.list(api)).toEqual([]);
  });
});
