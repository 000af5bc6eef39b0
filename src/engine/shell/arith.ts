// `$((…))`: the shell's integer arithmetic (C precedence, `**`, `?:`, assignments to variables).
// Names read variables (unset or empty = 0); a variable holding an expression is evaluated in turn.

export class ArithmeticError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const BINARY: [string[], number][] = [
  [['||'], 1], [['&&'], 2], [['|'], 3], [['^'], 4], [['&'], 5], [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10], [['**'], 11],
];
const PRECEDENCE = new Map(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as const)));
const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_]\w*|\*\*=?|<<=?|>>=?|[-+*/%&|^]=|&&|\|\||[<>=!]=|\+\+|--|[-+*/%()<>=!~?:&|^])/y;

export function evaluate(expr: string, vars: ArithVars, depth = 0): number {
  const tokens: string[] = [];
  let pos = 0;
  for (TOKEN.lastIndex = 0; ; ) {
    const m = TOKEN.exec(expr);
    if (!m) break;
    tokens.push(m[1]!);
    pos = TOKEN.lastIndex;
  }
  if (expr.slice(pos).trim() !== '') throw new ArithmeticError('arithmetic syntax error');
  let i = 0;
  const peek = () => tokens[i];
  const value = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0;
    if (depth > 20) throw new ArithmeticError('expression recursion level exceeded');
    return /^\s*-?\d+\s*$/.test(v) ? Number.parseInt(v, 10) : evaluate(v, vars, depth + 1);
  };
  const num = (t: string): number => {
    if (/^0[xX]/.test(t)) return Number.parseInt(t, 16);
    if (/^0\d/.test(t)) return Number.parseInt(t, 8);
    return Number(t);
  };
  const unary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithmeticError('arithmetic syntax error');
    if (t === '(') {
      const v = ternary();
      if (tokens[i++] !== ')') throw new ArithmeticError('arithmetic syntax error');
      return v;
    }
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '~') return ~unary();
    if (/^\d/.test(t)) return num(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = peek();
      if (op === '=' || (op && /^(\*\*|<<|>>|[-+*/%&|^])=$/.test(op))) {
        i++;
        const rhs = ternary();
        const v = op === '=' ? rhs : apply(op.slice(0, -1), value(t), rhs);
        vars.set(t, String(v));
        return v;
      }
      if (op === '++' || op === '--') {
        i++;
        const old = value(t);
        vars.set(t, String(op === '++' ? old + 1 : old - 1));
        return old;
      }
      return value(t);
    }
    throw new ArithmeticError('arithmetic syntax error');
  };
  const binary = (min: number): number => {
    let left = unary();
    for (let op = peek(); op !== undefined && (PRECEDENCE.get(op) ?? 0) >= min; op = peek()) {
      const p = PRECEDENCE.get(op)!;
      i++;
      // ** is right-associative
      const right = binary(op === '**' ? p : p + 1);
      left = apply(op, left, right);
    }
    return left;
  };
  const ternary = (): number => {
    const cond = binary(1);
    if (peek() !== '?') return cond;
    i++;
    const a = ternary();
    if (tokens[i++] !== ':') throw new ArithmeticError('arithmetic syntax error');
    const b = ternary();
    return cond ? a : b;
  };
  if (tokens.length === 0) return 0;
  const result = ternary();
  if (i < tokens.length) throw new ArithmeticError('arithmetic syntax error');
  return result;
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithmeticError('divide by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**': return a ** b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '<': return +(a < b);
    case '>': return +(a > b);
    case '<=': return +(a <= b);
    case '>=': return +(a >= b);
    case '==': return +(a === b);
    case '!=': return +(a !== b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&&': return +(a !== 0 && b !== 0);
    case '||': return +(a !== 0 || b !== 0);
    default: throw new ArithmeticError('arithmetic syntax error');
  }
}
