// Executing a parsed template against data, with Go's semantics (fields of maps and structs, "<no
// value>", truthiness, variables and scopes) and its execution error texts.
import { formatValue, goTypeName, isStruct } from '../gofmt';
import { TemplateError } from './error';
import { accepts, FuncError, FUNCS, HEADER_OVERRIDES, truthy, type Param } from './funcs';
import type { Arg, Command, Node, Pipe } from './parse';

/** limits that keep a runaway template from freezing the page (Go would just keep going) */
const MAX_OUTPUT = 16 * 2 ** 20;
const MAX_ITERATIONS = 1_000_000;

/** range over an int (Go 1.22+), lazily */
function* upTo(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i++) yield [i, i];
}

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const NO_FINAL = Symbol('no final');

function argString(a: Arg): string {
  switch (a.kind) {
    case 'field':
      return '.' + a.idents.join('.');
    case 'variable':
      return a.idents.join('.');
    case 'identifier':
      return a.name;
    case 'chain':
      return (a.node.kind === 'pipe' ? `(${pipeString(a.node.pipe)})` : argString(a.node)) + '.' + a.fields.join('.');
    case 'pipe':
      return `(${pipeString(a.pipe)})`;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'literal':
      return a.text;
  }
}

function cmdString(c: Command): string {
  return c.args.map((a) => (a.kind === 'pipe' ? `(${pipeString(a.pipe)})` : argString(a))).join(' ');
}

function pipeString(p: Pipe): string {
  const decl = p.decl.length ? p.decl.join(', ') + (p.isAssign ? ' = ' : ' := ') : '';
  return decl + p.cmds.map(cmdString).join(' | ');
}

export class Exec {
  private vars: { name: string; value: unknown }[];
  out = '';
  /** the node Go's state.at() last marked: errors raised without a node of their own (range) point there */
  private atNode: Arg | undefined;

  constructor(
    private src: string,
    private name: string,
    root: unknown,
    private header: boolean,
    private missingKeyError: boolean,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  private fail(pos: number, context: string, msg: string): never {
    const before = this.src.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? pos : pos - (nl + 1);
    throw new TemplateError(`template: ${this.name}:${line}:${col}: executing ${JSON.stringify(this.name)} at <${context}>: ${msg}`);
  }

  private iterations = 0;

  /** Go would write on and on; a browser tab cannot, so output stops at MAX_OUTPUT with an error */
  private write(text: string, pos: number): void {
    this.out += text;
    if (this.out.length > MAX_OUTPUT) this.fail(pos, '…', `output exceeds the simulator's limit of ${MAX_OUTPUT / 2 ** 20} MiB`);
  }

  walk(dot: unknown, list: Node[]): typeof BREAK | typeof CONTINUE | undefined {
    for (const n of list) {
      const r = this.walkNode(dot, n);
      if (r) return r;
    }
    return undefined;
  }

  private walkNode(dot: unknown, n: Node): typeof BREAK | typeof CONTINUE | undefined {
    switch (n.kind) {
      case 'text':
        this.write(n.text, n.pos);
        return undefined;
      case 'action': {
        const v = this.pipe(dot, n.pipe);
        if (n.pipe.decl.length === 0) this.write(formatValue(v), n.pos);
        return undefined;
      }
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipe(dot, n.pipe);
        let r: typeof BREAK | typeof CONTINUE | undefined;
        if (truthy(v)) r = this.walk(n.kind === 'with' ? v : dot, n.list);
        else if (n.elseList) r = this.walk(dot, n.elseList);
        this.vars.length = mark;
        return r;
      }
      case 'range':
        return this.range(dot, n);
    }
  }

  private range(dot: unknown, n: Extract<Node, { list: Node[] }>): typeof BREAK | typeof CONTINUE | undefined {
    const mark = this.vars.length;
    const val = this.pipe(dot, { ...n.pipe, decl: [] });
    let entries: Iterable<[unknown, unknown]>;
    if (val === undefined || val === null) entries = [];
    else if (Array.isArray(val)) entries = val.map((v, i) => [i, v ?? undefined]);
    else if (typeof val === 'number' && Number.isInteger(val)) entries = upTo(val);
    else if (typeof val === 'object' && !isStruct(val)) {
      const obj = val as Record<string, unknown>;
      entries = Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]);
    } else {
      const at = this.atNode!;
      this.fail(at.pos, argString(at), `range can't iterate over ${formatValue(val)}`);
    }
    let empty = true;
    for (const [k, v] of entries) {
      empty = false;
      if (++this.iterations > MAX_ITERATIONS) {
        this.fail(n.pipe.pos, pipeString(n.pipe), `range exceeds the simulator's limit of ${MAX_ITERATIONS} iterations`);
      }
      if (n.pipe.decl.length === 1) this.setVar(n.pipe.decl[0]!, v, n.pipe.isAssign);
      if (n.pipe.decl.length === 2) {
        this.setVar(n.pipe.decl[0]!, k, n.pipe.isAssign);
        this.setVar(n.pipe.decl[1]!, v, n.pipe.isAssign);
      }
      const r = this.walk(v, n.list);
      if (r === BREAK) break;
    }
    if (empty && n.elseList) this.walk(dot, n.elseList);
    this.vars.length = mark;
    return undefined;
  }

  private setVar(name: string, value: unknown, assign: boolean): void {
    if (assign) {
      for (let i = this.vars.length - 1; i >= 0; i--) {
        if (this.vars[i]!.name === name) {
          this.vars[i]!.value = value;
          return;
        }
      }
    }
    this.vars.push({ name, value });
  }

  private pipe(dot: unknown, p: Pipe): unknown {
    let v: unknown = NO_FINAL;
    for (const c of p.cmds) v = this.command(dot, c, v);
    for (const d of p.decl) this.setVar(d, v, p.isAssign);
    return v;
  }

  private command(dot: unknown, c: Command, final: unknown): unknown {
    const first = c.args[0]!;
    this.atNode = first;
    switch (first.kind) {
      case 'field':
        return this.fieldChain(dot, dot, first, first.idents, c.args, final);
      case 'variable': {
        const value = this.lookupVar(first);
        if (first.idents.length === 1) {
          this.notAFunction(c.args, final, first);
          return value;
        }
        return this.fieldChain(dot, value, first, first.idents.slice(1), c.args, final);
      }
      case 'chain': {
        const base = this.evalArg(dot, first.node);
        return this.fieldChain(dot, base, first, first.fields, c.args, final);
      }
      case 'identifier':
        return this.call(dot, first, c, final);
      case 'pipe':
        this.notAFunction(c.args, final, first);
        return this.pipeInScope(dot, first.pipe);
      case 'dot':
        this.notAFunction(c.args, final, first);
        return dot;
      case 'nil':
        return this.fail(first.pos, 'nil', 'nil is not a command');
      case 'literal':
        this.notAFunction(c.args, final, first);
        return first.value;
    }
  }

  private pipeInScope(dot: unknown, p: Pipe): unknown {
    const mark = this.vars.length;
    const v = this.pipe(dot, p);
    this.vars.length = mark;
    return v;
  }

  private notAFunction(args: Arg[], final: unknown, at: Arg): void {
    if (args.length > 1 || final !== NO_FINAL)
      this.fail(at.pos, argString(at), `can't give argument to non-function ${argString(args[0]!)}`);
  }

  private lookupVar(v: Extract<Arg, { kind: 'variable' }>): unknown {
    const name = v.idents[0]!;
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.fail(v.pos, name, `undefined variable: ${name}`);
  }

  /**
   * `.A.B.C` on `receiver`. `args` are the command's words (args[0] is the chain itself): they go to a
   * method at the end of the chain (a function-valued struct field, like the list contexts' `Label`).
   */
  private fieldChain(dot: unknown, receiver: unknown, node: Arg, idents: string[], args: Arg[], final: unknown): unknown {
    let r = receiver;
    let fromMap = false;
    for (let i = 0; i < idents.length; i++) {
      const next = this.field(r, idents[i]!, node, fromMap);
      fromMap = typeof r === 'object' && r !== null && !isStruct(r);
      if (typeof next === 'function') {
        const last = i === idents.length - 1;
        r = this.callMethod(dot, next as (...a: unknown[]) => unknown, idents[i]!, node, last ? args : [node], last ? final : NO_FINAL);
        if (last) return r;
      } else r = next;
    }
    if (args.length > 1 || final !== NO_FINAL) {
      this.fail(node.pos, argString(node), `${idents[idents.length - 1]} is not a method but has arguments`);
    }
    return r;
  }

  /** `fromMap`: the receiver was read out of a map, so Go sees it as `interface {}` */
  private field(receiver: unknown, name: string, node: Arg, fromMap: boolean): unknown {
    if (receiver === undefined) {
      if (this.missingKeyError) this.fail(node.pos, argString(node), `nil data; no entry for key ${JSON.stringify(name)}`);
      return undefined;
    }
    if (receiver === null) this.fail(node.pos, argString(node), `nil pointer evaluating interface {}.${name}`);
    if (isStruct(receiver)) {
      if (!Object.prototype.hasOwnProperty.call(receiver.fields, name)) {
        this.fail(node.pos, argString(node), `can't evaluate field ${name} in type ${receiver.typeName}`);
      }
      return receiver.fields[name];
    }
    if (typeof receiver === 'object' && !Array.isArray(receiver)) {
      const obj = receiver as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
      if (this.missingKeyError) this.fail(node.pos, argString(node), `map has no entry for key ${JSON.stringify(name)}`);
      return undefined;
    }
    const type = fromMap ? 'interface {}' : goTypeName(receiver);
    return this.fail(node.pos, argString(node), `can't evaluate field ${name} in type ${type}`);
  }

  private evalArg(dot: unknown, a: Arg): unknown {
    this.atNode = a;
    switch (a.kind) {
      case 'field':
        return this.fieldChain(dot, dot, a, a.idents, [a], NO_FINAL);
      case 'variable': {
        const v = this.lookupVar(a);
        return a.idents.length === 1 ? v : this.fieldChain(dot, v, a, a.idents.slice(1), [a], NO_FINAL);
      }
      case 'chain':
        return this.fieldChain(dot, this.evalArg(dot, a.node), a, a.fields, [a], NO_FINAL);
      case 'pipe':
        return this.pipeInScope(dot, a.pipe);
      case 'identifier':
        return this.call(dot, a, { pos: a.pos, args: [a] }, NO_FINAL);
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'literal':
        return a.value;
    }
  }

  private call(dot: unknown, id: Extract<Arg, { kind: 'identifier' }>, c: Command, final: unknown): unknown {
    const argNodes = c.args.slice(1);
    const withFinal = final !== NO_FINAL;
    if (id.name === 'and' || id.name === 'or') {
      const n = argNodes.length + (withFinal ? 1 : 0);
      if (n < 1) this.fail(id.pos, id.name, `wrong number of args for ${id.name}: want at least 1 got 0`);
      let v: unknown;
      for (let i = 0; i < n; i++) {
        v = i < argNodes.length ? this.evalArg(dot, argNodes[i]!) : final;
        if (truthy(v) === (id.name === 'or')) return v;
      }
      return v;
    }
    const def = FUNCS[id.name]!;
    const args = this.callArgs(dot, id.name, def.params, def.variadic ?? false, argNodes, final, id);
    const impl = this.header ? (HEADER_OVERRIDES[id.name] ?? def.fn) : def.fn;
    try {
      return impl(args);
    } catch (e) {
      if (e instanceof FuncError) this.fail(c.pos, cmdString(c), `error calling ${id.name}: ${e.message}`);
      throw e;
    }
  }

  /** A method of a docker context (`{{.Label "k"}}`): every parameter of those is a string. */
  private callMethod(dot: unknown, fn: (...a: unknown[]) => unknown, name: string, node: Arg, args: Arg[], final: unknown): unknown {
    const params: Param[] = Array.from({ length: fn.length }, () => 'string');
    return fn(...this.callArgs(dot, name, params, false, args.slice(1), final, node));
  }

  /** Go's evalCall: the argument count, then each argument evaluated and type-checked in order. */
  private callArgs(dot: unknown, name: string, params: Param[], variadic: boolean, argNodes: Arg[], final: unknown, at: Arg): unknown[] {
    const n = argNodes.length + (final !== NO_FINAL ? 1 : 0);
    const fixed = variadic ? params.length - 1 : params.length;
    if (variadic ? n < fixed : n !== fixed) {
      this.fail(at.pos, argString(at), `wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${fixed} got ${n}`);
    }
    const args: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const param = params[Math.min(i, params.length - 1)]!;
      const node = argNodes[i];
      const v = node ? this.evalArg(dot, node) : final;
      if (!accepts(param, v)) {
        const where = node ?? at;
        if (node?.kind === 'literal') this.fail(where.pos, argString(where), `expected ${param}; found ${node.text}`);
        const msg =
          v === undefined || v === null
            ? `invalid value; expected ${param}`
            : `wrong type for value; expected ${param}; got ${goTypeName(v)}`;
        this.fail(where.pos, argString(where), msg);
      }
      args.push(v);
    }
    return args;
  }
}
