import { describe, expect, it } from 'vitest';
import type { Invocation } from './command';
import { parseBytes, parseDecimal, parseDuration, parseInteger } from './flag-values';
import { parseCommandLine } from './parse';

function inv(line: string): Invocation {
  const r = parseCommandLine(line.split(' ').filter(Boolean));
  if (r.kind !== 'invoke') throw new Error('expected an invocation: ' + JSON.stringify(r.answer));
  return r.inv;
}

describe('parseCommandLine', () => {
  it('resolves aliases to the canonical spec and keeps the typed path', () => {
    expect(inv('ps -a').spec.path).toEqual(['container', 'ls']);
    expect(inv('container list').typedPath).toEqual(['container', 'list']);
    expect(inv('rmi x').spec.path).toEqual(['image', 'rm']);
    expect(inv('build .').spec.path).toEqual(['image', 'build']);
    expect(inv('builder build .').spec.path).toEqual(['image', 'build']);
  });
  it('parses combined shorthands, attached values and = forms', () => {
    const i = inv('run -dit -p8080:80 --name=web -e A=1 --env B=2 -dp 9090:90 busybox');
    expect(i.flags).toMatchObject({
      detach: true,
      interactive: true,
      tty: true,
      name: 'web',
      env: ['A=1', 'B=2'],
      publish: ['8080:80', '9090:90'],
    });
    expect(i.args).toEqual(['busybox']);
    expect([...i.changed].sort()).toEqual(['detach', 'env', 'interactive', 'name', 'publish', 'tty']);
  });
  it('stops at the first positional for run/create/exec (the rest belongs to the container)', () => {
    expect(inv('run --rm busybox ls -l --all').args).toEqual(['busybox', 'ls', '-l', '--all']);
    expect(inv('exec -it web sh -c x').args).toEqual(['web', 'sh', '-c', 'x']);
  });
  it('keeps parsing flags after positionals elsewhere, until --', () => {
    expect(inv('stop web -t 3').flags.timeout).toBe(3);
    expect(inv('rm -- -f').args).toEqual(['-f']);
  });
  it('gives defaults for unset flags and types the values', () => {
    const i = inv('run -m 512m --cpus 1.5 --stop-timeout 7 --health-interval 1m30s busybox');
    expect(i.flags).toMatchObject({
      memory: 536870912,
      cpus: 1.5,
      'stop-timeout': 7,
      'health-interval': 90_000,
      rm: false,
      name: '',
      volume: [],
    });
    expect(inv('ps').flags.last).toBe(-1);
    expect(inv('run --memory-swap -1 busybox').flags['memory-swap']).toBe(-1);
    expect(inv('network create n').flags.driver).toBe('bridge');
  });
  it('gives every command line fresh values, though flag tables are shared between parses', () => {
    const first = inv('run -e A=1 busybox');
    (first.flags.volume as string[]).push('leaked');
    (first.flags.env as string[]).push('leaked');
    const second = inv('run busybox');
    expect(second.flags.volume).toEqual([]);
    expect(second.flags.env).toEqual([]);
    expect(inv('run -e B=2 busybox').flags.env).toEqual(['B=2']);
  });
  it('splits string slices on commas', () => {
    expect(inv('network create --subnet 10.0.0.0/24,10.1.0.0/24 n').flags.subnet).toEqual(['10.0.0.0/24', '10.1.0.0/24']);
  });
  it('maps a deprecated alias onto its target and reports it on stdout', () => {
    const r = parseCommandLine(['stop', '--time', '3', 'web']);
    expect(r.kind === 'invoke' && r.inv.flags.timeout).toBe(3);
    expect(r.kind === 'invoke' && r.notices).toBe('Flag --time has been deprecated, use --timeout instead\n');
  });
  it('accepts global options before the command', () => {
    const r = parseCommandLine(['--debug', '-H', 'unix:///var/run/docker.sock', '--context', 'default', 'ps']);
    expect(r.kind === 'invoke' && r.global).toMatchObject({ debug: true, hosts: ['unix:///var/run/docker.sock'], context: 'default' });
    // the simulated daemon listens on the default socket only
    const other = parseCommandLine(['-H', 'tcp://10.0.0.9', 'ps']);
    expect(other.kind === 'answer' && other.answer).toEqual({
      stdout: '',
      stderr: 'Cannot connect to the Docker daemon at tcp://10.0.0.9:2375. Is the docker daemon running?\n',
      exit: 1,
    });
  });
  it('answers help itself', () => {
    const r = parseCommandLine(['ps', '-h']);
    expect(
      r.kind === 'answer' && r.answer.stdout.startsWith('Flag shorthand -h has been deprecated, use --help\nUsage:  docker ps [OPTIONS]\n'),
    ).toBe(true);
    const m = parseCommandLine(['volume']);
    expect(m.kind === 'answer' && m.answer).toMatchObject({ stdout: '', exit: 0 });
    expect(m.kind === 'answer' && m.answer.stderr.startsWith('Usage:  docker volume COMMAND\n')).toBe(true);
    const alias = parseCommandLine(['container', 'ps', '--help']);
    expect(alias.kind === 'answer' && alias.answer.stdout.startsWith('Usage:  docker container ls [OPTIONS]\n')).toBe(true);
    const h = parseCommandLine(['help', 'container', 'ls']);
    expect(h.kind === 'answer' && h.answer.stdout.startsWith('Usage:  docker container ls [OPTIONS]\n')).toBe(true);
  });
});

describe('typed flag values (Go parsers)', () => {
  it('parses integers with Go base prefixes and range checks', () => {
    expect(parseInteger('0x10', 64, true)).toBe(16);
    expect(parseInteger('010', 64, true)).toBe(8);
    expect(parseInteger('-5', 64, true)).toBe(-5);
    expect(() => parseInteger('-5', 16, false)).toThrow('strconv.ParseUint: parsing "-5": invalid syntax');
    expect(() => parseInteger('70000', 16, false)).toThrow('value out of range');
  });
  it('parses durations like time.ParseDuration', () => {
    expect(parseDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseDuration('0')).toBe(0);
    expect(() => parseDuration('10')).toThrow('time: missing unit in duration "10"');
    expect(() => parseDuration('10x')).toThrow('time: unknown unit "x" in duration "10x"');
  });
  it('parses sizes like go-units RAMInBytes', () => {
    expect(parseBytes('512m')).toBe(512 * 1024 ** 2);
    expect(parseBytes('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('100')).toBe(100);
    expect(() => parseBytes('10x')).toThrow("invalid suffix: 'x'");
    expect(() => parseBytes('abc')).toThrow("invalid size: 'abc'");
  });
  it('parses CPU counts like big.Rat', () => {
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('3/2')).toBe(1.5);
    expect(() => parseDecimal('x')).toThrow('failed to parse x as a rational number');
    expect(() => parseDecimal('0.0000000001')).toThrow('value is too precise');
  });
});
