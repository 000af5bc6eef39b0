// Engine API image endpoints (moby api/server/router/image): list, inspect, history, pull
// (POST /images/create), tag, push, delete and prune, over engine-objects' image store.
import { parseNormalizedNamed, ReferenceError, type NamedRef } from '../../registry/reference';
import { hasSandbox } from '../../daemon/containers/model';
import type { Daemon } from '../../daemon/daemon';
import type { Image } from '../../daemon/images/model';
import type { LocalRegistries } from '../../registry/hub';
import { badRequest } from '../../daemon/errors';
import { pruneImages } from '../../daemon/images/prune';
import { pullAllTags, pullImage } from '../../daemon/images/pull';
import { pushImage } from '../../daemon/images/push';
import { deleteImage, type DeleteDeps } from '../../daemon/images/remove';
import { getImage, tagImage } from '../../daemon/images/store';
import { imageHistory, inspectImage, listImages } from '../../daemon/images/views';
import { decodeFilters } from '../filters';
import type { Router } from '../router';

const ok = <T>(body: T, status = 200) => ({ status, body });
const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** Parses a reference for the daemon: malformed names are 400s with the reference error text. */
function named(s: string): NamedRef {
  try {
    return parseNormalizedNamed(s);
  } catch (e) {
    if (e instanceof ReferenceError) throw badRequest(e.message);
    throw e;
  }
}

function deleteDeps(d: Daemon): DeleteDeps {
  return {
    ctx: d,
    usersOf: (id) => d.containersUsing('image', id).map((c) => ({ id: c.id, running: c.state.Running })),
  };
}

/** Whether an image is (built on) the catalogue's `registry` image: its layers say so. */
const isRegistryImage = (img: Image | undefined) =>
  img?.layers.some((l) => l.contentKey?.startsWith('library/registry:'));

/**
 * The learner's own registries: `localhost:P` / `127.0.0.1:P` for every running `registry` container that
 * publishes its port 5000 on host port P.
 */
function localRegistries(d: Daemon): LocalRegistries {
  const hosts = new Set<string>();
  for (const c of Object.values(d.state.containers)) {
    if (!hasSandbox(c) || !isRegistryImage(d.state.images.images[c.imageId])) continue;
    for (const b of c.ports['5000/tcp'] ?? []) hosts.add(`localhost:${b.HostPort}`).add(`127.0.0.1:${b.HostPort}`);
  }
  return hosts;
}

export function registerImagesRoutes(router: Router, d: Daemon): void {
  const images = () => d.state.images;

  // like moby, the list leaves Containers and SharedSize at -1 (only /system/df computes them)
  router.add('GET', '/images/json', ({ query }) =>
    ok(listImages(images(), decodeFilters(query.filters), truthy(query.all), d.now())),
  );

  // without `tag` (and no tag in fromImage) the Engine API pulls every tag of the repository
  router.add('POST', '/images/create', ({ query }) => {
    const ref = named(query.fromImage ?? '');
    if (!query.tag && !ref.tag && !ref.digest) return ok(pullAllTags(images(), d, ref, localRegistries(d)));
    const tagged = query.tag
      ? query.tag.startsWith('sha256:')
        ? { ...ref, digest: query.tag }
        : { ...ref, tag: query.tag }
      : ref;
    return ok(pullImage(images(), d, tagged, localRegistries(d)));
  });

  router.add('GET', '/images/{name}/json', ({ params }) => ok(inspectImage(getImage(images(), params.name!))));

  router.add('GET', '/images/{name}/history', ({ params }) =>
    ok(imageHistory(images(), getImage(images(), params.name!))),
  );

  router.add('POST', '/images/{name}/tag', ({ params, query }) => {
    const img = getImage(images(), params.name!);
    const ref = named(query.repo ?? '');
    if (ref.digest) throw badRequest('refusing to create a tag with a digest reference');
    tagImage(images(), img, { ...ref, tag: query.tag || ref.tag || 'latest' }, d.now());
    d.emit('image', 'tag', img.id, { name: `${query.repo}:${query.tag || 'latest'}` });
    return ok(null, 201);
  });

  router.add('POST', '/images/{name}/push', ({ params, query }) => {
    const ref = named(params.name!);
    return ok(pushImage(images(), d, query.tag ? { ...ref, tag: query.tag } : ref, localRegistries(d)));
  });

  router.add('DELETE', '/images/{name}', ({ params, query }) =>
    ok(deleteImage(images(), deleteDeps(d), params.name!, truthy(query.force))),
  );

  router.add('POST', '/images/prune', ({ query }) =>
    ok(pruneImages(images(), deleteDeps(d), decodeFilters(query.filters))),
  );
}
