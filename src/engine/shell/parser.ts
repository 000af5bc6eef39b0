// Recursive-descent parser for the POSIX shell grammar (the parts a learner writes): lists, and/or,
// pipelines, simple commands with assignments and redirections, if/for/while/until/case, `{ }`,
// `( )` and function definitions. Reserved words count only unquoted and in command position.
import { Lexer, type Token } from './lexer';
import { EOF_TOKEN, NEWLINE_TOKEN, ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redir, type RedirOp } from './syntax';

const RESERVED_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '>&', '<&', '<<', '<<-']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parse(src: string): List {
  return new Parser(src).script();
}

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;

  constructor(src: string) {
    this.lexer = new Lexer(src);
    this.tok = this.lexer.next();
  }

  script(): List {
    const list = this.list(true);
    if (this.tok.type !== 'eof') this.unexpected();
    return list;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  private isWord(w: string): boolean {
    return this.tok.type === 'word' && this.tok.raw === w;
  }

  private isOp(op: string): boolean {
    return this.tok.type === 'op' && this.tok.op === op;
  }

  private describe(t: Token): string {
    if (t.type === 'eof') return EOF_TOKEN;
    if (t.type === 'newline') return NEWLINE_TOKEN;
    if (t.type === 'io') return String(t.fd);
    return t.type === 'word' ? t.raw : t.op;
  }

  private unexpected(expecting?: string): never {
    const token = this.describe(this.tok);
    throw new ShellSyntaxError({ kind: 'unexpected', token, ...(expecting && this.tok.type === 'eof' ? { expecting } : {}) }, this.tok.line);
  }

  private expectWord(w: string): void {
    if (!this.isWord(w)) this.unexpected(w);
    this.advance();
  }

  private skipNewlines(): void {
    while (this.tok.type === 'newline') this.advance();
  }

  /** A list of and/or items up to a closing reserved word, `)`, `;;` or end of input. */
  private list(top = false): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      if (this.atListEnd(top)) return list;
      const andOr = this.andOr();
      let background = false;
      if (this.isOp('&') || this.isOp(';')) {
        background = this.isOp('&');
        this.advance();
      } else if (this.tok.type !== 'newline' && !this.atListEnd(top)) {
        this.unexpected();
      }
      list.push({ andOr, background });
    }
  }

  private atListEnd(top: boolean): boolean {
    const t = this.tok;
    if (t.type === 'eof') return true;
    const closer = (t.type === 'op' && (t.op === ')' || t.op === ';;')) || (t.type === 'word' && RESERVED_END.has(t.raw));
    if (closer && top) this.unexpected();
    return closer;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.advance() as { op: '&&' | '||' }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.isWord('!')) {
      this.advance();
      bang = true;
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.advance();
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { bang, cmds };
  }

  private command(): Command {
    const t = this.tok;
    if (t.type === 'word') {
      const compound = this.compound(t.raw);
      if (compound) return compound;
    }
    if (this.isOp('(')) {
      this.advance();
      const body = this.list();
      if (!this.isOp(')')) this.unexpected(')');
      this.advance();
      return { type: 'group', subshell: true, body, redirs: this.redirs() };
    }
    return this.simple();
  }

  private compound(word: string): Command | undefined {
    switch (word) {
      case 'if': {
        this.advance();
        const clauses: { cond: List; body: List }[] = [];
        let otherwise: List | undefined;
        for (;;) {
          const cond = this.nonEmpty(this.list(), 'then');
          this.expectWord('then');
          clauses.push({ cond, body: this.nonEmpty(this.list(), 'fi') });
          if (this.isWord('elif')) {
            this.advance();
            continue;
          }
          if (this.isWord('else')) {
            this.advance();
            otherwise = this.nonEmpty(this.list(), 'fi');
          }
          this.expectWord('fi');
          return { type: 'if', clauses, ...(otherwise ? { otherwise } : {}), redirs: this.redirs() };
        }
      }
      case 'while':
      case 'until': {
        this.advance();
        const cond = this.nonEmpty(this.list(), 'do');
        const body = this.doGroup();
        return { type: 'loop', until: word === 'until', cond, body, redirs: this.redirs() };
      }
      case 'for': {
        this.advance();
        const nameTok = this.tok;
        if (nameTok.type !== 'word' || !NAME.test(nameTok.raw)) this.unexpected('do');
        this.advance();
        let items: string[] | null = null;
        this.skipNewlines();
        if (this.isWord('in')) {
          this.advance();
          items = [];
          while (this.tok.type === 'word') items.push((this.advance() as { raw: string }).raw);
          if (this.isOp(';')) this.advance();
          else if (this.tok.type !== 'newline') this.unexpected('do');
        } else if (this.isOp(';')) this.advance();
        this.skipNewlines();
        return { type: 'for', name: nameTok.raw, items, body: this.doGroup(), redirs: this.redirs() };
      }
      case 'case':
        return this.caseCommand();
      case '{': {
        this.advance();
        const body = this.nonEmpty(this.list(), '}');
        this.expectWord('}');
        return { type: 'group', subshell: false, body, redirs: this.redirs() };
      }
      default:
        return undefined;
    }
  }

  /** ash/dash/bash reject an empty `then`/`do` body: the closing word is "unexpected". */
  private nonEmpty(list: List, expecting: string): List {
    if (list.length === 0) this.unexpected(expecting);
    return list;
  }

  private doGroup(): List {
    this.skipNewlines();
    this.expectWord('do');
    const body = this.nonEmpty(this.list(), 'done');
    this.expectWord('done');
    return body;
  }

  private caseCommand(): Command {
    this.advance();
    if (this.tok.type !== 'word') this.unexpected('in');
    const word = (this.tok as { raw: string }).raw;
    this.advance();
    this.skipNewlines();
    this.expectWord('in');
    const arms: { patterns: string[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.advance();
      const patterns: string[] = [];
      for (;;) {
        if (this.tok.type !== 'word') this.unexpected('esac');
        patterns.push((this.advance() as { raw: string }).raw);
        if (!this.isOp('|')) break;
        this.advance();
      }
      if (!this.isOp(')')) this.unexpected(')');
      this.advance();
      const body = this.list();
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.advance();
      else if (!this.isWord('esac')) this.unexpected('esac');
    }
    this.advance();
    return { type: 'case', word, arms, redirs: this.redirs() };
  }

  private redirs(): Redir[] {
    const redirs: Redir[] = [];
    for (let r = this.redir(); r; r = this.redir()) redirs.push(r);
    return redirs;
  }

  private redir(): Redir | undefined {
    let fd: number | null = null;
    if (this.tok.type === 'io') fd = (this.advance() as { fd: number }).fd;
    if (this.tok.type !== 'op' || !REDIR_OPS.has(this.tok.op)) {
      if (fd !== null) this.unexpected();
      return undefined;
    }
    const op = (this.advance() as { op: RedirOp }).op;
    const target = this.tok as Token;
    if (target.type !== 'word') this.unexpected();
    const redir: Redir = { fd, op, target: target.raw };
    // the body starts after this line: register it before the lexer reads on
    if (op === '<<' || op === '<<-') this.lexer.heredoc(redir);
    this.advance();
    return redir;
  }

  private simple(): Command {
    const line = this.tok.line;
    const assigns: string[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redir();
      if (r) {
        redirs.push(r);
        continue;
      }
      if (this.tok.type !== 'word') break;
      const raw = this.tok.raw;
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(raw)) assigns.push(raw);
      else if (words.length === 0 && assigns.length === 0 && RESERVED_END.has(raw)) this.unexpected();
      else words.push(raw);
      this.advance();
      // `name()` starts a function definition
      if (words.length === 1 && assigns.length === 0 && this.isOp('(') && NAME.test(raw)) {
        this.advance();
        if (!this.isOp(')')) this.unexpected();
        this.advance();
        this.skipNewlines();
        const body = this.command();
        return { type: 'func', name: raw, body };
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.unexpected();
    return { type: 'simple', assigns, words, redirs, line };
  }
}
