// A streamed response body (`logs -f`, `events`, a `wait` or attach that outlasts the request): the
// in-process counterpart of a chunked HTTP response. Chunks arrive as simulated time moves on.
export interface BodyStream<T> {
  /** delivers chunks until the returned function is called or `onEnd` fires */
  subscribe(onChunk: (chunk: T) => void, onEnd: () => void): () => void;
}

export const isBodyStream = (b: unknown): b is BodyStream<unknown> =>
  typeof b === 'object' && b !== null && typeof (b as { subscribe?: unknown }).subscribe === 'function';
