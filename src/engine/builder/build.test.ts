import { describe, expect, it } from 'vitest';
import type { Layer } from '../daemon/images/model';
import { dir, file, type DirNode } from '../fs/node';
import { build, type BaseImage, type BuildDeps, type BuildRequest } from './build';
import type { BuildContext } from './context';
import { overlayRuntime } from './overlay-runtime';
import { HINT_LINKS } from './hints';
import type { RunRequest, RunResult } from './runtime';
import { newBuilderState } from './state';

// A tiny stand-in for the shell, enough for these tests: `echo TEXT`, `echo TEXT > FILE`, `exit N`.
function fakeShell(req: RunRequest): RunResult {
  const script = req.argv[req.argv.length - 1]!;
  let output = '';
  let exit = 0;
  for (const cmd of script.split(/&&|\n/).map((c) => c.trim())) {
    const redirect = /^echo (.*) > (\S+)$/.exec(cmd);
    const echo = /^echo (.*)$/.exec(cmd);
    const quit = /^exit (\d+)$/.exec(cmd);
    if (redirect) req.fs.writeFile(redirect[2]!.startsWith('/') ? redirect[2]! : `${req.cwd}/${redirect[2]}`, redirect[1] + '\n');
    else if (echo) output += echo[1] + '\n';
    else if (quit || cmd === 'false') {
      exit = quit ? Number(quit[1]) : 1;
      break;
    }
  }
  return { exit, output, durationMs: 200 };
}

const BUSYBOX: BaseImage = {
  id: 'sha256:' + 'b'.repeat(64),
  layers: [{ diffId: 'sha256:' + 'd'.repeat(64), size: 1_984_132, contentKey: 'busybox-test' }],
  history: [{ created: Date.parse('2026-11-23T11:55:00Z'), createdBy: '', comment: 'Imported from -' }],
  config: { Cmd: ['sh'] },
  local: true,
};

function setup() {
  let now = Date.parse('2026-11-23T12:00:00Z');
  const trees = new Map<string, DirNode>([['busybox-test', dir({ bin: dir({ sh: file('#!busybox', { size: 1_000_000, mode: 0o755 }) }), etc: dir({ passwd: file('root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n') }) })]]);
  const runtime = overlayRuntime((l: Layer) => trees.get(l.contentKey ?? '') ?? dir(), () => now, fakeShell);
  const deps: BuildDeps = {
    state: newBuilderState(),
    now: () => now,
    advance: (ms) => void (now += ms),
    resolveImage: (ref) => (ref.path === 'library/busybox' ? BUSYBOX : { error: `${ref.domain}/${ref.path}:${ref.tag}: not found` }),
    runtime,
  };
  const files: Record<string, string> = {};
  const context = (): BuildContext => ({
    entries: Object.fromEntries(Object.entries(files).map(([p, c]) => [p, { type: 'file' as const, content: c, mode: 0o644, size: c.length }])),
    dockerignore: '',
    hasDockerignore: false,
  });
  const run = (dockerfile: string, extra: Partial<BuildRequest> = {}) =>
    build(
      { dockerfileName: 'Dockerfile', dockerfile, context: context(), tags: ['docker.io/library/app:1'], buildArgs: {}, noCache: false, labels: {}, secrets: {}, ...extra },
      deps,
    );
  return { run, files, trees, deps };
}

/** the directory at a relative path inside a layer tree */
function at(tree: DirNode, path: string): DirNode {
  return path.split('/').reduce((d, name) => d.entries[name] as DirNode, tree);
}

/** `#6 [2/4] COPY …` followed by `#6 CACHED` or `#6 DONE …`: step name → cached? */
function decisions(progress: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const names = new Map<string, string>();
  for (const line of progress.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) continue;
    if (!names.has(m[1]!)) names.set(m[1]!, m[2]!);
    else if (m[2] === 'CACHED' || m[2]!.startsWith('DONE')) {
      const name = names.get(m[1]!)!;
      if (/^\[.*\d+\/\d+\] (RUN|COPY|ADD|WORKDIR)/.test(name)) out[name] = m[2] === 'CACHED';
    }
  }
  return out;
}

const APP = `FROM busybox
WORKDIR /app
COPY package.json .
RUN echo installing && echo deps > /app/node_modules.txt
COPY app.js .
ENV PORT=3000
EXPOSE 3000
CMD ["node", "app.js"]
`;

describe('build', () => {
  it('prints BuildKit plain progress and records the image', () => {
    const { run, files } = setup();
    files['package.json'] = '{"name":"app"}';
    files['app.js'] = 'console.log("hi")';
    const out = run(APP);
    expect(out.record.error).toBeUndefined();
    expect(out.progress).toContain('#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: ');
    expect(out.progress).toContain('#2 [internal] load metadata for docker.io/library/busybox:latest\n#2 DONE 0.0s\n');
    expect(out.progress).toContain('#4 [1/5] FROM docker.io/library/busybox:latest\n#4 DONE 0.0s\n');
    expect(out.progress).toContain('#5 [internal] load build context\n#5 transferring context: ');
    expect(out.progress).toMatch(/#6 \[2\/5\] WORKDIR \/app\n#6 DONE 0\.0s\n/);
    expect(out.progress).toMatch(/#8 \[4\/5\] RUN echo installing && echo deps > \/app\/node_modules.txt\n#8 0\.0\d\d installing\n#8 DONE 0\.2s\n/);
    expect(out.progress).toMatch(/#10 exporting to image\n#10 exporting layers 0\.1s done\n#10 writing image sha256:[0-9a-f]{64} done\n#10 naming to docker.io\/library\/app:1 done\n#10 DONE 0\.\ds\n$/);
    const img = out.image!;
    expect(img.config).toEqual({
      Cmd: ['node', 'app.js'],
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'PORT=3000'],
      ExposedPorts: { '3000/tcp': {} },
      WorkingDir: '/app',
    });
    expect(img.history.map((h) => [h.createdBy, !!h.emptyLayer])).toEqual([
      ['', false],
      ['WORKDIR /app', false],
      ['COPY package.json . # buildkit', false],
      ['RUN /bin/sh -c echo installing && echo deps > /app/node_modules.txt # buildkit', false],
      ['COPY app.js . # buildkit', false],
      ['ENV PORT=3000', true],
      ['EXPOSE map[3000/tcp:{}]', true],
      ['CMD ["node" "app.js"]', true],
    ]);
    expect(img.layers.map((l) => l.size)).toEqual([1_984_132, 0, 14, 5, 17]);
    expect(out.record.layers.filter((l) => !l.fromBase).map((l) => l.cached)).toEqual([false, false, false, false, false, false, false]);
  });

  it('reuses every step on an unchanged rebuild and gives the same image ID', () => {
    const { run, files } = setup();
    files['package.json'] = '{}';
    files['app.js'] = 'v1';
    const first = run(APP);
    const second = run(APP);
    expect(Object.values(decisions(second.progress))).toEqual([true, true, true, true]);
    expect(second.progress).toContain('exporting layers done');
    expect(second.image!.id).toBe(first.image!.id);
  });

  it('reruns from the COPY of an edited file onward, nothing before it', () => {
    const { run, files } = setup();
    files['package.json'] = '{}';
    files['app.js'] = 'v1';
    const first = run(APP);
    files['app.js'] = 'v2';
    const second = run(APP);
    expect(decisions(second.progress)).toEqual({
      '[2/5] WORKDIR /app': true,
      '[3/5] COPY package.json .': true,
      '[4/5] RUN echo installing && echo deps > /app/node_modules.txt': true,
      '[5/5] COPY app.js .': false,
    });
    expect(second.image!.id).not.toBe(first.image!.id);
    files['package.json'] = '{"dependencies":{}}';
    expect(Object.values(decisions(run(APP).progress))).toEqual([true, false, false, false]);
  });

  it('--no-cache runs everything; ENV before a RUN is part of its key; a build arg in scope too', () => {
    const { run } = setup();
    const df = 'FROM busybox\nARG V=1\nENV A=1\nRUN echo hi\n';
    run(df);
    expect(Object.values(decisions(run(df, { noCache: true }).progress))).toEqual([false]);
    expect(Object.values(decisions(run(df).progress))).toEqual([true]);
    expect(Object.values(decisions(run(df.replace('A=1', 'A=2')).progress))).toEqual([false]);
    expect(Object.values(decisions(run(df, { buildArgs: { V: '2' } }).progress))).toEqual([false]);
    expect(run(df, { buildArgs: { V: '2' } }).image!.history.at(-1)!.createdBy).toBe('RUN |1 V=2 /bin/sh -c echo hi # buildkit');
  });

  it('multi-stage: only the target stage’s layers are in the image; --target stops early', () => {
    const { run } = setup();
    const df = `FROM busybox AS build
RUN echo compiled > /app.bin
RUN echo junk > /junk

FROM busybox
COPY --from=build /app.bin /usr/local/bin/app
CMD ["app"]
`;
    const out = run(df);
    expect(out.progress).toContain('[build 1/3] FROM docker.io/library/busybox:latest');
    expect(out.progress).toContain('[stage-1 2/2] COPY --from=build /app.bin /usr/local/bin/app');
    const img = out.image!;
    expect(img.layers).toHaveLength(2);
    expect(img.layers[1]!.changes).toMatchObject({ entries: { usr: { entries: { local: { entries: { bin: { entries: { app: { content: 'compiled\n' } } } } } } } } });
    const target = run(df, { target: 'build' }).image!;
    expect(target.layers).toHaveLength(3);
    expect(run(df, { target: 'nope' }).progress).toMatch(/ERROR: failed to build: failed to solve: target stage "nope" could not be found\n$/);
  });

  it('fails a RUN like BuildKit: the error, its logs, the Dockerfile snippet, the final line', () => {
    const { run } = setup();
    const out = run('FROM busybox\nRUN echo building && false\nCOPY a.txt /a.txt\nENV FOO=bar\nCMD ["cat", "/a.txt"]\n');
    expect(out.image).toBeUndefined();
    expect(out.progress).toMatch(
      /#6 \[2\/3\] RUN echo building && false\n#6 0\.\d{3} building\n#6 ERROR: process "\/bin\/sh -c echo building && false" did not complete successfully: exit code: 1\n------\n > \[2\/3\] RUN echo building && false:\n0\.\d{3} building\n------\nDockerfile:2\n--------------------\n   1 \|     FROM busybox\n   2 \| >>> RUN echo building && false\n   3 \|     COPY a.txt \/a.txt\n   4 \|     ENV FOO=bar\n--------------------\nERROR: failed to build: failed to solve: process "\/bin\/sh -c echo building && false" did not complete successfully: exit code: 1\n$/,
    );
  });

  it('reports a parse error after the build definition step, with the snippet', () => {
    const { run } = setup();
    const out = run('FROM busybox\nRUNN echo\n');
    expect(out.progress).toMatch(/#1 DONE 0\.0s\nDockerfile:2\n--------------------\n   1 \|     FROM busybox\n   2 \| >>> RUNN echo\n   3 \|     \n--------------------\nERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN \(did you mean RUN\?\)\n$/);
  });

  it('a missing COPY source fails at its step; an unknown base at its metadata step', () => {
    const { run } = setup();
    const missing = run('FROM busybox\nCOPY nothere.txt /x\n').progress;
    expect(missing).toMatch(/#6 \[2\/2\] COPY nothere.txt \/x\n#6 ERROR: failed to calculate checksum of ref [0-9a-f-]{36}::[0-9a-z]{25}: "\/nothere.txt": not found\n------\n > \[2\/2\] COPY nothere.txt \/x:\n------\n/);
    expect(missing).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref \S+: "\/nothere.txt": not found\n$/);
    const base = run('FROM node:99\n').progress;
    expect(base).toContain('#2 [internal] load metadata for docker.io/library/node:99\n#2 ERROR: docker.io/library/node:99: not found\n------\n > [internal] load metadata for docker.io/library/node:99:\n------\n');
    expect(base).toMatch(/ERROR: failed to build: failed to solve: node:99: failed to resolve source metadata for docker.io\/library\/node:99: docker.io\/library\/node:99: not found\n$/);
  });

  it('prints build-check warnings on the definition step and after the build', () => {
    const { run } = setup();
    const out = run('FROM busybox as base\nENV A 1\nCMD echo hi\n');
    expect(out.progress).toContain("#1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n");
    expect(out.progress).toMatch(/\n\n 3 warnings found \(use docker --debug to expand\):\n - FromAsCasing: .* \(line 1\)\n - LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format \(line 2\)\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals \(line 3\)\n$/);
    expect(out.image!.config.Cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
  });

  it('records best-practice hints with lesson links, outside the output', () => {
    const { run, files } = setup();
    files['app.js'] = 'x';
    const out = run('FROM busybox\nENV API_TOKEN=abc\nCOPY . .\nRUN echo npm install\n');
    expect(out.record.hints.map((h) => h.id)).toEqual(['pin-base-image', 'non-root-user', 'dependencies-first', 'secrets-in-build-config', 'missing-dockerignore']);
    expect(out.record.hints[0]!.link).toBe(HINT_LINKS['pin-base-image']);
    expect(out.progress).not.toContain('lessons');
  });

  it('COPY: wildcards, directory contents, trailing-slash destinations, relative to WORKDIR, --chmod', () => {
    const { run, files } = setup();
    Object.assign(files, { 'a.txt': 'a', 'b.txt': 'bb', 'c.md': 'c', 'src/x.js': 'x', 'src/lib/y.js': 'yy' });
    const img = run('FROM busybox\nWORKDIR /app\nCOPY *.txt ./texts/\nCOPY src .\nCOPY --chmod=755 c.md /bin/run\n').image!;
    const [, workdir, texts, src, chmod] = img.layers.map((l) => l.changes!);
    expect(workdir).toMatchObject({ entries: { app: { type: 'dir' } } });
    expect(Object.keys(at(texts!, 'app/texts').entries)).toEqual(['a.txt', 'b.txt']);
    expect(Object.keys(at(src!, 'app').entries).sort()).toEqual(['lib', 'x.js']);
    expect(at(chmod!, 'bin').entries.run).toMatchObject({ content: 'c', mode: 0o755 });
    expect(run('FROM busybox\nCOPY a.txt b.txt /dest\n').progress).toContain(
      'When using COPY with more than one source file, the destination must be a directory and end with a /',
    );
  });

  it('ARG: meta args in FROM, redeclared in a stage, defaults overridden by --build-arg; ENV wins over ARG', () => {
    const { run } = setup();
    const df = 'ARG TAG=latest\nFROM busybox:${TAG}\nARG TAG\nARG WHO=world\nENV WHO=env\nRUN echo $TAG $WHO\nLABEL tag=$TAG who=$WHO\n';
    const out = run(df, { buildArgs: { WHO: 'arg' } });
    expect(out.progress).toContain('#2 [internal] load metadata for docker.io/library/busybox:latest');
    expect(out.image!.config.Labels).toEqual({ tag: 'latest', who: 'env' });
    expect(out.image!.history.find((h) => h.createdBy.startsWith('RUN'))!.createdBy).toBe('RUN |2 TAG=latest WHO=arg /bin/sh -c echo $TAG $WHO # buildkit');
  });

  it('ENTRYPOINT resets the base CMD; SHELL changes the shell form; USER and WORKDIR reach RUN', () => {
    const { run, deps } = setup();
    const seen: string[] = [];
    const inner = deps.runtime.run;
    deps.runtime.run = (req) => (seen.push(`${req.argv.join(' ')} as ${req.user || 'root'} in ${req.cwd}`), inner(req));
    const img = run('FROM busybox\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nWORKDIR /srv\nUSER nobody\nRUN echo hi\nENTRYPOINT ["top", "-b"]\n').image!;
    expect(seen).toEqual(['/bin/ash -eo pipefail -c echo hi as nobody in /srv']);
    expect(img.config).toMatchObject({ Entrypoint: ['top', '-b'], Shell: ['/bin/ash', '-eo', 'pipefail', '-c'], User: 'nobody', WorkingDir: '/srv' });
    expect(img.config.Cmd).toBeUndefined();
  });

  it('HEALTHCHECK, VOLUME, STOPSIGNAL, LABEL and ONBUILD end up in the image config', () => {
    const { run } = setup();
    const img = run('FROM busybox\nHEALTHCHECK --interval=5s --retries=2 CMD ["wget", "-q", "localhost"]\nVOLUME /data\nSTOPSIGNAL SIGINT\nLABEL a=b\nONBUILD RUN echo child\n', { labels: { extra: 'yes' } }).image!;
    expect(img.config).toMatchObject({
      Healthcheck: { Test: ['CMD', 'wget', '-q', 'localhost'], Interval: 5e9, Retries: 2 },
      Volumes: { '/data': {} },
      StopSignal: 'SIGINT',
      Labels: { a: 'b', extra: 'yes' },
      OnBuild: ['RUN echo child'],
    });
  });

  it('a secret is readable during its RUN only and never lands in a layer', () => {
    const { run, deps } = setup();
    let during = '';
    const inner = deps.runtime.run;
    deps.runtime.run = (req) => {
      req.fs.mkdir('/run/secrets', { parents: true });
      req.fs.writeFile('/run/secrets/token', req.secrets.token ?? '');
      during = req.fs.readFile('/run/secrets/token');
      req.fs.remove('/run', { recursive: true });
      return inner(req);
    };
    const img = run('FROM busybox\nRUN --mount=type=secret,id=token echo using it\n', { secrets: { token: 's3cr3t' } }).image!;
    expect(during).toBe('s3cr3t');
    expect(JSON.stringify(img)).not.toContain('s3cr3t');
  });

  it('a registry base is fetched into the build cache once: blob downloads and extractions under FROM', () => {
    const { run, deps } = setup();
    const remote = { ...BUSYBOX, id: 'sha256:' + 'e'.repeat(64), digest: 'sha256:' + 'f'.repeat(64), local: false };
    remote.layers = [{ ...BUSYBOX.layers[0]!, blobDigest: 'sha256:' + 'a'.repeat(64), blobSize: 800_000 }];
    deps.resolveImage = () => remote;
    const first = run('FROM busybox\nRUN echo hi\n').progress;
    expect(first).toMatch(
      /#4 \[1\/2\] FROM docker\.io\/library\/busybox:latest@sha256:f{64}\n#4 resolve docker\.io\/library\/busybox:latest@sha256:f{64} done\n#4 sha256:a{64} 800\.00kB \/ 800\.00kB 0\.1s done\n#4 extracting sha256:a{64} 0\.0s done\n#4 DONE 0\.1s\n/,
    );
    expect(first).toContain('#2 [internal] load metadata for docker.io/library/busybox:latest\n#2 DONE 0.6s\n');
    expect(run('FROM busybox\nRUN echo hi\n').progress).not.toContain('extracting');
  });

  it('here-documents: a RUN script, a document read by a command, a COPY of inline content', () => {
    const { run, deps } = setup();
    const scripts: string[] = [];
    const inner = deps.runtime.run;
    deps.runtime.run = (req) => (scripts.push(req.argv[2]!), inner(req));
    const df = 'FROM busybox\nRUN <<EOF\necho one > /one.txt\necho two > /two.txt\nEOF\nRUN echo before && echo x > /x <<NOTE\nignored by echo\nNOTE\nCOPY <<EOF /etc/motd\nWelcome!\nEOF\nCMD ["cat", "/etc/motd"]\n';
    const out = run(df);
    expect(out.progress).toContain('[2/4] RUN <<EOF (echo one > /one.txt...)\n');
    expect(out.progress).toContain('[4/4] COPY <<EOF (Welcome!) /etc/motd\n');
    expect(scripts).toEqual(['echo one > /one.txt\necho two > /two.txt\n', 'echo before && echo x > /x <<NOTE\nignored by echo\nNOTE\n']);
    const script = out.image!.layers[1]!.changes!;
    const motd = out.image!.layers.at(-1)!.changes!;
    expect(Object.keys(script.entries)).toEqual(['one.txt', 'two.txt']);
    expect(at(motd, 'etc').entries.motd).toMatchObject({ content: 'Welcome!\n' });
    expect(out.image!.history.at(-1)!.createdBy).toBe('CMD ["cat" "/etc/motd"]');
  });
});
