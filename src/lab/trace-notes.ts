// One line per Engine API call for the "under the hood" panel: what the CLI asked the daemon to do.
import type { ApiTraceEntry } from '../engine';

const NOTES: [method: string, path: RegExp, note: string][] = [
  ['POST', /^\/containers\/create/, 'create a container from an image (its writable layer and settings)'],
  ['POST', /^\/containers\/[^/]+\/start/, 'start the container’s main process'],
  ['POST', /^\/containers\/[^/]+\/stop/, 'send the stop signal, then SIGKILL after the timeout'],
  ['POST', /^\/containers\/[^/]+\/restart/, 'stop the container, then start it again'],
  ['POST', /^\/containers\/[^/]+\/kill/, 'send a signal (SIGKILL by default) to the main process'],
  ['POST', /^\/containers\/[^/]+\/pause/, 'freeze every process in the container'],
  ['POST', /^\/containers\/[^/]+\/unpause/, 'let the frozen processes run again'],
  ['POST', /^\/containers\/[^/]+\/wait/, 'wait until the container stops, for its exit code'],
  ['POST', /^\/containers\/[^/]+\/attach/, 'connect to the container’s output streams'],
  ['POST', /^\/containers\/[^/]+\/rename/, 'give the container a new name'],
  ['POST', /^\/containers\/[^/]+\/exec/, 'prepare a command to run inside the container'],
  ['POST', /^\/exec\/[^/]+\/start/, 'run the prepared command inside the container'],
  ['POST', /^\/containers\/prune/, 'remove every stopped container'],
  ['DELETE', /^\/containers\//, 'remove the container and its writable layer'],
  ['GET', /^\/containers\/json/, 'list containers'],
  ['GET', /^\/containers\/[^/]+\/json/, 'read the container’s full configuration and state'],
  ['GET', /^\/containers\/[^/]+\/logs/, 'read what the container’s process printed'],
  ['GET', /^\/containers\/[^/]+\/top/, 'list the processes inside the container'],
  ['GET', /^\/containers\/[^/]+\/stats/, 'read CPU, memory and I/O usage'],
  ['POST', /^\/images\/create/, 'pull an image from a registry'],
  ['GET', /^\/images\/json/, 'list local images'],
  ['GET', /^\/images\/[^/]+\/json/, 'read an image’s configuration'],
  ['GET', /^\/images\/[^/]+\/history/, 'read the layers an image was built from'],
  ['DELETE', /^\/images\//, 'untag and delete a local image'],
  ['POST', /^\/images\/[^/]+\/tag/, 'add a name to an image'],
  ['POST', /^\/images\/[^/]+\/push/, 'upload an image to a registry'],
  ['POST', /^\/volumes\/create/, 'create a named volume'],
  ['GET', /^\/volumes/, 'read volumes'],
  ['DELETE', /^\/volumes\//, 'delete a volume and its data'],
  ['POST', /^\/networks\/create/, 'create a network'],
  ['POST', /^\/networks\/[^/]+\/(dis)?connect/, 'attach or detach a container'],
  ['GET', /^\/networks/, 'read networks'],
  ['DELETE', /^\/networks\//, 'delete a network'],
  ['GET', /^\/_ping/, 'check the daemon is there'],
  ['GET', /^\/(version|info)/, 'read the daemon’s version and settings'],
  ['GET', /^\/events/, 'follow the daemon’s event stream'],
  ['GET', /^\/system\/df/, 'add up disk usage'],
];

export function traceNote(entry: Pick<ApiTraceEntry, 'method' | 'url'>): string {
  const path = entry.url.replace(/^\/v[\d.]+/, '');
  const found = NOTES.find(([m, re]) => m === entry.method && re.test(path));
  return found?.[2] ?? 'an Engine API call';
}
