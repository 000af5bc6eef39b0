// BusyBox images. Which applets a build has decides which commands exist in the container (the shell
// looks commands up in PATH), so the lists below are the real ones.
import type { DirNode } from '../../fs/node';
import { group, passwd, treeBuilder } from './build';

/** `busybox --list` of Debian 12's busybox-static 1.35.0 (the course machine's `busybox:latest`): no printenv. */
const DEBIAN_STATIC_APPLETS =
  '[ [[ acpid adjtimex ar arch arp arping ascii ash awk base64 basename bc blkdiscard blockdev brctl bunzip2 bzcat bzip2 cal cat chgrp chmod chown chroot chvt clear cmp cp cpio crc32 crond crontab cttyhack cut date dc dd deallocvt depmod devmem df diff dirname dmesg dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed egrep env expand expr factor fallocate false fatattr fdisk fgrep find findfs fold free freeramdisk fsfreeze fstrim ftpget ftpput getopt getty grep groups gunzip gzip halt head hexdump hostid hostname httpd hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifup init insmod ionice ip ipcalc ipneigh kill killall klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup ls lsmod lsscsi lzcat lzma lzop md5sum mdev microcom mim mkdir mkdosfs mke2fs mkfifo mknod mkpasswd mkswap mktemp modinfo modprobe more mount mt mv nameif nc netstat nl nologin nproc nsenter nslookup nuke od openvt partprobe passwd paste patch pidof ping ping6 pivot_root poweroff printf ps pwd rdate readlink realpath reboot renice reset resume rev rm rmdir rmmod route rpm rpm2cpio run-init run-parts sed seq setkeycodes setpriv setsid sh sha1sum sha256sum sha3sum sha512sum shred shuf sleep sort ssl_client start-stop-daemon stat strings stty su sulogin svc svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tee telnet telnetd test tftp time timeout top touch tr traceroute traceroute6 true truncate ts tty tunctl ubirename udhcpc udhcpd uevent umount uname uncompress unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime usleep uudecode uuencode vconfig vi w watch watchdog wc wget which who whoami xargs xxd xz xzcat yes zcat';

/** Docker Hub's busybox 1.37 (default config): the Debian list plus what that build adds. */
const HUB_EXTRA_APPLETS =
  'addgroup adduser beep blkid bootchartd chat chattr conspy crond cryptpw delgroup deluser devfsd dnsd ether-wake fakeidentd fbset fbsplash fdflush fdformat flash_eraseall flashcp flock fsck fsck.minix fsync fuser getfattr hd hdparm hush inetd inotifyd install iostat ipaddr ipcrm ipcs iplink iproute iprule iptunnel kbd_mode killall5 lpd lpq lpr lsattr lsof lspci lsusb makedevs makemime man mesg mkfs.ext2 mkfs.minix mkfs.vfat mountpoint mpstat nanddump nandwrite nbd-client nice nmeter nohup ntpd pgrep pipe_progress pkill pmap popmaildir powertop printenv pscan pstree pwdx raidautorun readahead readprofile reformime remove-shell resize rtcwake runlevel runsv runsvdir rx script scriptreplay sendmail setarch setconsole setfattr setfont setlogcons setserial setuidgid sha3sum showkey slattach smemcap softlimit split ssl_client stty sum sv svlogd tcpsvd tree ttysize ubiattach ubidetach ubimkvol ubirmvol ubirsvol ubiupdatevol udpsvd unlzop users uudecode vlock volname whois';

const BUSYBOX_STATIC_SIZE = 1_982_256;

/**
 * The course machine's busybox:latest: busybox-static and one symlink per applet in /bin, an empty
 * /etc (so no /etc/passwd: `whoami` fails, HOME is /), /tmp — as real-docker.sh imports it.
 */
export function busyboxStatic(mtime: number): DirNode {
  const b = treeBuilder(mtime).bin('/bin/busybox', BUSYBOX_STATIC_SIZE).dir('/etc').dir('/tmp');
  b.links('/bin', DEBIAN_STATIC_APPLETS.replace(/(^| )busybox( |$)/, ' '), 'busybox');
  return b.root;
}

/** Docker Hub's busybox: every applet a hard link of /bin/busybox, a minimal passwd/group, /root, /home … */
export function busyboxHub(libc: 'glibc' | 'musl', mtime: number): DirNode {
  const size = libc === 'glibc' ? 1_131_168 : 1_003_600;
  const b = treeBuilder(mtime);
  const applets = new Set([...DEBIAN_STATIC_APPLETS.split(' '), ...HUB_EXTRA_APPLETS.split(' '), 'busybox']);
  b.bins('/bin', [...applets].join(' '), size);
  for (const d of ['/dev', '/home', '/usr/sbin', '/var/spool/mail', '/var/www']) b.dir(d);
  b.dir('/root', 0o700).dir('/tmp', 0o1777);
  b.file('/etc/passwd', passwd(['root:0:0:root:/root:/bin/sh', 'daemon:1:1:daemon:/usr/sbin:/bin/false', 'bin:2:2:bin:/bin:/bin/false', 'sys:3:3:sys:/dev:/bin/false', 'sync:4:100:sync:/bin:/bin/sync', 'mail:8:8:mail:/var/spool/mail:/bin/false', 'www-data:33:33:www-data:/var/www:/bin/false', 'operator:37:37:Operator:/var:/bin/false', 'nobody:65534:65534:nobody:/home:/bin/false']));
  b.file('/etc/group', group(['root:0:', 'daemon:1:', 'bin:2:', 'sys:3:', 'adm:4:', 'tty:5:', 'disk:6:', 'lp:7:', 'mail:8:', 'kmem:9:', 'wheel:10:root', 'cdrom:11:', 'dialout:18:', 'floppy:19:', 'video:28:', 'audio:29:', 'tape:32:', 'www-data:33:', 'operator:37:', 'utmp:43:', 'plugdev:46:', 'staff:50:', 'lock:54:', 'netdev:82:', 'users:100:', 'nogroup:65534:']));
  b.file('/etc/shadow', 'root:*:10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nbin:*:10933:0:99999:7:::\nsys:*:10933:0:99999:7:::\nsync:*:10933:0:99999:7:::\nmail:*:10933:0:99999:7:::\nwww-data:*:10933:0:99999:7:::\noperator:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', { mode: 0o600 });
  b.file('/etc/localtime', 'TZif2', { size: 127 });
  return b.root;
}
