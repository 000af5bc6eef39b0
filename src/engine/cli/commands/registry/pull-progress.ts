// Pulling from the CLI side: the request `docker pull` makes, and the progress stream rendered the way
// jsonmessage.Display does on a non-terminal (one `id: status` line per message; progress-bar updates
// are not sent by the simulated daemon). `docker run`/`create` reuse printPull for a missing image,
// writing to stderr as the real CLI does.
import { isError, type ApiClient } from '../../../api/http';
import type { ProgressMessage } from '../../../daemon/images/pull';
import { familiarName, fullString, type NamedRef } from '../../../registry/reference';

export const progressLine = (m: ProgressMessage): string => (m.id ? `${m.id}: ${m.status}` : (m.status ?? ''));

export type PullOutcome = { ok: true; reference: string } | { ok: false; error: string };

/**
 * POST /images/create for `ref`, writing the progress lines to `write` (unless quiet). `allTags` leaves
 * the tag out, which makes the daemon pull every tag. On success the caller prints `reference` (the
 * fully qualified name) where the command does.
 */
export function printPull(
  api: ApiClient,
  ref: NamedRef,
  write: (text: string) => void,
  quiet = false,
  allTags = false,
): PullOutcome {
  const res = api.request<ProgressMessage[]>({
    method: 'POST',
    path: '/images/create',
    // as docker/client does: the familiar name (`nginx`, `user/app`) and the tag apart
    query: { fromImage: familiarName(ref), tag: allTags ? undefined : (ref.digest ?? ref.tag ?? 'latest') },
  });
  if (isError(res)) return { ok: false, error: `Error response from daemon: ${res.body.message}` };
  if (!quiet) for (const m of res.body) write(progressLine(m) + '\n');
  return { ok: true, reference: fullString(ref.tag || ref.digest || allTags ? ref : { ...ref, tag: 'latest' }) };
}
