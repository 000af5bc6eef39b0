// `-it`: the CLI puts the client's terminal in raw mode and joins it to the container's TTY. Without a
// terminal (tests, the headless sim) docker refuses before anything is created. With one, the command
// hands the terminal a session; the CLI's own part is the detach keys (Ctrl-P Ctrl-Q by default).
import type { InteractiveStream } from '../../../engine';
import type { CommandContext } from '../../command';

const NOT_A_TTY = 'the input device is not a TTY\n';

export function refuseInteractive(ctx: CommandContext): number {
  ctx.io.err(NOT_A_TTY);
  return 1;
}

const CTRL_P = '\x10';
const CTRL_Q = '\x11';

/**
 * How a command ends when the learner detaches: `run` and `start` return quietly with 0 (cli run.go
 * swallows the escape error), `attach` and `exec` print docker's "read escape sequence" and exit 1.
 */
export type DetachStyle = 'quiet' | 'reported';

/** The container's TTY as the CLI relays it: input passes through until the detach sequence. */
export function relayTerminal(tty: InteractiveStream, detach: DetachStyle): InteractiveStream {
  const exits = new Set<(code: number) => void>();
  /** the terminal's output listeners, with how to unsubscribe each from the TTY */
  const listeners = new Map<(text: string) => void, () => void>();
  let pendingCtrlP = false;
  let ended: number | null = null;
  let stopExit = () => {};
  const finish = (code: number) => {
    if (ended !== null) return;
    ended = code;
    stopExit();
    for (const stop of listeners.values()) stop();
    for (const l of [...exits]) l(code);
  };
  // a process that ended before anyone listened (`run -it busybox echo hi`) reports at once
  stopExit = tty.onExit(finish);
  return {
    write(data) {
      let forward = '';
      for (const ch of data) {
        if (ended !== null) return;
        if (pendingCtrlP) {
          pendingCtrlP = false;
          if (ch === CTRL_Q) {
            if (forward) tty.write(forward);
            forward = '';
            // the shell keeps running, with its stdin still open, for a later `docker attach`
            if (detach === 'reported') for (const l of listeners.keys()) l('read escape sequence\r\n');
            finish(detach === 'reported' ? 1 : 0);
            return;
          }
          forward += CTRL_P;
        }
        if (ch === CTRL_P) pendingCtrlP = true;
        else forward += ch;
      }
      if (forward) tty.write(forward);
    },
    onData(listener) {
      listeners.set(listener, tty.onData(listener));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    onExit(listener) {
      if (ended !== null) listener(ended);
      exits.add(listener);
      return () => exits.delete(listener);
    },
    resize: (cols, rows) => tty.resize(cols, rows),
    close() {
      if (ended === null) tty.close();
    },
  };
}
