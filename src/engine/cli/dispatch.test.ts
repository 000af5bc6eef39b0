import { describe, expect, it } from 'vitest';
import { Router } from '../api/router';
import { ManualClock } from '../clock';
import type { Handler } from './command';
import { dispatch } from './dispatch';

const ctx = (handlers: Record<string, Handler>) => ({ api: new Router(), clock: new ManualClock(0), handlers });

describe('dispatch', () => {
  it('runs the handler of the canonical path with the parsed invocation', () => {
    let seen: string[] = [];
    const r = dispatch(
      'docker container list -a',
      ctx({ 'container ls': (c) => ((seen = [...c.inv.typedPath, String(c.inv.flags.all)]), c.io.out('ok\n'), 0) }),
    );
    expect(r).toMatchObject({ stdout: 'ok\n', stderr: '', exit: 0 });
    expect(seen).toEqual(['container', 'list', 'true']);
  });
  it('reports a crashing handler as an internal error instead of throwing', () => {
    const r = dispatch(
      'docker ps',
      ctx({
        'container ls': () => {
          throw new Error('boom');
        },
      }),
    );
    expect(r).toMatchObject({ exit: 1, stderr: 'docker: internal error in the simulated engine: boom\n' });
  });
  it('answers honestly for commands this engine does not simulate', () => {
    expect(dispatch('docker swarm init', ctx({}))).toMatchObject({
      exit: 1,
      stderr: 'docker swarm init: this command is not available in the simulated Docker engine of this course.\n',
    });
    expect(dispatch('docker compose up', ctx({})).stderr).toBe(
      "docker: unknown command: docker compose\n\nRun 'docker --help' for more information\n",
    );
  });
  it('behaves like a shell for empty lines, other programs and syntax errors', () => {
    expect(dispatch('   # nothing', ctx({}))).toMatchObject({ stdout: '', stderr: '', exit: 0 });
    expect(dispatch('ls -l', ctx({}))).toMatchObject({ stderr: 'bash: ls: command not found\n', exit: 127 });
    expect(dispatch("docker run 'x", ctx({})).exit).toBe(2);
  });
  it('prints deprecation notices before the command output', () => {
    const r = dispatch('docker stop --time 1 web', ctx({ 'container stop': (c) => (c.io.out(`${c.inv.flags.timeout}\n`), 0) }));
    expect(r.stdout).toBe('Flag --time has been deprecated, use --timeout instead\n1\n');
  });
  it('runs docker commands inside $( ) first, like a shell', () => {
    const calls: string[] = [];
    const handlers: Record<string, Handler> = {
      'container ls': (c) => (c.io.out('a1\nb2\n'), 0),
      'container rm': (c) => (calls.push(c.inv.args.join(',')), c.io.out(c.inv.args.map((a) => a + '\n').join('')), 0),
    };
    expect(dispatch('docker rm -f $(docker ps -aq)', ctx(handlers))).toMatchObject({ stdout: 'a1\nb2\n', exit: 0 });
    expect(calls).toEqual(['a1,b2']);
    expect(dispatch('docker run -v $(pwd):/app busybox', ctx(handlers))).toMatchObject({
      exit: 2,
      stderr: 'bash: command substitution is not available here: pwd\n',
    });
  });
});
