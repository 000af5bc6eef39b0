// Headless and interactive front end for the simulated engine.
//   npm run --silent sim -- --json --images busybox:latest < commands.txt
// reads one command line per stdin line and prints one JSON object per line:
//   {"cmd": …, "stdout": …, "stderr": …, "exit": N}
// Without --json on a terminal it is a small REPL (prompt "$ "); without --json and without a
// terminal it prints a readable transcript.
import { createInterface } from 'node:readline';
import { createEngine } from '../src/engine';

interface SimOptions {
  json: boolean;
  images: string[];
  seed?: number;
}

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
    else fail(`unknown option ${a} (usage: sim [--json] [--images ref[,ref…]]… [--seed n])`);
  }
  return opts;
}

function fail(msg: string): never {
  process.stderr.write(`sim: ${msg}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const engine = createEngine({ images: opts.images, seed: opts.seed });
  const interactive = !opts.json && process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) {
    rl.setPrompt('$ ');
    rl.prompt();
  }
  // for humans, a line ending in '\' continues on the next one (the JSON contract stays one line, one answer)
  let pending = '';
  for await (const input of rl) {
    if (!opts.json && input.endsWith('\\')) {
      pending += input + '\n';
      if (interactive) {
        rl.setPrompt('> ');
        rl.prompt();
      }
      continue;
    }
    const line = pending + input;
    pending = '';
    if (interactive) rl.setPrompt('$ ');
    const r = engine.exec(line);
    if (opts.json) {
      process.stdout.write(JSON.stringify({ cmd: line, stdout: r.stdout, stderr: r.stderr, exit: r.exit }) + '\n');
      continue;
    }
    if (!interactive) process.stdout.write(`$ ${line}\n`);
    for (const chunk of r.output) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
    if (interactive) rl.prompt();
  }
}

void main();
