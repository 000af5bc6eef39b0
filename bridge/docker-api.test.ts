import { describe, expect, it } from 'vitest';
import { DockerApi, dockerEndpoint } from './docker-api';

describe('finding the engine as the docker CLI does', () => {
  it('reads unix:// and tcp:// DOCKER_HOST values, with the default socket otherwise', () => {
    expect(dockerEndpoint('unix:///run/user/1000/docker.sock')).toEqual({ label: 'unix:///run/user/1000/docker.sock', socketPath: '/run/user/1000/docker.sock' });
    expect(dockerEndpoint('tcp://10.0.0.5:2376')).toEqual({ label: 'tcp://10.0.0.5:2376', hostname: '10.0.0.5', port: 2376 });
    expect(dockerEndpoint('tcp://docker')).toMatchObject({ hostname: 'docker', port: 2375 });
    const saved = process.env.DOCKER_HOST;
    delete process.env.DOCKER_HOST;
    expect(dockerEndpoint()).toMatchObject({ socketPath: '/var/run/docker.sock' });
    if (saved !== undefined) process.env.DOCKER_HOST = saved;
  });

  it('says which forms it understands, and the engine is then unreachable (the site still serves)', async () => {
    const api = new DockerApi(dockerEndpoint('ssh://me@host'));
    expect(await api.status()).toEqual({ reachable: false, host: 'ssh://me@host', help: 'DOCKER_HOST=ssh://me@host: the bridge understands unix:// and tcp:// (without TLS). The simulator keeps working.' });
    await expect(api.get('/containers/json')).rejects.toThrow(/unix:\/\/ and tcp:\/\//);
  });
});
