// Servers that speak their own protocol over TCP (not HTTP): a listener names one of these handlers,
// which answers one request (a command as words) from the state the process keeps between requests.
// Built in: a redis server's everyday string commands, enough for `redis-cli -h cache ping|set|get`.
import type { TcpReply } from '../../shell/services';
import type { Stream } from '../process/plan';
import type { ServerView } from './http-handlers';

export type TcpHandler = (request: string[], server: ServerView & { state: Record<string, string> }) => { reply: TcpReply; log: { stream: Stream; text: string }[] };

const ok: TcpReply = { string: 'OK' };
const wrongArgs = (cmd: string): TcpReply => ({ error: `ERR wrong number of arguments for '${cmd}' command` });

/** redis 7: strings, counters and key listing; anything else is refused in redis's words. */
const redis: TcpHandler = (request, { state }) => {
  const [name = '', ...args] = request;
  const cmd = name.toLowerCase();
  const arity: Record<string, (n: number) => boolean> = {
    ping: (n) => n <= 1, echo: (n) => n === 1, set: (n) => n >= 2, get: (n) => n === 1, del: (n) => n >= 1,
    exists: (n) => n >= 1, incr: (n) => n === 1, keys: (n) => n === 1, dbsize: (n) => n === 0, flushall: (n) => n <= 1,
  };
  const reply = (r: TcpReply) => ({ reply: r, log: [] });
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
      return reply(ok);
    case 'get':
      return reply(key in state ? { string: state[key]! } : { nil: true });
    case 'del':
    case 'exists': {
      const present = args.filter((k) => k in state);
      if (cmd === 'del') for (const k of present) delete state[k];
      return reply({ integer: present.length });
    }
    case 'incr': {
      const current = state[key] ?? '0';
      if (!/^-?\d+$/.test(current)) return reply({ error: 'ERR value is not an integer or out of range' });
      state[key] = String(Number(current) + 1);
      return reply({ integer: Number(state[key]) });
    }
    case 'keys': {
      const pattern = new RegExp(`^${key.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
      return reply({ array: Object.keys(state).filter((k) => pattern.test(k)).sort().map((k) => ({ string: k })) });
    }
    case 'dbsize':
      return reply({ integer: Object.keys(state).length });
    default:
      for (const k of Object.keys(state)) delete state[k];
      return reply(ok);
  }
};

const handlers = new Map<string, TcpHandler>([['redis', redis]]);

/** Adds a protocol handler a plan's listener can name. */
export function registerTcpHandler(name: string, handler: TcpHandler): void {
  handlers.set(name, handler);
}

export const tcpHandler = (name: string): TcpHandler | undefined => handlers.get(name);
