// The layer-content catalogue: the files of an image layer, by the layer's contentKey. Registry layers
// are named `<base key>#<step>` (shared bases: alpine, debian, buildpack-deps) or `<repo>:<tag>#<step>`
// (a release's own Dockerfile steps); the course machine's imported busybox is 'busybox-static'.
// Trees are generated on first use and cached: they are read-only (containers write to their own layer).
import type { DirNode } from '../../fs/node';
import { CATALOG } from '../catalog';
import type { CatalogBase, CatalogRelease, CatalogStep } from '../catalog-types';
import { APP_CONTENT, type AppBase } from './apps';
import { alpine, ALPINE_GROUP, ALPINE_PASSWD } from './alpine';
import { applyLayer } from '../../fs/layer';
import { ELF, treeBuilder, words } from './build';
import { busyboxHub, busyboxStatic } from './busybox';
import { debianGroup, debianPasswd, debianRoot, DEBIAN_RELEASES, type DebianRelease } from './debian';

const cache = new Map<string, DirNode>();

/**
 * The files of the layer named `contentKey`; `imageCreated` stamps layers that have no date of their own
 * (the imported busybox). Null for a key the catalogue does not know.
 */
export function layerContent(contentKey: string, imageCreated: number): DirNode | null {
  const cacheKey = contentKey === 'busybox-static' ? `${contentKey}@${imageCreated}` : contentKey;
  let tree = cache.get(cacheKey);
  if (!tree) {
    const made = generate(contentKey, imageCreated);
    if (!made) return null;
    cache.set(cacheKey, (tree = made));
  }
  return tree;
}

function generate(key: string, imageCreated: number): DirNode | null {
  // the import happened a second before `docker import` stamped the image
  if (key === 'busybox-static') return busyboxStatic(imageCreated - 1000);
  const hash = key.lastIndexOf('#');
  if (hash < 0) return null;
  const name = key.slice(0, hash);
  const index = Number(key.slice(hash + 1));
  const base = catalogBases().get(name);
  if (base) return baseLayer(base, Date.parse(base.created));
  const colon = name.lastIndexOf(':');
  const repo = name.slice(0, colon);
  const rel = CATALOG[repo]?.find((r) => r.tags[0] === name.slice(colon + 1));
  const step = rel?.steps[index];
  return rel && step ? releaseLayer(repo.replace(/^library\//, ''), rel, step, Date.parse(rel.created)) : null;
}

let bases: Map<string, CatalogBase> | undefined;
function catalogBases(): Map<string, CatalogBase> {
  bases ??= new Map(Object.values(CATALOG).flatMap((rels) => rels.flatMap((r) => r.bases.map((b) => [b.key, b] as const))));
  return bases;
}

function debianRelease(key: string): DebianRelease {
  return Object.values(DEBIAN_RELEASES).find((r) => key.includes(r.codename)) ?? DEBIAN_RELEASES['bookworm']!;
}

/** The shared bases: a distribution root, or buildpack-deps' extra tools on Debian. */
function baseLayer(base: CatalogBase, mtime: number): DirNode {
  if (base.key.startsWith('alpine-')) return alpine(base.key.slice('alpine-'.length), mtime);
  if (base.key.startsWith('debian-')) return debianRoot(debianRelease(base.key), mtime);
  const b = treeBuilder(mtime);
  if (base.key.includes('-curl-')) b.bins('/usr/bin', 'curl:285_360 wget:522_200 gpg:1_176_216 sq:9_764_240', 0).dir('/etc/ssl/certs');
  else if (base.key.includes('-scm-')) b.bins('/usr/bin', 'git:3_979_768 hg:1_028 svn:264_440 ssh:949_840 scp:125_712 ps:141_448 top:137_216 kill:31_224 free:31_288', 0);
  else b.bins('/usr/bin', 'gcc-12:1_027_904 g++-12:1_027_904 make:252_768 cpp-12:1_027_904 file:27_064 convert-im6.q16:14_584 patch:197_568 autoconf:14_580 automake:262_624 bzip2:39_224 xz:84_528', 0).links('/usr/bin', 'gcc g++ cc c++', 'gcc-12');
  return b.root;
}

function userTable(rel: CatalogRelease): AppBase {
  if (rel.bases.some((b) => b.key.startsWith('alpine-'))) return { flavor: 'alpine', passwd: ALPINE_PASSWD, group: ALPINE_GROUP };
  const r = debianRelease(rel.bases[0]?.key ?? 'bookworm');
  return { flavor: 'debian', passwd: debianPasswd(r), group: debianGroup(r) };
}

/** The files a release's own Dockerfile step adds. */
function releaseLayer(app: string, rel: CatalogRelease, step: CatalogStep, mtime: number): DirNode {
  const b = treeBuilder(mtime);
  const by = step.by;
  const rootfs = /ADD file:([\w-]+)-rootfs/.exec(by)?.[1];
  if (rootfs) return rootfs.startsWith('oraclelinux') ? oracleLinux(mtime) : debianRoot(debianRelease(rootfs), mtime);
  const busybox = /^BusyBox [\d.]+ \((glibc|musl)\)/.exec(by)?.[1];
  if (busybox) return busyboxHub(busybox as 'glibc' | 'musl', mtime);
  const copy = /^COPY (.+) # buildkit$/.exec(by)?.[1];
  if (copy && !copy.startsWith('/target/')) return copied(b, words(copy), step.size ?? 0).root;
  if (step === mainStep(rel) || copy) APP_CONTENT[app]?.(b, userTable(rel), versionOf(rel));
  return b.root;
}

/** The release's biggest RUN (or the toolchain COPY): where its application gets installed. */
function mainStep(rel: CatalogRelease): CatalogStep | undefined {
  const sized = rel.steps.filter((s) => s.size !== undefined && !s.by.startsWith('COPY ') && !s.by.includes('ADD file:'));
  return sized.reduce<CatalogStep | undefined>((best, s) => (!best || s.size! > best.size! ? s : best), undefined);
}

const versionOf = (rel: CatalogRelease): string => rel.tags[0]!.split('-')[0]!;

/** `COPY a b /dest/`: each source lands in the destination directory (or is the destination file). */
function copied(b: ReturnType<typeof treeBuilder>, args: string[], size: number) {
  const dest = args.pop()!;
  const intoDir = dest.endsWith('/') || dest.endsWith('.d') || args.length > 1;
  for (const src of args) {
    const base = src.replace(/\/$/, '').split('/').pop()!;
    const path = intoDir ? `${dest.replace(/\/$/, '')}/${base}` : dest;
    const script = /\.(sh|envsh)$/.test(base) || !base.includes('.');
    const content = base.endsWith('.yml') ? REGISTRY_CONFIG : script && base.includes('.') ? '#!/bin/sh\nset -e\n' : ELF;
    b.file(path, content, { mode: base.endsWith('.yml') ? 0o644 : 0o755, size: Math.round(size / args.length) });
  }
  return b;
}

const REGISTRY_CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

/** mysql's base: Oracle Linux 9 slim (microdnf, bash, coreutils), drawn as Debian's userland re-labelled. */
function oracleLinux(mtime: number): DirNode {
  const root = debianRoot(DEBIAN_RELEASES['bookworm']!, mtime);
  const b = treeBuilder(mtime);
  b.file('/etc/oracle-release', 'Oracle Linux Server release 9.6\n').link('/etc/redhat-release', 'oracle-release');
  b.file('/usr/lib/os-release', 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.6"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.6"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:6:server"\nHOME_URL="https://linux.oracle.com/"\n');
  b.bin('/usr/bin/microdnf', 88_160);
  const etc = b.root.entries['etc'] as DirNode;
  for (const gone of ['debian_version', 'apt']) etc.entries[gone] = { type: 'whiteout' };
  applyLayer(root, b.root);
  return root;
}
