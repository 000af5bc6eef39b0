// Reachability matrices: what ping, name resolution and HTTP reach from a container (or the host) for
// each kind of network, published and unpublished ports, stopped and paused servers.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { IdSource } from '../../ids';
import type { NetServices } from '../../shell/services';
import type { ContainerRecord } from '../containers/model';
import { Daemon } from '../daemon';
import { containerFs } from '../containers/rootfs';
import { createEngine } from '../../create-engine';
import { containerNet, hostNet, parseUrl } from './services';

const START = Date.parse('2026-11-23T12:00:00Z');
let d: Daemon;
const req = (method: 'GET' | 'POST' | 'DELETE', path: string, query?: Record<string, string>, body?: unknown) =>
  d.api.request<{ message: string }>({ method, path, query, body });
const container = (name: string) => Object.values(d.state.containers).find((c) => c.name === '/' + name) as ContainerRecord;
const net = (name: string): NetServices => containerNet(d, container(name));

function run(name: string, body: Record<string, unknown> = {}) {
  const created = req('POST', '/containers/create', { name }, { Image: 'busybox', Cmd: ['sleep', '1000'], ...body });
  expect(created.status, created.body?.message).toBe(201);
  const started = req('POST', `/containers/${name}/start`);
  expect(started.status, started.body?.message).toBe(204);
}

const onNetwork = (network: string, aliases: string[] = []) => ({
  HostConfig: { NetworkMode: network },
  NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: aliases } } },
});
const ipOf = (name: string, network = 'bridge') =>
  Object.values(d.state.networks.networks).find((n) => n.name === network)!.endpoints[container(name).id]!.ipv4;
const outcome = (r: object) => ('error' in r ? r.error : 'ok');

beforeEach(() => {
  d = new Daemon({ clock: new ManualClock(START), ids: new IdSource(7) });
  d.presetImages(['busybox:latest', 'nginx:latest', 'httpd:latest', 'redis:latest']);
  req('POST', '/networks/create', undefined, { Name: 'app' });
  req('POST', '/networks/create', undefined, { Name: 'other' });
});

describe('names and ping', () => {
  beforeEach(() => {
    run('alpha', onNetwork('app'));
    run('beta', onNetwork('app', ['bee']));
    run('gamma', onNetwork('other'));
    run('delta');
    run('echo');
    run('lonely', { HostConfig: { NetworkMode: 'none' } });
    run('hosty', { HostConfig: { NetworkMode: 'host' } });
  });

  it('a user-defined network resolves names, aliases and short IDs of its own containers only', () => {
    const b = container('beta');
    expect(net('alpha').resolve('beta')).toEqual({ ip: ipOf('beta', 'app') });
    expect(net('alpha').resolve('BEE')).toEqual({ ip: ipOf('beta', 'app') });
    expect(net('alpha').resolve(b.id.slice(0, 12))).toEqual({ ip: ipOf('beta', 'app') });
    expect(net('alpha').resolve(b.id)).toEqual({ error: 'bad-address' });
    expect(net('alpha').resolve('gamma')).toEqual({ error: 'bad-address' });
    expect(net('alpha').ping('beta')).toMatchObject({ ip: ipOf('beta', 'app'), ttl: 64 });
  });

  it('the default bridge has no embedded DNS: names fail, IPs work', () => {
    expect(net('delta').ping('echo')).toEqual({ error: 'bad-address' });
    expect(net('delta').ping(ipOf('echo'))).toMatchObject({ ip: ipOf('echo'), ttl: 64 });
  });

  it('networks are isolated: another bridge network IP gets no reply', () => {
    expect(net('alpha').ping(ipOf('gamma', 'other'))).toEqual({ ip: ipOf('gamma', 'other'), error: 'timeout' });
    expect(net('delta').ping(ipOf('alpha', 'app'))).toEqual({ ip: ipOf('alpha', 'app'), error: 'timeout' });
  });

  it('--network none has only loopback', () => {
    expect(outcome(net('lonely').ping('127.0.0.1'))).toBe('ok');
    expect(outcome(net('lonely').ping('localhost'))).toBe('ok');
    expect(net('lonely').ping(ipOf('echo'))).toEqual({ ip: ipOf('echo'), error: 'unreachable' });
    expect(net('lonely').ping('echo')).toEqual({ error: 'bad-address' });
    // nslookup finds no DNS server to ask
    expect(net('lonely').resolve('echo')).toEqual({ error: 'unreachable' });
  });

  it('/etc/hosts: localhost and the container’s own hostname; --add-host entries', () => {
    const a = container('alpha');
    expect(net('alpha').resolve('localhost')).toEqual({ ip: '127.0.0.1' });
    expect(net('alpha').resolve(a.config.Hostname)).toEqual({ ip: ipOf('alpha', 'app') });
    run('extra', { HostConfig: { ExtraHosts: ['db.local:10.0.0.9', 'gw:host-gateway'] } });
    expect(net('extra').resolve('db.local')).toEqual({ ip: '10.0.0.9' });
    expect(net('extra').resolve('gw')).toEqual({ ip: '172.17.0.1' });
  });

  it('an edited /etc/hosts counts, as for the real resolver', () => {
    containerFs(d, container('alpha')).writeFile('/etc/hosts', '10.1.2.3 api api.local\n', { append: true });
    expect(net('alpha').resolve('api.local')).toEqual({ ip: '10.1.2.3' });
  });

  it('--network host reaches every bridge; the host resolves no container names', () => {
    expect(outcome(net('hosty').ping(ipOf('gamma', 'other')))).toBe('ok');
    expect(net('hosty').resolve('alpha')).toEqual({ error: 'bad-address' });
    expect(hostNet(d).resolve('alpha')).toEqual({ error: 'bad-address' });
    expect(outcome(hostNet(d).ping(ipOf('alpha', 'app')))).toBe('ok');
  });

  it('a stopped container leaves DNS and stops answering', () => {
    const ip = ipOf('beta', 'app');
    req('POST', '/containers/beta/kill');
    expect(net('alpha').resolve('beta')).toEqual({ error: 'bad-address' });
    expect(net('alpha').ping(ip)).toEqual({ ip, error: 'timeout' });
  });

  it('round-trip times are sub-millisecond, vary, and are reproducible for a seed', () => {
    const times = () => [1, 2, 3, 4].map(() => (net('alpha').ping('beta') as { rttMs: number }).rttMs);
    const first = times();
    expect(first.every((t) => t > 0 && t < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(1);
    const again = new Daemon({ clock: new ManualClock(START), ids: new IdSource(7) });
    again.restore(d.snapshot());
    d = again;
    expect(times()).toEqual(first);
  });
});

describe('HTTP', () => {
  it('reaches a busybox httpd only over a shared network, on the port it listens on', () => {
    run('web', { ...onNetwork('app'), Cmd: ['httpd', '-f', '-p', '8080', '-h', '/'] });
    run('client', onNetwork('app'));
    run('stranger', onNetwork('other'));
    run('plain');
    expect(outcome(net('client').http({ method: 'GET', url: 'http://web:8080/' }))).not.toBe('refused');
    expect(net('client').http({ method: 'GET', url: 'http://web/' })).toEqual({ error: 'refused', host: ipOf('web', 'app'), port: 80 });
    expect(net('stranger').http({ method: 'GET', url: 'http://web:8080/' })).toEqual({ error: 'bad-address', host: 'web', port: 8080 });
    expect(net('stranger').http({ method: 'GET', url: `http://${ipOf('web', 'app')}:8080/` })).toMatchObject({ error: 'timeout' });
    expect(net('plain').http({ method: 'GET', url: `http://${ipOf('web', 'app')}:8080/` })).toMatchObject({ error: 'timeout' });
  });

  it('nginx answers with its index page (or 404) and writes nginx access-log lines', () => {
    run('web', { ...onNetwork('app'), Image: 'nginx', Cmd: null });
    run('client', onNetwork('app'));
    const ok = net('client').http({ method: 'GET', url: 'http://web/', headers: { 'User-Agent': 'Wget' } });
    expect(ok).toMatchObject({ status: 200, statusText: 'OK' });
    const missing = net('client').http({ method: 'GET', url: 'http://web/nope' });
    expect(missing).toMatchObject({ status: 404 });
    expect((missing as { body: string }).body).toContain('<center><h1>404 Not Found</h1></center>');
    const size = (ok as { body: string }).body.length;
    const logs = container('web').logs.map((l) => `${l.stream}: ${l.text}`);
    expect(logs).toContain(`stdout: ${ipOf('client', 'app')} - - [23/Nov/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 ${size} "-" "Wget" "-"`);
    expect(logs.some((l) => l.startsWith('stderr: 2026/11/23 12:00:00 [error] 29#29: *2 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory)'))).toBe(true);
  });

  it('published ports are reachable from the host, unpublished ones are not; access logs show the gateway', () => {
    run('web', { Image: 'nginx', Cmd: null, ExposedPorts: { '80/tcp': {} }, HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    run('hidden', { Image: 'nginx', Cmd: null });
    expect(hostNet(d).http({ method: 'GET', url: 'http://localhost:8080/', headers: { 'User-Agent': 'curl/8.5.0' } })).toMatchObject({ status: 200 });
    expect(hostNet(d).http({ method: 'GET', url: '127.0.0.1:8081/' })).toEqual({ error: 'refused', host: '127.0.0.1', port: 8081 });
    expect(container('web').logs.at(-1)!.text).toMatch(/^172\.17\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" "-"$/);
    // the host reaches container IPs directly too (no publishing needed), as on Linux
    expect(hostNet(d).http({ method: 'GET', url: `http://${ipOf('hidden')}/` })).toMatchObject({ status: 200 });
  });

  it('--network host servers listen on host ports; a host-network client reaches published ports via localhost', () => {
    run('hostweb', { Image: 'httpd', Cmd: null, HostConfig: { NetworkMode: 'host' } });
    expect(hostNet(d).http({ method: 'GET', url: 'http://localhost/' })).toMatchObject({ status: 200 });
    run('pub', { Cmd: ['httpd', '-f', '-p', '80'], HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8088' }] } } });
    run('hostclient', { HostConfig: { NetworkMode: 'host' } });
    expect(outcome(net('hostclient').http({ method: 'GET', url: 'http://localhost:8088/' }))).toBe('ok');
    expect(net('hostclient').http({ method: 'GET', url: 'http://localhost:8089/' })).toMatchObject({ error: 'refused' });
  });

  it('a stopped server refuses (by IP), a paused one never answers', () => {
    run('web', { Cmd: ['httpd', '-f'] });
    run('client');
    const ip = ipOf('web');
    req('POST', '/containers/web/pause');
    expect(net('client').http({ method: 'GET', url: `http://${ip}/` })).toMatchObject({ error: 'timeout' });
    req('POST', '/containers/web/unpause');
    req('POST', '/containers/web/kill');
    expect(net('client').http({ method: 'GET', url: `http://${ip}/` })).toMatchObject({ error: 'timeout' });
    expect(net('client').http({ method: 'GET', url: 'http://127.0.0.1/' })).toMatchObject({ error: 'refused' });
  });

  it('a published port whose container does not listen there resets; a loopback-bound server takes only local clients', () => {
    run('idle', { HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    expect(hostNet(d).http({ method: 'GET', url: 'http://localhost:8080/' })).toEqual({ error: 'reset', host: '127.0.0.1', port: 8080 });
    run('local', { ...onNetwork('app'), Cmd: ['httpd', '-f', '-p', '80'] });
    container('local').process!.plan.listens![0]!.address = '127.0.0.1';
    run('peer', onNetwork('app'));
    expect(net('peer').http({ method: 'GET', url: 'http://local/' })).toMatchObject({ error: 'refused' });
    expect(net('local').http({ method: 'GET', url: 'http://localhost/' })).not.toHaveProperty('error');
  });

  it('servers read files at request time: an edit inside the container shows at once', () => {
    run('web', { Image: 'nginx', Cmd: null });
    containerFs(d, container('web')).writeFile('/usr/share/nginx/html/index.html', '<h1>edited</h1>\n');
    expect(hostNet(d).http({ method: 'GET', url: `http://${ipOf('web')}/` })).toMatchObject({ status: 200, body: '<h1>edited</h1>\n' });
  });

  it('through the engine: curl from the host to a published nginx, and the access line in docker logs', () => {
    const engine = createEngine({ images: ['nginx:latest'] });
    engine.exec('docker run -d --name web -p 8080:80 nginx');
    const page = engine.hostNet().http({ method: 'GET', url: 'http://localhost:8080/', headers: { 'User-Agent': 'curl/8.5.0' } });
    expect(page).toMatchObject({ status: 200, headers: { Server: expect.stringMatching(/^nginx\/1\.\d+\.\d+$/) } });
    expect((page as { body: string }).body).toContain('<title>Welcome to nginx!</title>');
    const size = new TextEncoder().encode((page as { body: string }).body).length;
    expect(engine.exec('docker logs web').stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^172\\.17\\.0\\.1 - - \\[23/Nov/2026:12:00:00 \\+0000\\] "GET / HTTP/1\\.1" 200 ${size} "-" "curl/8\\.5\\.0" "-"$`));
    expect(engine.hostNet().http({ method: 'GET', url: 'http://localhost:8081/' })).toMatchObject({ error: 'refused' });
  });

  it('plain TCP: redis answers over a shared network; its keys outlive a restart (its /data volume)', () => {
    run('cache', { ...onNetwork('app'), Image: 'redis', Cmd: null });
    run('cli', onNetwork('app'));
    const ask = (...words: string[]) => net('cli').exchange!('cache', 6379, words);
    expect(ask('PING')).toEqual({ ip: ipOf('cache', 'app'), reply: { string: 'PONG' } });
    expect(ask('set', 'greeting', 'hello')).toMatchObject({ reply: { string: 'OK' } });
    expect(ask('get', 'greeting')).toMatchObject({ reply: { string: 'hello' } });
    expect(ask('get', 'nope')).toMatchObject({ reply: { nil: true } });
    expect(ask('bogus')).toMatchObject({ reply: { error: "ERR unknown command 'bogus', with args beginning with: " } });
    expect(net('cli').exchange!('cache', 6380, ['PING'])).toMatchObject({ error: 'refused' });
    // HTTP to a redis port: the server drops the connection
    expect(net('cli').http({ method: 'GET', url: 'http://cache:6379/' })).toMatchObject({ error: 'reset', port: 6379 });
    req('POST', '/containers/cache/restart');
    expect(ask('get', 'greeting')).toMatchObject({ reply: { string: 'hello' } });
  });

  it('through the engine: redis-cli reaches redis by name on a user network only', () => {
    const engine = createEngine({ images: ['redis:7-alpine'] });
    engine.exec('docker network create app-net');
    engine.exec('docker run -d --name cache --network app-net redis:7-alpine');
    const cli = (args: string, net = '--network app-net') => engine.exec(`docker run --rm ${net} redis:7-alpine redis-cli ${args}`);
    expect(cli('-h cache ping')).toMatchObject({ stdout: 'PONG\n', exit: 0 });
    expect(cli('-h cache incr visits')).toMatchObject({ stdout: '1\n', exit: 0 });
    expect(cli('-h cache ping', '')).toMatchObject({ stderr: 'Could not connect to Redis at cache:6379: Name or service not known\n', exit: 1 });
  });

  it('parses URLs as wget and curl take them', () => {
    expect(parseUrl('http://web:8080/a?b=1')).toEqual({ host: 'web', port: 8080, path: '/a?b=1' });
    expect(parseUrl('localhost:3000')).toEqual({ host: 'localhost', port: 3000, path: '/' });
    expect(parseUrl('http://x:99999/')).toBeUndefined();
  });
});
