import { describe, expect, it } from 'vitest';
import { handlers as registry } from '../registry';
import { container, newDaemon, run } from '../system/harness.test-util';
import { handlers } from '.';

const images = handlers['image ls']!;
const pull = registry['image pull']!;

describe('preset busybox (the reference machine image)', () => {
  it('lists like the real local import', () => {
    const d = newDaemon(['busybox:latest']);
    const r = run(d, images);
    expect(r.stdout).toMatch(
      /^REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\nbusybox      latest    [0-9a-f]{12}   5 minutes ago   1\.98MB\n$/,
    );
    const h = run(d, handlers['image history']!, ['busybox']);
    expect(h.stdout).toMatch(
      /^IMAGE          CREATED         CREATED BY   SIZE      COMMENT\n[0-9a-f]{12}   5 minutes ago                1\.98MB    Imported from -\n$/,
    );
    const i = run(d, handlers['image inspect']!, ['busybox'], {
      format: '{{.Size}} {{json .Config.Cmd}} {{.Comment}} {{json .RepoDigests}}',
    });
    expect(i.stdout).toBe('1984132 ["sh"] Imported from - []\n');
  });
  it('prints the empty table and the ambiguity hint', () => {
    const d = newDaemon(['busybox:latest']);
    expect(run(d, images, ['nosuch']).stdout).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    expect(run(d, images, ['ls']).stderr).toBe('\nNo images found matching "ls": did you mean "docker image ls"?\n');
  });
});

describe('pull', () => {
  it('prints the progress shape and then is up to date', () => {
    const d = newDaemon();
    const r = run(d, pull, ['nginx']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/nginx');
    expect(lines.filter((l) => l.endsWith(': Pulling fs layer'))).toHaveLength(7);
    expect(lines.filter((l) => l.endsWith(': Pull complete'))).toHaveLength(7);
    expect(lines.filter((l) => l.endsWith(': Waiting'))).toHaveLength(4);
    expect(lines.slice(-4)).toEqual([
      expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/),
      'Status: Downloaded newer image for nginx:latest',
      'docker.io/library/nginx:latest',
      '',
    ]);
    const again = run(d, pull, ['nginx:latest']);
    expect(again.stdout).toMatch(
      /^latest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker.io\/library\/nginx:latest\n$/,
    );
    expect(run(d, images, [], { format: '{{.Repository}}:{{.Tag}} {{.Size}}' }).stdout).toBe('nginx:latest 192MB\n');
  });
  it('pulls every tag with --all-tags', () => {
    const d = newDaemon();
    const r = run(d, pull, ['alpine'], { 'all-tags': true });
    const pulling = r.stdout.split('\n').filter((l) => l.includes(': Pulling from library/alpine'));
    expect(pulling.map((l) => l.split(':')[0])).toEqual(['3', '3.21', '3.21.4', '3.22', '3.22.1', 'latest']);
    expect(r.stdout.endsWith('Status: Downloaded newer image for alpine\ndocker.io/library/alpine\n')).toBe(true);
    expect(run(d, images, [], { format: '{{.Tag}}' }).stdout.split('\n').filter(Boolean)).toHaveLength(6);
    expect(run(d, pull, ['alpine:3'], { 'all-tags': true }).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });
  it('filters by until, before and dangling', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, pull, ['hello-world']);
    expect(run(d, images, [], { filter: ['until=1h'], format: '{{.Repository}}' }).stdout).toBe('hello-world\n');
    expect(run(d, images, [], { filter: ['before=busybox'], format: '{{.Repository}}' }).stdout).toBe('hello-world\n');
    expect(run(d, images, [], { filter: ['until=soon'] }).stderr).toBe(
      'Error response from daemon: failed to parse value as time or duration: "soon"\n',
    );
    expect(run(d, images, [], { filter: ['dangling=true'] }).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    );
  });
  it('pulls and removes by digest', () => {
    const d = newDaemon();
    const digest = run(d, pull, ['alpine']).stdout.match(/Digest: (sha256:[0-9a-f]{64})/)![1]!;
    run(d, handlers['image rm']!, ['alpine']);
    const r = run(d, pull, [`alpine@${digest}`]);
    expect(r.stdout.startsWith(`${digest}: Pulling from library/alpine\n`)).toBe(true);
    expect(
      r.stdout.endsWith(`Status: Downloaded newer image for alpine@${digest}\ndocker.io/library/alpine@${digest}\n`),
    ).toBe(true);
    expect(run(d, images, [], { format: '{{.Repository}} {{.Tag}}' }).stdout).toBe('alpine <none>\n');
    expect(run(d, images, [], { digests: true, format: '{{.Repository}} {{.Tag}} {{.Digest}}' }).stdout).toBe(
      `alpine <none> ${digest}\n`,
    );
    expect(run(d, handlers['image rm']!, [`alpine@${digest}`]).stdout).toMatch(
      new RegExp(`^Untagged: alpine@${digest}\nDeleted: sha256:`),
    );
  });
  it('reuses shared base layers', () => {
    const d = newDaemon();
    run(d, pull, ['python:3.13']);
    const r = run(d, pull, ['node:24']);
    expect(r.stdout.split('\n').filter((l) => l.endsWith(': Already exists'))).toHaveLength(4);
  });
  it('reports unknown repositories, tags and bad references', () => {
    const d = newDaemon();
    expect(run(d, pull, ['someuser/nosuchrepo'])).toEqual({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for someuser/nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exit: 1,
    });
    expect(run(d, pull, ['busybox:nonexistent']).stderr).toBe(
      'Error response from daemon: manifest for busybox:nonexistent not found: manifest unknown: manifest unknown\n',
    );
    expect(run(d, pull, ['UPPERCASE'])).toEqual({
      stdout: '',
      stderr: 'invalid reference format: repository name (library/UPPERCASE) must be lowercase\n',
      exit: 1,
    });
  });
});

describe('tag and rmi', () => {
  it('untags, refuses with a container, deletes with layers', () => {
    const d = newDaemon(['busybox:latest']);
    expect(run(d, handlers['image tag']!, ['busybox', 'gt-bb:v1']).exit).toBe(0);
    expect(run(d, handlers['image tag']!, ['nosuch', 'gt-bb:v3']).stderr).toBe(
      'Error response from daemon: No such image: nosuch:latest\n',
    );
    expect(run(d, handlers['image tag']!, ['busybox', 'Bad:Tag']).stderr).toBe(
      'Error parsing reference: "Bad:Tag" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
    const rmi = handlers['image rm']!;
    expect(run(d, rmi, ['gt-bb:v1']).stdout).toBe('Untagged: gt-bb:v1\n');
    expect(run(d, rmi, ['gt-bb'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: gt-bb:latest\n',
      exit: 1,
    });
    const img = Object.values(d.state.images.images)[0]!;
    const cid = container(d, 'gt-user').slice(0, 12);
    const short = img.id.slice(7, 19);
    expect(run(d, rmi, ['busybox']).stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container ${cid} is using its referenced image ${short}\n`,
    );
    expect(run(d, rmi, [short]).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${cid}\n`,
    );
    d.api.request({ method: 'DELETE', path: `/containers/${cid}`, query: { force: '1' } });
    const gone = run(d, rmi, ['busybox']);
    expect(gone.stdout).toBe(`Untagged: busybox:latest\nDeleted: ${img.id}\nDeleted: ${img.layers[0]!.diffId}\n`);
  });
  it('refuses an ID with several tags unless forced', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, handlers['image tag']!, ['busybox', 'other:1']);
    const id = Object.keys(d.state.images.images)[0]!.slice(7, 19);
    expect(run(d, handlers['image rm']!, [id]).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`,
    );
    expect(run(d, handlers['image rm']!, [id], { force: true }).stdout).toMatch(
      /^Untagged: busybox:latest\nUntagged: other:1\nDeleted: sha256:/,
    );
  });
  it('pulled images untag their digest too, prune asks on a non-terminal', () => {
    const d = newDaemon();
    run(d, pull, ['alpine']);
    const out = run(d, handlers['image rm']!, ['alpine']).stdout.split('\n');
    expect(out[0]).toBe('Untagged: alpine:latest');
    expect(out[1]).toMatch(/^Untagged: alpine@sha256:[0-9a-f]{64}$/);
    expect(run(d, handlers['image prune']!)).toEqual({
      stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      exit: 0,
    });
    expect(run(d, handlers['image prune']!, [], { force: true }).stdout).toBe('Total reclaimed space: 0B\n');
  });
});

describe('push and login', () => {
  it('needs the namespace of the logged-in user', () => {
    const d = newDaemon(['busybox:latest']);
    const push = registry['image push']!;
    expect(run(d, push, ['gt-nosuch:1'])).toEqual({
      stdout: 'The push refers to repository [docker.io/library/gt-nosuch]\n',
      stderr: 'An image does not exist locally with the tag: gt-nosuch\n',
      exit: 1,
    });
    run(d, handlers['image tag']!, ['busybox', 'learner/app:1']);
    const denied = run(d, push, ['learner/app:1']);
    expect(denied.stderr).toBe('denied: requested access to the resource is denied\n');
    expect(run(d, registry.login!, [], { username: 'learner' }).stderr).toBe(
      'Error: Cannot perform an interactive login from a non TTY device\n',
    );
    const ok = run(d, registry.login!, [], { username: 'learner', password: 'pw' });
    expect(ok.stdout).toBe('Login Succeeded\n');
    const pushed = run(d, push, ['learner/app:1']);
    expect(pushed.stdout).toMatch(
      /^The push refers to repository \[docker.io\/learner\/app\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Pushed\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    run(d, handlers['image rm']!, ['learner/app:1']);
    expect(run(d, pull, ['learner/app:1']).stdout).toMatch(/Status: Downloaded newer image for learner\/app:1\n/);
    expect(run(d, registry.logout!).stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
  });
  it('pushes to and pulls from a registry container the learner runs', () => {
    const d = newDaemon(['busybox:latest']);
    const push = registry['image push']!;
    run(d, handlers['image tag']!, ['busybox', 'localhost:5000/bb:1']);
    expect(run(d, push, ['localhost:5000/bb:1']).stderr).toBe(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
    run(d, pull, ['registry:2']);
    const reg = container(d, 'reg', { image: 'registry:2', publish: '5000:5000' });
    expect(run(d, push, ['localhost:5000/bb:1']).stdout).toMatch(
      /^The push refers to repository \[localhost:5000\/bb\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Pushed\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    run(d, handlers['image rm']!, ['localhost:5000/bb:1']);
    expect(run(d, pull, ['localhost:5000/bb:1']).stdout).toMatch(/^1: Pulling from bb\n[0-9a-f]{12}: Already exists\n/);
    expect(run(d, pull, ['localhost:5000/nope']).stderr).toBe(
      'Error response from daemon: manifest for localhost:5000/nope:latest not found: manifest unknown: manifest unknown\n',
    );
    d.api.request({ method: 'POST', path: `/containers/${reg}/stop` });
    expect(run(d, pull, ['localhost:5000/bb:1']).exit).toBe(1);
  });
  it('pushes every local tag with --all-tags and skips layers the repository has', () => {
    const d = newDaemon(['busybox:latest']);
    run(d, registry.login!, [], { username: 'learner', password: 'pw' });
    run(d, handlers['image tag']!, ['busybox', 'learner/app:1']);
    run(d, handlers['image tag']!, ['busybox', 'learner/app:2']);
    const push = registry['image push']!;
    const out = run(d, push, ['learner/app'], { 'all-tags': true }).stdout.split('\n');
    expect(out[0]).toBe('The push refers to repository [docker.io/learner/app]');
    expect(out.filter((l) => l.includes(': digest: sha256:')).map((l) => l.split(':')[0])).toEqual(['1', '2']);
    expect(out.filter((l) => l.endsWith(': Pushed'))).toHaveLength(1);
    expect(out.filter((l) => l.endsWith(': Layer already exists'))).toHaveLength(1);
    expect(run(d, push, ['learner/app:1'], { 'all-tags': true }).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });
});
