// Which programs an image has: told by its layers (registry layers name their content, and images
// built FROM them keep those layers), with the repository name as a fallback.
import type { Image } from '../images/model';
import type { AppFamily, BaseSystem } from './program';

const APPS: AppFamily[] = ['nginx', 'httpd', 'redis', 'postgres', 'mysql', 'node', 'python', 'golang', 'registry', 'hello-world'];

function baseOf(key: string): BaseSystem | undefined {
  const name = key.replace(/^library\//, '');
  if (name.startsWith('alpine')) return 'alpine';
  if (/^(debian|ubuntu|buildpack-deps)/.test(name)) return 'debian';
  if (name.startsWith('busybox')) return 'busybox';
  if (name.startsWith('hello-world')) return 'none';
  return undefined;
}

function appOf(key: string): AppFamily | undefined {
  const repo = key.replace(/^library\//, '').split(/[:#@]/)[0]!;
  return APPS.find((a) => a === repo);
}

export function classify(img: Pick<Image, 'layers' | 'repoTags'>): { app: AppFamily; base: BaseSystem; passwd: boolean } {
  const keys = [...img.layers.map((l) => l.contentKey ?? ''), ...img.repoTags].filter(Boolean);
  const app = keys.map(appOf).find((a) => a !== undefined) ?? '';
  const base = keys.map(baseOf).find((b) => b !== undefined) ?? (keys.some((k) => k.includes('alpine')) ? 'alpine' : 'debian');
  // busybox-static imported as a bare root file system (the course's local busybox) has no /etc/passwd
  const passwd = img.layers[0]?.contentKey !== 'busybox-static';
  return { app, base: app === 'hello-world' ? 'none' : base, passwd };
}
