// The xterm.js side of the lab: a prompt with the line editor, history and completion, commands handed
// to a callback, and a plain-text transcript of everything shown (for the live region and the
// "plain text" view). A command may hand back a stream (`logs -f`) or an interactive session (`run -it`):
// the terminal then follows it, or becomes the session's TTY, until it ends. Editing rules live in
// ../line-editor.ts; this file only draws.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { InteractiveStream } from '../../engine';
import { applyCompletion, complete, type Names } from '../completion';
import { History } from '../history';
import { decodeKeys, edit, EMPTY_LINE, renderLine, type Key, type LineState } from '../line-editor';

const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PLAIN_PROMPT = '$ ';
const RED = (s: string) => `\x1b[31m${s}\x1b[0m`;
const plainText = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

/**
 * What a command left running: a stream to follow until Ctrl-C or its end (with `input`, the keys go to
 * it raw, as to a pseudo-terminal that echoes itself), or a session the terminal edits lines for.
 */
export type Running = { kind: 'stream'; close(): void; input?(data: string): void } | { kind: 'session'; session: InteractiveStream };

export interface TerminalHost {
  history(): History;
  names(): Names;
  /**
   * The gate before a line runs: a promise when something it needs is still loading (the engine, a part
   * loaded on demand); keys typed meanwhile wait and are replayed after. undefined: run at once.
   */
  prepare(line: string): Promise<void> | undefined;
  /** runs a line; `ended` is called when what it left running ends by itself (the container exited) */
  run(line: string, out: (text: string, isError: boolean) => void, ended: () => void): Running | undefined;
  /** called with the text of each finished command's output (for the live region) */
  announce(text: string): void;
  /** the transcript changed */
  transcriptChanged(): void;
  /** an interactive session ended and the docker prompt is back */
  sessionEnded(): void;
}

/** the terminal as an interactive session's TTY */
interface Attached {
  session: InteractiveStream;
  /** what the session printed since its last newline: its shell's prompt, the line is edited after it */
  prompt: string;
  /** the lines typed in this session, apart from the docker prompt's history */
  history: History;
  unsubscribe: (() => void)[];
}

export class LabTerminal {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private line: LineState = EMPTY_LINE;
  private stream: Extract<Running, { kind: 'stream' }> | undefined;
  private attached: Attached | undefined;
  /** Ctrl-P was the last key in a session: a Ctrl-Q now detaches */
  private detachArmed = false;
  /** keys typed while a line waits at the gate, handled once it has run */
  private typeAhead: Key[] | undefined;
  /** the cursor's row below the prompt's, for redrawing a wrapped line */
  private row = 0;
  /** the last output ended its line (or nothing was written since the prompt) */
  private atLineStart = true;
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
    return [...this.lines, this.promptText + this.line.text].join('\n');
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
    if (this.busy) return;
    this.line = edit(this.line, { kind: 'insert', text });
    this.redraw();
  }

  /**
   * A note from outside the terminal (undo, reset…) shown between prompts; it ends what the last command
   * left running, as the engine it ran in is replaced.
   */
  note(text: string): void {
    this.stopStream(false);
    this.detach(true);
    this.write(renderLine('', 0, EMPTY_LINE, this.term.cols, this.row).data);
    this.print(`\x1b[2m${text}\x1b[0m`, text);
    this.line = EMPTY_LINE;
    this.prompt();
  }

  /** a line is waiting at the gate, or a stream is being followed */
  private get busy(): boolean {
    return this.typeAhead !== undefined || this.stream !== undefined;
  }

  private get promptText(): string {
    return this.attached ? this.attached.prompt : PLAIN_PROMPT;
  }

  private resize(): void {
    if (this.el.offsetParent === null) return;
    this.fit.fit();
    this.attached?.session.resize(this.term.cols, this.term.rows);
    this.term.scrollToBottom(); // keep the prompt in view when the box shrinks
  }

  private input(data: string): void {
    if (this.stream?.input) return this.stream.input(data);
    this.handle(decodeKeys(data));
  }

  private handle(keys: Key[]): void {
    if (this.typeAhead) {
      this.typeAhead.push(...keys);
      return;
    }
    this.batch = '';
    try {
      for (const [i, key] of keys.entries()) {
        this.key(key);
        // the line went to the gate to wait: the keys after it wait too (key() may have set typeAhead)
        const waiting = this.typeAhead as Key[] | undefined;
        if (waiting) {
          waiting.push(...keys.slice(i + 1));
          break;
        }
      }
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
    const history = this.attached?.history ?? this.host.history();
    // docker's detach keys: Ctrl-P then Ctrl-Q leaves the session running (any other key cancels)
    const armed = this.detachArmed;
    this.detachArmed = false;
    switch (key.kind) {
      case 'detach-prefix':
        if (this.attached) {
          this.detachArmed = true;
          return;
        }
        return this.key({ kind: 'up' }); // readline's Ctrl-P
      case 'detach':
        if (this.attached && armed) this.attached.session.write('\x10\x11');
        return;
      case 'enter':
        return this.attached ? this.sendLine(this.attached) : this.submit();
      case 'interrupt':
        this.line = { text: this.line.text, cursor: this.line.text.length };
        this.redraw();
        if (this.attached) {
          // the session's line discipline echoes ^C and its shell prints the prompt again
          this.attached.prompt += this.line.text;
          this.line = EMPTY_LINE;
          return this.attached.session.write('\x03');
        }
        this.write('^C\r\n');
        this.row = 0;
        this.atLineStart = true;
        this.lines.push(this.promptText + this.line.text + '^C');
        this.line = EMPTY_LINE;
        return this.prompt();
      case 'eof':
        if (this.attached && this.line.text === '') this.attached.session.write('\x04');
        return;
      case 'clear-screen':
        return this.clearScreen();
      case 'up':
      case 'down': {
        const text = key.kind === 'up' ? history.up(this.line.text) : history.down();
        if (text !== undefined) this.line = { text, cursor: text.length };
        return this.redraw();
      }
      case 'tab': {
        if (this.attached) return; // completion knows docker commands, not the container's shell
        const { line, listed } = applyCompletion(this.line, complete(this.line, this.host.names()));
        this.line = line;
        if (listed.length > 0) {
          this.write(renderLine(PROMPT, PLAIN_PROMPT.length, { text: this.line.text, cursor: this.line.text.length }, this.term.cols, this.row).data);
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

  private clearScreen(): void {
    this.flush();
    this.term.clear();
    this.row = 0;
    this.redraw();
  }

  /** ends the line being typed: it is shown, kept in the transcript, and handed back */
  private takeLine(): string {
    const text = this.line.text;
    this.line = { text, cursor: text.length };
    this.redraw();
    this.write('\r\n');
    this.row = 0;
    this.atLineStart = true;
    this.lines.push(this.promptText + text);
    this.line = EMPTY_LINE;
    return text;
  }

  private submit(): void {
    const command = this.takeLine().trim();
    if (command === 'clear') {
      this.host.history().add(command);
      this.flush();
      this.term.clear();
      this.write('\x1b[2K\r');
      return this.prompt();
    }
    if (!command) return this.prompt();
    const wait = this.host.prepare(command);
    if (!wait) return this.execute(command);
    this.typeAhead = [];
    void wait.then(() => {
      const typed = this.typeAhead ?? [];
      this.typeAhead = undefined;
      this.batch = '';
      this.execute(command);
      this.flush();
      this.batch = undefined;
      this.handle(typed);
    });
  }

  private execute(command: string): void {
    let shown = '';
    const out = (chunk: string, isError: boolean) => {
      shown += chunk;
      this.output(isError ? RED(chunk) : chunk, chunk);
    };
    let running: Running | undefined;
    running = this.host.run(command, out, () => {
      if (running?.kind === 'stream' && this.stream === running) this.streamEnded();
    });
    if (plainText(shown)) this.host.announce(plainText(shown));
    if (running?.kind === 'session') return this.attach(running.session);
    if (!this.atLineStart) this.write('\r\n');
    this.atLineStart = true;
    if (running) {
      this.stream = running;
      this.host.announce('Following output. Press Control C to stop.');
      return;
    }
    this.prompt();
  }

  /** a line typed in an interactive session goes to its shell; its answer comes back through onData */
  private sendLine(attached: Attached): void {
    const text = this.takeLine();
    attached.prompt = '';
    if (text.trim()) attached.history.add(text);
    attached.session.write(text + '\n');
  }

  private attach(session: InteractiveStream): void {
    const attached: Attached = { session, prompt: '', history: new History([]), unsubscribe: [] };
    this.attached = attached;
    attached.unsubscribe.push(
      session.onData((text) => {
        this.write(text);
        this.atLineStart = text.endsWith('\n');
        this.row = 0;
        // whole lines go to the transcript; the rest is the prompt the next line is typed after
        const lines = (attached.prompt + plainText(text)).split('\n');
        attached.prompt = lines.pop()!;
        this.lines.push(...lines);
        this.host.transcriptChanged();
      }),
      session.onExit(() => this.detach(false)),
    );
    session.resize(this.term.cols, this.term.rows);
    this.host.announce('Attached to the container. Type exit or press Control D to leave.');
  }

  /** back to the docker prompt: the session ended by itself, or is closed because the lab moved on */
  private detach(close: boolean): void {
    const attached = this.attached;
    if (!attached) return;
    this.attached = undefined;
    for (const off of attached.unsubscribe) off();
    if (close) attached.session.close();
    if (attached.prompt) this.lines.push(attached.prompt);
    if (!this.atLineStart) this.write('\r\n');
    this.atLineStart = true;
    this.row = 0;
    this.line = EMPTY_LINE;
    if (!close) {
      this.prompt();
      this.host.sessionEnded();
    }
  }

  private output(text: string, plain: string): void {
    this.write(text);
    this.record(plain);
    // a control sequence alone (the screen cleared) leaves the cursor where a line starts
    if (plainText(text)) this.atLineStart = text.endsWith('\n');
  }

  private streamEnded(): void {
    this.stream = undefined;
    if (!this.atLineStart) this.write('\r\n');
    this.atLineStart = true;
    this.row = 0;
    this.prompt();
  }

  private stopStream(showInterrupt: boolean): void {
    if (!this.stream) return;
    this.stream.close();
    this.stream = undefined;
    if (showInterrupt) {
      this.write('^C\r\n');
      this.row = 0;
      this.atLineStart = true;
      this.lines.push('^C');
      this.prompt();
    }
  }

  /** appends output to the transcript, line by line */
  private record(chunk: string): void {
    const text = plainText(chunk);
    if (text) this.lines.push(...text.replace(/\n$/, '').split('\n'));
  }

  private print(text: string, plain = text): void {
    this.write(text.replace(/\n?$/, '\n'));
    this.row = 0;
    this.atLineStart = true;
    this.record(plain);
  }

  private prompt(): void {
    this.redraw();
  }

  private redraw(): void {
    // in a session the shell has printed its prompt: the line is redrawn after it, not with it
    const [prompt, width] = this.attached ? [this.attached.prompt, this.attached.prompt.length] : [PROMPT, PLAIN_PROMPT.length];
    const { data, cursorRow } = renderLine(prompt, width, this.line, this.term.cols, this.row);
    this.write(data);
    this.row = cursorRow;
    this.host.transcriptChanged();
  }
}
