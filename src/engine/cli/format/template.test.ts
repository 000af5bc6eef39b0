import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goStruct } from './gofmt';
import { GoTemplate, TemplateError } from './template';

// [template, data, output, error] recorded from Go's text/template (go1.19) with JSON-decoded data
// (docker's own funcs replaced by equivalents); cases where JSON's float64 numbers make Go differ
// from our int/float split were left out.
const cases = JSON.parse(readFileSync(new URL('./template.go-cases.json', import.meta.url), 'utf8')) as [
  string,
  unknown,
  string,
  string | null,
][];

function run(src: string, data: unknown): { out: string; err?: string } {
  try {
    return { out: GoTemplate.parse(src).execute(data) };
  } catch (e) {
    if (e instanceof TemplateError) return { out: '', err: e.message };
    throw e;
  }
}

describe('Go text/template conformance', () => {
  it.each(cases)('%j', (src, data, out, err) => {
    const r = run(src, data);
    expect(r.err).toBe(err ?? undefined);
    if (!err) expect(r.out).toBe(out);
  });
});

describe('docker specifics', () => {
  const ctx = goStruct('*formatter.ContainerContext', { ID: 'abc', Names: 'web' });
  it('unknown fields of a struct context are errors', () => {
    expect(run('{{.Nope}}', ctx).err).toBe(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext',
    );
  });
  it('pad, truncate, json, title', () => {
    expect(run('[{{pad .S 1 2}}][{{pad .E 1 2}}][{{truncate .S 2}}][{{json .S}}]', { S: 'a<b', E: '' }).out).toBe(
      '[ a<b  ][][a<][\"a<b\"]',
    );
  });
  it('header rendering keeps column names (HeaderFunctions)', () => {
    expect(GoTemplate.parse('{{upper .ID}}|{{json .ID}}').execute({ ID: 'CONTAINER ID' }, { header: true })).toBe(
      'CONTAINER ID|CONTAINER ID',
    );
  });
  it('missingkey=error, as docker inspect -f uses it', () => {
    const t = GoTemplate.parse('{{.Config.Nope}}');
    expect(() => t.execute({ Config: {} }, { missingKey: 'error' })).toThrow(
      'template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"',
    );
    expect(t.execute({ Config: {} })).toBe('<no value>');
  });
  it('names the template in errors when given a name (docker version uses "version")', () => {
    expect(() => GoTemplate.parse('{{', 'version')).toThrow('template: version:1: unclosed action');
    expect(() => GoTemplate.parse('{{.X.Y}}', 'version').execute({ X: 'a' })).toThrow(
      'template: version:1:4: executing "version" at <.X.Y>: can\'t evaluate field Y in type interface {}',
    );
  });
  // expected texts below were produced by Go's text/template with a struct that has `Label(string)`
  describe('methods with arguments (the list contexts\' Label)', () => {
    const row = goStruct('*formatter.volumeContext', { X: 's', Label: (k: string) => 'L' + k });
    it('calls them with literal, piped and field arguments', () => {
      expect(run('{{.Label "k"}}|{{"p" | .Label}}|{{.Label .X}}|{{$.Label "z"}}|{{with .}}{{.Label "w"}}{{end}}', row).out).toBe(
        'Lk|Lp|Ls|Lz|Lw',
      );
    });
    it('checks the argument count and types like Go', () => {
      expect(run('{{.Label}}', row).err).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
      expect(run('{{.Label "a" "b"}}', row).err).toBe(
        'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 2',
      );
      expect(run('{{.Label 1}}', row).err).toBe('template: :1:9: executing "" at <1>: expected string; found 1');
      expect(run('{{.Label.Foo}}', row).err).toBe(
        'template: :1:8: executing "" at <.Label.Foo>: wrong number of args for Label: want 1 got 0',
      );
    });
    it('leaves methods out of a struct printed with {{.}} and out of json', () => {
      expect(run('{{json .}}', row).out).toBe('{"X":"s"}');
    });
  });
  it('range errors point at the node Go evaluated last', () => {
    const d = goStruct('T', { X: 's' });
    expect(run('{{range $k, $v := .X}}{{end}}', d).err).toBe('template: :1:18: executing "" at <.X>: range can\'t iterate over s');
    expect(run('{{range .X | printf "%s"}}{{end}}', d).err).toBe(
      'template: :1:20: executing "" at <"%s">: range can\'t iterate over s',
    );
    expect(run('{{range (.X)}}{{end}}', d).err).toBe('template: :1:9: executing "" at <.X>: range can\'t iterate over s');
    expect(run('{{range "abc"}}{{end}}', d).err).toBe('template: :1:8: executing "" at <"abc">: range can\'t iterate over abc');
    expect(run('{{range $.X}}{{end}}', d).err).toBe('template: :1:9: executing "" at <$.X>: range can\'t iterate over s');
  });
  it('printf %T names Go types', () => {
    expect(run('{{printf "%T %T %T %T" 1 "a" true 1.5}}|{{.N | printf "%T"}}', { N: 3 }).out).toBe('int string bool float64|int');
  });
  it('range over an int (Go 1.22+)', () => expect(run('{{range 3}}{{.}}{{end}}', {}).out).toBe('012'));
  it('stops runaway output instead of freezing the page', () => {
    expect(
      run(
        '{{range 100000}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{end}}',
        {},
      ).err,
    ).toMatch(/output exceeds the simulator's limit of 16 MiB$/);
    expect(run('{{range 100000000000}}{{end}}', {}).err).toMatch(/range exceeds the simulator's limit of 1000000 iterations$/);
  });
  it('never overflows the stack on deep nesting', () => {
    expect(run('{{' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}', {}).err).toBe('template: :1: max nesting depth exceeded');
  });
  it('only ever fails with a TemplateError, whatever the template', () => {
    const pieces = [
      '{{',
      '}}',
      '{{-',
      '-}}',
      '.',
      '.A',
      '.B.C',
      '$x',
      ':=',
      '=',
      '|',
      '(',
      ')',
      ' ',
      'if',
      'else',
      'end',
      'range',
      'with',
      'break',
      'index',
      'len',
      'printf',
      'json',
      'join',
      '"s"',
      '`r`',
      "'c'",
      '1',
      '-2',
      '1.5',
      'nil',
      'true',
      ',',
      '/*',
      '*/',
      'é',
      '\n',
    ];
    const data = { A: [1, 'x', null, { B: 2 }], B: { C: 'c' }, S: goStruct('T', { F: 1 }) };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const r = run(parts.join(''), data);
        expect(typeof r.out).toBe('string');
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
