// Applets against what the real tools print: busybox texts recorded from the course machine's
// busybox:latest (busybox-static 1.35), coreutils/iputils texts from Debian 12.
import { describe, expect, it } from 'vitest';
import { runShellCommand } from '../run';
import { T0, options, sh, texts } from '../test/kit';

describe('files (busybox)', () => {
  it('ls lists names, long formats, directories and errors', () => {
    expect(sh('ls /').out).toBe('bin\netc\ntmp\n');
    expect(sh('ls -ld /tmp').out).toBe('drwxr-xr-x    2 0        0             4096 Nov 23 10:30 /tmp\n');
    expect(sh('ls -l /bin/ls').out).toBe('lrwxrwxrwx    1 0        0                7 Nov 23 10:30 /bin/ls -> busybox\n');
    expect(sh('ls -lh /bin/busybox').out).toBe('-rwxr-xr-x    1 0        0             1.9M Nov 23 10:30 /bin/busybox\n');
    expect(sh('ls -la /tmp').out).toBe('total 8\ndrwxr-xr-x    2 0        0             4096 Nov 23 10:30 .\ndrwxr-xr-x    2 0        0             4096 Nov 23 10:30 ..\n');
    expect(sh('ls /root /home; echo $?')).toMatchObject({ err: 'ls: /root: No such file or directory\nls: /home: No such file or directory\n', out: '1\n' });
    expect(sh('mkdir -p /a/b && touch /a/f && ls /a /tmp /a/f').out).toBe('/a/f\n\n/a:\nb\nf\n\n/tmp:\n');
    expect(sh('mkdir -p /a/b && ls -R /a').out).toBe('/a:\nb\n\n/a/b:\n');
    expect(sh('ls -d /tmp /etc').out).toBe('/etc\n/tmp\n');
  });
  it('ls -l names owners from /etc/passwd when the image has one', () => {
    expect(sh('ls -ld /root', 'hub').out).toBe('drwx------    2 root     root          4096 Nov 23 10:30 /root\n');
  });
  it('cat, mkdir, rm, rmdir, touch, cp, mv, ln, chmod and their errors', () => {
    expect(sh('echo hi > /tmp/f; cat /tmp/f /nope /tmp/f; echo $?')).toMatchObject({ out: 'hi\nhi\n1\n', err: "cat: can't open '/nope': No such file or directory\n" });
    expect(sh('cat /etc').err).toBe('cat: read error: Is a directory\n');
    expect(sh('mkdir /tmp; mkdir /a/b').err).toBe("mkdir: can't create directory '/tmp': File exists\nmkdir: can't create directory '/a/b': No such file or directory\n");
    expect(sh('rm /x; rm /tmp; rm -f /x; echo $?')).toMatchObject({ err: "rm: can't remove '/x': No such file or directory\nrm: '/tmp' is a directory\n", out: '0\n' });
    expect(sh('mkdir -p /d/e; touch /d/e/f; rm -r /d; ls /').out).toBe('bin\netc\ntmp\n');
    expect(sh('mkdir /e; touch /e/f; rmdir /x; rmdir /e').err).toBe("rmdir: '/x': No such file or directory\nrmdir: '/e': Directory not empty\n");
    expect(sh('touch /nope/x').err).toBe('touch: /nope/x: No such file or directory\n');
    expect(sh('cp /x /y; cp /tmp /x; mv /x /y').err).toBe("cp: can't stat '/x': No such file or directory\ncp: omitting directory '/tmp'\nmv: can't rename '/x': No such file or directory\n");
    const r = sh('echo data > /tmp/a; cp /tmp/a /tmp/b; mkdir /c; cp -r /tmp /c/; mv /tmp/b /tmp/m; ln -s /tmp/a /tmp/l; cat /tmp/l /c/tmp/a; ls /tmp');
    expect(r.out).toBe('data\ndata\na\nl\nm\n');
    expect(sh('touch /tmp/x; chmod 750 /tmp/x; ls -l /tmp/x; chmod u-w,o+r /tmp/x; stat -c %A /tmp/x; chmod 1 /nope').out).toBe('-rwxr-x---    1 0        0                0 Nov 23 11:30 /tmp/x\n-r-xr-xr--\n');
    expect(sh('chmod 777 /nope').err).toBe('chmod: /nope: No such file or directory\n');
  });
  it('find, du, stat, basename, dirname, readlink', () => {
    expect(sh('mkdir -p /w/s; touch /w/a.txt /w/s/b.txt; find /w; find /w -name "*.txt" -type f; find /nope').out).toBe('/w\n/w/a.txt\n/w/s\n/w/s/b.txt\n/w/a.txt\n/w/s/b.txt\n');
    expect(sh('find /nope').err).toBe('find: /nope: No such file or directory\n');
    expect(sh('echo hi > /tmp/h; du /tmp/h; du -h /tmp/h; du -s /tmp').out).toBe('4\t/tmp/h\n4.0K\t/tmp/h\n8\t/tmp\n');
    expect(sh('basename /a/b.txt .txt; basename /a/b/; dirname /a/b; dirname b; readlink /bin/sh').out).toBe('b\nb\n/a\n.\nbusybox\n');
    expect(sh('stat /tmp').out).toMatch(/^ {2}File: \/tmp\n {2}Size: 4096 +\tBlocks: 8 +IO Block: 4096 {3}directory\nAccess: \(0755\/drwxr-xr-x\) {2}Uid: \( {4}0\/ UNKNOWN\) {3}Gid: \( {4}0\/ UNKNOWN\)\n/);
  });
});

describe('files (coreutils)', () => {
  it('words errors as coreutils does', () => {
    expect(sh('ls /x; echo $?', 'debian')).toMatchObject({ err: "ls: cannot access '/x': No such file or directory\n", out: '2\n' });
    expect(sh('cat /x; rm /x; mkdir /tmp; touch /n/x; rmdir /x', 'debian').err).toBe(
      "cat: /x: No such file or directory\nrm: cannot remove '/x': No such file or directory\nmkdir: cannot create directory '/tmp': File exists\ntouch: cannot touch '/n/x': No such file or directory\nrmdir: failed to remove '/x': No such file or directory\n",
    );
    expect(sh('head /x; tail /x', 'debian').err).toBe("head: cannot open '/x' for reading: No such file or directory\ntail: cannot open '/x' for reading: No such file or directory\n");
  });
  it('ls -l aligns columns to the widest cell and names owners', () => {
    expect(sh('cd /tmp; touch a; echo 12345 > bb; ls -l', 'debian').out).toBe('total 4\n-rw-r--r-- 1 root root 0 Nov 23 11:30 a\n-rw-r--r-- 1 root root 6 Nov 23 11:30 bb\n');
    expect(sh('cd /tmp; echo 1234567890 > big; touch s; ls -l', 'debian').out).toBe('total 4\n-rw-r--r-- 1 root root 11 Nov 23 11:30 big\n-rw-r--r-- 1 root root  0 Nov 23 11:30 s\n');
  });
});

describe('text filters', () => {
  it('head, tail, wc, sort, uniq, cut, tr, tee, seq', () => {
    expect(sh('seq 5 | head -n 2; seq 5 | tail -n 2; seq 5 | tail -n +4; seq 3 | head -2').out).toBe('1\n2\n4\n5\n4\n5\n1\n2\n');
    expect(sh('echo a b | wc; printf "x\\ny\\n" | wc -l; echo hi > /tmp/f; wc -c /tmp/f').out).toBe('        1         2         4\n2\n3 /tmp/f\n');
    expect(sh('printf "b 2\\na 10\\nc 1\\n" | sort; printf "b 2\\na 10\\nc 1\\n" | sort -k2 -n; printf "3\\n1\\n2\\n" | sort -rn').out).toBe('a 10\nb 2\nc 1\nc 1\nb 2\na 10\n3\n2\n1\n');
    expect(sh('printf "a\\na\\nb\\n" | uniq; printf "a\\na\\nb\\n" | uniq -d').out).toBe('a\nb\na\n');
    expect(sh('echo root:x:0:0 | cut -d: -f1,3; echo abcdef | cut -c2-4').out).toBe('root:0\nbcd\n');
    expect(sh('echo hello | tr a-z A-Z; echo "a  b" | tr -s " "; echo abc | tr -d b').out).toBe('HELLO\na b\nac\n');
    expect(sh('echo x | tee /tmp/t >/dev/null; cat /tmp/t; seq 2 2 6; seq -s, 3').out).toBe('x\n2\n4\n6\n1,2,3\n');
    expect(sh('tail -n 1 /nope').err).toBe("tail: can't open '/nope': No such file or directory\ntail: no files\n");
    expect(sh('sort /nope; echo $?')).toMatchObject({ err: 'sort: /nope: No such file or directory\n', out: '2\n' });
  });
  it('grep with -i -v -n -c -q -E -r and exit codes', () => {
    const files = 'mkdir /g; printf "apple\\nBanana\\ncherry\\n" > /g/f; echo banana split > /g/h; ';
    expect(sh(files + 'grep an /g/f; grep -i an /g/f; grep -v an /g/f; grep -n e /g/f; grep -c a /g/f').out).toBe('Banana\nBanana\napple\ncherry\n1:apple\n3:cherry\n2\n');
    expect(sh(files + 'grep -E "^(a|c)" /g/f; grep -r banana /g; grep -q x /g/f; echo $?; grep x /nope; echo $?').out).toBe('apple\ncherry\n/g/h:banana split\n1\n2\n');
    expect(sh('grep x /nope').err).toBe('grep: /nope: No such file or directory\n');
    expect(sh('echo a.b | grep "a\\.b"; echo aXb | grep -c "a.b"; echo "x(y" | grep "x(y"').out).toBe('a.b\n1\nx(y\n');
  });
  it('sed substitutes, prints and deletes; xargs runs commands', () => {
    expect(sh('echo hello hello | sed s/l/L/; echo hello | sed "s/l/L/g"; printf "a\\nb\\n" | sed -n 2p; printf "a\\nb\\n" | sed /a/d; echo ab | sed -E "s/(a)(b)/\\2\\1/"').out).toBe('heLlo hello\nheLLo\nb\nb\nba\n');
    expect(sh('echo hi > /tmp/s; sed -i s/hi/ho/ /tmp/s; cat /tmp/s; echo a b | xargs echo x; printf "1\\n2\\n" | xargs -n 1 echo n').out).toBe('ho\nx a b\nn 1\nn 2\n');
  });
});

describe('system', () => {
  it('env, printenv, hostname, id, whoami as the image allows', () => {
    expect(sh('env').out).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOME=/\nHOSTNAME=3f2a9c1e7b4d\n');
    expect(sh('env -i A=1 env; X=2 env | grep X').out).toBe('A=1\nX=2\n');
    expect(sh('printenv HOME; echo $?')).toMatchObject({ err: 'sh: printenv: not found\n', out: '127\n' });
    expect(sh('printenv HOME NOPE; echo $?', 'hub').out).toBe('/root\n1\n');
    expect(sh('hostname; id; whoami')).toMatchObject({ out: '3f2a9c1e7b4d\nuid=0 gid=0 groups=0\n', err: 'whoami: unknown uid 0\n' });
    expect(sh('id; whoami', 'hub').out).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\n');
    expect(sh('id -u; id', 'debian').out).toBe('0\nuid=0(root) gid=0(root) groups=0(root)\n');
  });
  it('ps in busybox and procps formats from the process table', () => {
    expect(sh('ps').out).toBe('PID   USER     COMMAND\n    1 root     sh\n');
    expect(sh('ps', 'hub').out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n');
    expect(sh('ps -o pid,comm', 'hub').out).toBe('  PID COMMAND\n    1 sh\n');
    expect(sh('ls /bin/ps', 'debian').code).toBe(2);
  });
  it('date, uname, sleep, nproc, df, free, which', () => {
    expect(sh('date; date -u +%Y-%m-%dT%H:%M:%S; sleep 2; date +%s').out).toBe(`Mon Nov 23 11:30:00 UTC 2026\n2026-11-23T11:30:00\n${T0 / 1000 + 2}\n`);
    expect(sh('uname; uname -m; uname -s -r; uname -a').out).toMatch(/^Linux\nx86_64\nLinux 6\.8\.0-generic\nLinux 3f2a9c1e7b4d 6\.8\.0-generic #1 SMP .* x86_64 GNU\/Linux\n$/);
    expect(sh('sleep x; sleep').err).toBe("sleep: invalid number 'x'\nsleep: missing operand\n");
    expect(sh('df -h /').out.split('\n')[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
    expect(sh('df').out.split('\n')[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(sh('free').out.split('\n')[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(sh('nproc; which ls nope; echo $?').out).toBe('4\n/bin/ls\n1\n');
  });
  it('kill goes through the process table', () => {
    const kills: string[] = [];
    const opts = options();
    opts.sys.kill = (pid, sig) => (kills.push(`${pid}:${sig}`), pid === 7 ? '' : 'No such process');
    const r = texts(runShellCommand(['sh', '-c', 'kill 7; kill -9 7; kill -s HUP 7; kill 999; echo $?; kill -9'], opts));
    expect(kills).toEqual(['7:TERM', '7:KILL', '7:HUP', '999:TERM']);
    expect(r).toMatchObject({ out: '1\n', err: "sh: can't kill pid 999: No such process\nsh: you need to specify whom to kill\n" });
  });
});

describe('network', () => {
  it('busybox ping with -c: replies a second apart, then statistics', () => {
    const r = runShellCommand(['sh', '-c', 'ping -c 2 db'], options());
    expect(r.output.map((l) => `${l.at}:${l.text}`)).toEqual([
      '0:PING db (172.18.0.3): 56 data bytes',
      '0:64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.081 ms',
      '1000:64 bytes from 172.18.0.3: seq=1 ttl=64 time=0.081 ms',
      '1000:',
      '1000:--- db ping statistics ---',
      '1000:2 packets transmitted, 2 packets received, 0% packet loss',
      '1000:round-trip min/avg/max = 0.081/0.081/0.081 ms',
    ]);
    expect(r.code).toBe(0);
  });
  it('ping errors: bad address, unreachable, no reply', () => {
    expect(sh('ping -c 1 db2')).toMatchObject({ err: "ping: bad address 'db2'\n", code: 1 });
    expect(sh('ping -c 1 8.8.8.8')).toMatchObject({ out: 'PING 8.8.8.8 (8.8.8.8): 56 data bytes\n', err: 'ping: sendto: Network is unreachable\n', code: 1 });
    expect(sh('ping -c 2 lost')).toMatchObject({ out: 'PING lost (172.18.0.9): 56 data bytes\n\n--- lost ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n', code: 1 });
  });
  it('ping without -c keeps going, one line a second', () => {
    const r = runShellCommand(['sh', '-c', 'ping db'], options());
    expect(r.duration).toBe(Infinity);
    expect(r.output.slice(0, 4).map((l) => `${l.at}:${l.text}`)).toEqual(['0:PING db (172.18.0.3): 56 data bytes', '0:64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.081 ms', '1000:64 bytes from 172.18.0.3: seq=1 ttl=64 time=0.081 ms', '2000:64 bytes from 172.18.0.3: seq=2 ttl=64 time=0.081 ms']);
  });
  it('iputils ping on Debian-style userlands', () => {
    const opts = options('debian');
    opts.sys.fs.writeFile('/usr/bin/ping', '\x7fELF', { mode: 0o755 });
    const r = texts(runShellCommand(['sh', '-c', 'ping -c 1 db; ping -c 1 nosuch'], opts));
    expect(r.out).toBe('PING db (172.18.0.3) 56(84) bytes of data.\n64 bytes from 172.18.0.3: icmp_seq=1 ttl=64 time=0.081 ms\n\n--- db ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.081/0.081/0.081/0.000 ms\n');
    expect(r.err).toBe('ping: nosuch: Name or service not known\n');
  });
  it('wget: progress on stderr, body to a file or stdout, errors', () => {
    const r = sh('cd /tmp; wget http://db/; cat index.html; wget -q -O - http://db/page');
    expect(r.err).toBe("Connecting to db (172.18.0.3:80)\nsaving to 'index.html'\nindex.html           100% |********************************|     6  0:00:00 ETA\n'index.html' saved\n");
    expect(r.out).toBe('hello\nhello\n');
    expect(sh('wget -q http://nosuch/').err).toBe("wget: bad address 'nosuch'\n");
    expect(sh('wget -q -O - http://closed/')).toMatchObject({ err: "wget: can't connect to remote host (172.18.0.4): Connection refused\n", code: 1 });
    expect(sh('wget -q -O - http://db/missing').err).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
  });
  it('curl: body, headers, output files and error codes', () => {
    const opts = options('debian');
    opts.sys.fs.writeFile('/usr/bin/curl', '\x7fELF', { mode: 0o755 });
    const run = (script: string) => texts(runShellCommand(['sh', '-c', script], opts));
    expect(run('curl http://db/')).toMatchObject({ out: 'hello\n', code: 0 });
    expect(run('curl -sI db').out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Length: 6\r\n\r\n');
    expect(run('curl http://nosuch/')).toMatchObject({ err: 'curl: (6) Could not resolve host: nosuch\n', code: 6 });
    expect(run('curl -s http://closed/')).toMatchObject({ err: '', code: 7 });
    expect(run('curl http://closed:8080/').err).toBe("curl: (7) Failed to connect to closed port 8080 after 0 ms: Couldn't connect to server\n");
    expect(run('curl -sf http://db/missing; echo $?').out).toBe('22\n');
    expect(run('cd /tmp; curl -s -o page http://db/; curl -sO http://db/x.html; cat page x.html').out).toBe('hello\nhello\n');
    expect(sh('curl http://db/').err).toBe('sh: curl: not found\n');
  });
  it('nslookup against the configured server', () => {
    expect(sh('nslookup db').out).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tdb\nAddress: 172.18.0.3\n\nNon-authoritative answer:\n*** Can't find db: No answer\n\n");
    expect(sh('nslookup nosuch')).toMatchObject({ out: "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n", code: 1 });
  });
  it('package managers explain that there is no network', () => {
    const opts = options('debian');
    opts.sys.fs.writeFile('/usr/bin/apt-get', '\x7fELF', { mode: 0o755 });
    const r = texts(runShellCommand(['sh', '-c', 'apt-get install -y curl'], opts));
    expect(r.code).toBe(100);
    expect(r.err).toContain('E: Unable to locate package curl');
    expect(r.err).toContain('no network to package mirrors');
  });
});

describe('accounts', () => {
  it('groupadd and useradd (Debian) add system accounts counting down from 999, errors as shadow-utils', () => {
    const r = sh('groupadd --system app && useradd --system --gid app --no-create-home app; tail -1 /etc/group; tail -1 /etc/passwd; useradd app; echo $?; useradd -g nope x; echo $?; useradd -m bob; tail -1 /etc/passwd; ls -ld /home/bob', 'debian');
    expect(r.out).toBe('app:x:999:\napp:x:999:999::/home/app:/bin/sh\n9\n6\nbob:x:1000:1000::/home/bob:/bin/sh\ndrwxr-xr-x 2 bob bob 4096 Nov 23 11:30 /home/bob\n');
    expect(r.err).toBe("useradd: user 'app' already exists\nuseradd: group 'nope' does not exist\n");
  });
  it('addgroup and adduser (busybox) count system ids up from 100 and create the home unless -H', () => {
    const r = sh('addgroup -S app && adduser -S -D -H -G app app; tail -1 /etc/group; tail -1 /etc/passwd; adduser -D bob; tail -1 /etc/passwd; ls -d /home/bob; adduser -D bob; echo $?', 'hub');
    expect(r.out).toBe('app:x:101:\napp:x:100:101:Linux User,,,:/home/app:/sbin/nologin\nbob:x:1000:1000:Linux User,,,:/home/bob:/bin/sh\n/home/bob\n1\n');
    expect(r.err).toBe("adduser: user 'bob' in use\n");
  });
});
