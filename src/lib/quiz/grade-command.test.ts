import { describe, expect, it } from 'vitest';
import { gradeCommand, normalizeImage } from './grade-command';
import type { CommandQuestion } from './schema';

const web: CommandQuestion = {
  id: 'test-web',
  kind: 'command',
  concept: 'ports',
  section: 'ports',
  prompt: 'Run nginx as web on 8080',
  explanation: 'x',
  scenario: { description: 'empty host', images: ['nginx:latest'], setup: [] },
  answer: 'docker run -d --name web -p 8080:80 nginx',
  expect: { exit: 0, container: { name: 'web', image: 'nginx', state: 'running', ports: ['8080:80'], detached: true } },
};

const worker: CommandQuestion = {
  ...web,
  id: 'test-worker',
  scenario: { description: 'alpine present', images: ['alpine:3.22'], setup: [] },
  answer: "docker run -d --name worker --restart on-failure:3 alpine:3.22 sh -c 'exit 1'",
  expect: { exit: 0, container: { name: 'worker', image: 'alpine:3.22', restart: 'on-failure:3', command: ['sh', '-c', 'exit 1'] } },
};

const removal: CommandQuestion = {
  ...web,
  id: 'test-rm',
  scenario: { description: 'web is running', images: ['nginx:latest'], setup: ['docker run -d --name web nginx', 'docker create --name keep nginx'] },
  answer: 'docker rm -f web',
  expect: { exit: 0, absent: ['web'], container: { name: 'keep', state: 'created' } },
};

describe('gradeCommand accepts equivalent commands', () => {
  it.each([
    'docker run -d --name web -p 8080:80 nginx',
    'docker run --publish=8080:80 --detach --name=web nginx',
    'docker run -p 8080:80 -d --name web nginx:latest',
    'docker container run --name web -dp 8080:80 docker.io/library/nginx',
    '$ docker run --detach --publish 8080:80 --name web nginx',
    '  docker run -d -p 8080:80/tcp --name web nginx  ',
  ])('%s', (line) => {
    expect(gradeCommand(web, line)).toMatchObject({ correct: true, hints: [] });
  });

  it('grades other expectations by meaning too', () => {
    expect(gradeCommand(worker, "docker run --restart=on-failure:3 --name=worker -d alpine:3.22 sh -c 'exit 1'").correct).toBe(true);
    expect(gradeCommand(removal, 'docker container rm --force web').correct).toBe(true);
    expect(gradeCommand(removal, 'docker rm --force web keep').hints).toEqual(['There is no container named `keep` afterwards.']);
  });
});

describe('gradeCommand explains wrong-but-valid commands', () => {
  const hintsFor = (q: CommandQuestion, line: string) => {
    const grade = gradeCommand(q, line);
    expect(grade.correct).toBe(false);
    return grade.hints.join('\n');
  };

  it('reversed ports', () => {
    expect(hintsFor(web, 'docker run -d --name web -p 80:8080 nginx')).toMatch(/ports are reversed: the host port comes first/);
  });
  it('no or other ports', () => {
    expect(hintsFor(web, 'docker run -d --name web nginx')).toMatch(/No port is published. Add `-p 8080:80`/);
    expect(hintsFor(web, 'docker run -d --name web -p 9090:80 nginx')).toMatch(/You published `9090:80\/tcp`/);
  });
  it('missing -d', () => {
    expect(hintsFor(web, 'docker run --name web -p 8080:80 nginx')).toMatch(/Add `-d` \(`--detach`\)/);
    // pull progress on stderr is no error: the hint is still about -d
    const noImage = { ...web, scenario: { ...web.scenario, images: [] } };
    expect(hintsFor(noImage, 'docker run --name web -p 8080:80 nginx')).toBe(
      'The container runs in the foreground and holds your terminal. Add `-d` (`--detach`) to run it in the background.',
    );
  });
  it('missing or misplaced --name', () => {
    expect(hintsFor(web, 'docker run -d -p 8080:80 nginx')).toMatch(/Your container is called `\w+`. Name it with `--name web`/);
    expect(hintsFor(web, 'docker run -d -p 8080:80 nginx --name web')).toMatch(/`--name web` went to the program in the container/);
  });
  it('wrong image', () => {
    expect(hintsFor(web, 'docker run -d --name web -p 8080:80 httpd')).toMatch(/runs `httpd`, but the task asks for `nginx`/);
  });
  it('wrong restart policy and misplaced flags', () => {
    expect(hintsFor(worker, "docker run -d --name worker --restart always alpine:3.22 sh -c 'exit 1'")).toMatch(
      /restart policy is `always`, but the task asks for `on-failure:3`/,
    );
    expect(hintsFor(worker, "docker run -d --name worker alpine:3.22 --restart on-failure:3 sh -c 'exit 1'")).toMatch(
      /`--restart on-failure:3 sh -c exit 1` went to the program/,
    );
  });
  it('a container that was created but not started', () => {
    expect(hintsFor(web, 'docker create --name web -p 8080:80 nginx')).toMatch(/`web` is created, but it should be running/);
  });
  it('a container that is still there', () => {
    expect(hintsFor(removal, 'docker stop web')).toMatch(/`web` still exists/);
  });
  it('commands Docker rejects, and lines that are not docker commands', () => {
    expect(hintsFor(web, 'docker run -d --name web -p 8080:80')).toMatch(/^Docker answered: .*requires at least 1 argument/);
    expect(hintsFor(web, 'docker run --bogus nginx')).toMatch(/^Docker answered: unknown flag: --bogus/);
    expect(hintsFor(web, 'podman run nginx')).toMatch(/Start with `docker`/);
  });
});

describe('normalizeImage', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['library/nginx:1.29', 'docker.io/library/nginx:1.29'],
    ['user/app', 'docker.io/user/app:latest'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['ghcr.io/o/app:v1', 'ghcr.io/o/app:v1'],
  ])('%s → %s', (ref, normal) => expect(normalizeImage(ref)).toBe(normal));
});
