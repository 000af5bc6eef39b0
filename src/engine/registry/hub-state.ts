// What the simulated Docker Hub remembers beyond its built-in catalogue: repositories the learner
// pushed, and which registries the learner is logged in to. Plain JSON (part of the engine snapshot).
import type { HistoryEntry, ImageConfig, Layer } from '../daemon/images/model';

/** An image as a registry holds it: manifest digest plus the content a pull recreates locally. */
export interface PushedImage {
  /** the image ID (config digest) a pull recreates */
  id: string;
  manifestDigest: string;
  created: number;
  comment: string;
  author: string;
  config: ImageConfig;
  layers: Layer[];
  history: HistoryEntry[];
}

export interface HubState {
  /** by repository path ('docker.io/user/app'), then by tag */
  repositories: Record<string, Record<string, PushedImage>>;
  /** server address ('https://index.docker.io/v1/', 'localhost:5000') → username */
  logins: Record<string, string>;
}
