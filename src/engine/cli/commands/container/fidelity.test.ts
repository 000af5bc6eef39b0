// Behaviours found by replaying the real-engine golden transcripts (test/golden): each case is the
// real CLI 28 / Engine 28 answer.
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../index';

let e: Engine;
const run = (line: string) => {
  const r = e.exec(line);
  return { out: r.stdout, err: r.stderr, exit: r.exit };
};

beforeEach(() => {
  e = createEngine({ images: ['busybox:latest'] });
});

describe('ps --format is checked before the daemon is asked', () => {
  it('parse and execution errors, even with no containers', () => {
    expect(run("docker ps --format '{{.Nope}}'")).toEqual({
      out: '',
      err: `failed to execute template: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext\n`,
      exit: 1,
    });
    expect(run("docker ps --format '{{'")).toEqual({ out: '', err: 'failed to parse template: template: :1: unclosed action\n', exit: 1 });
    expect(run("docker ps -a --format '{{range $k, $v := .Labels}}{{$k}}{{end}}'").err).toBe(
      `failed to execute template: template: :1:18: executing "" at <.Labels>: range can't iterate over \n`,
    );
  });
  it('-q wins over --format, with a warning', () => {
    run('docker create --name fx-q busybox');
    const r = run("docker ps -aq --format '{{.Names}}'");
    expect(r.err).toBe('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    expect(r.out).toMatch(/^[0-9a-f]{12}\n$/);
  });
  it('methods with arguments: {{.Label "k"}}', () => {
    run('docker create --name fx-l --label env=prod busybox');
    expect(run(`docker ps -a --format '{{.Names}} {{.Label "env"}}'`).out).toBe('fx-l prod\n');
  });
});

describe('inspect -f (TemplateInspector: typed struct, then the raw map with missingkey=error)', () => {
  it('a missing key is an error; what printed before stays', () => {
    run('docker run -d --name fx-i busybox sleep 600');
    run('docker volume create fx-v');
    expect(run("docker inspect -f '{{.Nope}}' fx-i")).toEqual({
      out: '\n',
      err: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n',
      exit: 1,
    });
    expect(run("docker inspect --format '{{.State.Status}}' fx-i fx-v")).toEqual({
      out: 'running\n',
      err: 'template parsing error: template: :1:8: executing "" at <.State.Status>: map has no entry for key "State"\n',
      exit: 1,
    });
    expect(run("docker container inspect -f '{{.State.Nope}}' fx-i").err).toContain('map has no entry for key "Nope"');
  });
  it('fields the JSON omits exist in the typed struct', () => {
    run('docker run -d --name fx-i busybox sleep 600');
    expect(run("docker inspect -f '{{json .State.Health}}' fx-i").out).toBe('null\n');
    expect(run("docker inspect -f '{{json .State}}' fx-i").out).not.toContain('Health');
    expect(run(`docker inspect -f '{{.State.Pid | printf "%T"}}' fx-i`).out).toBe('int\n');
  });
});

describe('daemon answers seen in the golden transcripts', () => {
  it('die events carry execDuration in whole seconds', () => {
    run('docker run -d --name fx-ev busybox sleep 600');
    run('docker stop -t 1 fx-ev');
    const out = run('docker events --since 60s --until 0s --filter event=die').out;
    expect(out).toMatch(/container die [0-9a-f]{64} \(execDuration=1, exitCode=137, image=busybox, name=fx-ev\)\n$/);
  });
  it('exec -t: one stream, CRLF line ends; exec -d of a missing binary fails the start', () => {
    run('docker run -d --name fx-x busybox sleep 600');
    expect(run('docker exec -t fx-x echo tty')).toEqual({ out: 'tty\r\n', err: '', exit: 0 });
    expect(run('docker exec -d fx-x nosuchcmd')).toEqual({
      out: '',
      err: 'Error response from daemon: OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\n',
      exit: 1,
    });
  });
  it('logs --details puts the (empty) attributes and a space before each line', () => {
    run(`docker run --name fx-lg busybox sh -c 'echo first; echo second'`);
    expect(run('docker logs --details fx-lg').out).toBe(' first\n second\n');
  });
});

describe('CLI-side checks of create/run/start (real CLI 28.2.2)', () => {
  const usage = (cmd: string, msg: string) => `docker: ${msg}\n\nRun 'docker ${cmd} --help' for more information\n`;
  it('--expose values: nat.SplitProtoPort + ParsePortRange texts', () => {
    expect(run('docker create --expose= busybox')).toEqual({
      out: '',
      err: usage('create', 'invalid range format for --expose: , error: empty string specified for ports'),
      exit: 125,
    });
    expect(run('docker run --expose=abc busybox').err).toBe(
      usage('run', 'invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax'),
    );
    expect(run('docker create --expose=-5 busybox').err).toContain('error: strconv.ParseUint: parsing "": invalid syntax');
    expect(run('docker create --expose=70000 busybox').err).toContain('parsing "70000": value out of range');
    expect(run('docker create --expose=82-80 busybox').err).toContain('error: invalid range specified for port: 82-80');
    expect(run('docker create --expose=1:2 busybox').err).toBe(usage('create', 'invalid port format for --expose: 1:2'));
    run('docker create --name fx-e --expose 80-81 --expose 53/udp --expose 90/ busybox');
    expect(run("docker inspect -f '{{json .Config.ExposedPorts}}' fx-e").out).toBe('{"53/udp":{},"80/tcp":{},"81/tcp":{},"90/tcp":{}}\n');
  });
  it('--env-file / --label-file: the client has no files', () => {
    expect(run('docker create --env-file /nope busybox')).toEqual({ out: '', err: usage('create', 'open /nope: no such file or directory'), exit: 125 });
    expect(run('docker run --label-file l.txt busybox').err).toBe(usage('run', 'open l.txt: no such file or directory'));
  });
  it('create: flag errors get the usage pointer, a bad reference does not', () => {
    expect(run('docker create --pull bogus busybox').err).toBe(
      usage('create', `invalid pull option: 'bogus': must be one of "always", "missing" or "never"`),
    );
    expect(run('docker create UPPER')).toEqual({ out: '', err: 'invalid reference format: repository name (library/UPPER) must be lowercase\n', exit: 1 });
  });
  it('start -i / -a with several containers', () => {
    run('docker create --name fx-a busybox');
    run('docker create --name fx-b busybox');
    for (const f of ['-i', '-a']) {
      expect(run(`docker start ${f} fx-a fx-b`)).toEqual({ out: '', err: 'you cannot start and attach multiple containers at once\n', exit: 1 });
    }
  });
});

describe('mounts (real CLI 28.2.2 / Engine 28)', () => {
  const usage = (msg: string) => `docker: ${msg}\n\nRun 'docker run --help' for more information\n`;
  it('--mount is checked while parsing flags (opts.MountOpt); the type is left to the daemon', () => {
    const flagError = (v: string, msg: string) =>
      `invalid argument "${v}" for "--mount" flag: ${msg}\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`;
    expect(run('docker run --rm --mount src=x busybox true')).toEqual({ out: '', err: flagError('src=x', 'target is required'), exit: 125 });
    expect(run('docker run --rm --mount dst=/x,ro=maybe busybox true').err).toBe(flagError('dst=/x,ro=maybe', 'invalid value for ro: maybe'));
    expect(run('docker run --rm --mount type=,dst=/x busybox true').err).toBe(flagError('type=,dst=/x', 'type is required'));
    expect(run('docker run --rm --mount dst=/x,volume-opt=a=b,type=bind busybox true').err).toBe(
      flagError('dst=/x,volume-opt=a=b,type=bind', "cannot mix 'volume-*' options with mount type 'bind'"),
    );
    expect(run('docker run --rm --mount type=bind,foo=1,dst=/x busybox true').err).toBe(
      flagError('type=bind,foo=1,dst=/x', "unexpected key 'foo' in 'foo=1'"),
    );
    expect(run('docker run --rm --mount type=bogus,dst=/x busybox true')).toEqual({
      out: '',
      err: usage('Error response from daemon: invalid mount config for type "bogus": mount type unknown'),
      exit: 125,
    });
  });
  it('-v sections must not be empty (a lone letter before a colon is a drive)', () => {
    expect(run('docker run --rm -v :/data busybox true').err).toBe(usage('invalid spec: :/data: empty section between colons'));
    expect(run('docker run --rm -v /a::/b busybox true').err).toBe(usage('invalid spec: /a::/b: empty section between colons'));
    expect(run("docker run --rm -v '' busybox true").err).toBe(usage('invalid empty volume spec'));
    expect(run('docker run --rm -v a::b busybox true').err).not.toContain('invalid spec');
  });
  it('--tmpfs is kept in HostConfig.Tmpfs', () => {
    run('docker run -d --name fx-t --tmpfs /run:size=64k --mount type=tmpfs,dst=/cache busybox sleep 600');
    expect(run(`docker inspect -f '{{json .HostConfig.Tmpfs}} {{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' fx-t`).out).toBe(
      '{"/run":"size=64k"} tmpfs /cache true\n',
    );
    run('docker run -d --name fx-n busybox sleep 600');
    expect(run(`docker inspect -f '{{json .HostConfig.Tmpfs}}' fx-n`).out).toBe('null\n');
  });
});

describe('more CLI-side answers (real CLI 28.2.2)', () => {
  it('inspect: nil slices and maps of the typed struct print as [] / map[], json as null', () => {
    run('docker run -d --name fx-n busybox sleep 600');
    const f = '{{.Config.Cmd}} {{.Config.Entrypoint}} {{.Config.Labels}} {{json .Config.Entrypoint}} {{json .HostConfig.Tmpfs}} {{.HostConfig.Tmpfs}} {{len .Config.Entrypoint}} {{.Config.Shell}}';
    expect(run(`docker inspect -f '${f}' fx-n`).out).toBe('[sleep 600] [] map[] null null map[] 0 []\n');
  });
  it('-p with a bad host IP', () => {
    expect(run('docker run --rm -p 1.2.3:8080:80 busybox true').err).toBe(
      "docker: invalid IP address: 1.2.3\n\nRun 'docker run --help' for more information\n",
    );
  });
  it('history -H=false shows CREATED AT; system df -v names each image by its first tag only', () => {
    expect(run('docker history -H=false busybox').out.split('\n')[0]).toMatch(/^IMAGE +CREATED AT +CREATED BY +SIZE +COMMENT$/);
    run('docker tag busybox example.com/x/y:z');
    const images = run('docker system df -v').out.split('Containers space usage:')[0]!;
    expect(images.match(/\n[^\n]*1\.98MB/g)).toHaveLength(1);
    expect(images).toMatch(/\nbusybox +latest /);
  });
});

describe('create-time checks of the daemon (Engine 28 texts)', () => {
  const daemonSays = (msg: string) => `docker: Error response from daemon: ${msg}\n\nRun 'docker run --help' for more information\n`;
  it.each([
    ['-w relative', "the working directory 'relative' is invalid, it needs to be an absolute path"],
    ['--memory 64m --memory-swap 32m', 'Minimum memoryswap limit should be larger than memory limit, see usage'],
    ['--memory-swap 64m', 'You should always set the Memory limit when using Memoryswap limit, see usage'],
    ['--cpus 1 --cpu-period 100000', 'Conflicting options: Nano CPUs and CPU Period cannot both be set'],
    ['--cpus 1 --cpu-quota 50000', 'Conflicting options: Nano CPUs and CPU Quota cannot both be set'],
    ['--log-driver nosuchdriver', 'error looking up logging plugin nosuchdriver: plugin "nosuchdriver" not found'],
    ['--stop-signal NOSIG', 'Invalid signal: NOSIG'],
  ])('run %s', (flags, msg) => {
    expect(run(`docker run --rm ${flags} busybox true`)).toEqual({ out: '', err: daemonSays(msg), exit: 125 });
  });
  it('accepts the valid forms', () => {
    expect(run('docker run --rm -w /tmp --memory 64m --memory-swap 128m --log-driver local --stop-signal SIGINT busybox true').exit).toBe(0);
  });
});

describe('networking answers (Engine 28 texts)', () => {
  it('a start-time address conflict is wrapped like port conflicts', () => {
    run('docker network create --subnet 10.124.0.0/24 fx-n1');
    run('docker run -d --name fx-a --network fx-n1 --ip 10.124.0.50 busybox sleep 600');
    const r = run('docker run -d --name fx-c --network fx-n1 --ip 10.124.0.50 busybox sleep 600');
    expect(r.err).toBe(
      "docker: Error response from daemon: failed to set up container networking: Address already in use\n\nRun 'docker run --help' for more information\n",
    );
  });
  it('--network container:<name> joins its namespace; such containers and host-mode ones join no other network', () => {
    run('docker network create fx-n2');
    run('docker run -d --name fx-a busybox sleep 600');
    const id = run('docker inspect -f {{.Id}} fx-a').out.trim();
    expect(run('docker run -d --name fx-f --network container:fx-a busybox sleep 600').exit).toBe(0);
    expect(run("docker inspect -f '{{.HostConfig.NetworkMode}} {{len .NetworkSettings.Networks}}' fx-f").out).toBe(`container:${id} 0\n`);
    run('docker run -d --name fx-g --network host busybox sleep 600');
    const shared = 'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n';
    expect(run('docker network connect fx-n2 fx-f').err).toBe(shared);
    expect(run('docker network connect fx-n2 fx-g').err).toBe(shared);
    expect(run('docker network disconnect host fx-g')).toEqual({
      out: '',
      err: 'Error response from daemon: container cannot be disconnected from host network or connected to host network\n',
      exit: 1,
    });
    expect(run('docker run -d --network container:nosuch busybox true').err).toContain('No such container: nosuch');
  });
});

describe('top of an --init container', () => {
  it('lists docker-init as PID 1 and the command as its child', () => {
    run('docker run -d --name fx-it --init busybox sleep 600');
    const rows = run('docker top fx-it').out.trim().split('\n').slice(1).map((l) => l.split(/ {2,}/));
    expect(rows.map((r) => r[7])).toEqual(['/sbin/docker-init -- sleep 600', 'sleep 600']);
    expect(rows[1]![2]).toBe(rows[0]![1]);
  });
});
