// What the official application images add on top of their base: the server binaries, their stock
// configuration and web roots, and the system user each creates. One function per family gives the
// files of the release's main install layer; COPY layers (entrypoint scripts, /hello …) are derived
// from the Dockerfile line by index.ts.
import { group, passwd, type TreeBuilder } from './build';

export type Flavor = 'debian' | 'alpine';

/** nginx's stock pages share one head and style */
const nginxPage = (title: string, body: string) => `<!DOCTYPE html>
<html>
<head>
<title>${title}</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
${body}</body>
</html>
`;

const NGINX_INDEX = nginxPage(
  'Welcome to nginx!',
  `<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
`,
);

const NGINX_50X = nginxPage(
  'Error',
  `<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
`,
);

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** Adds a system user the way the image's Dockerfile does: the base's passwd/group plus one line each. */
function addUser(b: TreeBuilder, base: { passwd: string[]; group: string[] }, user: string, grp: string): void {
  b.file('/etc/passwd', passwd([...base.passwd, user])).file('/etc/group', group([...base.group, grp]));
}

export interface AppBase {
  flavor: Flavor;
  passwd: string[];
  group: string[];
}

type AppContent = (b: TreeBuilder, base: AppBase, version: string) => void;

const nologin = (f: Flavor) => (f === 'alpine' ? '/sbin/nologin' : '/bin/false');

export const APP_CONTENT: Record<string, AppContent> = {
  nginx(b, base) {
    addUser(b, base, `nginx:101:101:nginx user:/nonexistent:${nologin(base.flavor)}`, 'nginx:101:');
    b.bin('/usr/sbin/nginx', base.flavor === 'alpine' ? 1_353_920 : 1_426_960).bin('/usr/sbin/nginx-debug', 1_487_408);
    b.file('/etc/nginx/nginx.conf', NGINX_CONF).file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
    b.file('/etc/nginx/mime.types', 'types {\n    text/html                                        html htm shtml;\n}\n', { size: 5349 });
    b.file('/etc/nginx/fastcgi_params', '', { size: 1007 }).file('/etc/nginx/scgi_params', '', { size: 636 }).file('/etc/nginx/uwsgi_params', '', { size: 664 });
    b.link('/etc/nginx/modules', '/usr/lib/nginx/modules').dir('/usr/lib/nginx/modules');
    b.file('/usr/share/nginx/html/index.html', NGINX_INDEX).file('/usr/share/nginx/html/50x.html', NGINX_50X);
    b.dir('/var/cache/nginx').dir('/docker-entrypoint.d');
    b.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
  },
  httpd(b) {
    const p = '/usr/local/apache2';
    b.bins(`${p}/bin`, 'httpd:2_466_416 ab:101_472 htpasswd:40_456 htdigest:23_568 rotatelogs:27_928 apxs:23_685 apachectl:3_440 envvars:1_073', 0);
    b.file(`${p}/conf/httpd.conf`, 'ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n', { size: 20_855 });
    b.file(`${p}/conf/mime.types`, '', { size: 60_847 }).dir(`${p}/conf/extra`).dir(`${p}/modules`).dir(`${p}/logs`).dir(`${p}/cgi-bin`).dir(`${p}/error`).dir(`${p}/icons`);
    b.file(`${p}/htdocs/index.html`, '<html><body><h1>It works!</h1></body></html>\n');
  },
  redis(b, base) {
    addUser(b, base, `redis:999:999::/home/redis:${nologin(base.flavor)}`, 'redis:999:');
    b.bins('/usr/local/bin', 'redis-server:15_926_480 redis-cli:7_733_752 redis-benchmark:7_368_288', 0);
    b.links('/usr/local/bin', 'redis-check-aof redis-check-rdb redis-sentinel', 'redis-server');
    b.dir('/data', 0o755, 999);
  },
  postgres(b, base, version) {
    const major = version.split('.')[0]!;
    addUser(b, base, 'postgres:999:999::/var/lib/postgresql:/bin/bash', 'postgres:999:');
    const binDir = base.flavor === 'alpine' ? '/usr/local/bin' : `/usr/lib/postgresql/${major}/bin`;
    b.bins(binDir, 'postgres:9_891_488 psql:743_112 initdb:184_104 pg_ctl:89_408 pg_dump:461_208 pg_dumpall:134_168 pg_restore:220_176 pg_isready:80_480 createdb:80_512 dropdb:76_384 createuser:84_672', 0);
    b.file(`/usr/share/postgresql/${base.flavor === 'alpine' ? '' : major + '/'}postgresql.conf.sample`, "# PostgreSQL configuration file\n#listen_addresses = 'localhost'\n", { size: 32_216 });
    b.dir('/var/lib/postgresql/data', 0o1777, 999).dir('/var/run/postgresql', 0o3777, 999).dir('/docker-entrypoint-initdb.d');
  },
  node(b, base, version) {
    const home = base.flavor === 'alpine' ? '/home/node' : '/home/node';
    addUser(b, base, `node:1000:1000::${home}:${base.flavor === 'alpine' ? '/bin/sh' : '/bin/bash'}`, 'node:1000:');
    b.dir(home, 0o755, 1000);
    b.bin('/usr/local/bin/node', 118_719_912);
    b.link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
    b.link('/usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js');
    b.file('/usr/local/lib/node_modules/npm/bin/npm-cli.js', "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n", { mode: 0o755 });
    b.file('/usr/local/lib/node_modules/npm/bin/npx-cli.js', "#!/usr/bin/env node\n", { mode: 0o755, size: 3_840 });
    b.file('/usr/local/lib/node_modules/corepack/dist/corepack.js', '#!/usr/bin/env node\n', { mode: 0o755, size: 104 });
    b.file('/usr/local/include/node/node_version.h', `#define NODE_VERSION_STRING "${version}"\n`, { size: 4_012 });
  },
  python(b, _base, version) {
    const mm = version.split('.').slice(0, 2).join('.');
    b.bin(`/usr/local/bin/python${mm}`, 17_024).bin('/usr/local/bin/pip3', 235).bin(`/usr/local/bin/pip${mm}`, 235);
    b.link('/usr/local/bin/python3', `python${mm}`).link('/usr/local/bin/pydoc3', `pydoc${mm}`).bin(`/usr/local/bin/pydoc${mm}`, 79);
    b.link('/usr/local/bin/idle3', `idle${mm}`).bin(`/usr/local/bin/idle${mm}`, 77).link('/usr/local/bin/python3-config', `python${mm}-config`);
    b.bin(`/usr/local/bin/python${mm}-config`, 3_161).bin(`/usr/local/lib/libpython${mm}.so.1.0`, 27_960_472);
    b.file(`/usr/local/lib/python${mm}/os.py`, '"""OS routines for NT or Posix depending on what system we\'re on."""\n', { size: 41_615 });
    b.dir(`/usr/local/lib/python${mm}/site-packages/pip`);
    // the image's last RUN links the unversioned names
    for (const n of ['idle', 'pip', 'pydoc', 'python', 'python-config']) b.link(`/usr/local/bin/${n}`, n.replace(/^\w+/, (w) => `${w}3`));
  },
  golang(b, _base, version) {
    b.bins('/usr/local/go/bin', 'go:14_592_326 gofmt:3_204_568', 0);
    b.file('/usr/local/go/VERSION', `go${version}\ntime 2025-08-06T17:00:00Z\n`);
    b.dir('/usr/local/go/src').dir('/usr/local/go/pkg/tool/linux_amd64');
    b.dir('/go/src', 0o1777).dir('/go/bin', 0o1777).dir('/go', 0o1777);
  },
  mysql(b, base) {
    addUser(b, base, 'mysql:999:999::/var/lib/mysql:/bin/bash', 'mysql:999:');
    b.bins('/usr/sbin', 'mysqld:81_226_976', 0).bins('/usr/bin', 'mysql:8_262_128 mysqladmin:7_818_600 mysqldump:7_936_848 mysqlsh:44_318_824', 0);
    b.file('/etc/my.cnf', '[mysqld]\nhost-cache-size=0\nskip-name-resolve\ndatadir=/var/lib/mysql\nsocket=/var/run/mysqld/mysqld.sock\nsecure-file-priv=/var/lib/mysql-files\nuser=mysql\n\npid-file=/var/run/mysqld/mysqld.pid\n');
    b.dir('/var/lib/mysql', 0o755, 999).dir('/var/run/mysqld', 0o1777, 999).dir('/var/lib/mysql-files', 0o700, 999).dir('/docker-entrypoint-initdb.d');
  },
  registry(b) {
    b.dir('/var/lib/registry');
  },
};
