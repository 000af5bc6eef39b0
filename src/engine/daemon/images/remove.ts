// `docker rmi` inside the daemon, following moby daemon/images/image_delete.go step by step: a tag
// reference untags first (and refuses when a container would be left using an untagged image), an ID
// reference deletes outright, soft conflicts yield to --force, hard ones (running container, child
// images) never do. The answer is moby's list of `Untagged:` / `Deleted:` records.
import { familiarName, splitRepoTag, type NamedRef } from '../../registry/reference';
import { conflict } from '../errors';
import type { ObjectsContext } from '../objects-context';
import { chainIds, type Image } from './model';
import type { ImageState } from './state';
import { childrenOf, findImage, noSuchImage, parseRef } from './store';

export type DeleteRecord = { Untagged: string } | { Deleted: string };

/** A container that uses an image, as far as deletion cares. */
export interface ImageUser {
  id: string;
  running: boolean;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** Every stored reference of an image: tags first, then digests (moby's reference store). */
const referencesOf = (img: Image): string[] => [...img.repoTags, ...img.repoDigests];
const repoOf = (ref: string) => splitRepoTag(ref).repo;
const isDigestRef = (ref: string) => ref.includes('@');

/** moby isSingleReference: one tag, possibly with digest references of that same repository. */
function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => !isDigestRef(r));
  if (tags.length > 1) return false;
  const digestRepos = new Set(refs.filter(isDigestRef).map(repoOf));
  const single = tags[0] ?? refs[0]!;
  return digestRepos.size === 1 && digestRepos.has(repoOf(single));
}

type Mask = { children: boolean; running: boolean; references: boolean; stopped: boolean };
const HARD: Mask = { children: true, running: true, references: false, stopped: false };
const ALL: Mask = { children: true, running: true, references: true, stopped: true };

interface DeleteConflict {
  hard: boolean;
  used: boolean;
  message: string;
}

function findConflict(state: ImageState, img: Image, users: ImageUser[], mask: Mask): DeleteConflict | undefined {
  if (mask.children && childrenOf(state, img).length > 0) {
    return { hard: true, used: false, message: 'image has dependent child images' };
  }
  const running = users.find((u) => u.running);
  if (mask.running && running) {
    return { hard: true, used: true, message: `image is being used by running container ${short(running.id)}` };
  }
  if (mask.references && referencesOf(img).length > 0) {
    return { hard: false, used: false, message: 'image is referenced in multiple repositories' };
  }
  const stopped = users.find((u) => !u.running);
  if (mask.stopped && stopped) {
    return { hard: false, used: true, message: `image is being used by stopped container ${short(stopped.id)}` };
  }
  return undefined;
}

const conflictError = (img: Image, c: DeleteConflict) =>
  conflict(
    `conflict: unable to delete ${short(img.id)} (${c.hard ? 'cannot be forced' : 'must be forced'}) - ${c.message}`,
  );

export interface DeleteDeps {
  ctx: ObjectsContext;
  /** containers using an image ID (stopped and running) */
  usersOf(imageId: string): ImageUser[];
}

class Deleter {
  readonly records: DeleteRecord[] = [];
  constructor(
    readonly state: ImageState,
    readonly deps: DeleteDeps,
  ) {}

  untag(img: Image, ref: string): void {
    img.repoTags = img.repoTags.filter((t) => t !== ref);
    img.repoDigests = img.repoDigests.filter((t) => t !== ref);
    this.records.push({ Untagged: ref });
    this.deps.ctx.emit('image', 'untag', img.id, { name: img.id });
  }

  /** moby imageDeleteHelper */
  deleteImage(img: Image, force: boolean, quiet: boolean): void {
    const users = this.deps.usersOf(img.id);
    const c = findConflict(this.state, img, users, force ? HARD : ALL);
    if (c) {
      const dangling = referencesOf(img).length === 0;
      if (quiet && (!dangling || c.used)) return;
      throw conflictError(img, c);
    }
    for (const ref of referencesOf(img)) this.untag(img, ref);
    const chains = chainIds(img);
    delete this.state.images[img.id];
    this.deps.ctx.emit('image', 'delete', img.id, { name: img.id });
    this.records.push({ Deleted: img.id });
    const kept = new Set(Object.values(this.state.images).flatMap(chainIds));
    for (const chain of chains.reverse()) if (!kept.has(chain)) this.records.push({ Deleted: chain });
    const parent = img.parent ? this.state.images[img.parent] : undefined;
    if (parent) this.deleteImage(parent, false, true);
  }
}

/** A tag or digest reference: untag first, delete only when no reference is left. */
function deleteByReference(d: Deleter, img: Image, typed: string, ref: NamedRef, force: boolean): void {
  const users = d.deps.usersOf(img.id);
  if (users.length > 0 && isSingleReference(referencesOf(img)) && !force) {
    throw conflict(
      `conflict: unable to remove repository reference "${typed}" (must force) - container ${short(users[0]!.id)} is using its referenced image ${short(img.id)}`,
    );
  }
  const name = familiarName(ref);
  d.untag(img, ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? 'latest'}`);
  // the last tag of a repository takes that repository's digest references with it
  if (!ref.digest && !img.repoTags.some((t) => repoOf(t) === name)) {
    for (const dref of img.repoDigests.filter((r) => repoOf(r) === name)) d.untag(img, dref);
  }
  if (referencesOf(img).length === 0) d.deleteImage(img, force, true);
}

/** An ID: untag everything when the references are one repository's, then delete. */
function deleteById(d: Deleter, img: Image, force: boolean): void {
  if (isSingleReference(referencesOf(img))) {
    const c = findConflict(d.state, img, d.deps.usersOf(img.id), force ? HARD : { ...ALL, references: false });
    if (c) throw conflictError(img, c);
    for (const ref of referencesOf(img)) d.untag(img, ref);
  }
  d.deleteImage(img, force, false);
}

/** `DELETE /images/{name}`: returns the records `docker rmi` prints. */
export function deleteImage(state: ImageState, deps: DeleteDeps, typed: string, force: boolean): DeleteRecord[] {
  const img = findImage(state, typed);
  if (!img) throw noSuchImage(typed);
  const d = new Deleter(state, deps);
  const parsed = parseRef(typed);
  const isIdPrefix = img.id.slice(7).startsWith(typed.replace(/^sha256:/, ''));
  if (parsed.kind === 'named' && !isIdPrefix) deleteByReference(d, img, typed, parsed.ref, force);
  else deleteById(d, img, force);
  return d.records;
}
