// The Go toolchain of the golang image as far as the lessons use it: `go build -o app .` turns the
// package's .go files into a binary, `go mod download` / `go mod init`, `go version`, `go run .`. A
// binary is an ELF stand-in of a realistic declared size that carries its package source, so wherever
// it is copied (a scratch or alpine runtime stage) running it does what the source says (sample-apps).
import type { Run, Program, ProgramContext } from '../daemon/process/program';
import type { Listener } from '../daemon/process/plan';
import { exited, stderrLine } from '../daemon/process/program';
import { resolvePath, type FileSystem } from '../fs/types';
import { writeSized } from './copy';
import { recogniseApp } from './sample-apps';

const ELF = '\u007fELF\u0002\u0001\u0001';
const GO_MARKER = `${ELF}\n// Go binary; package source:\n`;
/** a statically linked hello world vs one that links net/http */
const BINARY_SIZE = { plain: 2_138_112, http: 7_402_496 };

export const isGoBinary = (content: string): boolean => content.startsWith(GO_MARKER);

/** The package's .go files in `dir` (tests left out), concatenated as the binary carries them. */
function packageSource(fs: FileSystem, dir: string): string | undefined {
  if (fs.stat(dir)?.type !== 'dir') return undefined;
  const files = fs.readdir(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
  if (files.length === 0) return undefined;
  return files.map((n) => fs.readFile(`${dir === '/' ? '' : dir}/${n}`)).join('\n');
}

/** What running a Go program with this source does. */
export function goProgramRun(source: string, ctx: ProgramContext): Run {
  const app = recogniseApp('go', source, ctx.env);
  // the log package writes to stderr with a timestamp; fmt.Println to stdout
  const stream = /\blog\.Print/.test(source) ? ('stderr' as const) : ('stdout' as const);
  const output = app.startup.map((text) => ({ at: 20, stream, text: logPrefix(source, ctx.now + 20) + text }));
  if (!app.server) return { output, duration: 30, code: 0 };
  const { port, body, contentType } = app.server;
  const listener: Listener = { port, handler: 'text', options: { body, contentType } };
  return { output, duration: Infinity, code: 0, memory: 6 * 1024 * 1024, listens: [listener] };
}

/** log.Printf/Println prefix the date and time (fmt.Println does not: those lines go to stdout unprefixed) */
function logPrefix(source: string, at: number): string {
  if (!/\blog\.Print/.test(source)) return '';
  const d = new Date(at).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '/')} ${d.slice(11, 19)} `;
}

/** A Go binary built by `go build`, run as a program. */
export const goBinary = (content: string): Program => (ctx) => goProgramRun(content.slice(GO_MARKER.length), ctx);

function build(ctx: ProgramContext, args: string[]): Run {
  const fs = ctx.sys.fs;
  const cwd = ctx.workingDir || '/';
  let out: string | undefined;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o') out = args[++i];
    else if (args[i]!.startsWith('-o=')) out = args[i]!.slice(3);
    else if (!args[i]!.startsWith('-')) targets.push(args[i]!);
  }
  const target = targets[0] ?? '.';
  const dir = resolvePath(cwd, target.endsWith('.go') ? '.' : target.replace(/\/\.\.\.$/, ''));
  const source = packageSource(fs, dir);
  if (!source) return exited(1, stderrLine(`no Go files in ${dir}`));
  if (!/^\s*package main\b/m.test(source)) return exited(0);
  const module = fs.stat(`${cwd === '/' ? '' : cwd}/go.mod`) ? /module\s+(\S+)/.exec(fs.readFile(`${cwd === '/' ? '' : cwd}/go.mod`))?.[1] : undefined;
  const name = (module ?? dir).replace(/^.*\//, '') || 'main';
  const dest = resolvePath(cwd, out ?? name);
  const path = fs.stat(dest)?.type === 'dir' ? `${dest}/${name}` : dest;
  // go build makes the output's directory when it is missing
  fs.mkdir(resolvePath(path, '..'), { parents: true });
  writeSized(fs, path, GO_MARKER + source, 0o755, /"net\/http"/.test(source) ? BINARY_SIZE.http : BINARY_SIZE.plain);
  // compiling takes a while: more for net/http
  return { output: [], duration: /"net\/http"/.test(source) ? 4200 : 1800, code: 0 };
}

/** the golang image says its version in its environment */
const goVersion = (ctx: ProgramContext) => ctx.env['GOLANG_VERSION'] ?? '1.25.0';

/** `go …` */
export const goTool: Program = (ctx, argv) => {
  const [cmd, ...args] = argv.slice(1);
  switch (cmd) {
    case 'version':
      return exited(0, `go version go${goVersion(ctx)} linux/amd64`);
    case 'build':
      return build(ctx, args);
    case 'mod':
      if (args[0] === 'init') {
        const fs = ctx.sys.fs;
        const path = resolvePath(ctx.workingDir || '/', 'go.mod');
        if (fs.stat(path)) return exited(1, stderrLine(`go: ${path} already exists`));
        fs.writeFile(path, `module ${args[1] ?? 'app'}\n\ngo ${goVersion(ctx).split('.').slice(0, 2).join('.')}\n`);
        return exited(0, stderrLine(`go: creating new go.mod: module ${args[1] ?? 'app'}`));
      }
      // download / tidy: the lessons' programs use the standard library only
      return exited(0);
    case 'run': {
      const source = packageSource(ctx.sys.fs, resolvePath(ctx.workingDir || '/', (args[0] ?? '.').endsWith('.go') ? '.' : (args[0] ?? '.')));
      return source ? goProgramRun(source, ctx) : exited(1, stderrLine('no Go files'));
    }
    case undefined:
      return exited(2, stderrLine('Go is a tool for managing Go source code.'));
    default:
      return exited(2, stderrLine(`go ${cmd}: unknown command\nRun 'go help' for usage.`));
  }
};
