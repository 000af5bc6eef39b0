// test / [: file tests, string and integer comparisons, ! -a -o and parentheses.
import { abs, type Applet, type AppletContext } from './types';

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-h', '-L', '-s', '-r', '-w', '-x', '-n', '-z', '-b', '-c', '-p', '-S']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot']);

export const test: Applet = (c) => {
  let args = c.argv.slice(1);
  const name = c.argv[0] === '[' ? '[' : 'test';
  const prefix = c.userland === 'busybox' ? 'sh' : name;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      c.io.stderr.write(`${prefix}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(c, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    c.io.stderr.write(`${prefix}: ${e.message}\n`);
    return 2;
  }
};

function evaluate(c: AppletContext, args: string[]): boolean {
  let i = 0;
  const integer = (s: string): number => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(c.userland === 'busybox' ? `${s}: bad number` : `${s}: integer expression expected`);
    return Number(s);
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!' && i + 1 < args.length) {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = or();
      if (args[i++] !== ')') throw new TestError("')' expected");
      return v;
    }
    const op = args[i + 1];
    if (op !== undefined && BINARY.has(op)) {
      const b = args[i + 2];
      if (b === undefined) throw new TestError(`${op}: argument expected`);
      i += 3;
      return binary(c, a, op, b, integer);
    }
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2;
      return unary(c, a, args[i - 1]!);
    }
    i++;
    return a !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      v = and() || v;
    }
    return v;
  };
  if (args.length === 0) return false;
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: unknown operand`);
  return v;
}

function unary(c: AppletContext, op: string, arg: string): boolean {
  if (op === '-n') return arg !== '';
  if (op === '-z') return arg === '';
  const path = abs(c, arg);
  const st = op === '-h' || op === '-L' ? c.sys.fs.lstat(path) : c.sys.fs.stat(path);
  if (!st) return false;
  switch (op) {
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'dir';
    case '-h': case '-L': return st.type === 'symlink';
    case '-s': return st.size > 0;
    case '-x': return (st.mode & 0o111) !== 0 || c.sys.user.uid === 0 && st.type === 'dir';
    case '-b': case '-c': case '-p': case '-S': return false;
    default: return true;
  }
}

function binary(c: AppletContext, a: string, op: string, b: string, integer: (s: string) => number): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-nt': case '-ot': {
      const ta = c.sys.fs.stat(abs(c, a))?.mtime ?? -Infinity;
      const tb = c.sys.fs.stat(abs(c, b))?.mtime ?? -Infinity;
      return op === '-nt' ? ta > tb : ta < tb;
    }
  }
  const x = integer(a);
  const y = integer(b);
  return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!;
}
