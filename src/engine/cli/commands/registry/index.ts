// Handlers that talk to a registry: pull, push, login, logout.
import type { Handler } from '../../command';
import { login, logout } from './login';
import { imagePull, imagePush } from './pull-push';

export const handlers: Record<string, Handler> = {
  'image pull': imagePull,
  'image push': imagePush,
  login,
  logout,
};
