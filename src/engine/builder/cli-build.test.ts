// `docker build` end to end through the CLI, the Engine API and the daemon, with a host folder.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { HANDLERS } from '../cli/commands';
import { dispatch } from '../cli/dispatch';
import { DEFAULT_START } from '../create-engine';
import { Daemon } from '../daemon/daemon';
import { emptyTree, treeFs } from '../fs/tree';
import { IdSource } from '../ids';
import { createEngine } from '../create-engine';
import type { BuildRecord } from './state';

function machine() {
  const clock = new ManualClock(DEFAULT_START);
  const daemon = new Daemon({ clock, ids: new IdSource(1) });
  daemon.presetImages(['busybox:latest']);
  const host = treeFs(emptyTree(), () => clock.now());
  host.mkdir('/home/learner/app', { parents: true });
  const write = (path: string, text: string) => host.writeFile(`/home/learner/app/${path}`, text);
  const docker = (line: string) => {
    clock.advance(10);
    return dispatch(line, { api: daemon.api, clock, handlers: HANDLERS, host: { fs: host, cwd: '/home/learner/app' } });
  };
  return { docker, write, daemon, host };
}

describe('docker build (CLI → API → daemon)', () => {
  it('builds, tags and lists the image; history and inspect show what BuildKit records', () => {
    const { docker, write } = machine();
    write('Dockerfile', 'FROM busybox\nRUN echo hello > /hello.txt\nCOPY a.txt /a.txt\nENV FOO=bar\nCMD ["cat", "/hello.txt"]\n');
    write('a.txt', 'hi\n');
    const r = docker('docker build -t ref-build:1 .');
    expect(r.exit).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n/);
    expect(r.stderr).toMatch(/#8 naming to docker\.io\/library\/ref-build:1 done\n#8 DONE 0\.\ds\n$/);
    expect(docker('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" ref-build').stdout).toBe('ref-build:1 1.98MB\n');
    expect(docker('docker history --no-trunc --format "{{.CreatedBy}}|{{.Size}}|{{.Comment}}" ref-build:1').stdout).toBe(
      [
        'CMD ["cat" "/hello.txt"]|0B|buildkit.dockerfile.v0',
        'ENV FOO=bar|0B|buildkit.dockerfile.v0',
        'COPY a.txt /a.txt # buildkit|3B|buildkit.dockerfile.v0',
        'RUN /bin/sh -c echo hello > /hello.txt # buildkit|6B|buildkit.dockerfile.v0',
        '|1.98MB|Imported from -',
        '',
      ].join('\n'),
    );
    expect(docker('docker history -q ref-build:1').stdout.split('\n')[1]).toBe('<missing>');
    expect(docker('docker image inspect -f "{{json .Config.Cmd}} {{json .Config.Env}}" ref-build:1').stdout).toBe(
      '["cat","/hello.txt"] ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","FOO=bar"]\n',
    );
  });

  it('an unchanged rebuild is all CACHED and keeps the image ID; -q prints only the ID', () => {
    const { docker, write } = machine();
    write('Dockerfile', 'FROM busybox\nRUN echo hello > /hello.txt\nCMD ["sh"]\n');
    docker('docker build -t app .');
    const again = docker('docker build -t app .');
    expect(again.stderr).toContain('#5 [2/2] RUN echo hello > /hello.txt\n#5 CACHED\n');
    const id = docker('docker build -q -t app .');
    expect(id).toMatchObject({ exit: 0, stderr: '' });
    expect(id.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(docker('docker images -q --no-trunc app').stdout).toBe(id.stdout);
  });

  it('retagging leaves the previous image dangling', () => {
    const { docker, write } = machine();
    write('Dockerfile', 'FROM busybox\nRUN echo one > /v\n');
    docker('docker build -t app .');
    write('Dockerfile', 'FROM busybox\nRUN echo two > /v\n');
    docker('docker build -t app .');
    expect(docker('docker images --format "{{.Repository}}:{{.Tag}}"').stdout).toBe('app:latest\n<none>:<none>\nbusybox:latest\n');
  });

  it('fails as Docker does: missing context, missing Dockerfile, a bad tag, a failing RUN', () => {
    const { docker, write } = machine();
    expect(docker('docker build nosuch')).toMatchObject({ exit: 1, stderr: 'ERROR: failed to build: unable to prepare context: path "nosuch" not found\n' });
    const missing = docker('docker build .');
    expect(missing.exit).toBe(1);
    expect(missing.stderr).toMatch(/#1 transferring dockerfile: 2B done\n#1 DONE 0\.0s\nERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/);
    write('Dockerfile', 'FROM busybox\n');
    expect(docker('docker build -t Bad .').stderr).toBe(
      'ERROR: failed to build: invalid tag "Bad": invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
    write('Dockerfile', 'FROM busybox\nRUN exit 3\n');
    const failed = docker('docker build .');
    expect(failed.exit).toBe(1);
    expect(failed.stderr).toMatch(/ERROR: failed to build: failed to solve: process "\/bin\/sh -c exit 3" did not complete successfully: exit code: 3\n$/);
  });

  it('-f names another Dockerfile; .dockerignore keeps files out of the context', () => {
    const { docker, write, daemon } = machine();
    write('Dockerfile.dev', 'FROM busybox\nCOPY . /src\n');
    write('.dockerignore', 'secret.txt\n');
    write('secret.txt', 'hunter2');
    write('app.js', 'x');
    const r = docker('docker build -f Dockerfile.dev -t dev .');
    expect(r.stderr).toContain('#1 [internal] load build definition from Dockerfile.dev\n');
    // Dockerfile.dev 25B + .dockerignore 11B + app.js 1B; not secret.txt
    expect(docker('docker history --format "{{.CreatedBy}} {{.Size}}" dev').stdout.split('\n')[0]).toBe('COPY . /src # buildkit 37B');
    const layer = Object.values(daemon.state.images.images).find((i) => i.repoTags.includes('dev:latest'))!.layers[1]!.changes!;
    expect(Object.keys((layer.entries.src as { entries: object }).entries)).toEqual(['.dockerignore', 'Dockerfile.dev', 'app.js']);
  });

  it('keeps the build cache in snapshots', () => {
    const { docker, write, daemon } = machine();
    write('Dockerfile', 'FROM busybox\nRUN echo hi > /x\n');
    docker('docker build -t app .');
    const snap = daemon.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(Object.keys(daemon.state.builder.cache)).toHaveLength(1);
  });

  it('system df counts the build cache; builder prune asks, then removes what no image holds', () => {
    const { docker, write } = machine();
    write('Dockerfile', 'FROM busybox\nWORKDIR /app\nRUN echo hi > /x\n');
    docker('docker build -t app .');
    expect(docker('docker system df --format "{{.Type}} {{.TotalCount}} {{.Size}}"').stdout).toContain('Build Cache 2 0B\n');
    expect(docker('docker builder prune')).toMatchObject({ exit: 0, stdout: 'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ' });
    // both records hold layers the image keeps: nothing dangles, and -a frees no space
    expect(docker('docker builder prune -f').stdout).toBe('Total reclaimed space: 0B\n');
    expect(docker('docker builder prune -af').stdout).toMatch(/^Deleted build cache objects:\n[0-9a-z]{25}\n[0-9a-z]{25}\n\nTotal reclaimed space: 0B\n$/);
    expect(docker('docker build -t app .').stderr).toContain('#6 [3/3] RUN echo hi > /x\n#6 DONE');
  });

  it('the lab reads the last build record: layers with sizes and cache flags, hints with lesson links', () => {
    const engine = createEngine({ images: ['busybox:latest'] });
    for (const line of ["printf 'FROM busybox\\nCOPY a.txt /a.txt\\nRUN echo hi > /b.txt\\n' > Dockerfile", 'echo one > a.txt', 'docker build -t app .', 'echo two > a.txt', 'docker build -t app .'])
      expect(engine.exec(line).exit).toBe(0);
    const res = engine.read<BuildRecord[]>('/build/history');
    const last = res.body[res.body.length - 1]!;
    expect(res.body).toHaveLength(2);
    expect(last.layers.map((l) => [l.createdBy, l.size, l.cached, l.fromBase])).toEqual([
      ['', 1_984_132, true, true],
      ['COPY a.txt /a.txt # buildkit', 4, false, false],
      ['RUN /bin/sh -c echo hi > /b.txt # buildkit', 3, false, false],
    ]);
    expect(last.steps.map((s) => [s.name, s.cached])).toEqual([
      ['[2/3] COPY a.txt /a.txt', false],
      ['[3/3] RUN echo hi > /b.txt', false],
    ]);
    expect(last.hints.map((h) => [h.id, h.line, h.link])).toEqual([
      ['pin-base-image', 1, '/lessons/best-practices-security/#pin-update-and-shrink-images'],
      ['non-root-user', 0, '/lessons/best-practices-security/#run-as-a-non-root-user'],
    ]);
  });
});
