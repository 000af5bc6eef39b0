// What the servers and interpreters declare: listeners in the plan, scripts read from the file system.
import { describe, expect, it } from 'vitest';
import { emptyTree, treeFs } from '../../../fs/tree';
import { isolatedSystem } from '../../containers/system';
import { launchMain } from '../launch';
import { renderLine, type ProcessPlan } from '../plan';
import type { ProgramContext } from '../program';

const fs = treeFs(emptyTree(), () => 0);
fs.mkdir('/app', { parents: true });
fs.writeFile('/app/server.js', "const port = process.env.PORT || 3000;\nrequire('http').createServer((req, res) => res.end('Hello from Node!\\n')).listen(port, () => console.log(`listening on ${port}`));\n");
fs.writeFile('/app/job.py', 'print("built with docker")\n');

const ctx = (over: Partial<ProgramContext> = {}): ProgramContext => ({
  app: 'node',
  base: 'debian',
  passwd: true,
  env: { NODE_VERSION: '22.11.0' },
  hostname: 'abc123',
  workingDir: '/app',
  stdinOpen: false,
  now: 0,
  ip: '172.17.0.2',
  sys: isolatedSystem(fs, 'abc123'),
  ...over,
});

const plan = (argv: string[], over: Partial<ProgramContext> = {}): ProcessPlan => {
  const r = launchMain(argv, ctx(over));
  if ('failure' in r) throw new Error(r.failure.message);
  return r.plan;
};
const text = (p: ProcessPlan) => p.output.map((l) => `${l.stream}:${renderLine(l, 0)}`);

describe('listeners', () => {
  it('nginx, httpd and busybox httpd declare what they serve', () => {
    expect(plan(['nginx', '-g', 'daemon off;'], { app: 'nginx' }).listens).toEqual([{ port: 80, handler: 'nginx' }]);
    expect(plan(['httpd-foreground'], { app: 'httpd' }).listens).toEqual([{ port: 80, handler: 'apache' }]);
    expect(plan(['httpd', '-f', '-v', '-p', '0.0.0.0:8080'], { app: '', base: 'busybox' }).listens).toEqual([
      { port: 8080, handler: 'busybox-httpd', options: { root: '/app', verbose: true } },
    ]);
    // without -f busybox httpd daemonises: PID 1 exits and nothing listens
    expect(plan(['httpd', '-p', '80'], { app: '', base: 'busybox' })).toMatchObject({ exit: { code: 0 } });
  });
});

describe('interpreters', () => {
  it('node runs a server script: start-up line, a text listener on its port', () => {
    const p = plan(['node', 'server.js']);
    expect(text(p)).toEqual(['stdout:listening on 3000']);
    expect(p.exit).toBeUndefined();
    expect(p.listens).toEqual([{ port: 3000, handler: 'text', options: { body: 'Hello from Node!\n', contentType: 'text/plain; charset=utf-8' } }]);
    expect(plan(['node', 'server.js'], { env: { PORT: '8080' } }).listens![0]!.port).toBe(8080);
  });

  it('a script that only prints exits 0; a missing script fails as the interpreter does', () => {
    const job = plan(['python3', 'job.py'], { app: 'python' });
    expect(text(job)).toEqual(['stdout:built with docker']);
    expect(job.exit).toMatchObject({ code: 0 });
    expect(text(plan(['python3', 'nope.py'], { app: 'python' }))).toEqual(["stderr:python3: can't open file '/app/nope.py': [Errno 2] No such file or directory"]);
    const missing = plan(['node', '/srv/x.js']);
    expect(missing.exit).toMatchObject({ code: 1 });
    expect(text(missing)).toContain("stderr:Error: Cannot find module '/srv/x.js'");
  });

  it('without a script the REPL waits only with stdin open', () => {
    expect(plan(['node']).exit).toMatchObject({ code: 0 });
    expect(plan(['node'], { stdinOpen: true }).exit).toBeUndefined();
  });
});
