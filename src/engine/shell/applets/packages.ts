// apt-get, apt and apk. The simulator has no network to package mirrors: they fail as the real tools
// do offline (apt-get update warns and exits 0, install cannot locate the package: 100; apk: 1), and say why.
import { err, out, type Applet } from './types';

export const packageManager: Applet = (c) => {
  const [tool, sub, ...rest] = c.argv;
  const name = tool!.replace(/^.*\//, '');
  const packages = rest.filter((a) => !a.startsWith('-'));
  const note = `Note: the Dockhand simulator has no network to package mirrors, so ${name} cannot download anything here. Build on an image that already has the tool, or try it on a real Docker.`;
  if (name === 'apk') {
    if (sub === 'add' && packages.length) {
      err(c, packages.map((p) => `ERROR: unable to select packages:\n  ${p} (no such package):\n    required by: world[${p}]`).join('\n'));
      err(c, note);
      return 1;
    }
    if (sub === 'update') {
      out(c, 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n');
      err(c, 'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.20/main: temporary error (try again later)');
      err(c, note);
      return 1;
    }
    err(c, note);
    return 1;
  }
  if (sub === 'update') {
    out(c, 'Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving \'deb.debian.org\'\nReading package lists... Done\n');
    err(c, "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'\nW: Some index files failed to download. They have been ignored, or old ones used instead.");
    err(c, note);
    return 0;
  }
  if (sub === 'install' && packages.length) {
    out(c, 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
    err(c, `E: Unable to locate package ${packages[0]}`);
    err(c, note);
    return 100;
  }
  err(c, note);
  return 100;
};
