// The xterm.js side of the lab: a prompt with the line editor, history and completion, commands handed
// to a callback, and a plain-text transcript of everything shown (for the live region and the
// "plain text" view). Editing rules live in ../line-editor.ts; this file only draws.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { applyCompletion, complete, type Names } from '../completion';
import type { History } from '../history';
import { decodeKeys, edit, EMPTY_LINE, renderLine, type Key, type LineState } from '../line-editor';

const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PLAIN_PROMPT = '$ ';
const PROMPT_WIDTH = PLAIN_PROMPT.length;
const RED = (s: string) => `\x1b[31m${s}\x1b[0m`;

export interface TerminalHost {
  history(): History;
  names(): Names;
  /** runs a line; returns a stream closer when the command keeps following (logs -f) */
  run(line: string, out: (text: string, isError: boolean) => void): { close(): void } | undefined;
  /** called with the text of each finished command's output (for the live region) */
  announce(text: string): void;
  /** the transcript changed */
  transcriptChanged(): void;
}

export class LabTerminal {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private line: LineState = EMPTY_LINE;
  private stream: { close(): void } | undefined;
  /** the cursor's row below the prompt's, for redrawing a wrapped line */
  private row = 0;
  private leaving = false;
  /** the session as plain text: finished lines, then the line being typed */
  private readonly lines: string[] = [];
  /**
   * What a key has drawn so far, written to xterm in one piece once the key is handled: xterm parses the
   * first write after user input at once, but defers any further one to a later task, which put a
   * command's output a frame behind the echo of its line.
   */
  private batch: string | undefined;

  constructor(
    private readonly el: HTMLElement,
    private readonly host: TerminalHost,
    label: string,
  ) {
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: getComputedStyle(el).getPropertyValue('--lab-mono').trim() || 'monospace',
      fontSize: 14,
      lineHeight: 1.2,
      scrollback: 2000,
      theme: { background: '#0f1419', foreground: '#e6e9ef', cursor: '#6cb0ff', selectionBackground: '#2d4a6e', green: '#56d364', red: '#ff7b72', brightGreen: '#56d364' },
    });
    this.term.loadAddon(this.fit);
    this.term.open(el);
    const input = this.term.textarea!;
    input.setAttribute('aria-label', label);
    input.setAttribute('aria-describedby', el.closest('.lab')?.querySelector('.lab-hint')?.id ?? '');
    // Tab completes, so it must not trap keyboard users: on an empty line, after Esc, and with Shift it
    // moves focus as everywhere else (returning false leaves the key to the browser)
    this.term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      if (e.key === 'Escape') {
        this.leaving = true;
        return false;
      }
      const leave = e.key === 'Tab' && (this.leaving || e.shiftKey || this.line.text === '');
      this.leaving = false;
      return !leave;
    });
    this.term.onData((data) => this.input(data));
    new ResizeObserver(() => this.resize()).observe(el);
    this.resize();
  }

  /** the transcript, the line being typed included */
  get transcript(): string {
    return [...this.lines, PLAIN_PROMPT + this.line.text].join('\n');
  }

  start(greeting: string): void {
    if (greeting) this.print(greeting);
    this.prompt();
  }

  focus(): void {
    this.term.focus();
  }

  /** types text at the prompt, as if the learner had (the suggested-command buttons) */
  type(text: string): void {
    if (this.stream) return;
    this.line = edit(this.line, { kind: 'insert', text });
    this.redraw();
  }

  /** a note from outside the terminal (undo, reset…) shown between prompts */
  note(text: string): void {
    this.stopStream(false);
    this.write(renderLine('', 0, EMPTY_LINE, this.term.cols, this.row).data);
    this.print(`\x1b[2m${text}\x1b[0m`, text);
    this.line = EMPTY_LINE;
    this.prompt();
  }

  private resize(): void {
    if (this.el.offsetParent === null) return;
    this.fit.fit();
    this.term.scrollToBottom(); // keep the prompt in view when the box shrinks
  }

  private input(data: string): void {
    this.batch = '';
    try {
      for (const key of decodeKeys(data)) this.key(key);
    } finally {
      this.flush();
      this.batch = undefined;
    }
  }

  private write(data: string): void {
    if (this.batch === undefined) this.term.write(data);
    else this.batch += data;
  }

  /** writes what the key has drawn so far (before an action that xterm applies at once, like clear) */
  private flush(): void {
    if (this.batch) this.term.write(this.batch);
    if (this.batch !== undefined) this.batch = '';
  }

  private key(key: Key): void {
    if (this.stream) {
      // while a stream follows, only Ctrl-C counts, as in a real terminal
      if (key.kind === 'interrupt') this.stopStream(true);
      return;
    }
    const history = this.host.history();
    switch (key.kind) {
      case 'enter':
        return this.submit();
      case 'interrupt':
        this.line = { text: this.line.text, cursor: this.line.text.length };
        this.redraw();
        this.write('^C\r\n');
        this.row = 0;
        this.lines.push(PLAIN_PROMPT + this.line.text + '^C');
        this.line = EMPTY_LINE;
        return this.prompt();
      case 'clear-screen':
        this.flush();
        this.term.clear();
        this.row = 0;
        return this.redraw();
      case 'up':
      case 'down': {
        const text = key.kind === 'up' ? history.up(this.line.text) : history.down();
        if (text !== undefined) this.line = { text, cursor: text.length };
        return this.redraw();
      }
      case 'tab': {
        const { line, listed } = applyCompletion(this.line, complete(this.line, this.host.names()));
        this.line = line;
        if (listed.length > 0) {
          this.write(renderLine(PROMPT, PROMPT_WIDTH, { text: this.line.text, cursor: this.line.text.length }, this.term.cols, this.row).data);
          this.write('\r\n' + listed.join('  ') + '\r\n');
          this.row = 0;
        }
        return this.redraw();
      }
      default:
        this.line = edit(this.line, key);
        return this.redraw();
    }
  }

  private submit(): void {
    const text = this.line.text;
    this.line = { text, cursor: text.length };
    this.redraw();
    this.write('\r\n');
    this.row = 0;
    this.lines.push(PLAIN_PROMPT + text);
    this.line = EMPTY_LINE;
    const command = text.trim();
    if (command === 'clear') {
      this.host.history().add(command);
      this.flush();
      this.term.clear();
      this.row = 0;
      this.write('\x1b[2K\r');
      return this.prompt();
    }
    let shown = '';
    const out = (chunk: string, isError: boolean) => {
      shown += chunk;
      this.write(isError ? RED(chunk) : chunk);
      this.record(chunk);
    };
    this.stream = command ? this.host.run(command, out) : undefined;
    if (shown) this.host.announce(shown);
    if (shown && !shown.endsWith('\n')) this.write('\r\n');
    if (this.stream) {
      this.host.announce('Following output. Press Control C to stop.');
      return;
    }
    this.prompt();
  }

  private stopStream(showInterrupt: boolean): void {
    if (!this.stream) return;
    this.stream.close();
    this.stream = undefined;
    if (showInterrupt) {
      this.write('^C\r\n');
      this.row = 0;
      this.lines.push('^C');
      this.prompt();
    }
  }

  /** appends output to the transcript, line by line */
  private record(chunk: string): void {
    const parts = chunk.replace(/\n$/, '').split('\n');
    this.lines.push(...parts);
  }

  private print(text: string, plain = text): void {
    this.write(text.replace(/\n?$/, '\n'));
    this.row = 0;
    this.record(plain);
  }

  private prompt(): void {
    this.redraw();
  }

  private redraw(): void {
    const { data, cursorRow } = renderLine(PROMPT, PROMPT_WIDTH, this.line, this.term.cols, this.row);
    this.write(data);
    this.row = cursorRow;
    this.host.transcriptChanged();
  }
}
