// Servers that speak their own protocol over TCP (not HTTP): a listener names one of these handlers,
// which answers one request (a command as words). Built in: a redis server's everyday string commands,
// enough for `redis-cli -h cache ping|set|get`. Its keys live in its dump file under /data (the official
// image's volume), so they survive a restart, and a new container on the same volume finds them.
import type { TcpReply } from '../../shell/services';
import type { Stream } from '../process/plan';
import type { ServerView } from './http-handlers';

export type TcpHandler = (request: string[], server: ServerView) => { reply: TcpReply; log: { stream: Stream; text: string }[] };

/** The dump file's stand-in format: the RDB magic line, then the keys as JSON. */
const RDB_MAGIC = 'REDIS0011';

function loadKeys(server: ServerView, path: string): Record<string, string> {
  const fs = server.fs;
  if (!fs || fs.stat(path)?.type !== 'file') return {};
  const [magic, json = '{}'] = fs.readFile(path).split('\n');
  try {
    return magic === RDB_MAGIC ? (JSON.parse(json) as Record<string, string>) : {};
  } catch {
    return {}; // a dump file edited by hand: redis would refuse it; start empty
  }
}

function saveKeys(server: ServerView, path: string, keys: Record<string, string>): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (server.fs?.stat(dir)?.type === 'dir') server.fs.writeFile(path, `${RDB_MAGIC}\n${JSON.stringify(keys)}`);
}

const ok: TcpReply = { string: 'OK' };
const wrongArgs = (cmd: string): TcpReply => ({ error: `ERR wrong number of arguments for '${cmd}' command` });

/** redis 7: strings, counters and key listing; anything else is refused in redis's words. */
const redis: TcpHandler = (request, server) => {
  const dump = String(server.options['dir'] ?? '/data') + '/dump.rdb';
  const state = loadKeys(server, dump);
  const [name = '', ...args] = request;
  const cmd = name.toLowerCase();
  const arity: Record<string, (n: number) => boolean> = {
    ping: (n) => n <= 1, echo: (n) => n === 1, set: (n) => n >= 2, get: (n) => n === 1, del: (n) => n >= 1,
    exists: (n) => n >= 1, incr: (n) => n === 1, keys: (n) => n === 1, dbsize: (n) => n === 0, flushall: (n) => n <= 1,
  };
  const reply = (r: TcpReply, changed = false) => {
    if (changed) saveKeys(server, dump, state);
    return { reply: r, log: [] };
  };
  if (!(cmd in arity)) {
    const shown = args.map((a) => `'${a}'`).join(' ');
    return reply({ error: `ERR unknown command '${name}', with args beginning with: ${shown}${shown ? ' ' : ''}` });
  }
  if (!arity[cmd]!(args.length)) return reply(wrongArgs(cmd));
  const [key = '', value = ''] = args;
  switch (cmd) {
    case 'ping':
      return reply({ string: args[0] ?? 'PONG' });
    case 'echo':
      return reply({ string: key });
    case 'set':
      state[key] = value;
      return reply(ok, true);
    case 'get':
      return reply(key in state ? { string: state[key]! } : { nil: true });
    case 'del':
    case 'exists': {
      const present = args.filter((k) => k in state);
      if (cmd === 'del') for (const k of present) delete state[k];
      return reply({ integer: present.length }, cmd === 'del');
    }
    case 'incr': {
      const current = state[key] ?? '0';
      if (!/^-?\d+$/.test(current)) return reply({ error: 'ERR value is not an integer or out of range' });
      state[key] = String(Number(current) + 1);
      return reply({ integer: Number(state[key]) }, true);
    }
    case 'keys': {
      const pattern = new RegExp(`^${key.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
      return reply({ array: Object.keys(state).filter((k) => pattern.test(k)).sort().map((k) => ({ string: k })) });
    }
    case 'dbsize':
      return reply({ integer: Object.keys(state).length });
    default: // flushall
      for (const k of Object.keys(state)) delete state[k];
      return reply(ok, true);
  }
};

const handlers = new Map<string, TcpHandler>([['redis', redis]]);

/** Adds a protocol handler a plan's listener can name. */
export function registerTcpHandler(name: string, handler: TcpHandler): void {
  handlers.set(name, handler);
}

export const tcpHandler = (name: string): TcpHandler | undefined => handlers.get(name);
