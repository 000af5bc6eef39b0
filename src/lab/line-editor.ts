// The prompt's line editor as pure data: terminal input (what xterm hands over, escape sequences
// included) becomes keys, and keys turn one {text, cursor} state into the next. The DOM glue only
// redraws the line, so every editing rule here is testable without a terminal.

export interface LineState {
  text: string;
  /** position in `text`, 0…text.length */
  cursor: number;
}

export type Key =
  | { kind: 'insert'; text: string }
  | {
      kind:
        | 'enter'
        | 'left'
        | 'right'
        | 'home'
        | 'end'
        | 'backspace'
        | 'delete'
        | 'kill-before' // Ctrl-U
        | 'kill-after' // Ctrl-K
        | 'kill-word' // Ctrl-W
        | 'up'
        | 'down'
        | 'tab'
        | 'interrupt' // Ctrl-C
        | 'eof' // Ctrl-D: ends an interactive session's input on an empty line
        | 'detach-prefix' // Ctrl-P: docker's detach sequence starts (history up outside a session)
        | 'detach' // Ctrl-Q: after Ctrl-P, detaches from an interactive session
        | 'clear-screen'; // Ctrl-L
    };

export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

const SEQUENCES: Record<string, Key['kind']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home', // Ctrl-A
  '\x05': 'end', // Ctrl-E
  '\x02': 'left', // Ctrl-B
  '\x06': 'right', // Ctrl-F
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x10': 'detach-prefix',
  '\x11': 'detach',
  '\x0c': 'clear-screen',
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
};

// longest first, so '\x1b[3~' wins over a lone escape
const sequenceList = Object.keys(SEQUENCES).sort((a, b) => b.length - a.length);

/**
 * Terminal input → keys. Printable runs become one insert (a paste stays one key per line); `\r\n`
 * counts as one enter; unknown escape sequences are dropped rather than typed.
 */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    if (data.startsWith('\r\n', i)) {
      keys.push({ kind: 'enter' });
      i += 2;
      continue;
    }
    const seq = sequenceList.find((s) => data.startsWith(s, i));
    if (seq) {
      keys.push({ kind: SEQUENCES[seq]! } as Key);
      i += seq.length;
      continue;
    }
    if (data[i] === '\x1b') {
      const unknown = /^\x1b(\[[0-9;]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i))!;
      i += unknown[0].length;
      continue;
    }
    let j = i;
    while (j < data.length && data.charCodeAt(j) >= 0x20 && data[j] !== '\x7f') j++;
    if (j === i) {
      i++; // another control character: ignored
      continue;
    }
    const text = data.slice(i, j);
    const last = keys[keys.length - 1];
    if (last?.kind === 'insert') last.text += text;
    else keys.push({ kind: 'insert', text });
    i = j;
  }
  return keys;
}

const wordStart = (text: string, cursor: number) => {
  let i = cursor;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
};

/** One editing key applied to the line; keys that are not editing (enter, up, tab…) leave it alone. */
export function edit(s: LineState, key: Key): LineState {
  const { text, cursor } = s;
  switch (key.kind) {
    case 'insert':
      return { text: text.slice(0, cursor) + key.text + text.slice(cursor), cursor: cursor + key.text.length };
    case 'left':
      return { text, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'backspace':
      return cursor === 0 ? s : { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor };
    case 'kill-before':
      return { text: text.slice(cursor), cursor: 0 };
    case 'kill-after':
      return { text: text.slice(0, cursor), cursor };
    case 'kill-word': {
      const start = wordStart(text, cursor);
      return { text: text.slice(0, start) + text.slice(cursor), cursor: start };
    }
    default:
      return s;
  }
}

export interface Rendered {
  /** what to write to the terminal */
  data: string;
  /** the row (counted from the prompt's row) the cursor ends on; pass it to the next render */
  cursorRow: number;
}

/**
 * What the terminal needs to show `state` after `prompt` in a terminal `cols` wide: go back to the
 * prompt's row (`fromRow` rows up), clear to the end of the screen, print, then walk the cursor back.
 * Lines longer than the terminal wrap, so this works in rows, not in one line. `promptWidth` is the
 * prompt's visible width (it may hold colour codes); every character is taken to be one column.
 */
export function renderLine(prompt: string, promptWidth: number, s: LineState, cols: number, fromRow = 0): Rendered {
  const end = promptWidth + s.text.length;
  const target = promptWidth + s.cursor;
  let data = `${fromRow > 0 ? `\x1b[${fromRow}A` : ''}\r\x1b[J${prompt}${s.text}`;
  // exactly at the right margin the cursor waits on the last column: step onto the next row as bash does
  if (s.text.length > 0 && end % cols === 0) data += ' \r';
  const endRow = Math.floor(end / cols);
  const row = Math.floor(target / cols);
  const col = target % cols;
  if (endRow > row) data += `\x1b[${endRow - row}A`;
  if (row !== endRow || col !== end % cols) data += `\r${col > 0 ? `\x1b[${col}C` : ''}`;
  return { data, cursorRow: row };
}
