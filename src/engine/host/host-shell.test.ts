import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../create-engine';

const engine = () => createEngine({ images: ['busybox:latest', 'nginx:latest'] });

describe('host shell lines', () => {
  it('writes, reads and lists files in the project folder', () => {
    const e = engine();
    expect(e.exec('echo hi > a.txt; cat a.txt')).toMatchObject({ stdout: 'hi\n', stderr: '', exit: 0 });
    expect(e.exec('mkdir -p src/app && printf "%s=%d\\n" port 8080 > src/app/conf')).toMatchObject({ stdout: '', exit: 0 });
    expect(e.exec('ls')).toMatchObject({ stdout: 'a.txt\nsrc\n', exit: 0 });
    expect(e.host.fs.readFile('/home/learner/project/src/app/conf')).toBe('port=8080\n');
    // what the learner creates is theirs
    expect(e.exec('ls -l').stdout).toMatch(/^-rw-r--r-- 1 learner learner +3 .* a\.txt$/m);
    expect(e.exec('id').stdout).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),999(docker)\n');
  });

  it('keeps the working directory and variables from line to line', () => {
    const e = engine();
    e.exec('mkdir site');
    expect(e.exec('cd site').exit).toBe(0);
    expect(e.exec('pwd').stdout).toBe('/home/learner/project/site\n');
    expect(e.host.cwd()).toBe('/home/learner/project/site');
    expect(e.host.prompt()).toBe('learner@dockhand:~/project/site$ ');
    e.exec('name=web');
    expect(e.exec('echo $name $HOME').stdout).toBe('web /home/learner\n');
    expect(e.exec('cd /nowhere')).toMatchObject({ exit: 1, stderr: 'bash: cd: /nowhere: No such file or directory\n' });
  });

  it('answers unknown commands as bash does', () => {
    expect(engine().exec('frobnicate --now')).toMatchObject({ stdout: '', stderr: 'bash: frobnicate: command not found\n', exit: 127 });
  });

  it('reaches published ports on localhost, and nothing else', () => {
    const e = engine();
    e.exec('docker run -d --name web -p 8080:80 nginx');
    const page = e.exec('curl localhost:8080');
    expect(page.exit).toBe(0);
    expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(e.exec('docker logs web').stdout).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"/);
    const refused = e.exec('curl -sS 127.0.0.1:8081');
    expect(refused.exit).toBe(7);
    expect(refused.stderr).toMatch(/Failed to connect to 127\.0\.0\.1 port 8081/);
    expect(e.exec('curl -sS web').exit).not.toBe(0); // container names do not resolve on the host
  });

  it('runs docker as a program: pipes, substitutions, lists', () => {
    const e = engine();
    e.exec('docker run -d --name one busybox sleep 600');
    e.exec('docker run -d --name two busybox sleep 600');
    const counted = e.exec('docker ps -q | wc -l');
    expect(counted.stdout).toBe('2\n'); // coreutils pads no lone count
    expect(counted.trace.map((t) => `${t.method} ${t.url}`)).toEqual(["GET /containers/json"]);
    expect(e.exec('docker stop $(docker ps -q) > /dev/null && docker ps -q | wc -l').stdout.trim()).toBe('0');
  });

  it('bind-mounts the working directory with $(pwd) and "$PWD" (round trip)', () => {
    const e = engine();
    e.exec('echo from-host > note.txt');
    expect(e.exec('docker run --rm -v $(pwd):/app busybox cat /app/note.txt')).toMatchObject({ stdout: 'from-host\n', exit: 0 });
    expect(e.exec('docker run --rm -v "$PWD":/app busybox sh -c "echo from-container > /app/back.txt"').exit).toBe(0);
    expect(e.exec('cat back.txt').stdout).toBe('from-container\n');
  });

  it('clear, history and help', () => {
    const e = engine();
    e.exec('docker ps -q');
    e.exec('ls');
    expect(e.exec('clear')).toMatchObject({ stdout: '', exit: 0, clear: true });
    expect(e.exec('history').stdout).toBe('    1  docker ps -q\n    2  ls\n    3  clear\n    4  history\n');
    expect(e.exec('history 1').stdout).toBe('    5  history 1\n');
    expect(e.host.history()).toHaveLength(5);
    expect(e.exec('help').stdout).toContain('curl localhost:8080');
  });

  it('moves the engine clock by the time a line takes', () => {
    const e = engine();
    const before = e.clock.now();
    e.exec('sleep 5');
    expect(e.clock.now() - before).toBeGreaterThanOrEqual(5000);
  });

  it('snapshot and restore bring back the files, the cwd and the variables', () => {
    const e = engine();
    e.exec('mkdir web && cd web && echo v1 > index.html && export STAGE=dev');
    const snap = e.snapshot();
    e.exec('echo v2 > index.html; cd /; STAGE=prod');
    e.restore(JSON.parse(JSON.stringify(snap)));
    expect(e.exec('cat index.html; echo $STAGE').stdout).toBe('v1\ndev\n');
  });

  it('plain docker lines keep the docker path (no host shell in between)', () => {
    const e = engine();
    expect(e.exec('docker run "busybox')).toMatchObject({ exit: 2, stderr: "bash: unexpected EOF while looking for matching `\"'\n" });
    expect(e.exec('docker run -it busybox sh')).toMatchObject({ exit: 1, stderr: 'the input device is not a TTY\n' });
  });

  it('never throws, whatever the line', () => {
    const e = engine();
    const word = fc.constantFrom('echo', 'ls', 'cd', 'cat', 'docker', 'ps', 'curl', 'mkdir', 'rm', '-rf', 'a', '..', '/', '$(pwd)', '"$PWD"', '|', ';', '&&', '||', '>', '<', '(', ')', '`', "'", '"', '$((1+', '*', 'history', 'clear', 'exit', 'help', 'localhost:8080');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 8 }), (words) => {
        const r = e.exec(words.join(' '));
        expect(Number.isInteger(r.exit)).toBe(true);
        expect(r.output.map((c) => c.text).join('').length).toBe((r.stdout + r.stderr).length);
      }),
      { numRuns: 300 },
    );
  });
});
