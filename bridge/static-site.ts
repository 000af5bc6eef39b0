// Serves the built site (dist/) as `astro preview` does: /x/ is x/index.html, unknown paths get the
// 404 page. Pages get one small inline script first in <head>: it moves the bridge token from the URL
// fragment into sessionStorage and takes it out of the address bar, before anything else can see it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { TOKEN_FRAGMENT, TOKEN_STORAGE_KEY } from '../src/lab/real/protocol';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** data-bridge on <html> tells the lab the page came from the bridge (a token or not) */
export const TOKEN_CAPTURE_SCRIPT = `<script>(()=>{const m=/^#${TOKEN_FRAGMENT}=([\\w-]+)$/.exec(location.hash);if(m){try{sessionStorage.setItem(${JSON.stringify(TOKEN_STORAGE_KEY)},m[1])}catch{}history.replaceState(null,"",location.pathname+location.search)}document.documentElement.dataset.bridge=""})()</script>`;

function withCapture(html: string): string {
  const head = html.indexOf('<head>');
  return head < 0 ? TOKEN_CAPTURE_SCRIPT + html : html.slice(0, head + 6) + TOKEN_CAPTURE_SCRIPT + html.slice(head + 6);
}

export function staticSite(dist: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const root = normalize(dist + sep);
  const sendHtml = async (res: ServerResponse, file: string, status: number) => {
    res.writeHead(status, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
    res.end(withCapture(await readFile(file, 'utf8')));
  };
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) && file + sep !== root) {
      res.writeHead(403).end();
      return;
    }
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      if (existsSync(join(file, 'index.html'))) return sendHtml(res, join(file, 'index.html'), 200);
    } else if (stat?.isFile()) {
      if (extname(file) === '.html') return sendHtml(res, file, 200);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return;
    } else if (existsSync(`${file}.html`)) return sendHtml(res, `${file}.html`, 200);
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) return sendHtml(res, notFound, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  };
}
