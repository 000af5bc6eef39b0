// The real engine's state in the lab's view-model input: the same GETs the simulator answers, fetched
// from the daemon first and then handed to the lab's own reader (readEngineData), so both modes map
// the Engine API's JSON into the panel the same way.
import { readEngineData, type ApiContainer, type ApiImage, type ContainerInspect, type EngineData } from '../src/lab/view-model';
import type { ApiResponse, DockerApi } from './docker-api';

/** inspect details are for the panel's selected container: enough for a lab, bounded for a busy machine */
const MAX_INSPECTED = 50;

export interface EngineSnapshot {
  data: EngineData;
  inspect: Record<string, ContainerInspect>;
}

const keyOf = (path: string, query?: Record<string, string>) => path + (query ? `?${new URLSearchParams(query)}` : '');

export async function readEngineSnapshot(api: DockerApi): Promise<EngineSnapshot> {
  const answers = new Map<string, ApiResponse>();
  const fetchAll = (requests: [string, Record<string, string>?][]) =>
    Promise.all(requests.map(async ([path, query]) => answers.set(keyOf(path, query), await api.get(path, query))));
  await fetchAll([['/containers/json', { all: '1' }], ['/images/json'], ['/volumes'], ['/networks']]);
  const listed = <T>(key: string): T[] => {
    const res = answers.get(key);
    return res?.status === 200 && Array.isArray(res.body) ? (res.body as T[]) : [];
  };
  await fetchAll(listed<ApiImage>('/images/json').map((i) => [`/images/${encodeURIComponent(i.Id)}/json`]));
  const data = readEngineData((path, query) => answers.get(keyOf(path, query)) ?? { status: 404, body: undefined });

  const containers = listed<ApiContainer>(keyOf('/containers/json', { all: '1' })).slice(0, MAX_INSPECTED);
  const inspected = await Promise.all(containers.map((c) => api.get<ContainerInspect>(`/containers/${c.Id}/json`)));
  const inspect = Object.fromEntries(inspected.filter((r) => r.status === 200).map((r) => [r.body.Id, r.body]));
  return { data, inspect };
}
