import { describe, expect, it } from 'vitest';
import { applyCompletion, complete, type Names } from './completion';

const names: Names = { containers: ['web', 'worker', 'db'], images: ['busybox:latest', 'nginx:latest'], volumes: ['data'], networks: ['bridge', 'host', 'none'] };
const at = (text: string) => complete({ text, cursor: text.length }, names);
const tab = (text: string) => applyCompletion({ text, cursor: text.length }, at(text));

describe('complete', () => {
  it('completes docker itself, top-level commands and subcommands from the specs', () => {
    expect(at('doc').candidates).toEqual(['docker']);
    expect(at('docker st').candidates).toEqual(expect.arrayContaining(['start', 'stats', 'stop']));
    expect(at('docker container ').candidates).toEqual(expect.arrayContaining(['ls', 'prune', 'run', 'stop']));
    expect(at('docker volume c').candidates).toEqual(['create']);
  });
  it('completes flags of the command typed', () => {
    expect(at('docker run --rest').candidates).toEqual(['--restart']);
    expect(at('docker container ls --n').candidates).toEqual(expect.arrayContaining(['--no-trunc']));
  });
  it('completes names of existing objects by what the command works on', () => {
    expect(at('docker stop w').candidates).toEqual(['web', 'worker']);
    expect(at('docker container rm -f d').candidates).toEqual(['db']);
    expect(at('docker run -d bu').candidates).toEqual(['busybox:latest']);
    expect(at('docker volume rm ').candidates).toEqual(['data']);
    expect(at('docker network inspect b').candidates).toEqual(['bridge']);
  });
  it('offers nothing for a flag value or the command inside the container', () => {
    expect(at('docker run --name w').candidates).toEqual([]);
    expect(at('docker run busybox s').candidates).toEqual([]);
    expect(at('ls ').candidates).toEqual([]);
  });
});

describe('applyCompletion', () => {
  it('completes a single candidate with a space and extends several to their common prefix', () => {
    expect(tab('docker stop d').line).toEqual({ text: 'docker stop db ', cursor: 15 });
    expect(tab('docker stop w')).toEqual({ line: { text: 'docker stop w', cursor: 13 }, listed: ['web', 'worker'] });
    expect(tab('docker stop wo').line.text).toBe('docker stop worker ');
    expect(tab('docker pa').line.text).toBe('docker pause ');
  });
  it('keeps the rest of the line when completing in the middle', () => {
    const c = complete({ text: 'docker sto web', cursor: 10 }, names);
    expect(applyCompletion({ text: 'docker sto web', cursor: 10 }, c).line).toEqual({ text: 'docker stop  web', cursor: 12 });
  });
});
