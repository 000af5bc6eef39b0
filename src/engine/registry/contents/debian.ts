// Debian and Ubuntu root file systems: merged /usr (bullseye keeps a real /bin), coreutils and the
// other essential packages as executables of their real sizes, dash as /bin/sh, bash, apt and dpkg,
// and the stock /etc files. No procps on Debian (`ps` is not there, as in the real image).
import type { DirNode } from '../../fs/node';
import { group, osRelease, passwd, treeBuilder } from './build';
import { emptyDirs } from './alpine';

/** name:size (bytes); names without a size get the package's typical size */
const USR_BIN = {
  coreutils:
    '[:68496 arch:35664 b2sum:68496 base32:39760 base64:39760 basename:35664 basenc:52072 cat:43936 chcon:64200 chgrp:68496 chmod:64400 chown:72592 cksum:101136 comm:39760 cp:151152 csplit:105000 cut:47920 date:105192 dd:76880 df:89960 dir:151344 dircolors:47920 dirname:35664 du:97192 echo:35664 env:48080 expand:39760 expr:109488 factor:72720 false:31568 fmt:39760 fold:39760 groups:35664 head:43960 hostid:35664 id:39760 install:155504 join:52072 link:35664 ln:72528 logname:35664 ls:151344 md5sum:43856 mkdir:72848 mkfifo:43856 mknod:47952 mktemp:43856 mv:143016 nice:35664 nl:39760 nohup:35664 nproc:35664 numfmt:60328 od:68496 paste:39760 pathchk:35664 pinky:39760 pr:72528 printenv:35664 printf:56240 ptx:113584 pwd:39760 readlink:43856 realpath:43856 rm:60232 rmdir:48048 runcon:35664 seq:48048 sha1sum:39760 sha224sum:47920 sha256sum:47920 sha384sum:52016 sha512sum:52016 shred:56240 shuf:48048 sleep:35664 sort:121008 split:56176 stat:80432 stdbuf:43856 stty:76880 sum:39760 sync:35664 tac:39760 tail:68560 tee:39760 test:43856 timeout:39760 touch:97168 tr:47920 true:31568 truncate:39760 tsort:39760 tty:35664 uname:35664 unexpand:39760 uniq:43856 unlink:35664 users:35664 vdir:151344 wc:48048 who:60392 whoami:35664 yes:35664',
  other:
    'bash:1265648 dash:125640 grep:203152 egrep:41 fgrep:41 rgrep:30 sed:121288 tar:527272 gzip:98136 gunzip:2346 zcat:1984 zgrep:8010 find:224896 xargs:68528 mawk:170240 diff:183480 cmp:51288 diff3:64024 sdiff:51288 which:1081 tempfile:14728 run-parts:27208 ischroot:14664 savelog:10456 perl:3932064 dpkg:317608 dpkg-query:145896 dpkg-deb:150032 dpkg-divert:150088 dpkg-split:121320 dpkg-statoverride:71224 dpkg-trigger:80080 dpkg-maintscript-helper:20860 dpkg-realpath:6114 apt:18824 apt-get:22920 apt-cache:84360 apt-config:27016 apt-mark:51560 apt-key:27957 login:48904 su:72000 passwd:72072 chsh:44808 chfn:62672 chage:80376 gpasswd:88464 newgrp:48896 expiry:31120 mount:59704 umount:35128 more:43384 getopt:22928 setsid:14720 flock:23136 ionice:18848 renice:14720 script:56136 logger:35232 whereis:31128 lsblk:143464 findmnt:76824 mesg:14720 wall:35240 getent:35064 ldd:5371 locale:57792 iconv:63744 hostname:22760 dnsdomainname:22760 domainname:22760 clear:14720 tput:27024 reset:23040 tset:23040 infocmp:63872 bzip2:39224 bunzip2:39224 bzcat:39224 pldd:22880',
};

const USR_SBIN =
  'useradd:149528 userdel:100560 usermod:125048 groupadd:88520 groupdel:84320 groupmod:88496 adduser:40979 addgroup:40979 deluser:17613 delgroup:17613 chroot:39760 pwck:63840 grpck:59680 nologin:14640 ldconfig:985160 start-stop-daemon:47664 agetty:69336 sulogin:51128 blkid:59696 fsck:52136 mkfs:14720 mkswap:117712 swapon:47920 swapoff:31352 pivot_root:14720 switch_root:18840 runuser:60392 chpasswd:63856 chgpasswd:55648 pam-auth-update:20950 invoke-rc.d:17108 update-rc.d:18286 service:9337 policy-rc.d:0 remove-shell:1139 add-shell:1178 update-passwd:35360 installkernel:2329 faillock:14736 mkhomedir_helper:22856 pam_timestamp_check:14720 unix_chkpwd:31224';

const DEBIAN_PASSWD = [
  'root:0:0:root:/root:/bin/bash',
  'daemon:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:4:65534:sync:/bin:/bin/sync',
  'games:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'uucp:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
  'proxy:13:13:proxy:/bin:/usr/sbin/nologin',
  'www-data:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:34:34:backup:/var/backups:/usr/sbin/nologin',
  'list:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
  'irc:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];

const DEBIAN_GROUP = [
  'root:0:', 'daemon:1:', 'bin:2:', 'sys:3:', 'adm:4:', 'tty:5:', 'disk:6:', 'lp:7:', 'mail:8:', 'news:9:', 'uucp:10:', 'man:12:',
  'proxy:13:', 'kmem:15:', 'dialout:20:', 'fax:21:', 'voice:22:', 'cdrom:24:', 'floppy:25:', 'tape:26:', 'sudo:27:', 'audio:29:',
  'dip:30:', 'www-data:33:', 'backup:34:', 'operator:37:', 'list:38:', 'irc:39:', 'src:40:', 'shadow:42:', 'utmp:43:', 'video:44:',
  'sasl:45:', 'plugdev:46:', 'staff:50:', 'games:60:', 'users:100:', 'nogroup:65534:',
];

export interface DebianRelease {
  distro: 'debian' | 'ubuntu';
  /** '12', '24.04' */
  versionId: string;
  /** '12.11', '24.04.3' */
  pointRelease: string;
  codename: string;
  /** /etc/debian_version */
  debianVersion: string;
  /** bullseye and older: /bin, /sbin, /lib are real directories */
  mergedUsr: boolean;
}

export const DEBIAN_RELEASES: Record<string, DebianRelease> = {
  bookworm: { distro: 'debian', versionId: '12', pointRelease: '12.11', codename: 'bookworm', debianVersion: '12.11', mergedUsr: true },
  bullseye: { distro: 'debian', versionId: '11', pointRelease: '11.11', codename: 'bullseye', debianVersion: '11.11', mergedUsr: false },
  noble: { distro: 'ubuntu', versionId: '24.04', pointRelease: '24.04.3', codename: 'noble', debianVersion: 'trixie/sid', mergedUsr: true },
  jammy: { distro: 'ubuntu', versionId: '22.04', pointRelease: '22.04.5', codename: 'jammy', debianVersion: 'bookworm/sid', mergedUsr: true },
};

function osReleaseOf(r: DebianRelease): string {
  if (r.distro === 'debian') {
    return osRelease([
      ['PRETTY_NAME', `Debian GNU/Linux ${r.versionId} (${r.codename})`], ['NAME', 'Debian GNU/Linux'], ['VERSION_ID', r.versionId],
      ['VERSION', `${r.versionId} (${r.codename})`], ['VERSION_CODENAME', r.codename, false], ['ID', 'debian', false],
      ['HOME_URL', 'https://www.debian.org/'], ['SUPPORT_URL', 'https://www.debian.org/support'], ['BUG_REPORT_URL', 'https://bugs.debian.org/'],
    ]);
  }
  const animal = r.codename === 'noble' ? 'Noble Numbat' : 'Jammy Jellyfish';
  return osRelease([
    ['PRETTY_NAME', `Ubuntu ${r.pointRelease} LTS`], ['NAME', 'Ubuntu'], ['VERSION_ID', r.versionId], ['VERSION', `${r.pointRelease} LTS (${animal})`],
    ['VERSION_CODENAME', r.codename, false], ['ID', 'ubuntu', false], ['ID_LIKE', 'debian', false], ['HOME_URL', 'https://www.ubuntu.com/'],
    ['SUPPORT_URL', 'https://help.ubuntu.com/'], ['BUG_REPORT_URL', 'https://bugs.launchpad.net/ubuntu/'],
    ['PRIVACY_POLICY_URL', 'https://www.ubuntu.com/legal/terms-and-policies/privacy-policy'], ['UBUNTU_CODENAME', r.codename, false],
    ['LOGO', 'ubuntu-logo', false],
  ]);
}

export const debianPasswd = (r: DebianRelease): string[] =>
  r.distro === 'ubuntu' && r.codename === 'noble' ? [...DEBIAN_PASSWD, 'ubuntu:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'] : DEBIAN_PASSWD;
export const debianGroup = (r: DebianRelease): string[] =>
  r.distro === 'ubuntu' && r.codename === 'noble' ? [...DEBIAN_GROUP, 'ubuntu:1000:'] : DEBIAN_GROUP;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 and umask are already set in /etc/profile. You should not
# need this unless you want different defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
`;

export function debianRoot(r: DebianRelease, mtime: number): DirNode {
  const b = treeBuilder(mtime);
  b.bins('/usr/bin', USR_BIN.coreutils, 0).bins('/usr/bin', USR_BIN.other, 0).bins('/usr/sbin', USR_SBIN, 0);
  b.link('/usr/bin/sh', 'dash').link('/usr/bin/rbash', 'bash').link('/usr/bin/awk', '/etc/alternatives/awk').link('/etc/alternatives/awk', '/usr/bin/mawk');
  b.link('/usr/bin/pager', '/etc/alternatives/pager').link('/etc/alternatives/pager', '/usr/bin/more');
  if (r.distro === 'ubuntu') b.bins('/usr/bin', 'ps:141448 top:137216 free:31288 kill:31224 pgrep:35400 pkill:35400 watch:31304 pidof:27160', 0);
  if (r.mergedUsr) {
    b.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  } else {
    // bullseye: the essential binaries live in /bin; /usr/bin keeps the rest
    for (const n of 'bash dash sh cat cp ls mv rm mkdir rmdir ln chmod chown date dd df echo false true grep sed tar gzip hostname login mount umount pwd sleep touch uname su more readlink sync stty mknod mktemp'.split(' '))
      b.link(`/bin/${n}`, `/usr/bin/${n}`);
    b.dir('/sbin').dir('/lib');
  }
  b.bin('/usr/lib/x86_64-linux-gnu/libc.so.6', 1_922_136).bin('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 210_968);
  b.link('/usr/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  b.file('/usr/lib/os-release', osReleaseOf(r)).link('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/debian_version', `${r.debianVersion}\n`);
  const pretty = r.distro === 'debian' ? `Debian GNU/Linux ${r.versionId}` : `Ubuntu ${r.pointRelease} LTS`;
  b.file('/etc/issue', `${pretty} \\n \\l\n\n`).file('/etc/issue.net', `${pretty}\n`);
  b.file('/etc/passwd', passwd(debianPasswd(r))).file('/etc/group', group(debianGroup(r)));
  b.file('/etc/shadow', debianPasswd(r).map((u) => `${u.split(':')[0]}:*:20311:0:99999:7:::\n`).join(''), { mode: 0o640, owner: 0 });
  b.file('/etc/shells', `# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n`);
  b.file('/etc/profile', 'if [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n', { size: 769 });
  b.file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n', { size: 1994 });
  b.file('/root/.bashrc', BASHRC).file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n');
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  const sources =
    r.distro === 'debian'
      ? `Types: deb\n# http://snapshot.debian.org/archive/debian/20250811T000000Z\nURIs: http://deb.debian.org/debian\nSuites: ${r.codename} ${r.codename}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\n# http://snapshot.debian.org/archive/debian-security/20250811T000000Z\nURIs: http://deb.debian.org/debian-security\nSuites: ${r.codename}-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`
      : `Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: ${r.codename} ${r.codename}-updates ${r.codename}-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`;
  b.file(`/etc/apt/sources.list.d/${r.distro}.sources`, sources);
  b.file('/var/lib/dpkg/status', 'Package: base-files\nStatus: install ok installed\n', { size: r.distro === 'debian' ? 67_940 : 81_243 });
  emptyDirs(b, '/boot /dev /home /media /mnt /opt /proc /run/lock /srv /sys /usr/games /usr/include /usr/local/bin /usr/local/sbin /usr/local/lib /usr/local/share /usr/share/doc /var/backups /var/cache/apt /var/lib/apt/lists /var/local /var/log/apt /var/mail /var/opt /var/spool');
  b.link('/var/run', '/run').link('/var/lock', '/run/lock');
  return b.root;
}
