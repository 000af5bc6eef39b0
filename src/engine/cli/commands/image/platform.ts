// containerd's platforms.Parse as the CLI runs it on --platform before any request (image rm,
// image inspect, history), with its error texts.

const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;
const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
const KNOWN_OS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(' '),
);
const KNOWN_ARCH = new Set(
  '386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
    ' ',
  ),
);
const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };

/** Go's %q of a string (the patterns hold backslashes) */
const q = (s: string): string => JSON.stringify(s);

/**
 * The error platforms.Parse gives for `specifier` (wrapped errdefs.ErrInvalidArgument), or undefined when
 * it parses. An empty --platform means "not given": the CLI does not parse it.
 */
export function platformError(specifier: string): string | undefined {
  if (specifier === '') return undefined;
  const invalid = (msg: string) => `${msg}: invalid argument`;
  if (specifier.includes('*')) return invalid(`${q(specifier)}: wildcards not yet supported`);
  const parts = specifier.split('/');
  const osVer = OS_AND_VERSION.exec(parts[0]!);
  if (!osVer) {
    return invalid(`${q(parts[0]!)} is an invalid OS component of ${q(specifier)}: OSAndVersion specifier component must match ${q(OS_AND_VERSION.source)}`);
  }
  // SplitN(…, 4): a fourth part keeps the rest, slashes included
  const checked = parts.length > 4 ? [...parts.slice(1, 3), parts.slice(3).join('/')] : parts.slice(1);
  for (const part of checked) {
    if (!SPECIFIER.test(part)) {
      return invalid(`${q(part)} is an invalid component of ${q(specifier)}: platform specifier component must match ${q(SPECIFIER.source)}`);
    }
  }
  if (parts.length === 1) {
    // an OS (its version allowed), else an architecture
    const os = osVer[1]!.toLowerCase();
    const arch = parts[0]!.toLowerCase();
    if (KNOWN_OS.has(os === 'macos' ? 'darwin' : os) || KNOWN_ARCH.has(ARCH_ALIASES[arch] ?? arch)) return undefined;
    return invalid(`${q(specifier)}: unknown operating system or architecture`);
  }
  if (parts.length > 3) return invalid(`${q(specifier)}: cannot parse platform specifier`);
  return undefined;
}
