// The shell language: expansions, quoting, redirections, pipelines, control flow, builtins, and the
// planned timeline (output offsets, durations, endless programs). Expected texts are busybox's.
import { describe, expect, it } from 'vitest';
import { runShellCommand } from './run';
import { options, sh, texts } from './test/kit';

describe('quoting and expansion', () => {
  it('keeps quoted text whole and removes quotes', () => {
    expect(sh(`echo 'single quotes' "double" a\\ b "it's" '"q"'`).out).toBe(`single quotes double a b it's "q"\n`);
    expect(sh(`X='a  b'; echo $X "$X" '$X' \\$X`).out).toBe('a b a  b $X $X\n');
    expect(sh('echo "a\\"b" "\\$x" "\\q"').out).toBe('a"b $x \\q\n');
  });
  it('expands parameters: defaults, assignment, length, errors, alternatives, trimming', () => {
    expect(sh('X=; echo ${X:-def} ${X-set} ${Y:=yy} $Y ${#Y} ${Y:+alt}').out).toBe('def yy yy 2 alt\n');
    expect(sh('F=dir/file.tar.gz; echo ${F#*/} ${F##*.} ${F%.*} ${F%%.*}').out).toBe('file.tar.gz gz dir/file.tar dir/file\n');
    expect(sh('echo ${X?oops}; echo never')).toMatchObject({ out: '', err: 'sh: X: oops\n', code: 2 });
    expect(sh('unset X; echo ${X:?}').err).toBe('sh: X: parameter not set or null\n');
    expect(sh('echo ${X?}').err).toBe('sh: X: parameter not set\n');
  });
  it('knows the special parameters', () => {
    expect(sh('set -- a "b c" d; echo $# $2; for x in "$@"; do echo "[$x]"; done; echo "$*"').out).toBe('3 b c\n[a]\n[b c]\n[d]\na b c d\n');
    expect(sh('echo $$ $0; false; echo $?').out).toBe('1 sh\n1\n');
    expect(texts(runShellCommand(['sh', '-c', 'echo $0 $1 $#', 'name', 'one'], options())).out).toBe('name one 1\n');
  });
  it('substitutes commands and evaluates arithmetic', () => {
    expect(sh('echo $(echo "a  b") "$(echo "a  b")" `echo x`; echo $(( (1 + 2) * 3 )) $((7 / 2)) $((-7 % 3)) $((2 ** 10)) $((1 < 2 && 3))').out).toBe('a b a  b x\n9 3 -1 1024 1\n');
    expect(sh('i=1; i=$((i + 1)); : $((j = i * 5)); echo $i $j').out).toBe('2 10\n');
    expect(sh('x=$(false); echo $?; x=$(exit 7); echo $?').out).toBe('1\n7\n');
    expect(sh('echo $((1/0)); echo never')).toMatchObject({ out: '', err: 'sh: divide by zero\n', code: 2 });
  });
  it('splits unquoted expansions on IFS and globs over the file system', () => {
    expect(sh('L="1 2  3"; for i in $L; do echo $i; done; IFS=:; P=a:b; echo $P; for i in $P; do echo $i; done').out).toBe('1\n2\n3\na b\na\nb\n');
    expect(sh('mkdir /w; cd /w; touch b.txt a.txt .hidden c.log; echo *.txt; echo ?.log; echo [ab]*; echo "*.txt"; echo *.none').out).toBe('a.txt b.txt\nc.log\na.txt b.txt\n*.txt\n*.none\n');
    expect(sh('echo /bin/ca?').out).toBe('/bin/cal /bin/cat\n');
    expect(sh('cd /tmp; echo ~ ~/x', 'hub').out).toBe('/root /root/x\n');
  });
});

describe('redirections and pipelines', () => {
  it('writes, appends and reads files; reports what cannot be opened', () => {
    const r = sh('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; cat /tmp/f | wc -l');
    expect(r.out).toBe('one\ntwo\n2\n');
    expect(r.fs.readFile('/tmp/f')).toBe('one\ntwo\n');
    expect(sh('echo hi > /nope/x; echo $?')).toMatchObject({ err: "sh: can't create /nope/x: nonexistent directory\n", out: '1\n' });
    expect(sh('cat < /nope').err).toBe("sh: can't open /nope: no such file\n");
    expect(sh('echo > /etc').err).toBe("sh: can't create /etc: Is a directory\n");
  });
  it('moves streams between descriptors and to /dev/null', () => {
    expect(sh('echo out; echo err >&2')).toMatchObject({ out: 'out\n', err: 'err\n' });
    expect(sh('ls /nope 2>&1 | cat')).toMatchObject({ out: 'ls: /nope: No such file or directory\n', err: '' });
    expect(sh('ls /nope 2>/dev/null; echo $?')).toMatchObject({ out: '1\n', err: '' });
    expect(sh('{ echo a; echo b >&2; } >/dev/null 2>&1; echo c > /dev/stderr')).toMatchObject({ out: '', err: 'c\n' });
  });
  it('passes text through pipelines in subshells; the last status counts', () => {
    expect(sh('printf "b\\na\\nb\\n" | sort | uniq -c').out).toBe('      1 a\n      2 b\n');
    expect(sh('echo x | read v; echo "[$v]"; true | false; echo $?; ! false; echo $?').out).toBe('[]\n1\n0\n');
    expect(sh('echo a b | while read x y; do echo "$y $x"; done').out).toBe('b a\n');
  });
  it('reads here-documents, expanding unless the delimiter is quoted', () => {
    expect(sh('X=1; cat <<EOF\nx=$X\nEOF\ncat <<"EOF"\nx=$X\nEOF').out).toBe('x=1\nx=$X\n');
  });
});

describe('control flow, functions and builtins', () => {
  it('runs lists, conditionals, loops and case', () => {
    expect(sh('false && echo no || echo yes; true || echo no; echo after').out).toBe('yes\nafter\n');
    expect(sh('for x in 1 2 3; do if [ $x -eq 2 ]; then continue; fi; echo $x; done').out).toBe('1\n3\n');
    expect(sh('i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 3 ] && break; done; echo $i').out).toBe('3\n');
    expect(sh('until [ -f /tmp/x ]; do touch /tmp/x; echo made; done').out).toBe('made\n');
    expect(sh('for f in a.txt b.log c; do case $f in *.txt) echo text;; *.log|*.err) echo log;; *) echo other;; esac; done').out).toBe('text\nlog\nother\n');
  });
  it('calls functions with their own positional parameters and return status', () => {
    expect(sh('greet() { echo "hi $1"; return 3; }; greet bob; echo $? $#').out).toBe('hi bob\n3 0\n');
  });
  it('exit ends the shell with its status modulo 256; subshells only end themselves', () => {
    expect(sh('exit 3').code).toBe(3);
    expect(sh('exit 256').code).toBe(0);
    expect(sh('(exit 4); echo $?; echo before; exit; echo never')).toMatchObject({ out: '4\nbefore\n', code: 0 });
    expect(sh('exit -1')).toMatchObject({ err: 'sh: exit: line 0: Illegal number: -1\n', code: 2 });
    expect(sh('echo a\ncd /nope\nexit -1').err).toBe("sh: cd: line 1: can't cd to /nope: No such file or directory\nsh: exit: line 2: Illegal number: -1\n");
  });
  it('cd, pwd, export, unset, readonly, shift, set, type, command, eval, alias', () => {
    expect(sh('cd /tmp && pwd && cd .. && pwd; cd /nope; echo $?')).toMatchObject({ out: '/tmp\n/\n2\n', err: "sh: cd: line 0: can't cd to /nope: No such file or directory\n" });
    expect(sh('A=1; B=2 env | grep -c "^B="; export A; env | grep ^A=; unset A; echo "[$A]"').out).toBe('1\nA=1\n[]\n');
    expect(sh('readonly R=1; R=2; echo never')).toMatchObject({ err: 'sh: R: is read only\n', code: 2 });
    expect(sh('set -- a b c; shift; echo $@; shift 5; echo $?').out).toBe('b c\n1\n');
    expect(sh('type echo cat nosuch').out).toBe('echo is a shell builtin\ncat is cat\nnosuch: not found\n');
    expect(sh('command -v ls cd; eval "X=5; echo \\$X"; alias hi="echo hello"; hi').out).toBe('ls\ncd\n5\nhello\n');
    expect(sh('command -v ls', 'hub').out).toBe('/bin/ls\n');
  });
  it('test / [ compare strings and numbers and check files', () => {
    expect(sh('[ -d /tmp ] && [ ! -f /tmp ] && [ -e /bin/ls ] && [ -z "" ] && [ abc = abc ] && [ 3 -gt 2 ] && echo ok').out).toBe('ok\n');
    expect(sh('test a = ; echo $?').err).toBe('sh: =: argument expected\n');
    expect(sh('[ 1 -eq 1; echo $?')).toMatchObject({ err: 'sh: missing ]\n', out: '2\n' });
  });
  it('reports unknown commands like each shell', () => {
    expect(sh('foo; echo $?')).toMatchObject({ err: 'sh: foo: not found\n', out: '127\n' });
    expect(sh('./nope; /etc; echo $?')).toMatchObject({ err: 'sh: ./nope: not found\nsh: /etc: Permission denied\n', out: '126\n' });
    expect(sh('foo', 'debian').err).toBe('sh: 1: foo: not found\n');
    expect(sh('bash -c "foo"; bash -c "cd /nope"', 'debian').err).toBe('bash: line 1: foo: command not found\nbash: line 1: cd: /nope: No such file or directory\n');
  });
  it('words syntax errors per shell and exits 2', () => {
    expect(sh('if; fi')).toMatchObject({ err: 'sh: syntax error: unexpected ";"\n', code: 2 });
    expect(sh("echo 'x").err).toBe('sh: syntax error: unterminated quoted string\n');
    expect(sh('for i in 1; do').err).toBe('sh: syntax error: unexpected end of file (expecting "done")\n');
    expect(sh('if; fi', 'debian').err).toBe('sh: 1: Syntax error: ";" unexpected\n');
    expect(sh('echo "x', 'debian').err).toBe('sh: 1: Syntax error: Unterminated quoted string\n');
    expect(sh("bash -c 'if; fi'", 'debian').err).toBe("bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `if; fi'\n");
  });
  it('runs nested shells and shell scripts from the file system', () => {
    expect(sh('sh -c "exit 3"; echo $?').out).toBe('3\n');
    expect(sh('printf "#!/bin/sh\\necho script \\$1\\nexit 4\\n" > /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh arg; echo $?; sh /tmp/s.sh two').out).toBe('script arg\n4\nscript two\n');
    expect(sh('sh /nope').err).toBe("sh: can't open '/nope': No such file or directory\n");
  });
  it('set -e ends the script at an untested failure', () => {
    expect(sh('set -e; false || echo handled; if false; then :; fi; ! false; false && echo no; echo before; false; echo never')).toMatchObject({ out: 'handled\nbefore\n', code: 1 });
    expect(sh('set -- x y; echo $# $1').out).toBe('2 x\n');
  });
  it('kill -l lists signals as each shell does; $- and $PPID', () => {
    expect(sh('kill -l | head -2; echo $- $PPID').out).toBe(' 1) HUP\n 2) INT\nc 0\n');
    expect(sh('bash -c "kill -l | head -1"', 'debian').out).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n');
  });
  it('kill -0 checks that a process exists', () => {
    expect(sh('kill -0 1; echo $?; kill -0 5; echo $?')).toMatchObject({ out: '0\n1\n', err: "sh: can't kill pid 5: No such process\n" });
  });
  it('an EXIT trap runs at the end', () => {
    expect(sh('trap "echo bye" EXIT; echo hi; exit 2')).toMatchObject({ out: 'hi\nbye\n', code: 2 });
  });
});

describe('the timeline', () => {
  it('places output at the offsets sleeps reach and lasts as long', () => {
    const r = runShellCommand(['sh', '-c', 'echo a; sleep 1.5; printf b; sleep 1; echo c; exit 3'], options());
    expect(r.output).toEqual([{ at: 0, stream: 'stdout', text: 'a' }, { at: 1500, stream: 'stdout', text: 'bc' }]);
    expect([r.duration, r.code]).toEqual([2500, 3]);
  });
  it('a program that never ends makes the shell run for ever', () => {
    const r = runShellCommand(['sh', '-c', 'echo up; sleep infinity; echo never'], options());
    expect(r).toMatchObject({ output: [{ text: 'up' }], duration: Infinity });
  });
  it('an endless loop settles into repeating output; trapped signals exit with the handler', () => {
    const r = runShellCommand(['sh', '-c', 'trap "echo bye; exit 5" TERM; trap "" INT; echo start; while true; do echo tick; sleep 2; done'], options());
    expect(r.output).toEqual([{ at: 0, stream: 'stdout', text: 'start' }]);
    expect(r.repeat).toEqual({ from: 0, every: 2000, lines: [{ at: 0, stream: 'stdout', text: 'tick' }] });
    expect(r.signals).toEqual({ TERM: { code: 5, output: [{ at: 0, stream: 'stdout', text: 'bye' }] }, INT: 'ignore' });
  });
  it('a loop whose first iterations differ repeats from where it settles', () => {
    const r = runShellCommand(['sh', '-c', 'i=0; while true; do if [ $i -lt 2 ]; then echo warm $i; i=$((i+1)); else echo hot; fi; sleep 1; done'], options());
    expect(r.output.map((l) => `${l.at}:${l.text}`)).toEqual(['0:warm 0', '1000:warm 1']);
    expect(r.repeat).toEqual({ from: 2000, every: 1000, lines: [{ at: 0, stream: 'stdout', text: 'hot' }] });
  });
  it('PID 1 ignores its own untrapped signals; a trapped one runs its handler', () => {
    expect(sh('kill -9 $$; echo alive').out).toBe('alive\n');
    expect(sh('trap "echo got it" USR1; kill -USR1 $$; echo after').out).toBe('got it\nafter\n');
  });
  it('background jobs run without output or time', () => {
    expect(sh('sleep 100 & echo $!; touch /tmp/bg & wait; ls /tmp')).toMatchObject({ out: '2\nbg\n', duration: 0 });
  });
  it('holding big data costs memory and time', () => {
    const r = runShellCommand(['sh', '-c', 'x=$(head -c 20000000 /dev/zero | tr "\\0" a); echo ${#x}'], options());
    expect(texts(r).out).toBe('20000000\n');
    expect(r.memory).toBeGreaterThan(20_000_000);
    expect(r.output[0]!.at).toBeGreaterThan(40);
  });
});
