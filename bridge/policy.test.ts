import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinePolicy } from './policy';

const workspace = mkdtempSync(join(tmpdir(), 'bridge-policy-'));
mkdirSync(join(workspace, 'site'));
symlinkSync('/etc', join(workspace, 'etc-link'));
const lessonUrl = 'http://127.0.0.1:4321/lessons/best-practices-security/';
const policy = new LinePolicy({ workspace, unsafe: false, maxLineLength: 200, lessonUrl });
const unsafe = new LinePolicy({ workspace, unsafe: true, maxLineLength: 200, lessonUrl });

const refusal = (line: string) => {
  const v = policy.check(line);
  return v.ok ? undefined : v.message;
};

describe('the bridge runs docker argv, never a shell line', () => {
  it('splits with the engine tokenizer and hands the words after docker to the CLI', () => {
    expect(policy.check(`docker run --rm busybox sh -c 'echo "a b"; ls'`)).toEqual({ ok: true, argv: ['run', '--rm', 'busybox', 'sh', '-c', 'echo "a b"; ls'], tty: false });
    expect(policy.check('docker run -it busybox sh')).toMatchObject({ ok: true, tty: true });
    expect(policy.check('docker exec -it web sh')).toMatchObject({ ok: true, tty: true });
  });

  it.each(['docker ps; touch /tmp/pwned', 'docker ps && rm -rf ~', 'docker ps | sh', 'docker ps > /tmp/x', 'docker run busybox echo $(id)', 'docker run busybox echo `id`'])(
    'refuses shell syntax: %s',
    (line) => expect(refusal(line)).toMatch(/without a shell/),
  );

  it('refuses what is not a docker command, and over-long lines', () => {
    expect(refusal('rm -rf /')).toMatch(/only docker commands run here.*: rm/);
    expect(refusal(`docker run busybox echo ${'x'.repeat(200)}`)).toMatch(/longer than 200 characters/);
    expect(refusal('docker -H tcp://10.0.0.1:2375 ps')).toMatch(/not another one/);
  });
});

describe('flags that hand a container the host are refused, with the lesson', () => {
  it.each([
    ['docker run --privileged busybox', /--privileged/],
    ['docker run --pid=host busybox', /--pid=host.*process namespace/],
    ['docker run --ipc host busybox', /--ipc=host/],
    ['docker run --uts=host busybox', /--uts=host/],
    ['docker run --userns=host busybox', /--userns=host/],
    ['docker create --cap-add SYS_ADMIN busybox', /--cap-add/],
    ['docker run --device /dev/sda busybox', /--device/],
    ['docker run --security-opt seccomp=unconfined busybox', /--security-opt/],
    ['docker exec --privileged web sh', /--privileged/],
    ['docker run -v /var/run/docker.sock:/var/run/docker.sock busybox', /Docker socket/],
    ['docker run -v /:/host busybox', /bind mount reaches \/, outside the workspace/],
    ['docker run -v ../:/up busybox', /outside the workspace/],
    ['docker run -v ./etc-link:/x busybox', /outside the workspace/],
    ['docker run --mount type=bind,source=/etc,target=/x busybox', /outside the workspace/],
    ['docker run --mount type=volume,target=/x,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/etc busybox', /host folder/],
    ['docker volume create --opt type=none --opt o=bind --opt device=/etc v', /host folder/],
    ['docker cp web:/etc/passwd /tmp/passwd', /outside the workspace/],
    ['docker build /', /outside the workspace/],
    ['docker run --env-file /etc/environment busybox', /--env-file/],
    ['docker compose run --privileged web', /--privileged/],
  ])('%s', (line, reason) => {
    const message = refusal(line);
    expect(message).toMatch(reason);
    expect(message).toContain(lessonUrl);
    expect(message).toContain('--unsafe');
    expect(unsafe.check(line).ok).toBe(true);
  });

  it('allows what stays inside the workspace, volumes, and container arguments that look like flags', () => {
    for (const line of [
      'docker run -v ./site:/usr/share/nginx/html busybox',
      `docker run -v ${workspace}/new-dir:/data busybox`,
      'docker run -v data:/data -v /anonymous busybox',
      'docker run --mount type=bind,src=site,target=/x busybox',
      'docker run --pid=container:web busybox',
      'docker run busybox ls --privileged',
      'docker cp web:/etc/hostname ./hostname',
      'docker build -t mine .',
      'docker run --help',
    ]) expect(policy.check(line), line).toMatchObject({ ok: true });
  });
});
