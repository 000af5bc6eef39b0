// Go's text/template, the subset docker's `--format` users write, with Go's error messages:
// fields and chains (`.State.Status`, `(index .A 0).B`), variables, pipelines, parenthesised pipelines,
// if/else if/else, range (with `$i, $v :=`, else, break, continue), with/else, `{{- -}}` trimming,
// comments, Go's builtins (and or not len index slice print printf println eq ne lt le gt ge) and
// docker's functions (json split join title lower upper pad truncate).
import { Exec } from './template/exec';
import { FUNC_NAMES } from './template/funcs';
import { lex } from './template/lex';
import { Parser, type Node } from './template/parse';

export { TemplateError } from './template/error';

/** A parsed template: parse once, execute per item. */
export class GoTemplate {
  private constructor(
    readonly source: string,
    readonly name: string,
    private nodes: Node[],
  ) {}

  /** Parses `src`; throws TemplateError with Go's parse error text. `name` as in template.New (docker version uses "version"). */
  static parse(src: string, name = ''): GoTemplate {
    return new GoTemplate(src, name, new Parser(lex(src), FUNC_NAMES, name).parse());
  }

  /**
   * Executes against `data`; throws TemplateError with Go's execution error text. `header`: docker's
   * HeaderFunctions (table headers); `missingKey: 'error'`: Go's Option("missingkey=error"), which
   * `docker inspect -f` uses (a missing map key is an error, not "<no value>").
   */
  execute(data: unknown, opts: { header?: boolean; missingKey?: 'error' } = {}): string {
    const ex = new Exec(this.source, this.name, data, opts.header ?? false, opts.missingKey === 'error');
    ex.walk(data, this.nodes);
    return ex.out;
  }
}
