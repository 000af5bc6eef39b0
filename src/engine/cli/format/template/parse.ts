// Go text/template's parser: pipelines, commands, operands, variables and the control actions
// (if / else if / with / range / break / continue), with Go's parse error texts.
import { TemplateError } from './error';
import { goQuote, itemString, type Item } from './lex';

export type Node =
  | { kind: 'text'; pos: number; text: string }
  | { kind: 'action'; pos: number; line: number; pipe: Pipe }
  | { kind: 'if' | 'with' | 'range'; pos: number; line: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { kind: 'break' | 'continue'; pos: number };

export interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export interface Command {
  pos: number;
  args: Arg[];
}

export type Arg =
  | { kind: 'field'; pos: number; idents: string[] }
  | { kind: 'variable'; pos: number; idents: string[] } // idents[0] is the variable name
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'chain'; pos: number; node: Arg; fields: string[] }
  | { kind: 'pipe'; pos: number; pipe: Pipe }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'literal'; pos: number; value: unknown; text: string };

const MAX_DEPTH = 1000;

export class Parser {
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private depth = 0;
  private lastLine = 1;

  constructor(
    private items: Item[],
    private funcs: ReadonlySet<string>,
    private name: string,
  ) {}

  private next(): Item {
    const it = this.items[Math.min(this.i, this.items.length - 1)]!;
    this.i++;
    this.lastLine = it.line;
    return it;
  }
  private backup(): void {
    this.i--;
  }
  private peek(): Item {
    return this.items[Math.min(this.i, this.items.length - 1)]!;
  }
  private nextNonSpace(): Item {
    let it = this.next();
    while (it.type === 'space') it = this.next();
    return it;
  }
  private peekNonSpace(): Item {
    const it = this.nextNonSpace();
    this.backup();
    return it;
  }

  error(msg: string): never {
    throw new TemplateError(`template: ${this.name}:${this.lastLine}: ${msg}`);
  }

  private unexpected(it: Item, context: string): never {
    if (it.type === 'error') this.error(it.val);
    this.error(`unexpected ${itemString(it)} in ${context}`);
  }

  parse(): Node[] {
    const list: Node[] = [];
    while (this.peek().type !== 'eof') {
      const n = this.textOrAction();
      if (n === 'end' || n === 'else') this.error(`unexpected {{${n}}}`);
      list.push(n);
    }
    return list;
  }

  private textOrAction(): Node | 'end' | 'else' {
    const it = this.nextNonSpace();
    if (it.type === 'text') return { kind: 'text', pos: it.pos, text: it.val };
    if (it.type === 'left') return this.action();
    if (it.type === 'error') this.error(it.val);
    return this.unexpected(it, 'input');
  }

  private action(): Node | 'end' | 'else' {
    const it = this.nextNonSpace();
    if (it.type === 'keyword') {
      switch (it.val) {
        case 'if':
        case 'with':
        case 'range':
          return this.control(it.val, it);
        case 'end':
          this.expectRight('end');
          return 'end';
        case 'else':
          return this.elseAction();
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.error(`{{${it.val}}} outside {{range}}`);
          this.expectRight(it.val);
          return { kind: it.val, pos: it.pos };
        default:
          this.error(`{{${it.val}}} is not supported here`);
      }
    }
    this.backup();
    const line = it.line;
    return { kind: 'action', pos: it.pos, line, pipe: this.pipeline('command', 'right') };
  }

  private pendingElseIf: string | undefined;

  private elseAction(): 'else' {
    const p = this.peekNonSpace();
    if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with')) {
      // "{{else if …}}" is "{{else}}{{if …}}…{{end}}": the nested control reads the rest
      this.pendingElseIf = p.val;
      return 'else';
    }
    this.expectRight('else');
    return 'else';
  }

  private expectRight(context: string): void {
    const t = this.nextNonSpace();
    if (t.type !== 'right') this.unexpected(t, context);
  }

  private itemList(): { list: Node[]; ended: 'end' | 'else' } {
    const list: Node[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n === 'end' || n === 'else') return { list, ended: n };
      list.push(n);
    }
    return this.error('unexpected EOF');
  }

  private control(kind: 'if' | 'with' | 'range', it: Item): Node {
    if (++this.depth > MAX_DEPTH) this.error('max nesting depth exceeded');
    const varsMark = this.vars.length;
    const pipe = this.pipeline(kind, 'right');
    if (kind === 'range') this.rangeDepth++;
    const body = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | undefined;
    if (body.ended === 'else') {
      const nested = this.pendingElseIf;
      this.pendingElseIf = undefined;
      if (nested && kind !== 'range') {
        const kw = this.nextNonSpace();
        elseList = [this.control(nested as 'if' | 'with', kw)];
      } else {
        if (nested) this.error(`unexpected <${nested}> in else`);
        const e = this.itemList();
        if (e.ended === 'else') this.error('expected end; found {{else}}');
        elseList = e.list;
      }
    }
    this.vars.length = varsMark;
    this.depth--;
    return { kind, pos: it.pos, line: it.line, pipe, list: body.list, elseList };
  }

  private pipeline(context: string, end: 'right' | 'rparen'): Pipe {
    const start = this.peekNonSpace();
    const pipe: Pipe = { pos: start.pos, decl: [], isAssign: false, cmds: [] };
    // declarations: "$x :=", "$x =", "$i, $v :="
    if (start.type === 'variable') {
      const save = this.i;
      const v = this.nextNonSpace();
      const t = this.nextNonSpace();
      if (t.type === 'declare' || t.type === 'assign') {
        pipe.decl.push(v.val);
        pipe.isAssign = t.type === 'assign';
        if (t.type === 'declare') this.vars.push(v.val);
        else if (!this.vars.includes(v.val)) this.error(`undefined variable "${v.val}"`);
      } else if (t.type === 'comma' && context === 'range') {
        const v2 = this.nextNonSpace();
        const d = this.nextNonSpace();
        if (v2.type !== 'variable' || (d.type !== 'declare' && d.type !== 'assign')) {
          this.error(`range can only initialize variables`);
        }
        pipe.decl.push(v.val, v2.val);
        pipe.isAssign = d.type === 'assign';
        this.vars.push(v.val, v2.val);
      } else {
        this.i = save;
      }
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        if (pipe.cmds.length === 0) this.error(`missing value for ${context}`);
        pipe.cmds.forEach((c, i) => {
          if (i > 0 && ['dot', 'nil', 'literal'].includes(c.args[0]!.kind)) {
            this.error(`non executable command in pipeline stage ${i + 1}`);
          }
        });
        return pipe;
      }
      if (['bool', 'char', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'lparen'].includes(t.type)) {
        this.backup();
        pipe.cmds.push(this.command());
      } else {
        this.unexpected(t, context);
      }
    }
  }

  private command(): Command {
    const cmd: Command = { pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const op = this.operand();
      if (op) cmd.args.push(op);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'right' || t.type === 'rparen') {
        this.backup();
      } else if (t.type !== 'pipe') {
        this.unexpected(t, 'operand');
      }
      break;
    }
    if (cmd.args.length === 0) this.error('empty command');
    return cmd;
  }

  private operand(): Arg | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== 'field') return node;
    const fields: string[] = [];
    const pos = this.peek().pos; // Go positions a chained node at its first trailing field
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    if (node.kind === 'field') return { kind: 'field', pos, idents: [...node.idents, ...fields] };
    if (node.kind === 'variable') return { kind: 'variable', pos, idents: [...node.idents, ...fields] };
    if (node.kind === 'literal' || node.kind === 'nil' || node.kind === 'dot') {
      this.error(`unexpected . after term ${goQuote(node.kind === 'literal' ? node.text : node.kind === 'nil' ? 'nil' : '.')}`);
    }
    return { kind: 'chain', pos, node, fields };
  }

  private term(): Arg | undefined {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.error(`function ${goQuote(t.val)} not defined`);
        return { kind: 'identifier', pos: t.pos, name: t.val };
      case 'dot':
        return { kind: 'dot', pos: t.pos };
      case 'nil':
        return { kind: 'nil', pos: t.pos };
      case 'variable':
        if (!this.vars.includes(t.val)) this.error(`undefined variable "${t.val}"`);
        return { kind: 'variable', pos: t.pos, idents: [t.val] };
      case 'field':
        return { kind: 'field', pos: t.pos, idents: [t.val.slice(1)] };
      case 'bool':
        return { kind: 'literal', pos: t.pos, value: t.val === 'true', text: t.val };
      case 'char':
      case 'number':
        return { kind: 'literal', pos: t.pos, value: this.number(t), text: t.val };
      case 'lparen': {
        if (++this.depth > MAX_DEPTH) this.error('max nesting depth exceeded');
        const pipe = this.pipeline('parenthesized pipeline', 'rparen');
        this.depth--;
        return { kind: 'pipe', pos: t.pos, pipe };
      }
      case 'string':
      case 'rawString':
        return { kind: 'literal', pos: t.pos, value: this.unquote(t), text: t.val };
    }
    this.backup();
    return undefined;
  }

  private number(t: Item): number {
    if (t.type === 'char') {
      const s = this.unquote({ ...t, val: '"' + t.val.slice(1, -1).replace(/"/g, '\\"') + '"' });
      return s.codePointAt(0) ?? 0;
    }
    const v = t.val.replace(/_/g, '');
    const n = /^[+-]?0[xXbBoO]/.test(v) ? Number(v.replace(/^([+-]?)0[oO]/, '$10o')) : Number(v);
    if (Number.isNaN(n)) this.error(`illegal number syntax: ${goQuote(t.val)}`);
    return n;
  }

  private unquote(t: Item): string {
    if (t.type === 'rawString') return t.val.slice(1, -1).replace(/\r/g, '');
    const body = t.val.slice(1, -1);
    let out = '';
    for (let k = 0; k < body.length; k++) {
      const c = body[k]!;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = body[++k];
      const simple: Record<string, string> = {
        a: '\x07',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
        v: '\v',
        '\\': '\\',
        '"': '"',
        "'": "'",
      };
      if (e !== undefined && simple[e] !== undefined) out += simple[e];
      else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(k + 1, k + 1 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.error(`invalid syntax`);
        const cp = parseInt(hex, 16);
        out += cp > 0x10ffff ? '\ufffd' : String.fromCodePoint(cp);
        k += len;
      } else if (e !== undefined && /[0-7]/.test(e)) {
        out += String.fromCharCode(parseInt(body.slice(k, k + 3), 8) & 0xff);
        k += 2;
      } else this.error(`invalid syntax`);
    }
    return out;
  }
}
