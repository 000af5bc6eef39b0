import { describe, expect, it } from 'vitest';
import { newDaemon } from '../../cli/commands/system/harness.test-util';
import { parseNormalizedNamed } from '../../registry/reference';
import { findImage, getImage, tagImage } from './store';

describe('image lookup (moby GetImage rules)', () => {
  const d = newDaemon(['busybox:latest', 'alpine:3.22']);
  const images = d.state.images;
  const busybox = findImage(images, 'busybox')!;
  const alpine = findImage(images, 'alpine:3.22')!;

  it('resolves names with the default tag, IDs and ID prefixes', () => {
    expect(findImage(images, 'busybox:latest')).toBe(busybox);
    expect(findImage(images, 'docker.io/library/busybox')).toBe(busybox);
    expect(findImage(images, busybox.id)).toBe(busybox);
    expect(findImage(images, busybox.id.slice(7))).toBe(busybox);
    expect(findImage(images, busybox.id.slice(7, 11))).toBe(busybox);
    expect(findImage(images, busybox.id.slice(0, 14))).toBe(busybox);
    expect(findImage(images, 'alpine')).toBeUndefined();
    expect(findImage(images, `alpine@${alpine.repoDigests[0]!.split('@')[1]}`)).toBe(alpine);
  });
  it('prefers a tag over an ID prefix that looks the same', () => {
    const prefix = alpine.id.slice(7, 13);
    tagImage(images, busybox, parseNormalizedNamed(`${prefix}:latest`), d.now());
    expect(findImage(images, prefix)).toBe(busybox);
  });
  it('words the errors like the daemon', () => {
    expect(() => getImage(images, 'nosuch')).toThrow('No such image: nosuch:latest');
    expect(() => getImage(images, 'nosuch:1.0')).toThrow('No such image: nosuch:1.0');
    expect(() => getImage(images, 'UPPER')).toThrow(
      'invalid reference format: repository name (library/UPPER) must be lowercase',
    );
  });
});

describe('snapshot and restore', () => {
  it('keep images, pushed repositories and logins', () => {
    const d = newDaemon(['busybox:latest']);
    d.api.request({ method: 'POST', path: '/auth', body: { username: 'learner', password: 'pw' } });
    d.api.request({ method: 'POST', path: `/images/busybox/tag`, query: { repo: 'learner/app', tag: '1' } });
    d.api.request({
      method: 'POST',
      path: `/images/${encodeURIComponent('docker.io/learner/app')}/push`,
      query: { tag: '1' },
    });
    const snap = JSON.parse(JSON.stringify(d.snapshot()));
    const e = newDaemon();
    e.restore(snap);
    expect(e.state.images).toEqual(d.state.images);
    expect(e.state.images.hub.logins).toEqual({ 'https://index.docker.io/v1/': 'learner' });
    expect(Object.keys(e.state.images.hub.repositories)).toEqual(['docker.io/learner/app']);
  });
});
