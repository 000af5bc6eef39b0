// Shells and language REPLs started without a script: they read stdin, so they wait while stdin is open
// (`-i`, `-dit`) and exit 0 at once when it is not — which is why `docker run ubuntu` stops immediately.
import { notSimulated, waiting, exited, type Program } from '../program';

/** A REPL-like program: no arguments → read stdin; with arguments it would run code (runtime issue). */
export const repl = (name: string, memory: number): Program => (ctx, argv) => {
  if (argv.length > 1) return notSimulated(`${name} ${argv.slice(1).join(' ')}`);
  return ctx.stdinOpen ? waiting(memory) : exited(0);
};
