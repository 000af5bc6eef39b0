// Sample apps the lessons build, end to end on the engine: host files → docker build → docker run -p →
// curl from the host shows the app's own answer.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../create-engine';

function session() {
  const engine = createEngine({ images: ['busybox:latest'] });
  const sh = (line: string) => {
    const r = engine.exec(line);
    if (r.exit !== 0) throw new Error(`${line}\n${r.stdout}${r.stderr}`);
    return r;
  };
  return { engine, sh };
}

describe('sample apps built and run', () => {
  it('a Node server answers on its published port', () => {
    const { sh, engine } = session();
    sh('mkdir -p node-app && cd node-app');
    sh(`printf '%s\\n' "const http = require('http');" "const port = process.env.PORT || 3000;" "http.createServer((req, res) => res.end('Hello from Node!\\\\n')).listen(port, () => console.log('listening on ' + port));" > server.js`);
    sh(`printf 'FROM node:22-alpine\\nWORKDIR /app\\nCOPY server.js .\\nEXPOSE 3000\\nCMD ["node", "server.js"]\\n' > Dockerfile`);
    const build = sh('docker build -t my-app:1.0 .');
    expect(build.stderr).toContain('#2 [internal] load metadata for docker.io/library/node:22-alpine');
    expect(build.stderr).toMatch(/\[1\/3\] FROM docker\.io\/library\/node:22-alpine@sha256:[0-9a-f]{64}/);
    sh('docker run -d --name web -p 3000:3000 my-app:1.0');
    expect(sh('curl -s localhost:3000').stdout).toBe('Hello from Node!\n');
    engine.clock.advance(1000);
    expect(sh('docker logs web').stdout).toBe('listening on 3000\n');
  });

  it('a Go binary built in a golang stage serves from a small alpine image', () => {
    const { sh } = session();
    sh('mkdir -p go-app && cd go-app');
    sh(`printf '%s\\n' 'package main' 'import ("fmt"; "log"; "net/http")' 'func main() {' '  http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "Hello from Go!") })' '  log.Println("listening on :8080")' '  log.Fatal(http.ListenAndServe(":8080", nil))' '}' > main.go`);
    sh(`printf 'FROM golang:1.25-alpine AS build\\nWORKDIR /src\\nCOPY main.go .\\nRUN go mod init example.com/hello && go build -o /out/hello .\\n\\nFROM alpine:3.22\\nCOPY --from=build /out/hello /usr/local/bin/hello\\nEXPOSE 8080\\nCMD ["hello"]\\n' > Dockerfile`);
    const build = sh('docker build -t hello-go .');
    expect(build.stderr).toContain('[build 4/4] RUN go mod init example.com/hello && go build -o /out/hello .');
    const sizes = sh('docker history --format "{{.Size}}" hello-go').stdout.split('\n');
    // CMD, EXPOSE, then the COPY of the 7.4MB binary: the golang stage's 250MB stay behind
    expect(sizes.slice(0, 3)).toEqual(['0B', '0B', '7.4MB']);
    sh('docker run -d -p 8080:8080 hello-go');
    expect(sh('curl -s localhost:8080').stdout).toBe('Hello from Go!\n');
    const images = sh('docker images --format "{{.Repository}} {{.Size}}"').stdout;
    expect(images).toMatch(/^hello-go \d+\.\d+MB$/m);
  });

  it('a Flask app', () => {
    const { sh } = session();
    sh('mkdir -p py && cd py');
    sh(`printf '%s\\n' 'from flask import Flask' 'app = Flask(__name__)' '' '@app.route("/")' 'def hello():' '    return "Hello from Python!"' '' 'app.run(host="0.0.0.0", port=5000)' > app.py`);
    sh(`printf 'FROM python:3.13-slim\\nWORKDIR /app\\nCOPY app.py .\\nCMD ["python", "app.py"]\\n' > Dockerfile`);
    sh('docker build -t py-app .');
    sh('docker run -d -p 5000:5000 py-app');
    expect(sh('curl -s localhost:5000').stdout).toBe('Hello from Python!');
  });

  it('npm ci and pip install fill node_modules / site-packages; editing the code keeps the install cached', () => {
    const { sh } = session();
    sh('mkdir -p shop && cd shop');
    sh(`printf '{"name":"shop","dependencies":{"express":"^5.1.0"}}\\n' > package.json`);
    sh(`printf '{"lockfileVersion":3}\\n' > package-lock.json`);
    sh(`printf "const app = require('express')();\\napp.get('/', (req, res) => res.send('shop'));\\napp.listen(3000);\\n" > server.js`);
    sh(`printf 'FROM node:22-alpine\\nWORKDIR /app\\nCOPY package*.json ./\\nRUN npm ci --omit=dev\\nCOPY . .\\nCMD ["node", "server.js"]\\n' > Dockerfile`);
    const first = sh('docker build -t shop .').stderr;
    expect(first).toMatch(/#\d+ \d\.\d{3} added 65 packages, and audited 66 packages in 2s\n/);
    sh(`printf "res.send('changed')\\n" >> server.js`);
    const second = sh('docker build -t shop .').stderr;
    expect(second).toMatch(/\[4\/5\] RUN npm ci --omit=dev\n#\d+ CACHED/);
    expect(sh('docker history --format "{{.CreatedBy}} {{.Size}}" shop').stdout).toContain('RUN /bin/sh -c npm ci --omit=dev # buildkit 2.15MB');

    sh('mkdir -p /home/learner/api && cd /home/learner/api');
    sh(`printf 'flask==3.1.2\\n' > requirements.txt`);
    sh(`printf 'FROM python:3.13-slim\\nCOPY requirements.txt .\\nRUN pip install --no-cache-dir -r requirements.txt\\n' > Dockerfile`);
    expect(sh('docker build -t api .').stderr).toMatch(
      /Successfully installed blinker-1\.9\.0 click-8\.2\.1 flask-3\.1\.2 itsdangerous-2\.2\.0 jinja2-3\.1\.6 markupsafe-3\.0\.2 werkzeug-3\.1\.3\n/,
    );
  });

  it('a non-root user made in the build, pip install --prefix in one stage copied into the next (the capstone API)', () => {
    const { sh } = session();
    sh('mkdir -p api && cd api');
    sh(`printf 'flask==3.0.3\\npsycopg[binary]==3.2.3\\n' > requirements.txt`);
    sh(`printf 'print("hi")\\n' > app.py`);
    sh(
      `printf '%s\\n' 'FROM python:3.12-slim AS build' 'COPY requirements.txt .' 'RUN pip install --no-cache-dir --prefix=/install -r requirements.txt' 'FROM python:3.12-slim' 'RUN groupadd --system app && useradd --system --gid app --no-create-home app' 'COPY --from=build /install /usr/local' 'COPY app.py .' 'USER app' > Dockerfile`,
    );
    expect(sh('docker build -t api .').stderr).toMatch(/Successfully installed .*flask-3\.0\.3 .*psycopg-3\.2\.3/);
    expect(sh('docker run --rm api id').stdout).toBe('uid=999(app) gid=999(app) groups=999(app)\n');
    expect(sh('docker run --rm api ls /usr/local/lib/python3.12/site-packages/flask').stdout).toBe('__init__.py\n');
  });
});
