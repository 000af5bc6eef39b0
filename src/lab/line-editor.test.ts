import { describe, expect, it } from 'vitest';
import { decodeKeys, edit, EMPTY_LINE, renderLine, type Key, type LineState } from './line-editor';

const apply = (s: LineState, data: string) => decodeKeys(data).reduce(edit, s);

describe('decodeKeys', () => {
  it('turns printable runs into one insert and escape sequences into keys', () => {
    expect(decodeKeys('ab\x1b[D\x1b[3~\x01\x05\r')).toEqual<Key[]>([
      { kind: 'insert', text: 'ab' },
      { kind: 'left' },
      { kind: 'delete' },
      { kind: 'home' },
      { kind: 'end' },
      { kind: 'enter' },
    ]);
  });
  it('splits a multi-line paste into lines with one enter each (CRLF counts once)', () => {
    expect(decodeKeys('docker ps\r\ndocker images\n')).toEqual([
      { kind: 'insert', text: 'docker ps' },
      { kind: 'enter' },
      { kind: 'insert', text: 'docker images' },
      { kind: 'enter' },
    ]);
  });
  it('knows the control keys and drops unknown escape sequences', () => {
    expect(decodeKeys('\x03\x04\x0c\x15\x17\x0b\t\x7f').map((k) => k.kind)).toEqual(['interrupt', 'eof', 'clear-screen', 'kill-before', 'kill-word', 'kill-after', 'tab', 'backspace']);
    expect(decodeKeys('\x1b[15~x\x1bOA')).toEqual([{ kind: 'insert', text: 'x' }, { kind: 'up' }]);
  });
});

describe('edit', () => {
  it('inserts at the cursor and moves within bounds', () => {
    expect(apply(EMPTY_LINE, 'dockr\x1b[De')).toEqual({ text: 'docker', cursor: 5 });
    expect(apply(EMPTY_LINE, '\x1b[D\x1b[D')).toEqual(EMPTY_LINE);
    expect(apply({ text: 'ab', cursor: 2 }, '\x1b[C')).toEqual({ text: 'ab', cursor: 2 });
  });
  it('deletes backwards, forwards, to the start, to the end and a word', () => {
    const s = { text: 'docker run busybox', cursor: 10 };
    expect(edit(s, { kind: 'backspace' })).toEqual({ text: 'docker ru busybox', cursor: 9 });
    expect(edit(s, { kind: 'delete' })).toEqual({ text: 'docker runbusybox', cursor: 10 });
    expect(edit(s, { kind: 'kill-before' })).toEqual({ text: ' busybox', cursor: 0 });
    expect(edit(s, { kind: 'kill-after' })).toEqual({ text: 'docker run', cursor: 10 });
    expect(edit({ text: 'docker run  ', cursor: 12 }, { kind: 'kill-word' })).toEqual({ text: 'docker ', cursor: 7 });
    expect(edit({ text: 'x', cursor: 0 }, { kind: 'backspace' })).toEqual({ text: 'x', cursor: 0 });
  });
});

describe('renderLine', () => {
  it('clears from the prompt, prints prompt and text, and puts the cursor back', () => {
    expect(renderLine('$ ', 2, { text: 'abc', cursor: 3 }, 80)).toEqual({ data: '\r\x1b[J$ abc', cursorRow: 0 });
    expect(renderLine('$ ', 2, { text: 'abc', cursor: 1 }, 80)).toEqual({ data: '\r\x1b[J$ abc\r\x1b[3C', cursorRow: 0 });
  });
  it('works in rows when the line wraps, starting from the row the cursor was on', () => {
    const text = 'x'.repeat(15); // prompt 2 + 15 = 17 columns in a 10-column terminal: 2 rows
    expect(renderLine('$ ', 2, { text, cursor: 15 }, 10, 1)).toEqual({ data: `\x1b[1A\r\x1b[J$ ${text}`, cursorRow: 1 });
    expect(renderLine('$ ', 2, { text, cursor: 3 }, 10)).toEqual({ data: `\r\x1b[J$ ${text}\x1b[1A\r\x1b[5C`, cursorRow: 0 });
  });
  it('steps past the right margin when the line fills it exactly', () => {
    expect(renderLine('$ ', 2, { text: 'x'.repeat(8), cursor: 8 }, 10)).toEqual({ data: `\r\x1b[J$ ${'x'.repeat(8)} \r`, cursorRow: 1 });
  });
});
