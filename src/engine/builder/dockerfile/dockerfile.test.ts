import { describe, expect, it } from 'vitest';
import { expand, expandWord } from './expand';
import { readDockerfile, type Instruction } from './instructions';
import { parseDockerfile } from './parse';

const only = (text: string): Instruction => readDockerfile(`FROM busybox\n${text}\n`).stages[0]!.instructions[0]!;
const parseError = (text: string): string => {
  try {
    readDockerfile(text);
  } catch (e) {
    return `${(e as Error).message} @${(e as { startLine: number }).startLine}`;
  }
  return 'no error';
};

describe('Dockerfile parser', () => {
  it('reads every instruction into its typed form', () => {
    const df = readDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=busybox',
        'FROM --platform=linux/amd64 ${BASE} AS Build',
        'RUN echo hi > /hi.txt',
        'RUN ["sh", "-c", "echo exec"]',
        'CMD ["node", "server.js"]',
        'ENTRYPOINT node server.js',
        'COPY --from=build --chown=1000:1000 --chmod=644 a.txt b.txt /app/',
        'ADD https://example.com/x.tgz /x',
        'ENV A=1 B="two words"',
        'ENV LEGACY some value',
        'ARG VERSION',
        'ARG FLAVOUR=slim',
        'WORKDIR /app',
        'EXPOSE 8080/udp 3000',
        'USER node',
        'LABEL org.example.a="b c" d=e',
        'VOLUME ["/data", "/logs"]',
        'VOLUME /cache',
        'HEALTHCHECK --interval=30s --retries=3 CMD wget -q -O- localhost:3000 || exit 1',
        'HEALTHCHECK NONE',
        'SHELL ["/bin/bash", "-c"]',
        'STOPSIGNAL SIGQUIT',
        'ONBUILD RUN echo triggered',
        'MAINTAINER someone',
      ].join('\n'),
    );
    expect(df.parsed.syntax).toBe('docker/dockerfile:1');
    expect(df.metaArgs[0]!.args).toEqual([{ key: 'BASE', value: 'busybox' }]);
    const [stage] = df.stages;
    expect(stage).toMatchObject({ name: 'build', baseName: '${BASE}', platform: 'linux/amd64' });
    const [run, runExec, cmd, entry, copy, add, env, legacy, argA, argB, workdir, expose, user, label, vol1, vol2, hc, hcNone, shell, stop, onbuild, maint] =
      stage!.instructions;
    expect(run).toMatchObject({ kind: 'RUN', cmd: ['echo hi > /hi.txt'], shellForm: true });
    expect(runExec).toMatchObject({ kind: 'RUN', cmd: ['sh', '-c', 'echo exec'], shellForm: false });
    expect(cmd).toMatchObject({ kind: 'CMD', cmd: ['node', 'server.js'], shellForm: false });
    expect(entry).toMatchObject({ kind: 'ENTRYPOINT', cmd: ['node server.js'], shellForm: true });
    expect(copy).toMatchObject({ kind: 'COPY', sources: ['a.txt', 'b.txt'], dest: '/app/', from: 'build', chown: '1000:1000', chmod: '644' });
    expect(add).toMatchObject({ kind: 'ADD', sources: ['https://example.com/x.tgz'], dest: '/x' });
    expect(env).toMatchObject({ kind: 'ENV', pairs: [['A', '1'], ['B', '"two words"']] });
    expect(legacy).toMatchObject({ kind: 'ENV', pairs: [['LEGACY', 'some value']] });
    expect(argA).toMatchObject({ kind: 'ARG', args: [{ key: 'VERSION' }] });
    expect(argB).toMatchObject({ kind: 'ARG', args: [{ key: 'FLAVOUR', value: 'slim' }] });
    expect(workdir).toMatchObject({ kind: 'WORKDIR', value: '/app' });
    expect(expose).toMatchObject({ kind: 'EXPOSE', values: ['3000', '8080/udp'] });
    expect(user).toMatchObject({ kind: 'USER', value: 'node' });
    expect(label).toMatchObject({ kind: 'LABEL', pairs: [['org.example.a', '"b c"'], ['d', 'e']] });
    expect(vol1).toMatchObject({ kind: 'VOLUME', values: ['/data', '/logs'] });
    expect(vol2).toMatchObject({ kind: 'VOLUME', values: ['/cache'] });
    expect(hc).toMatchObject({
      kind: 'HEALTHCHECK',
      health: { Test: ['CMD-SHELL', 'wget -q -O- localhost:3000 || exit 1'], Interval: 30e9, Retries: 3 },
    });
    expect(hcNone).toMatchObject({ kind: 'HEALTHCHECK', health: { Test: ['NONE'] } });
    expect(shell).toMatchObject({ kind: 'SHELL', shell: ['/bin/bash', '-c'] });
    expect(stop).toMatchObject({ kind: 'STOPSIGNAL', value: 'SIGQUIT' });
    expect(onbuild).toMatchObject({ kind: 'ONBUILD', expression: 'RUN echo triggered' });
    expect(maint).toMatchObject({ kind: 'MAINTAINER', value: 'someone' });
  });

  it('joins continuation lines, skipping comments and blank lines inside them', () => {
    const p = parseDockerfile('FROM busybox\nRUN echo a \\\n# a comment\n\n    && echo b\nCMD ["sh"]\n');
    expect(p.nodes[1]).toMatchObject({ original: 'RUN echo a     && echo b', startLine: 2, endLine: 5 });
    expect(p.nodes[2]!.startLine).toBe(6);
  });

  it('collects here-documents after RUN/COPY/ADD; line numbers go on after them', () => {
    const p = parseDockerfile('FROM busybox\nRUN <<EOF\necho a\n\techo b\nEOF\nCOPY <<-EOT /f\n\tx\nEOT\nCMD ["sh"]\n');
    expect(p.nodes[1]).toMatchObject({ heredocs: [{ name: 'EOF', content: 'echo a\n\techo b\n' }], startLine: 2, endLine: 5 });
    expect(p.nodes[2]).toMatchObject({ heredocs: [{ name: 'EOT', content: 'x\n' }], startLine: 6, endLine: 8 });
    expect(p.nodes[3]!.startLine).toBe(9);
  });

  it('honours the escape directive (backtick continuations)', () => {
    const p = parseDockerfile('# escape=`\nFROM busybox\nRUN echo a `\n  b\n');
    expect(p.escape).toBe('`');
    expect(p.nodes[1]!.original).toBe('RUN echo a   b');
  });

  it('treats directives after the first instruction or comment as comments', () => {
    const p = parseDockerfile('# a comment\n# escape=`\nFROM busybox\nRUN echo a \\\n b\n');
    expect(p.escape).toBe('\\');
    expect(p.nodes[1]!.original).toBe('RUN echo a  b');
  });

  it('accepts instruction keywords in any case and shows them as typed', () => {
    const df = readDockerfile('from busybox as base\nrun echo hi\n');
    expect(df.stages[0]!.name).toBe('base');
    expect(df.stages[0]!.instructions[0]).toMatchObject({ kind: 'RUN', node: { original: 'run echo hi' } });
  });

  it.each([
    ['FROM busybox\nRUN echo ok\nRUNN echo typo\n', 'dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?) @3'],
    ['FROM busybox\nfrob x\n', 'dockerfile parse error on line 2: unknown instruction: frob (did you mean from?) @2'],
    ['FROM busybox\nBANANA x\n', 'dockerfile parse error on line 2: unknown instruction: BANANA @2'],
    ['FROM busybox AS\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments @1'],
    ['FROM busybox AS 1st\n', `dockerfile parse error on line 1: invalid name for build stage: "1st", name can't start with a number or contain symbols @1`],
    ['FROM busybox\nCOPY onlyone\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined @2'],
    ['FROM busybox\nENV\n', 'dockerfile parse error on line 2: ENV requires at least one argument @2'],
    ['FROM busybox\nENV A\n', 'ENV must have two arguments @2'],
    ['FROM busybox\nENV A=1 B\n', `Syntax error - can't find = in "B". Must be of the form: name=value @2`],
    ['FROM busybox\nWORKDIR\n', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument @2'],
    ['FROM busybox\nEXPOSE\n', 'dockerfile parse error on line 2: EXPOSE requires at least one argument @2'],
    ['FROM busybox\nCOPY --form=x a b\n', 'dockerfile parse error on line 2: unknown flag: form (did you mean from?) @2'],
    ['FROM busybox\nCOPY --from a b\n', 'dockerfile parse error on line 2: missing a value on flag: from @2'],
    ['FROM busybox\nSHELL /bin/bash -c\n', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form @2'],
    ['FROM busybox\nHEALTHCHECK RUN x\n', 'dockerfile parse error on line 2: Unknown type "RUN" in HEALTHCHECK (try CMD) @2'],
    ['FROM busybox\nHEALTHCHECK --interval=abc CMD x\n', 'dockerfile parse error on line 2: time: invalid duration "abc" @2'],
    ['FROM busybox\nONBUILD FROM x\n', "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger @2"],
    ['RUN echo no stage\n', 'no build stage in current context @1'],
    ['# just a comment\n\n', 'file with no instructions @0'],
    ['# escape=x\nFROM busybox\n', "invalid escape token 'x' does not match ` or \\ @1"],
  ])('%j → %s', (text, expected) => {
    expect(parseError(text)).toBe(expected);
  });

  it('keeps exec form only for valid JSON string arrays', () => {
    expect(only('CMD ["a", 1]')).toMatchObject({ shellForm: true, cmd: ['["a", 1]'] });
    expect(only("CMD ['a']")).toMatchObject({ shellForm: true });
  });
});

describe('variable substitution', () => {
  const vars: Record<string, string> = { A: 'one', EMPTY: '', DIR: '/app' };
  const lookup = (k: string) => vars[k];
  it.each([
    ['$A', 'one'],
    ['${A}x', 'onex'],
    ['${MISSING:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${A:+alt}', 'alt'],
    ['${MISSING:+alt}', ''],
    ['"$DIR/sub dir"', '/app/sub dir'],
    ["'$A'", '$A'],
    ['\\$A', '$A'],
    ['$MISSING', ''],
    ['a$', 'a$'],
  ])('%s → %j', (word, value) => {
    expect(expand(word, lookup)).toBe(value);
  });
  it('reports the variables a word uses', () => {
    expect(expandWord('$A-${B:-x}', lookup).used).toEqual(['A', 'B']);
  });
  it('can keep quotes and unknown variables (step names)', () => {
    expect(expandWord('echo "$A" $HOME', lookup, '\\', { keepQuotes: true, keepUnknown: true }).value).toBe('echo "one" $HOME');
  });
  it('fails on ${VAR:?}', () => {
    expect(() => expand('${MISSING:?must be set}', lookup)).toThrow('MISSING: must be set');
  });
});
