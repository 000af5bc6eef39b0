// Shells and language REPLs started without a script: they read stdin, so they wait while stdin is open
// (`-i`, `-dit`) and exit 0 at once when it is not — which is why `docker run ubuntu` stops immediately.
// Given a script file (`node server.js`, `python app.py`), the interpreter reads it from the container's
// file system and does what its source says (builder/sample-apps.ts): print its start-up lines, and
// for a server keep running and answer HTTP on its port with the `text` handler.
import { recogniseApp, type AppLanguage } from '../../../builder/sample-apps';
import { resolvePath } from '../../../fs/types';
import type { Listener } from '../plan';
import { exited, notSimulated, stderrLine, waiting, type Program, type ProgramContext, type Run } from '../program';

const MiB = 1024 * 1024;

/** A REPL-like program: no arguments → read stdin; `-c`/`-e` code is beyond the model. */
export const repl = (name: string, memory: number): Program => (ctx, argv) => {
  if (argv.length > 1) return notSimulated(`${name} ${argv.slice(1).join(' ')}`);
  return ctx.stdinOpen ? waiting(memory) : exited(0);
};

/** What each interpreter prints for a script that is not there (Node 22, CPython 3.13). */
const MISSING: Record<'node' | 'python', (path: string, ctx: ProgramContext, invokedAs: string) => Run> = {
  node: (path, ctx) =>
    exited(
      1,
      ...[
        'node:internal/modules/cjs/loader:1228',
        '  throw err;',
        '  ^',
        '',
        `Error: Cannot find module '${path}'`,
        '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
        '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
        '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)',
        '    at node:internal/main/run_main_module:28:49 {',
        "  code: 'MODULE_NOT_FOUND',",
        '  requireStack: []',
        '}',
        '',
        `Node.js v${ctx.env['NODE_VERSION'] ?? '22.11.0'}`,
      ].map(stderrLine),
    ),
  python: (path, _ctx, invokedAs) => exited(2, stderrLine(`${invokedAs}: can't open file '${path}': [Errno 2] No such file or directory`)),
};

/** `node script.js` / `python app.py`: run a script from the file system; options and no script fall back to `repl`. */
export const interpreter = (name: string, lang: AppLanguage & ('node' | 'python'), memory: number): Program => (ctx, argv) => {
  const script = argv[1];
  if (script === undefined || script.startsWith('-')) return repl(name, memory)(ctx, argv);
  const path = resolvePath(ctx.workingDir || '/', script);
  const st = ctx.sys.fs.stat(path);
  if (!st || st.type !== 'file') return MISSING[lang](path, ctx, name);
  const app = recogniseApp(lang, ctx.sys.fs.readFile(path), ctx.env);
  const output = app.startup.map((text) => ({ at: 50, stream: 'stdout' as const, text }));
  if (!app.server) return { output, duration: 60, code: 0, memory };
  const { port, body, contentType } = app.server;
  const listener: Listener = {
    port,
    handler: 'text',
    // Python's development servers log each request on stderr in their own format
    options: { body, contentType, ...(lang === 'python' ? { log: '{client} - - [{date}] "{method} {path} HTTP/1.1" {status} -', logStream: 'stderr' } : {}) },
  };
  // no SIGTERM handler: as PID 1 the interpreter ignores `docker stop`'s TERM and is killed after 10 s
  return { output, duration: Infinity, code: 0, memory: memory + 4 * MiB, listens: [listener] };
};
