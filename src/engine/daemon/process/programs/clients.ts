// Client programs of server images that talk to a server over the container's network:
// `redis-cli -h cache ping` sends one command and prints the reply as redis-cli does (raw when its
// output is not a terminal, `(integer) 1` / `"value"` style on a TTY).
import type { TcpReply } from '../../../shell/services';
import { exited, stderrLine, waiting, type Program } from '../program';

function formatReply(r: TcpReply, tty: boolean, indent = ''): string[] {
  if ('string' in r) return [tty ? JSON.stringify(r.string) : r.string];
  if ('integer' in r) return [tty ? `(integer) ${r.integer}` : String(r.integer)];
  if ('nil' in r) return [tty ? '(nil)' : ''];
  if ('error' in r) return [tty ? `(error) ${r.error}` : r.error];
  if (r.array.length === 0) return tty ? ['(empty array)'] : [];
  return r.array.flatMap((item, i) => {
    const lines = formatReply(item, tty, indent + '   ');
    return tty ? [`${indent}${i + 1}) ${lines[0]}`, ...lines.slice(1)] : lines;
  });
}

const CONNECT_ERRORS: Record<string, string> = {
  'bad-address': 'Name or service not known',
  refused: 'Connection refused',
  unreachable: 'Network is unreachable',
  timeout: 'Connection timed out',
  reset: 'Connection reset by peer',
};

/** `redis-cli [-h host] [-p port] [command args…]` */
export const redisCli: Program = (ctx, argv) => {
  let host = '127.0.0.1';
  let port = 6379;
  let i = 1;
  for (; i < argv.length; i++) {
    if (argv[i] === '-h' && argv[i + 1] !== undefined) host = argv[++i]!;
    else if (argv[i] === '-p' && argv[i + 1] !== undefined) port = Number(argv[++i]);
    else break;
  }
  const command = argv.slice(i);
  // no command: the interactive prompt, which reads stdin
  if (command.length === 0) return ctx.stdinOpen ? waiting(3 * 1024 * 1024) : exited(0);
  const result = ctx.sys.net.exchange?.(host, port, command) ?? { error: 'unreachable' as const };
  if ('error' in result) return exited(1, stderrLine(`Could not connect to Redis at ${host}:${port}: ${CONNECT_ERRORS[result.error]}`));
  const tty = ctx.env['TERM'] !== undefined;
  return exited('error' in result.reply && !tty ? 1 : 0, ...formatReply(result.reply, tty));
};
