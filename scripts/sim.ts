// Headless and interactive front end for the simulated engine.
//   npm run --silent sim -- --json --images busybox:latest < commands.txt
// reads one command line per stdin line and prints one JSON object per line:
//   {"cmd": …, "stdout": …, "stderr": …, "exit": N}
// Without --json on a terminal it is a small REPL (the host shell's prompt); without --json and without
// a terminal it prints a readable transcript. Lines are host shell lines too (`echo hi > a.txt`, `ls`).
//
// --tty makes the sim act as a terminal (the default when stdin is one): `docker run -it …` then opens a
// session, and the following lines are typed into it until it ends (`exit`, or a line `^P^Q` to detach);
// without it, docker answers "the input device is not a TTY" as it does with piped input. In --json mode
// a line typed into a session prints {"cmd","stdout","stderr","exit","session":true} (stdout: what the
// TTY showed, exit: the session's status once it ended, else 0), and an answer that asks the terminal
// to clear its screen carries "clear":true.
import { createInterface } from 'node:readline';
import { createEngine, type InteractiveStream } from '../src/engine';

interface SimOptions {
  json: boolean;
  images: string[];
  seed?: number;
  tty?: boolean;
}

/** what a session line may spell the detach keys as (a script cannot type Ctrl-P Ctrl-Q) */
const DETACH_LINE = '^P^Q';

function parseArgs(argv: string[]): SimOptions {
  const opts: SimOptions = { json: false, images: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${name} needs a value`);
      return v;
    };
    if (name === '--json') opts.json = true;
    else if (name === '--images')
      opts.images.push(
        ...value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else if (name === '--seed') opts.seed = Number(value());
    else if (name === '--tty') opts.tty = true;
    else fail(`unknown option ${a} (usage: sim [--json] [--tty] [--images ref[,ref…]]… [--seed n])`);
  }
  return opts;
}

function fail(msg: string): never {
  process.stderr.write(`sim: ${msg}\n`);
  process.exit(2);
}

/** An open interactive session: what it printed since the last look, and its status once it ended. */
interface OpenSession {
  stream: InteractiveStream;
  take(): string;
  exit: number | null;
}

function follow(stream: InteractiveStream, live?: (text: string) => void): OpenSession {
  let pending = '';
  const s: OpenSession = {
    stream,
    exit: null,
    take() {
      const text = pending;
      pending = '';
      return text;
    },
  };
  stream.onData((text) => (live ? live(text) : (pending += text)));
  stream.onExit((code) => (s.exit = code));
  return s;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const engine = createEngine({ images: opts.images, seed: opts.seed });
  const interactive = !opts.json && process.stdin.isTTY === true;
  const tty = opts.tty ?? process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  // a session draws its own prompt: the REPL shows none while one is open
  const prompt = (text: string) => {
    if (!interactive) return;
    rl.setPrompt(text);
    rl.prompt();
  };
  prompt(engine.host.prompt());
  let session: OpenSession | undefined;
  // for humans, a line ending in '\\' continues on the next one (the JSON contract stays one line, one answer)
  let pending = '';
  for await (const input of rl) {
    if (session) {
      session.stream.write(input === DETACH_LINE ? '\x10\x11' : input + '\r');
      const shown = session.take();
      const ended = session.exit;
      if (opts.json) process.stdout.write(JSON.stringify({ cmd: input, stdout: shown, stderr: '', exit: ended ?? 0, session: true }) + '\n');
      else process.stdout.write((interactive ? '' : input + '\r\n') + shown); // a transcript shows what the TTY echoed
      if (ended !== null) {
        session = undefined;
        if (!opts.json) process.stdout.write('\n');
        prompt(engine.host.prompt());
      } else prompt('');
      continue;
    }
    if (!opts.json && input.endsWith('\\')) {
      pending += input + '\n';
      prompt('> ');
      continue;
    }
    const line = pending + input;
    pending = '';
    const r = engine.exec(line, { tty });
    if (r.session) session = follow(r.session);
    const opened = session?.take() ?? '';
    if (opts.json) {
      process.stdout.write(JSON.stringify({ cmd: line, stdout: r.stdout + opened, stderr: r.stderr, exit: r.exit, ...(r.clear ? { clear: true } : {}) }) + '\n');
      continue;
    }
    if (!interactive) process.stdout.write(`$ ${line}\n`);
    if (r.clear && interactive) process.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    for (const chunk of r.output) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
    process.stdout.write(opened);
    prompt(session ? '' : engine.host.prompt());
  }
}

void main();
