// Alpine's minirootfs: musl, busybox with its applets linked across /bin, /sbin, /usr/bin and
// /usr/sbin as Alpine installs them, apk and its database, and Alpine's stock /etc files.
import type { DirNode } from '../../fs/node';
import { group, osRelease, passwd, treeBuilder, type TreeBuilder } from './build';

const APPLETS: Record<string, string> = {
  '/bin':
    'arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat',
  '/sbin':
    'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog',
  '/usr/bin':
    '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser head hexdump hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which who whoami whois xargs xxd xzcat yes',
  '/usr/sbin':
    'addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell sendmail setfont setlogcons',
};

/** `/etc/passwd` of alpine-baselayout */
export const ALPINE_PASSWD = [
  'root:0:0:root:/root:/bin/sh',
  'bin:1:1:bin:/bin:/sbin/nologin',
  'daemon:2:2:daemon:/sbin:/sbin/nologin',
  'lp:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:5:0:sync:/sbin:/bin/sync',
  'shutdown:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:7:0:halt:/sbin:/sbin/halt',
  'mail:8:12:mail:/var/mail:/sbin/nologin',
  'news:9:13:news:/usr/lib/news:/sbin/nologin',
  'uucp:10:14:uucp:/var/spool/uucppublic:/sbin/nologin',
  'cron:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:21:21::/var/lib/ftp:/sbin/nologin',
  'sshd:22:22:sshd:/dev/null:/sbin/nologin',
  'games:35:35:games:/usr/games:/sbin/nologin',
  'ntp:123:123:NTP:/var/empty:/sbin/nologin',
  'guest:405:100:guest:/dev/null:/sbin/nologin',
  'nobody:65534:65534:nobody:/:/sbin/nologin',
];

export const ALPINE_GROUP = [
  'root:0:root', 'bin:1:root,bin,daemon', 'daemon:2:root,bin,daemon', 'sys:3:root,bin', 'adm:4:root,daemon', 'tty:5:', 'disk:6:root',
  'lp:7:lp', 'kmem:9:', 'wheel:10:root', 'floppy:11:root', 'mail:12:mail', 'news:13:news', 'uucp:14:uucp', 'cron:16:cron',
  'console:17:', 'audio:18:', 'cdrom:19:', 'dialout:20:root', 'ftp:21:', 'sshd:22:', 'input:23:', 'tape:26:root', 'video:27:root',
  'netdev:28:', 'kvm:34:kvm', 'games:35:', 'shadow:42:', 'www-data:82:', 'users:100:games', 'ntp:123:', 'abuild:300:', 'utmp:406:',
  'ping:999:', 'nogroup:65533:', 'nobody:65534:',
];

/** Alpine `version` ('3.22.1') as its minirootfs ships it, stamped `mtime`. */
export function alpine(version: string, mtime: number): DirNode {
  const branch = version.split('.').slice(0, 2).join('.');
  const b = treeBuilder(mtime);
  b.bin('/bin/busybox', 808_712);
  for (const [dir, names] of Object.entries(APPLETS)) b.links(dir, names, '/bin/busybox');
  b.bin('/lib/ld-musl-x86_64.so.1', 667_888).link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  b.bin('/usr/lib/libcrypto.so.3', 4_605_552).bin('/usr/lib/libssl.so.3', 627_304).bin('/usr/lib/libz.so.1.3.1', 100_384);
  b.link('/usr/lib/libz.so.1', 'libz.so.1.3.1').bin('/usr/lib/libapk.so.2.14.0', 211_712);
  b.bin('/sbin/apk', 67_480).bin('/sbin/ldconfig', 393);
  b.bins('/usr/bin', 'getconf:34_936 getent:48_744 iconv:21_032 ldd:18 scanelf:79_152 ssl_client:14_256', 0);
  b.file('/etc/alpine-release', `${version}\n`);
  b.link('/etc/os-release', '../usr/lib/os-release');
  b.file('/usr/lib/os-release', osRelease([
    ['NAME', 'Alpine Linux'], ['ID', 'alpine', false], ['VERSION_ID', version, false], ['PRETTY_NAME', `Alpine Linux v${branch}`],
    ['HOME_URL', 'https://alpinelinux.org/'], ['BUG_REPORT_URL', 'https://gitlab.alpinelinux.org/alpine/aports/-/issues'],
  ]));
  b.file('/etc/issue', `Welcome to Alpine Linux ${branch}\nKernel \\r on \\m (\\l)\n\n`);
  b.file('/etc/motd', 'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n');
  b.file('/etc/passwd', passwd(ALPINE_PASSWD)).file('/etc/group', group(ALPINE_GROUP));
  b.file('/etc/shadow', ALPINE_PASSWD.map((u) => `${u.split(':')[0]}:*::0:::::\n`).join(''), { mode: 0o640 });
  b.file('/etc/hostname', 'localhost\n').file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  b.file('/etc/profile', 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n');
  b.file('/etc/apk/arch', 'x86_64\n').file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n');
  b.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${branch}/community\n`);
  b.dir('/etc/apk/keys').dir('/etc/apk/protected_paths.d').dir('/etc/profile.d').dir('/etc/network/if-up.d').dir('/etc/ssl/certs');
  b.file('/lib/apk/db/installed', `P:alpine-baselayout\nV:3.7.0-r0\n\nP:busybox\nV:1.37.0-r18\n\nP:musl\nV:1.2.5-r10\n`, { size: 12_436 });
  emptyDirs(b, '/dev /home /media/cdrom /media/floppy /media/usb /mnt /opt /proc /run /srv /sys /usr/local/bin /usr/local/lib /usr/local/share /usr/share/apk /var/cache/apk /var/empty /var/lib/misc /var/local /var/log /var/mail /var/opt /var/spool/cron/crontabs');
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  b.link('/var/run', '/run').link('/var/lock', '/run/lock').link('/var/spool/mail', '../mail');
  return b.root;
}

export function emptyDirs(b: TreeBuilder, paths: string): void {
  for (const p of paths.split(' ')) b.dir(p);
}
