import { describe, expect, it } from 'vitest';
import { courseCommands, flagLabel } from './course-commands';
import { byInitial } from './glossary';
import { componentProps, headings, links, section } from './lesson-source';
import { dockerInvocations, shellCommands } from './shell-lines';

const lesson = [
  '## What happens on `docker run nginx`',
  '',
  'Text with a [link](/lessons/x/#a) and <Lab scenario="first" /> and <Term id="image">images</Term>.',
  '',
  '```console',
  '$ docker run -d --name web \\',
  '    -p 8080:80 nginx:1.29',
  '0123abcd',
  '$ docker ps -q | xargs docker inspect',
  '```',
  '',
  '```bash {2}',
  '# a comment',
  "docker run --rm alpine:3.22 sh -c 'echo hi > /tmp/x; ls' > out.txt && docker container ls -a",
  '```',
  '',
  '```dockerfile',
  'RUN docker --version',
  '```',
  '',
  '## Key takeaways',
  '',
  '- one',
  '### Detail',
  '- two',
  '## Common pitfalls',
].join('\n');

describe('reading lessons', () => {
  it('finds command lines in shell blocks only, joining continuations', () => {
    expect(shellCommands(lesson)).toEqual([
      { command: 'docker run -d --name web -p 8080:80 nginx:1.29', line: 6 },
      { command: 'docker ps -q | xargs docker inspect', line: 9 },
      { command: "docker run --rm alpine:3.22 sh -c 'echo hi > /tmp/x; ls' > out.txt && docker container ls -a", line: 14 },
    ]);
  });

  it('splits pipelines and lists, keeping quotes and dropping redirections', () => {
    expect(dockerInvocations("docker run --rm alpine:3.22 sh -c 'echo hi > /tmp/x; ls' > out.txt && docker container ls -a")).toEqual([
      "docker run --rm alpine:3.22 sh -c 'echo hi > /tmp/x; ls'",
      'docker container ls -a',
    ]);
    expect(dockerInvocations('docker logs web 2>&1 | grep error')).toEqual(['docker logs web']);
    expect(dockerInvocations('docker rm -f $(docker ps -aq)')).toEqual(['docker rm -f $(docker ps -aq)']);
    expect(dockerInvocations('curl localhost:8080')).toEqual([]);
  });

  it('makes heading anchors as the site does, and finds sections, links and components', () => {
    expect(headings(lesson).map((h) => h.slug)).toEqual(['what-happens-on-docker-run-nginx', 'key-takeaways', 'detail', 'common-pitfalls']);
    expect(section(lesson, 'Key takeaways')).toContain('- two');
    expect(section(lesson, 'Key takeaways')).not.toContain('pitfalls');
    expect(links(lesson)).toEqual(['/lessons/x/#a']);
    expect(componentProps(lesson, 'Lab', 'scenario')).toEqual(['first']);
    expect(componentProps(lesson, 'Term', 'id')).toEqual(['image']);
  });
});

describe('the course commands', () => {
  const uses = courseCommands([
    { id: 'one', body: lesson },
    { id: 'two', body: '```console\n$ docker container run -it --rm alpine:3.22 sh\n$ docker run --bogus nginx\n```' },
  ]);
  const run = uses.find((u) => u.spec.path.join(' ') === 'container run')!;

  it('collects, per engine command spec, the flags and lessons that use it', () => {
    expect(run.typed).toEqual(['run', 'container run']);
    expect(run.flags.map(flagLabel)).toEqual(expect.arrayContaining(['-d, --detach', '-p, --publish', '--name', '--rm', '-i, --interactive', '-t, --tty']));
    expect(run.flags.map((f) => f.name)).not.toContain('bogus');
    expect(run.lessons).toEqual(['one', 'two']);
    expect(run.example).toBe('docker run -d --name web -p 8080:80 nginx:1.29');
    expect(run.spec.short).toBe('Create and run a new container from an image');
  });

  it('counts the docker commands of pipelines and lists, not docker words other programs get', () => {
    // `xargs docker inspect`: xargs runs it, so the line does not teach `docker inspect` by itself
    expect(uses.map((u) => u.spec.path.join(' ')).sort()).toEqual(['container ls', 'container run']);
  });
});

describe('the glossary', () => {
  it('groups terms A to Z, filing `.dockerignore` under D and digits under #', () => {
    const groups = byInitial([{ term: 'runc' }, { term: '.dockerignore' }, { term: 'Digest' }, { term: '3-tier app' }, { term: 'Registry' }]);
    expect(groups.map((g) => [g.initial, g.anchor, g.items.map((i) => i.term)])).toEqual([
      ['#', 'letter-other', ['3-tier app']],
      ['D', 'letter-d', ['Digest', '.dockerignore']],
      ['R', 'letter-r', ['Registry', 'runc']],
    ]);
  });
});
