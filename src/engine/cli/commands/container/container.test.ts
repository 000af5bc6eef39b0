// The container commands end to end through createEngine: exact stdout/stderr/exit as docker/cli 28.
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../index';

let e: Engine;
const run = (line: string) => {
  const r = e.exec(line);
  return { out: r.stdout, err: r.stderr, exit: r.exit };
};
const ok = (line: string) => {
  const r = run(line);
  expect(r.exit, `${line}: ${r.err}`).toBe(0);
  return r.out;
};

beforeEach(() => {
  e = createEngine({ images: ['busybox:latest'] });
});

describe('run', () => {
  it('-d prints the full ID; attached runs replay output and exit with the code', () => {
    expect(ok('docker run -d --name web busybox sleep 3600')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(run(`docker run busybox sh -c 'echo hello; echo err >&2; exit 3'`)).toEqual({ out: 'hello\n', err: 'err\n', exit: 3 });
    expect(run('docker run --rm busybox echo hi')).toEqual({ out: 'hi\n', err: '', exit: 0 });
    expect(ok('docker ps -a -q').trim().split('\n')).toHaveLength(2);
  });
  it('reports create errors with 125 and the help pointer', () => {
    ok('docker run -d --name web busybox sleep 3600');
    const id = ok('docker inspect -f {{.Id}} web').trim();
    expect(run('docker run --name web busybox true')).toEqual({
      out: '',
      err: `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
      exit: 125,
    });
    expect(run('docker create --name web busybox true').exit).toBe(1);
    expect(run('docker run -p abc busybox').err).toBe("docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n");
    expect(run('docker run --restart bogus busybox').err).toContain("invalid restart policy: unknown policy 'bogus'");
    expect(run('docker run UPPERCASE').err).toBe("docker: invalid reference format: repository name (library/UPPERCASE) must be lowercase\n\nRun 'docker run --help' for more information\n");
    expect(run('docker run --pull sometimes busybox').err).toContain(`invalid pull option: 'sometimes': must be one of "always", "missing" or "never"`);
    expect(run('docker run --rm --pull never nosuchimage:1.0').err).toBe("docker: Error response from daemon: No such image: nosuchimage:1.0\n\nRun 'docker run --help' for more information\n");
  });
  it('a missing executable: 127, the container stays Created (or goes with --rm)', () => {
    const r = run('docker run --name bad busybox nosuchcmd');
    expect(r.exit).toBe(127);
    expect(r.err).toContain('exec: "nosuchcmd": executable file not found in $PATH: unknown\n\nRun');
    expect(ok('docker ps -a --format "{{.Names}} {{.Status}}"')).toBe('bad Created\n');
    expect(ok('docker inspect -f "{{.State.ExitCode}} {{.State.Status}}" bad')).toBe('127 created\n');
    expect(run('docker start bad').err).toMatch(/executable file not found.*\nError: failed to start containers: bad\n$/);
    expect(run('docker run --rm busybox /etc').exit).toBe(126);
    expect(ok('docker ps -aq').trim().split('\n')).toHaveLength(1);
  });
  it('port conflict in -d mode prints the ID and the error; the new container stays Created', () => {
    ok('docker run -d --name p1 -p 8080:80 busybox httpd -f -p 80');
    const r = run('docker run -d --name p2 -p 8080:80 busybox httpd -f -p 80');
    expect(r.exit).toBe(125);
    expect(r.out).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.err).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint p2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/);
    expect(ok('docker port p1')).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect(ok('docker port p1 80')).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(run('docker port p1 81')).toEqual({ out: '', err: "Error: No public port '81' published for p1\n", exit: 1 });
  });
  it('refuses -it without a terminal and creates nothing; a terminal gets a session', () => {
    expect(run('docker run -it busybox sh')).toEqual({ out: '', err: 'the input device is not a TTY\n', exit: 1 });
    expect(ok('docker ps -aq')).toBe('');
    const r = e.exec('docker run -it --rm busybox sh', { follow: true });
    expect(r).toMatchObject({ exit: 0, stderr: '' });
    r.session!.write('exit\r');
    expect(ok('docker ps -aq')).toBe('');
  });
});

describe('ps', () => {
  it('lays out the default table with docker widths and statuses', () => {
    ok('docker run -d --name ref-web busybox sleep 3600');
    e.clock.advance(5 * 60_000);
    expect(ok('docker ps')).toBe(
      'CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS         PORTS     NAMES\n' +
        `${ok('docker ps -q').trim()}   busybox   "sleep 3600"   5 minutes ago   Up 5 minutes             ref-web\n`,
    );
    expect(ok('docker ps -a --no-trunc --format "{{.Command}}"')).toBe('"sleep 3600"\n');
  });
  it('truncates commands, shows Exited and paused statuses, sizes and filters', () => {
    expect(run(`docker run --name l2 busybox sh -c 'echo hello; sleep 0.5; exit 3'`).exit).toBe(3);
    ok('docker run -d --name v1 busybox sleep 3600');
    ok('docker pause v1');
    const table = ok('docker ps -a -s');
    expect(table).toContain('"sh -c \'echo hello; …"');
    expect(table).toContain('Exited (3) Less than a second ago');
    expect(table).toContain('Up Less than a second (Paused)');
    expect(table).toContain('0B (virtual 1.98MB)');
    expect(ok('docker ps --filter status=exited --format {{.Names}}')).toBe('l2\n');
    expect(ok('docker ps -a --filter exited=3 --format {{.Names}}')).toBe('l2\n');
    expect(ok('docker ps --filter name=v --format {{.Names}}')).toBe('v1\n');
    expect(ok('docker ps -a --filter ancestor=busybox -q').trim().split('\n')).toHaveLength(2);
    expect(ok('docker ps -n 1 --format {{.Names}}')).toBe('v1\n');
    expect(run('docker ps --filter foo=bar')).toEqual({ out: '', err: "Error response from daemon: invalid filter 'foo'\n", exit: 1 });
  });
  it('prints only the header for an empty engine', () => {
    expect(ok('docker ps')).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });
});

describe('lifecycle commands', () => {
  it('echo arguments as typed and report failures per argument', () => {
    ok('docker run -d --name web busybox sleep 3600');
    expect(run('docker stop web nope')).toEqual({ out: 'web\n', err: 'Error response from daemon: No such container: nope\n', exit: 1 });
    expect(run('docker start nope')).toEqual({ out: '', err: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n', exit: 1 });
    expect(run('docker kill nosuch').err).toBe('Error response from daemon: cannot kill container: nosuch: No such container: nosuch\n');
    expect(run('docker rm -f nope')).toEqual({ out: '', err: 'Error response from daemon: No such container: nope\n', exit: 0 });
    expect(run('docker rename nope x2').err).toBe('Error response from daemon: No such container: nope\nError: failed to rename container named nope\n');
    expect(ok('docker rename web web2')).toBe('');
    expect(ok('docker rm web2')).toBe('web2\n');
  });
  it('wait prints the exit code after simulated time passes', () => {
    ok(`docker run -d --name ww busybox sh -c 'sleep 30; exit 7'`);
    expect(run('docker wait ww')).toEqual({ out: '7\n', err: '', exit: 0 });
    expect(ok('docker ps -a --format "{{.Status}}"')).toBe('Exited (7) Less than a second ago\n');
  });
  it('stop of a sleep takes the 10 s timeout and exits 137', () => {
    ok('docker run -d --name web busybox sleep 3600');
    const before = e.clock.now();
    ok('docker stop web');
    expect(e.clock.now() - before).toBeGreaterThanOrEqual(10_000);
    expect(ok('docker inspect -f {{.State.ExitCode}} web')).toBe('137\n');
  });
});

describe('logs, exec, top, stats, inspect, prune', () => {
  it('logs replays both streams, with --tail and -t', () => {
    ok(`docker run --name lg busybox sh -c 'echo one; echo two; echo err >&2'`);
    expect(run('docker logs lg')).toEqual({ out: 'one\ntwo\n', err: 'err\n', exit: 0 });
    expect(ok('docker logs --tail 1 lg')).toBe('');
    expect(ok('docker logs --tail 2 lg')).toBe('two\n');
    expect(ok('docker logs -t lg')).toMatch(/^2026-11-23T12:00:00\.\d{9}Z one\n/);
    expect(run('docker logs nope').err).toBe('Error response from daemon: No such container: nope\n');
  });
  it('exec runs through the process model with exit codes and the OCI error', () => {
    ok('docker run -d --name web busybox sleep 3600');
    expect(run('docker exec web sh -c "exit 5"').exit).toBe(5);
    expect(ok(`docker exec -e A=1 web sh -c 'echo $A'`)).toBe('1\n');
    expect(run('docker exec web nosuchcmd')).toEqual({ out: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\r\n', err: '', exit: 127 });
    ok('docker pause web');
    expect(run('docker exec web true').err).toBe('Error response from daemon: Container web is paused, unpause the container before exec\n');
    expect(run('docker exec -it web sh').exit).toBe(1);
  });
  it('top and stats describe the running process', () => {
    ok('docker run -d --name web --memory 64m busybox sleep 3600');
    const top = ok('docker top web').split('\n');
    expect(top[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top[1]).toMatch(/^root {16}\d+ +\d+ +0 +12:00 +\? +00:00:00 +sleep 3600$/);
    const stats = ok('docker stats --no-stream web');
    expect(stats.split('\n')[0]).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O     BLOCK I/O   PIDS');
    expect(stats).toMatch(/ 320KiB \/ 64MiB +0\.49% /);
    expect(ok('docker inspect -f "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}" web')).toBe('67108864 134217728\n');
  });
  it('inspect prints the Engine 28 shape and searches all object kinds', () => {
    ok('docker run -d --name web -p 8080:80 busybox sleep 3600');
    const json = JSON.parse(ok('docker inspect web'));
    expect(Object.keys(json[0])).toEqual(['Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name', 'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig', 'GraphDriver', 'Mounts', 'Config', 'NetworkSettings']);
    expect(json[0].NetworkSettings.Networks.bridge.IPAddress).toBe('172.17.0.2');
    expect(json[0].NetworkSettings.Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
    expect(ok('docker inspect -f {{.Name}} web')).toBe('/web\n');
    expect(run('docker inspect nosuch')).toEqual({ out: '[]\n', err: 'Error: No such object: nosuch\n', exit: 1 });
    expect(run('docker container inspect nosuch')).toEqual({ out: '[]\n', err: 'Error response from daemon: No such container: nosuch\n', exit: 1 });
    expect(ok('docker inspect -f {{.Name}} bridge')).toBe('bridge\n');
  });
  it('container prune removes what has stopped', () => {
    ok('docker run --name done1 busybox true');
    ok('docker run -d --name up1 busybox sleep 100');
    const id = ok('docker inspect -f {{.Id}} done1').trim();
    expect(ok('docker container prune -f')).toBe(`Deleted Containers:\n${id}\n\nTotal reclaimed space: 0B\n`);
    expect(ok('docker container prune -f')).toBe('Total reclaimed space: 0B\n');
  });
  it('events replays with --since/--until in docker format', () => {
    ok('docker run --name ev busybox true');
    const out = ok('docker events --since 0 --until 2000000000 --filter type=container');
    expect(out.split('\n')[0]).toMatch(/^2026-11-23T12:00:00\.\d{9}Z container create [0-9a-f]{64} \(image=busybox, name=ev\)$/);
    expect(out).toContain('container die');
  });

  it('logs -f and attached servers stream through the follow handle until closed or stopped', () => {
    ok(`docker run -d --name tick busybox sh -c 'while true; do echo tick; sleep 1; done'`);
    const r = e.exec('docker logs -f tick', { follow: true });
    expect(r.stdout).toBe('tick\n');
    let streamed = '';
    const handle = r.follow!({ out: (t) => (streamed += t), err: (t) => (streamed += t) });
    e.clock.advance(2000);
    ok('docker ps -q');
    expect(streamed).toBe('tick\ntick\n');
    handle.close();
    e.clock.advance(5000);
    ok('docker ps -q');
    expect(streamed).toBe('tick\ntick\n');
    const wait = e.exec('docker wait tick', { follow: true });
    let code = '';
    wait.follow!({ out: (t) => (code += t), err: () => {} });
    ok('docker kill tick');
    expect(code).toBe('137\n');
  });
});
