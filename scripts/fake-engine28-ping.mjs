// A stand-in for an Engine 28.2 daemon that answers only the handshake the Docker CLI makes before
// rendering `--help` (GET/HEAD /_ping, /version): the CLI hides flags and commands by the server's API
// version, OS type and experimental flag, so help text recorded against it is what users of a real
// Engine 28 (Linux, not experimental) see. Used by scripts/record-golden.sh for help texts only.
//   usage: node scripts/fake-engine28-ping.mjs /tmp/fake-engine28.sock
import http from 'node:http';
import fs from 'node:fs';

const socketPath = process.argv[2] ?? '/tmp/fake-engine28.sock';
const headers = {
  'Api-Version': '1.50',
  'Ostype': 'linux',
  'Docker-Experimental': 'false',
  'Builder-Version': '2',
  'Swarm': 'inactive',
  'Server': 'Docker/28.2.2 (linux)',
};
const version = {
  Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64',
  Experimental: false,
};

fs.rmSync(socketPath, { force: true });
http
  .createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/v[0-9.]+/, '').split('?')[0];
    if (path === '/_ping') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
    } else if (path === '/version') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(version));
    } else {
      res.writeHead(501, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `fake engine: ${req.method} ${path} not implemented` }));
    }
  })
  .listen(socketPath);
