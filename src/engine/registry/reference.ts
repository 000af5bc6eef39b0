// Docker image references, parsed the way distribution/reference does it (ParseNormalizedNamed,
// ParseAnyReference, FamiliarString): `busybox` is `docker.io/library/busybox`, `localhost:5000/app`
// keeps its registry, a bare 64-hex string is an ID, and every malformed input fails with the exact
// "invalid reference format…" text the CLI and daemon print.

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';

export interface NamedRef {
  /** 'docker.io', 'localhost:5000' */
  domain: string;
  /** 'library/busybox', 'user/app' */
  path: string;
  tag?: string;
  /** 'sha256:<hex>' */
  digest?: string;
}

export class ReferenceError extends Error {}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);
const HEX64_RE = /^[a-f0-9]{64}$/;
const NAME_TOTAL_MAX = 255;

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = 'library/' + remainder;
  return [domain, remainder];
}

/** distribution/reference.ParseNormalizedNamed */
export function parseNormalizedNamed(s: string): NamedRef {
  if (HEX64_RE.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    throw new ReferenceError(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const m = REFERENCE_RE.exec(`${domain}/${remainder}`);
  if (!m) throw new ReferenceError('invalid reference format');
  const name = m[1]!;
  if (name.length > NAME_TOTAL_MAX) {
    throw new ReferenceError(`repository name must not be more than ${NAME_TOTAL_MAX} characters`);
  }
  const slash = name.indexOf('/');
  return { domain: name.slice(0, slash), path: name.slice(slash + 1), tag: m[2], digest: m[3] };
}

type AnyRef = { kind: 'named'; ref: NamedRef } | { kind: 'digest'; digest: string };

/** distribution/reference.ParseAnyReference: a bare 64-hex or `sha256:…` string is an image ID. */
export function parseAnyReference(s: string): AnyRef {
  if (HEX64_RE.test(s)) return { kind: 'digest', digest: 'sha256:' + s };
  if (/^sha256:[a-f0-9]{64}$/.test(s)) return { kind: 'digest', digest: s };
  return { kind: 'named', ref: parseNormalizedNamed(s) };
}

/** `docker.io/library/busybox` → `busybox`; `docker.io/user/app` → `user/app`; others unchanged. */
export function familiarName(ref: Pick<NamedRef, 'domain' | 'path'>): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') && ref.path.indexOf('/', 8) === -1 ? ref.path.slice(8) : ref.path;
}

/** reference.FamiliarString: familiar name plus `:tag` and `@digest` as present. */
export function familiarString(ref: NamedRef): string {
  return familiarName(ref) + (ref.tag ? ':' + ref.tag : '') + (ref.digest ? '@' + ref.digest : '');
}

/** The fully qualified string (`docker.io/library/busybox:latest`). */
export function fullString(ref: NamedRef): string {
  return `${ref.domain}/${ref.path}` + (ref.tag ? ':' + ref.tag : '') + (ref.digest ? '@' + ref.digest : '');
}

/** reference.TagNameOnly: a name without tag or digest gets `:latest`. */
export function withDefaultTag(ref: NamedRef): NamedRef {
  return ref.tag || ref.digest ? ref : { ...ref, tag: DEFAULT_TAG };
}

/** `busybox:latest` key used in RepoTags for a tagged ref. */
export function tagKey(ref: NamedRef): string {
  return `${familiarName(ref)}:${ref.tag ?? DEFAULT_TAG}`;
}

/** Splits a stored familiar `repo:tag` or `repo@digest` back into repository and the rest. */
export function splitRepoTag(repoTag: string): { repo: string; tag: string } {
  const at = repoTag.indexOf('@');
  if (at > -1) return { repo: repoTag.slice(0, at), tag: repoTag.slice(at + 1) };
  const colon = repoTag.lastIndexOf(':');
  if (colon > repoTag.lastIndexOf('/')) return { repo: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) };
  return { repo: repoTag, tag: '' };
}
