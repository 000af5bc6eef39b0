// How server processes answer HTTP. A plan's listener names a handler of this registry (plans stay
// plain JSON); the handler gets the request and the serving container's view (its file system read at
// request time, so an edited or bind-mounted index.html shows at once) and returns the response plus
// the lines the server writes to its log. Built in: nginx, Apache httpd, busybox httpd, and `text` for
// sample apps (`{ port: 3000, handler: 'text', options: { body: 'Hello from Node!\n' } }`).
import type { FileSystem } from '../../fs/types';
import type { Stream } from '../process/plan';
import { clfTime, stamp } from '../process/stamps';

export interface HttpRequest {
  method: string;
  /** path with query, '/index.html?x=1' */
  path: string;
  /** header names as sent */
  headers: Record<string, string>;
  body: string;
  /** the source address the server sees, and a source port */
  clientIp: string;
  clientPort: number;
}

export interface ServerView {
  /** the serving container's file system (null while it has none, e.g. a container without an image fs) */
  fs: FileSystem | null;
  env: Record<string, string>;
  /** the listener's options from the plan */
  options: Record<string, string | number | boolean>;
  /** ms since epoch */
  now: number;
  /** requests this process has served before this one (nginx numbers its connections) */
  served: number;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** what the server writes to its stdout/stderr for this request (the container log) */
  log: { stream: Stream; text: string }[];
}

export type HttpHandler = (req: HttpRequest, server: ServerView) => HttpReply;

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 301: 'Moved Permanently', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 500: 'Internal Server Error', 501: 'Not Implemented',
};

/** RFC 7231 date for the Date and Last-Modified headers. */
const httpDate = (ms: number): string => new Date(ms).toUTCString();

const byteLength = (s: string): number => new TextEncoder().encode(s).length;

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript',
  json: 'application/json', png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml', ico: 'image/x-icon',
};
const contentType = (path: string): string => CONTENT_TYPES[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';

const header = (req: HttpRequest, name: string): string | undefined =>
  Object.entries(req.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** A file under `root` for the request path: the file, a directory's index, or why not. */
type Lookup = { file: string; mtime: number; content: string } | { missing: string } | { forbidden: string };

function findFile(fs: FileSystem | null, root: string, reqPath: string, index: string): Lookup {
  const clean = decodeURIComponent(reqPath.split('?')[0]!).replace(/\/\.\.?(?=\/|$)/g, '');
  const path = `${root.replace(/\/$/, '')}${clean.startsWith('/') ? clean : `/${clean}`}`;
  const st = fs?.stat(path) ?? null;
  if (!fs || !st) return { missing: path };
  if (st.type === 'dir') {
    const idx = `${path.replace(/\/$/, '')}/${index}`;
    const ist = fs.stat(idx);
    if (!ist || ist.type === 'dir') return { forbidden: `${path.replace(/\/?$/, '/')}` };
    return { file: idx, mtime: ist.mtime, content: fs.readFile(idx) };
  }
  return { file: path, mtime: st.mtime, content: fs.readFile(path) };
}

// ---- nginx ---------------------------------------------------------------------------------------

const nginxErrorPage = (status: number, version: string): string =>
  `<html>\r\n<head><title>${status} ${STATUS_TEXT[status]}</title></head>\r\n<body>\r\n<center><h1>${status} ${STATUS_TEXT[status]}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

/** nginx's default server: static files from /usr/share/nginx/html, its error pages and its two logs. */
const nginxHandler: HttpHandler = (req, server) => {
  const version = server.env['NGINX_VERSION'] ?? '1.27.3';
  const root = String(server.options['root'] ?? '/usr/share/nginx/html');
  const found = req.method === 'GET' || req.method === 'HEAD' ? findFile(server.fs, root, req.path, 'index.html') : undefined;
  const base = { Server: `nginx/${version}`, Date: httpDate(server.now) };
  let reply: Omit<HttpReply, 'log'>;
  const errors: string[] = [];
  const conn = server.served + 1;
  const host = header(req, 'Host') ?? '';
  const context = `client: ${req.clientIp}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${host}"`;
  const errorLine = (text: string) => `${stamp('nginx', server.now)} [error] 29#29: *${conn} ${text}, ${context}`;
  if (!found) {
    reply = { status: 405, headers: { ...base, 'Content-Type': 'text/html' }, body: nginxErrorPage(405, version) };
  } else if ('file' in found) {
    reply = {
      status: 200,
      headers: { ...base, 'Content-Type': contentType(found.file), 'Content-Length': String(byteLength(found.content)), 'Last-Modified': httpDate(found.mtime), Connection: 'keep-alive', 'Accept-Ranges': 'bytes' },
      body: found.content,
    };
  } else if ('forbidden' in found) {
    errors.push(errorLine(`directory index of "${found.forbidden}" is forbidden`));
    reply = { status: 403, headers: { ...base, 'Content-Type': 'text/html' }, body: nginxErrorPage(403, version) };
  } else {
    errors.push(errorLine(`open() "${found.missing}" failed (2: No such file or directory)`));
    reply = { status: 404, headers: { ...base, 'Content-Type': 'text/html' }, body: nginxErrorPage(404, version) };
  }
  const size = req.method === 'HEAD' ? 0 : byteLength(reply.body);
  const agent = header(req, 'User-Agent') ?? '-';
  const access = `${req.clientIp} - - [${clfTime(server.now)}] "${req.method} ${req.path} HTTP/1.1" ${reply.status} ${size} "${header(req, 'Referer') ?? '-'}" "${agent}" "-"`;
  return { ...reply, log: [...errors.map((text) => ({ stream: 'stderr' as const, text })), { stream: 'stdout', text: access }] };
};

// ---- Apache httpd ----------------------------------------------------------------------------------

const APACHE_NOT_FOUND =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

/** The official httpd image: htdocs under /usr/local/apache2, the common log format on stdout. */
const apacheHandler: HttpHandler = (req, server) => {
  const version = server.env['HTTPD_VERSION'] ?? '2.4.62';
  const root = String(server.options['root'] ?? '/usr/local/apache2/htdocs');
  const found = findFile(server.fs, root, req.path, 'index.html');
  const base = { Date: httpDate(server.now), Server: `Apache/${version} (Unix)` };
  const reply: Omit<HttpReply, 'log'> =
    'file' in found
      ? { status: 200, headers: { ...base, 'Last-Modified': httpDate(found.mtime), 'Accept-Ranges': 'bytes', 'Content-Length': String(byteLength(found.content)), 'Content-Type': contentType(found.file) }, body: found.content }
      : { status: 404, headers: { ...base, 'Content-Type': 'text/html; charset=iso-8859-1' }, body: APACHE_NOT_FOUND };
  const access = `${req.clientIp} - - [${clfTime(server.now)}] "${req.method} ${req.path} HTTP/1.1" ${reply.status} ${req.method === 'HEAD' ? '-' : byteLength(reply.body)}`;
  return { ...reply, log: [{ stream: 'stdout', text: access }] };
};

// ---- busybox httpd ---------------------------------------------------------------------------------

const busyboxError = (status: number): string =>
  `<HTML><HEAD><TITLE>${status} ${STATUS_TEXT[status]}</TITLE></HEAD>\n<BODY><H1>${status} ${STATUS_TEXT[status]}</H1>\nThe requested URL was not found\n</BODY></HTML>\n`;

/** busybox `httpd -h DIR`: files from DIR (the working directory by default), silent unless `-v`. */
const busyboxHandler: HttpHandler = (req, server) => {
  const found = findFile(server.fs, String(server.options['root'] ?? '/'), req.path, 'index.html');
  const reply: Omit<HttpReply, 'log'> =
    'file' in found
      ? { status: 200, headers: { 'Content-Type': contentType(found.file), 'Content-Length': String(byteLength(found.content)), 'Last-Modified': httpDate(found.mtime) }, body: found.content }
      : { status: 404, headers: { 'Content-Type': 'text/html' }, body: busyboxError(404) };
  const verbose = server.options['verbose'] === true;
  return { ...reply, log: verbose ? [{ stream: 'stderr', text: `[::ffff:${req.clientIp}]:${req.clientPort}: response:${reply.status}` }] : [] };
};

// ---- fixed text (sample apps) ------------------------------------------------------------------------

/** 23/Nov/2026 12:00:01, the request time of Python's http.server and werkzeug logs */
const pythonLogTime = (ms: number): string => clfTime(ms).replace(':', ' ').replace(' +0000', '');

/**
 * A program that answers every request with the same text (`options.body`, `options.contentType`);
 * `options.log` is a line written per request (on `options.logStream`, stdout by default) with
 * {client}, {method}, {path}, {status} and {date} filled in.
 */
const textHandler: HttpHandler = (req, server) => {
  const body = String(server.options['body'] ?? '');
  const log = server.options['log'];
  const fill = (t: string) =>
    t.replaceAll('{method}', req.method).replaceAll('{path}', req.path).replaceAll('{status}', '200').replaceAll('{client}', req.clientIp).replaceAll('{date}', pythonLogTime(server.now));
  const stream: Stream = server.options['logStream'] === 'stderr' ? 'stderr' : 'stdout';
  return {
    status: 200,
    headers: { 'Content-Type': String(server.options['contentType'] ?? 'text/plain; charset=utf-8'), 'Content-Length': String(byteLength(body)), Date: httpDate(server.now) },
    body,
    log: typeof log === 'string' ? [{ stream, text: fill(log) }] : [],
  };
};

const handlers = new Map<string, HttpHandler>([
  ['nginx', nginxHandler],
  ['apache', apacheHandler],
  ['busybox-httpd', busyboxHandler],
  ['text', textHandler],
]);

/** Adds a handler a plan can name (the image builder's sample apps use this for their own servers). */
export function registerHttpHandler(name: string, handler: HttpHandler): void {
  handlers.set(name, handler);
}

export const httpHandler = (name: string): HttpHandler | undefined => handlers.get(name);
