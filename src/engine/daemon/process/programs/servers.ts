// Long-running servers: their start-up logs (as the official images print them, versions taken from the
// image's own environment) and how each handles the signals docker sends it.
import type { Listener, PlannedLine, SignalReaction, Stream } from '../plan';
import type { Program, Run } from '../program';
import { exited } from '../program';
import type { StampStyle } from '../stamps';
import { HOST_CPUS } from '../../system-info';

const MiB = 1024 * 1024;

const plain = (stream: Stream, texts: string[], at = 0): PlannedLine[] => texts.map((text) => ({ at, stream, text }));
const stamped = (style: StampStyle, stream: Stream) => (text: string, at = 0): PlannedLine => ({ at, stream, text, stamp: style });
const exitWith = (code: number, output: PlannedLine[]): SignalReaction => ({ code, output });

const server = (output: PlannedLine[], signals: Record<string, SignalReaction>, memory: number, listens: Listener[] = [], ps: Pick<Run, 'title' | 'children'> = {}): Run => ({
  output,
  duration: Infinity,
  code: 0,
  signals,
  memory,
  ...(listens.length ? { listens } : {}),
  ...ps,
});

// ---- nginx ---------------------------------------------------------------------------------------

const NGINX_ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** nginx in the foreground; `viaEntrypoint` when started by the official image's /docker-entrypoint.sh. */
export const nginx = (viaEntrypoint: boolean): Program => (ctx, argv) => {
  if (!argv.includes('daemon off;')) return exited(0); // nginx daemonises: PID 1 returns at once
  const version = ctx.env['NGINX_VERSION'] ?? '1.27.3';
  // worker_processes auto: one per CPU, numbered after what the entrypoint scripts used
  const workers = Array.from({ length: HOST_CPUS }, (_, i) => 29 + i);
  const line = stamped('nginx', 'stderr');
  const notice = (pid: number, text: string, at = 0) => line(`{t} [notice] ${pid}#${pid}: ${text}`, at);
  const startup = [
    ...(viaEntrypoint ? plain('stdout', NGINX_ENTRYPOINT) : []),
    ...[
      'using the "epoll" event method',
      `nginx/${version}`,
      'built by gcc 12.2.0 (Debian 12.2.0-14) ',
      'OS: Linux 6.8.0-generic',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'start worker processes',
      ...workers.map((w) => `start worker process ${w}`),
    ].map((t) => notice(1, t, 5)),
  ];
  // SIGQUIT (the image's STOPSIGNAL) is a graceful shutdown; TERM and INT a fast one. All exit 0.
  const shutdown = (signal: string, num: number, graceful: boolean) =>
    exitWith(0, [
      notice(1, `signal ${num} (SIG${signal}) received, ${graceful ? 'shutting down' : 'exiting'}`),
      ...workers.flatMap((w) => [...(graceful ? [notice(w, 'gracefully shutting down')] : []), notice(w, 'exiting'), notice(w, 'exit')]),
      ...workers.flatMap((w) => [notice(1, `signal 17 (SIGCHLD) received from ${w}`), notice(1, `worker process ${w} exited with code 0`)]),
      notice(1, 'exit'),
    ]);
  return server(
    startup,
    { QUIT: shutdown('QUIT', 3, true), TERM: shutdown('TERM', 15, false), INT: shutdown('INT', 2, false) },
    6 * MiB,
    [{ port: 80, handler: 'nginx' }],
    { title: `nginx: master process ${argv.join(' ').replace(/^\S*\//, '')}`, children: workers.map((pid) => ({ pid, command: 'nginx: worker process', user: 'nginx', memory: 2 * MiB })) },
  );
};

// ---- Apache httpd (official image) and busybox httpd ---------------------------------------------------

export const apacheHttpd: Program = (ctx) => {
  const version = ctx.env['HTTPD_VERSION'] ?? '2.4.62';
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.ip || '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
  const line = stamped('apache', 'stderr');
  const log = (module: string, text: string) => line(`[{t}] [${module}] [pid 1:tid 1] ${text}`);
  return server(
    [
      ...plain('stderr', [fqdn, fqdn]),
      log('mpm_event:notice', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`),
      log('core:notice', "AH00094: Command line: 'httpd -D FOREGROUND'"),
    ],
    {
      // SIGWINCH is the image's STOPSIGNAL: apache's graceful stop
      WINCH: exitWith(0, [log('mpm_event:notice', 'AH00492: caught SIGWINCH, shutting down gracefully')]),
      TERM: exitWith(0, [log('mpm_event:notice', 'AH00491: caught SIGTERM, shutting down')]),
    },
    8 * MiB,
    [{ port: 80, handler: 'apache' }],
    // httpd-foreground execs httpd, which starts its worker children as www-data
    { title: 'httpd -DFOREGROUND', children: [7, 8, 9].map((pid) => ({ pid, command: 'httpd -DFOREGROUND', user: 'www-data', memory: 3 * MiB })) },
  );
};

/** The value of busybox httpd's option `flag` (`-p 8080`, `-p8080`), or undefined. */
function optionValue(argv: string[], flag: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(flag) && a.length > 2) return a.slice(2);
  }
  return undefined;
}

const hasFlag = (argv: string[], letter: string): boolean => argv.slice(1).some((a) => /^-[a-zA-Z]+$/.test(a) && a.includes(letter));

/**
 * busybox `httpd -f [-v] [-p [IP:]PORT] [-h HOME]`: serves HOME (default: the working directory), logs
 * each response only with -v; as PID 1 it has no SIGTERM handler, so `docker stop` ends in SIGKILL.
 */
export const busyboxHttpd: Program = (ctx, argv) => {
  if (!hasFlag(argv, 'f')) return exited(0); // without -f it daemonises: PID 1 returns at once
  const port = Number((optionValue(argv, '-p') ?? '80').split(':').pop());
  const root = optionValue(argv, '-h') ?? (ctx.workingDir || '/');
  const listener: Listener = { port, handler: 'busybox-httpd', options: { root, verbose: hasFlag(argv, 'v') } };
  return server([], {}, 1_212_153, [listener]);
};

// ---- redis -------------------------------------------------------------------------------------------

export const redisServer: Program = (ctx, argv) => {
  const version = ctx.env['REDIS_VERSION'] ?? '7.4.1';
  const portArg = argv.indexOf('--port');
  const port = portArg > 0 && /^\d+$/.test(argv[portArg + 1] ?? '') ? Number(argv[portArg + 1]) : 6379;
  const line = stamped('redis', 'stdout');
  const log = (role: string, mark: string, text: string, at = 0) => line(`1:${role} {t} ${mark} ${text}`, at);
  const shutdown = (signal: string) =>
    exitWith(0, [
      { at: 0, stream: 'stdout', stamp: 'unix', text: `1:signal-handler ({t}) Received ${signal} scheduling shutdown...` },
      log('M', '*', 'User requested shutdown...'),
      log('M', '*', 'Saving the final RDB snapshot before exiting.'),
      log('M', '*', 'DB saved on disk'),
      log('M', '#', 'Redis is now ready to exit, bye bye...'),
    ]);
  return server(
    [
      log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      log('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
      log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
      log('M', '*', 'monotonic clock: POSIX clock_gettime', 1),
      log('M', '*', `Running mode=standalone, port=${port}.`, 1),
      log('M', '*', 'Server initialized', 2),
      log('M', '*', 'Ready to accept connections tcp', 2),
    ],
    { TERM: shutdown('SIGTERM'), INT: shutdown('SIGINT') },
    4 * MiB,
    [{ port, handler: 'redis' }],
  );
};

// ---- postgres ----------------------------------------------------------------------------------------

const POSTGRES_NO_PASSWORD = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

export const postgres: Program = (ctx) => {
  if (!ctx.env['POSTGRES_PASSWORD'] && ctx.env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
    return { output: plain('stderr', POSTGRES_NO_PASSWORD), duration: 0, code: 1 };
  }
  const version = ctx.env['PG_VERSION'] ?? '17.2-1.pgdg120+1';
  const major = ctx.env['PG_MAJOR'] ?? version.split('.')[0]!;
  const log = stamped('postgres', 'stderr');
  const pg = (text: string, at = 1500) => log(`{t} [1] LOG:  ${text}`, at);
  const shutdown = (kind: string) =>
    exitWith(0, [
      pg(`received ${kind} shutdown request`, 0),
      pg('aborting any active transactions', 0),
      pg('background worker "logical replication launcher" (PID 64) exited with exit code 1', 0),
      log('{t} [27] LOG:  shutting down'),
      log('{t} [27] LOG:  checkpoint starting: shutdown immediate'),
      pg('database system is shut down', 0),
    ]);
  return server(
    [
      ...plain('stdout', [
        'The files belonging to this database system will be owned by user "postgres".',
        'This user must also own the server process.',
        '',
        'The database cluster will be initialized with locale "en_US.utf8".',
        'The default database encoding has accordingly been set to "UTF8".',
        'The default text search configuration will be set to "english".',
        '',
        'Data page checksums are disabled.',
        '',
        `fixing permissions on existing directory /var/lib/postgresql/data ... ok`,
        'creating subdirectories ... ok',
        'selecting dynamic shared memory implementation ... posix',
        'selecting default "max_connections" ... 100',
        'selecting default "shared_buffers" ... 128MB',
        'selecting default time zone ... Etc/UTC',
        'creating configuration files ... ok',
        'running bootstrap script ... ok',
        'performing post-bootstrap initialization ... ok',
        'syncing data to disk ... ok',
        '',
        '',
        'Success. You can now start the database server using:',
        '',
        '    pg_ctl -D /var/lib/postgresql/data -l logfile start',
        '',
        'waiting for server to start.... done',
        'server started',
        '',
        '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*',
        '',
        'waiting for server to shut down.... done',
        'server stopped',
        '',
        'PostgreSQL init process complete; ready for start up.',
        '',
      ], 1000),
      pg(`starting PostgreSQL ${major} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`),
      pg('listening on IPv4 address "0.0.0.0", port 5432'),
      pg('listening on IPv6 address "::", port 5432'),
      pg('listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
      log('{t} [62] LOG:  database system was shut down at {t}', 1500),
      pg('database system is ready to accept connections'),
    ],
    // postgres' shutdown modes: TERM smart, INT fast, QUIT immediate (exits 0 for the first two)
    { TERM: shutdown('smart'), INT: shutdown('fast') },
    30 * MiB,
    [],
    {
      children: [
        [27, 'postgres: checkpointer '], [28, 'postgres: background writer '], [30, 'postgres: walwriter '],
        [31, 'postgres: autovacuum launcher '], [64, 'postgres: logical replication launcher '],
      ].map(([pid, command]) => ({ pid: pid as number, command: command as string, user: 'postgres', memory: 4 * MiB })),
    },
  );
};

// ---- mysql -------------------------------------------------------------------------------------------

export const mysqld: Program = (ctx) => {
  const root = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'].some((k) => ctx.env[k]);
  const version = ctx.env['MYSQL_VERSION'] ?? '9.1.0-1.el9';
  const note = stamped('mysql', 'stdout');
  const entry = (level: string, text: string) => ({ at: 0, stream: 'stdout' as const, stamp: 'postgres' as const, text: `{t} [${level}] [Entrypoint]: ${text}` });
  if (!root) {
    return {
      output: [
        entry('Note', `Entrypoint script for MySQL Server ${version} started.`),
        entry('Note', "Switching to dedicated user 'mysql'"),
        entry('Note', `Entrypoint script for MySQL Server ${version} started.`),
        { ...entry('ERROR', 'Database is uninitialized and password option is not specified'), stream: 'stderr' },
        ...plain('stderr', [
          '    You need to specify one of the following as an environment variable:',
          '    - MYSQL_ROOT_PASSWORD',
          '    - MYSQL_ALLOW_EMPTY_PASSWORD',
          '    - MYSQL_RANDOM_ROOT_PASSWORD',
        ]),
      ],
      duration: 0,
      code: 1,
    };
  }
  const sys = (text: string) => note(`{t} 0 [System] [MY-010931] [Server] ${text}`, 2000);
  return server(
    [
      entry('Note', `Entrypoint script for MySQL Server ${version} started.`),
      entry('Note', "Switching to dedicated user 'mysql'"),
      entry('Note', 'Initializing database files'),
      entry('Note', 'Database files initialized'),
      entry('Note', 'MySQL init process done. Ready for start up.'),
      sys(`/usr/sbin/mysqld: ready for connections. Version: '${version.split('-')[0]}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
    ],
    { TERM: exitWith(0, [note(`{t} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version.split('-')[0]}).`)]) },
    360 * MiB,
  );
};

// ---- registry ----------------------------------------------------------------------------------------

export const registry: Program = () => {
  const log = (text: string) => ({ at: 0, stream: 'stderr' as const, text });
  return server(
    [
      log('time="{t}" level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable." go.version=go1.22.7'),
      log('time="{t}" level=info msg="listening on [::]:5000" go.version=go1.22.7'),
    ].map((l) => ({ ...l, stamp: 'mysql' as const })),
    { TERM: exitWith(0, []) , INT: exitWith(0, []) },
    10 * MiB,
  );
};
