// Daemon errors carry the HTTP status the Engine API would answer with and the message exactly as
// moby words it; the CLI prints them as "Error response from daemon: <message>".
export class DaemonError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (msg: string) => new DaemonError(400, msg);
export const forbidden = (msg: string) => new DaemonError(403, msg);
export const notFound = (msg: string) => new DaemonError(404, msg);
export const conflict = (msg: string) => new DaemonError(409, msg);
export const serverError = (msg: string) => new DaemonError(500, msg);
