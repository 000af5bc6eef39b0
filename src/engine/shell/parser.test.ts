import { describe, expect, it } from 'vitest';
import { parse } from './parser';
import { ShellSyntaxError, type Command } from './syntax';

const first = (src: string): Command => parse(src)[0]!.andOr.first.cmds[0]!;
const problem = (src: string) => {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ...e.problem, line: e.line };
    throw e;
  }
  return undefined;
};

describe('parser', () => {
  it('keeps words raw and splits assignments, words and redirections', () => {
    expect(first(`A=1 B="x y" echo "$A" 'b c' 2>/dev/null >out`)).toEqual({
      type: 'simple',
      assigns: ['A=1', 'B="x y"'],
      words: ['echo', '"$A"', "'b c'"],
      redirs: [{ fd: 2, op: '>', target: '/dev/null' }, { fd: null, op: '>', target: 'out' }],
      line: 1,
    });
    expect(first('echo $(ls "a b") `x` ${A:-a b} $((1 + 2))')).toMatchObject({ words: ['echo', '$(ls "a b")', '`x`', '${A:-a b}', '$((1 + 2))'] });
  });
  it('builds lists, and/or chains, pipelines, negation and background', () => {
    const list = parse('a | b && ! c || d & e; f');
    expect(list).toHaveLength(3);
    expect(list[0]!.background).toBe(true);
    expect(list[0]!.andOr.first.cmds).toHaveLength(2);
    expect(list[0]!.andOr.rest.map((r) => [r.op, r.pipeline.bang])).toEqual([['&&', true], ['||', false]]);
  });
  it('parses compound commands and function definitions', () => {
    expect(first('if a; then b; elif c; then d; else e; fi')).toMatchObject({ type: 'if', clauses: [{}, {}], otherwise: [{}] });
    expect(first('for i in 1 2; do echo $i; done')).toMatchObject({ type: 'for', name: 'i', items: ['1', '2'] });
    expect(first('for i; do :; done')).toMatchObject({ type: 'for', items: null });
    expect(first('until false; do :; done')).toMatchObject({ type: 'loop', until: true });
    expect(first('case $x in a|b) echo ab;; (*) echo other;; esac')).toMatchObject({ type: 'case', arms: [{ patterns: ['a', 'b'] }, { patterns: ['*'] }] });
    expect(first('f() { echo hi; }')).toMatchObject({ type: 'func', name: 'f', body: { type: 'group', subshell: false } });
    expect(first('(cd /tmp; ls) > out')).toMatchObject({ type: 'group', subshell: true, redirs: [{ op: '>' }] });
  });
  it('reads here-documents after the line, quoted delimiters turning expansion off', () => {
    expect(first('cat <<EOF\nhello $X\nEOF\n')).toMatchObject({ redirs: [{ op: '<<', heredoc: { body: 'hello $X\n', expand: true } }] });
    expect(first("cat <<-'E'\n\tkeep $X\n\tE\n")).toMatchObject({ redirs: [{ heredoc: { body: 'keep $X\n', expand: false } }] });
  });
  it('reports what it did not expect, with the line', () => {
    expect(problem('if; fi')).toEqual({ kind: 'unexpected', token: ';', line: 1 });
    expect(problem('echo ok\nfi')).toEqual({ kind: 'unexpected', token: 'fi', line: 2 });
    expect(problem('for i in 1; do')).toEqual({ kind: 'unexpected', token: 'end of file', expecting: 'done', line: 1 });
    expect(problem('while')).toEqual({ kind: 'unexpected', token: 'end of file', expecting: 'do', line: 1 });
    expect(problem('&& x')).toEqual({ kind: 'unexpected', token: '&&', line: 1 });
    expect(problem('echo >')).toEqual({ kind: 'unexpected', token: 'end of file', line: 1 });
    expect(problem("echo 'open")).toEqual({ kind: 'unterminated', quote: "'", line: 1 });
    expect(problem('echo "open')).toEqual({ kind: 'unterminated', quote: '"', line: 1 });
  });
  it('ignores comments and joins backslash-newlines', () => {
    expect(parse('# nothing\necho a # b\n')).toHaveLength(1);
    // a backslash-newline inside a word stays in its raw text; expansion removes it
    expect(first('echo a\\\nb')).toMatchObject({ words: ['echo', 'a\\\nb'] });
  });
});
