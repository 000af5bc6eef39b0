// The expectations added for the curriculum's command questions: networks, inspect fields, and images,
// networks and volumes that must exist afterwards.
import { describe, expect, it } from 'vitest';
import { gradeCommand, matchesSubset } from './grade-command';
import type { CommandQuestion } from './schema';

const base: Omit<CommandQuestion, 'answer' | 'expect' | 'scenario'> = {
  id: 'test-expect',
  kind: 'command',
  concept: 'c',
  section: 's',
  prompt: 'p',
  explanation: 'e',
};

const cache: CommandQuestion = {
  ...base,
  scenario: { description: 'app-net exists', images: ['redis:7-alpine'], setup: ['docker network create app-net'] },
  answer: 'docker run -d --name cache --network app-net --memory 256m -v data:/data redis:7-alpine',
  expect: {
    exit: 0,
    volumes: ['data'],
    container: {
      name: 'cache',
      networks: ['app-net'],
      fields: { 'HostConfig.Memory': 268435456, Mounts: [{ Type: 'volume', Name: 'data', Destination: '/data' }] },
    },
  },
};

const network: CommandQuestion = {
  ...base,
  scenario: { description: 'empty', images: [], setup: [] },
  answer: 'docker network create --internal back',
  expect: { exit: 0, networks: [{ name: 'back', internal: true }] },
};

const tag: CommandQuestion = {
  ...base,
  scenario: { description: 'nginx', images: ['nginx:1.29'], setup: [] },
  answer: 'docker tag nginx:1.29 ada/web:1.0',
  expect: { exit: 0, images: ['ada/web:1.0'] },
};

describe('extra expectations', () => {
  it('accept the reference answers and equivalent spellings', () => {
    for (const q of [cache, network, tag]) expect(gradeCommand(q, q.answer)).toMatchObject({ correct: true, hints: [] });
    expect(gradeCommand(cache, 'docker run --network=app-net -m 256m --mount type=volume,src=data,dst=/data -d --name cache redis:7-alpine').correct).toBe(true);
    expect(gradeCommand(tag, 'docker image tag nginx:1.29 docker.io/ada/web:1.0').correct).toBe(true);
  });

  it('explain what differs', () => {
    const hints = (q: CommandQuestion, line: string) => gradeCommand(q, line).hints.join('\n');
    expect(hints(cache, 'docker run -d --name cache -m 256m -v data:/data redis:7-alpine')).toContain('`cache` is on `bridge`, but the task asks for `app-net`.');
    expect(hints(cache, 'docker run -d --name cache --network app-net -v data:/data redis:7-alpine')).toContain(
      '`HostConfig.Memory` of `cache` is `0`, but the task needs `268435456`.',
    );
    expect(hints(cache, 'docker run -d --name cache --network app-net -m 256m redis:7-alpine')).toContain('There is no volume `data` afterwards.');
    expect(hints(network, 'docker network create back')).toBe('`back` is not internal: create it with `--internal`.');
    expect(hints(tag, 'docker tag nginx:1.29 ada/web')).toBe('There is no local image `ada/web:1.0` afterwards.');
  });

  it('match objects and arrays as subsets', () => {
    expect(matchesSubset({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(matchesSubset([{ a: 1 }], [{ a: 2 }, { a: 1, b: 3 }])).toBe(true);
    expect(matchesSubset(['ALL'], [])).toBe(false);
    expect(matchesSubset({ a: { b: 1 } }, { a: null })).toBe(false);
  });
});
