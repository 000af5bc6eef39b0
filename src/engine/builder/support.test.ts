import { describe, expect, it } from 'vitest';
import { IgnoreMatcher } from './dockerignore';
import { progressBytes, sourceSnippet } from './progress';
import { recogniseApp } from './sample-apps';
import { goDuration, healthcheckText } from './history-text';

describe('.dockerignore (moby patternmatcher)', () => {
  const m = new IgnoreMatcher('# comment\nnode_modules\n*.log\n**/*.tmp\nsecrets/\n!secrets/public.txt\n/build\n');
  it.each([
    ['node_modules', true],
    ['node_modules/lib/index.js', true],
    ['app.log', true],
    ['logs/app.log', false],
    ['a/b/c.tmp', true],
    ['x.tmp', true],
    ['secrets/key.pem', true],
    ['secrets/public.txt', false],
    ['build/out.js', true],
    ['src/build/out.js', false],
    ['app.js', false],
  ])('%s ignored: %s', (path, ignored) => {
    expect(m.ignores(path)).toBe(ignored);
  });
  it('the last matching pattern wins', () => {
    expect(new IgnoreMatcher('*\n!app.js\n').ignores('app.js')).toBe(false);
    expect(new IgnoreMatcher('!app.js\n*\n').ignores('app.js')).toBe(true);
  });
});

describe('progress formatting', () => {
  it('prints sizes as BuildKit does', () => {
    expect([2, 999, 1000, 1234, 4_560_000].map(progressBytes)).toEqual(['2B', '999B', '1.00kB', '1.23kB', '4.56MB']);
  });
  it('frames the Dockerfile lines around an error like BuildKit Source.Print', () => {
    const text = 'FROM busybox\nRUN a\nRUN b\nRUN c\nRUN d\nRUN e\nRUN f\n';
    expect(sourceSnippet('Dockerfile', text, 4, 4)).toBe(
      'Dockerfile:4\n--------------------\n   2 |     RUN a\n   3 |     RUN b\n   4 | >>> RUN c\n   5 |     RUN d\n   6 |     RUN e\n--------------------\n',
    );
    expect(sourceSnippet('Dockerfile', text, 3, 4)).toBe(
      'Dockerfile:3\n--------------------\n   2 |     RUN a\n   3 | >>> RUN b\n   4 | >>> RUN c\n   5 |     RUN d\n--------------------\n',
    );
  });
  it('writes HEALTHCHECK history as Go prints the config', () => {
    expect(goDuration(90e9)).toBe('1m30s');
    expect(healthcheckText({ Test: ['CMD-SHELL', 'curl -f localhost'], Interval: 30e9, Retries: 3 })).toBe(
      `HEALTHCHECK &{["CMD-SHELL" "curl -f localhost"] "30s" "0s" "0s" "0s" '\\x03'}`,
    );
  });
});

describe('sample apps recognised from their source', () => {
  it('a Node http server with a port from the environment', () => {
    const src = `const http = require('http');
const port = process.env.PORT || 3000;
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello from Node!\\n');
}).listen(port, () => console.log(\`Server listening on port \${port}\`));`;
    expect(recogniseApp('node', src, {})).toEqual({
      startup: ['Server listening on port 3000'],
      server: { port: 3000, body: 'Hello from Node!\n', contentType: 'text/plain' },
    });
    expect(recogniseApp('node', src, { PORT: '8080' }).server!.port).toBe(8080);
  });
  it('an Express app answering JSON', () => {
    const src = `const app = require('express')();\napp.get('/', (req, res) => res.json({ message: 'hi', ok: true }));\napp.listen(8080);`;
    expect(recogniseApp('node', src, {}).server).toEqual({ port: 8080, body: '{"message":"hi","ok":true}', contentType: 'application/json; charset=utf-8' });
  });
  it('a Flask app', () => {
    const src = `from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef hello():\n    return "Hello from Python!"\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n`;
    const b = recogniseApp('python', src, {});
    expect(b.server).toEqual({ port: 5000, body: 'Hello from Python!', contentType: 'text/html; charset=utf-8' });
    expect(b.startup).toContain(' * Running on http://127.0.0.1:5000');
  });
  it('a Go server', () => {
    const src = `package main\nimport ("fmt"; "log"; "net/http")\nfunc main() {\n  http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "Hello from Go!") })\n  log.Println("listening on :8080")\n  log.Fatal(http.ListenAndServe(":8080", nil))\n}`;
    expect(recogniseApp('go', src, {})).toEqual({ startup: ['listening on :8080'], server: { port: 8080, body: 'Hello from Go!\n', contentType: 'text/plain; charset=utf-8' } });
  });
  it('a script that only prints is not a server', () => {
    expect(recogniseApp('python', 'print("built with docker")\n', {})).toEqual({ startup: ['built with docker'] });
  });
});

describe('start-up lines with values', () => {
  it('concatenations, template literals, print arguments and Printf verbs', () => {
    expect(recogniseApp('node', "const port = 3000;\napp.listen(port, () => console.log('listening on ' + port));", {}).startup).toEqual(['listening on 3000']);
    expect(recogniseApp('python', 'print("ready on port", 5000)\napp.run(port=5000)', {}).startup[0]).toBe('ready on port 5000');
    expect(recogniseApp('go', 'fmt.Printf("listening on :%d\\n", 8080)\nhttp.ListenAndServe(":8080", nil)', {}).startup).toEqual(['listening on :8080']);
  });
});

describe('checkDockerfile (the lab editor)', () => {
  it('reports the parse error BuildKit stops at, or the build-check warnings', async () => {
    const { checkDockerfile } = await import('./index');
    expect(checkDockerfile('FROM busybox\nRUNN x\n').error).toEqual({
      message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
      startLine: 2,
      endLine: 2,
    });
    expect(checkDockerfile('FROM busybox\nCMD echo hi\n')).toEqual({
      warnings: [{ rule: 'JSONArgsRecommended', message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', line: 2 }],
    });
  });
});
