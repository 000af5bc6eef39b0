// The applet table: every program the shell implements, by the name it is exec'd as. Which ones an
// image has is decided by its file system ($PATH lookup).
import { addgroup, adduser, groupadd, useradd } from './accounts';
import { cat, chmod, cp, du, find, ln, mkdir, mv, readlink, rm, rmdir, stat, touch, basename, dirname } from './files';
import { ls } from './ls';
import { curl, nslookup, ping, wget } from './net';
import { packageManager } from './packages';
import { echo, printf } from './print';
import { date, df, env, free, hostname, id, kill, nproc, printenv, ps, pwd, sleep, uname, which, whoami } from './system';
import { test } from './test';
import { cut, grep, head, seq, sed, sort, tail, tee, tr, uniq, wc, xargs } from './text';
import type { Applet } from './types';

export const APPLETS: Record<string, Applet> = {
  ls, cat, mkdir, rm, rmdir, touch, cp, mv, ln, chmod, stat, find, du, basename, dirname, readlink,
  head, tail, grep, egrep: (c) => grep({ ...c, argv: [c.argv[0]!, '-E', ...c.argv.slice(1)] }), wc, sort, uniq, cut, tr, tee, seq, sed, xargs,
  env, printenv, hostname, id, whoami, ps, kill, sleep, date, uname, df, free, nproc, which, pwd,
  echo: echo(false), printf, test, '[': test, true: () => 0, false: () => 1,
  // clear: home the cursor and erase the screen and scrollback, as ncurses' clear does for xterm
  clear: (c) => (c.io.stdout.write('\x1b[H\x1b[2J\x1b[3J'), 0),
  groupadd, useradd, addgroup, adduser,
  wget, curl, ping, nslookup, 'apt-get': packageManager, apt: packageManager, apk: packageManager,
};

