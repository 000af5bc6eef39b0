// Go text/template's lexer: text, `{{ }}` actions with `{{-`/`-}}` trimming, comments, and Go's
// lexical errors ("unclosed action", "bad character U+0021 '!'").

export type ItemType =
  | 'text'
  | 'left'
  | 'right'
  | 'space'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'char1'
  | 'eof'
  | 'error';

export interface Item {
  type: ItemType;
  val: string;
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const SPACE = /[ \t\r\n]/;
const ALNUM = /[\p{L}\p{N}_]/u;

export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (i.type === 'keyword') return `<${i.val}>`;
  const chars = [...i.val];
  if (chars.length > 10) return goQuote(chars.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function lex(src: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let line = 1;
  let parenDepth = 0;
  const emit = (type: ItemType, start: number, end: number, l = line): void => {
    items.push({ type, val: src.slice(start, end), pos: start, line: l });
  };
  const fail = (msg: string): Item[] => {
    items.push({ type: 'error', val: msg, pos, line });
    return items;
  };
  const countLines = (a: number, b: number): void => {
    for (let k = a; k < b; k++) if (src.charCodeAt(k) === 10) line++;
  };
  let trimNextText = false;

  while (pos <= src.length) {
    // text up to the next "{{"
    let next = src.indexOf('{{', pos);
    if (next < 0) next = src.length;
    let textEnd = next;
    const leftTrim = next < src.length && src[next + 2] === '-' && SPACE.test(src[next + 3] ?? '');
    if (leftTrim) while (textEnd > pos && SPACE.test(src[textEnd - 1]!)) textEnd--;
    let textStart = pos;
    if (trimNextText) while (textStart < textEnd && SPACE.test(src[textStart]!)) textStart++;
    trimNextText = false;
    if (textEnd > textStart) emit('text', textStart, textEnd);
    countLines(pos, next);
    if (next >= src.length) break;

    // inside an action
    pos = next + 2;
    if (leftTrim) pos += 2;
    emit('left', next, next + 2);
    // a comment: "{{/*" ... "*/}}"
    if (src.startsWith('/*', pos)) {
      const end = src.indexOf('*/', pos + 2);
      if (end < 0) return fail('unclosed comment');
      countLines(pos, end);
      pos = end + 2;
      const rt = rightDelimAt(src, pos);
      if (!rt) return fail('comment ends before closing delimiter');
      trimNextText = rt.trim;
      pos = rt.end;
      items.pop(); // comments produce no items
      continue;
    }
    for (;;) {
      const rt = rightDelimAt(src, pos);
      if (rt && parenDepth > 0) return fail('unclosed left paren');
      if (rt) {
        emit('right', pos, rt.end);
        trimNextText = rt.trim;
        pos = rt.end;
        break;
      }
      if (pos >= src.length) return fail('unclosed action');
      const c = src[pos]!;
      const start = pos;
      if (SPACE.test(c)) {
        while (pos < src.length && SPACE.test(src[pos]!) && !rightDelimAt(src, pos)?.trim) pos++;
        if (pos === start) pos++;
        emit('space', start, pos);
        countLines(start, pos);
      } else if (c === '=') {
        pos++;
        emit('assign', start, pos);
      } else if (c === ':') {
        if (src[pos + 1] !== '=') return fail('expected :=');
        pos += 2;
        emit('declare', start, pos);
      } else if (c === '|') {
        pos++;
        emit('pipe', start, pos);
      } else if (c === '"') {
        pos++;
        while (pos < src.length && src[pos] !== '"') {
          if (src[pos] === '\\') pos++;
          if (src[pos] === '\n' || pos >= src.length) return fail('unterminated quoted string');
          pos++;
        }
        if (pos >= src.length) return fail('unterminated quoted string');
        pos++;
        emit('string', start, pos);
      } else if (c === '`') {
        const end = src.indexOf('`', pos + 1);
        if (end < 0) return fail('unterminated raw quoted string');
        pos = end + 1;
        emit('rawString', start, pos);
        countLines(start, pos);
      } else if (c === "'") {
        pos++;
        while (pos < src.length && src[pos] !== "'") {
          if (src[pos] === '\\') pos++;
          if (src[pos] === '\n' || pos >= src.length) return fail('unterminated character constant');
          pos++;
        }
        if (pos >= src.length) return fail('unterminated character constant');
        pos++;
        emit('char', start, pos);
      } else if (c === '$') {
        pos++;
        while (pos < src.length && ALNUM.test(src[pos]!)) pos++;
        if (!atTerminator(src, pos)) return fail(`bad character ${unicodeNotation(src.codePointAt(pos)!)}`);
        emit('variable', start, pos);
      } else if (c === '.' && !/[0-9]/.test(src[pos + 1] ?? '')) {
        pos++;
        if (pos < src.length && ALNUM.test(src[pos]!)) {
          while (pos < src.length && ALNUM.test(src[pos]!)) pos++;
          if (!atTerminator(src, pos)) return fail(`bad character ${unicodeNotation(src.codePointAt(pos)!)}`);
          emit('field', start, pos);
        } else emit('dot', start, pos);
      } else if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(src.slice(pos, pos + 400));
        const len = m ? m[0].length : 0;
        if (len === 0 || /^[+-]?$/.test(m![0]) || ALNUM.test(src[pos + len] ?? '')) {
          return fail(`bad number syntax: ${goQuote(src.slice(pos, pos + Math.max(len, 1) + (ALNUM.test(src[pos + len] ?? '') ? 1 : 0)))}`);
        }
        pos += len;
        emit('number', start, pos);
      } else if (ALNUM.test(c)) {
        while (pos < src.length && ALNUM.test(src[pos]!)) pos++;
        if (!atTerminator(src, pos)) return fail(`bad character ${unicodeNotation(src.codePointAt(pos)!)}`);
        const word = src.slice(start, pos);
        emit(
          KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier',
          start,
          pos,
        );
      } else if (c === '(') {
        parenDepth++;
        pos++;
        emit('lparen', start, pos);
      } else if (c === ')') {
        pos++;
        emit('rparen', start, pos);
        if (--parenDepth < 0) return fail(`unexpected right paren ${unicodeNotation(0x29)}`);
      } else if (c === ',') {
        pos++;
        emit('comma', start, pos);
      } else if (c < '\x7f' && c > ' ') {
        pos++;
        emit('char1', start, pos); // printable ASCII: the parser reports it as unexpected
      } else {
        const cp = src.codePointAt(pos)!;
        return fail(`unrecognized character in action: ${unicodeNotation(cp)}`);
      }
    }
  }
  items.push({ type: 'eof', val: '', pos: src.length, line });
  return items;
}

/** what may follow a field, variable or identifier */
function atTerminator(src: string, pos: number): boolean {
  const c = src[pos];
  if (c === undefined || SPACE.test(c) || '.,|:()'.includes(c)) return true;
  return rightDelimAt(src, pos) !== undefined;
}

function rightDelimAt(src: string, pos: number): { end: number; trim: boolean } | undefined {
  if (src.startsWith('}}', pos)) return { end: pos + 2, trim: false };
  if (SPACE.test(src[pos] ?? '') && src.startsWith('-}}', pos + 1)) return { end: pos + 4, trim: true };
  return undefined;
}

/** Go's %#U: U+0021 '!' */
function unicodeNotation(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp)) ? `${hex} '${String.fromCodePoint(cp)}'` : hex;
}
