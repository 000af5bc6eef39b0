// Engine API routes for a container's files: changes (`docker diff`), the archive endpoints that
// `docker cp` uses (HEAD for a path's stat, GET to copy out, PUT to copy in) and POST /commit.
// Archives are node trees (fs/node.ts) rather than tar streams.
import type { Daemon } from '../../daemon/daemon';
import { archiveGet, archivePut, archiveStat, commitContainer, containerChanges } from '../../daemon/containers/files';
import { getContainer } from '../../daemon/containers/store';
import type { VisibleNode } from '../../fs/node';
import type { Router } from '../router';

export interface ArchivePutBody {
  /** the entry's name inside the destination directory */
  name: string;
  tree: VisibleNode;
}

export function registerContainerFileRoutes(r: Router, d: Daemon): void {
  const ref = (id: string | undefined) => ({ c: getContainer(d.state, id!), ref: id! });
  r.add('GET', '/containers/{id}/changes', (call) => {
    const { c } = ref(call.params['id']);
    return { status: 200, body: containerChanges(d, c) };
  });
  r.add('HEAD', '/containers/{id}/archive', (call) => {
    const { c, ref: name } = ref(call.params['id']);
    return { status: 200, body: archiveStat(d, c, name, call.query['path'] ?? '/') };
  });
  r.add('GET', '/containers/{id}/archive', (call) => {
    const { c, ref: name } = ref(call.params['id']);
    return { status: 200, body: archiveGet(d, c, name, call.query['path'] ?? '/', call.query['follow'] === '1') };
  });
  r.add('PUT', '/containers/{id}/archive', (call) => {
    const { c, ref: name } = ref(call.params['id']);
    const body = call.body as ArchivePutBody;
    archivePut(d, c, name, call.query['path'] ?? '/', body.name, body.tree);
    return { status: 200, body: null };
  });
  r.add('POST', '/commit', (call) => {
    const q = call.query;
    const c = getContainer(d.state, q['container'] ?? '');
    const img = commitContainer(d, c, {
      repo: q['repo'] || undefined,
      tag: q['tag'] || undefined,
      comment: q['comment'] || undefined,
      author: q['author'] || undefined,
      pause: q['pause'] !== '0' && q['pause'] !== 'false',
      changes: ((call.body as { changes?: string[] } | undefined)?.changes) ?? [],
    });
    return { status: 201, body: { Id: img.id } };
  });
}
