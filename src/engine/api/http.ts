// The CLI reaches the daemon only through requests shaped like the Docker Engine API. Every call is
// recorded with its status code: the lab shows that trace as "under the hood".
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';

export interface ApiRequest {
  method: HttpMethod;
  /** path with URL-encoded segments, no query: '/containers/web/stop' */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

export interface ApiResponse<T = unknown> {
  /** 200, 201, 204, 304, 400, 403, 404, 409, 500 … */
  status: number;
  /** JSON body; for errors `{ message: string }` exactly as the daemon words it */
  body: T;
}

export interface ApiTraceEntry {
  method: HttpMethod;
  /** path plus query string as sent, e.g. '/containers/create?name=web' */
  url: string;
  status: number;
}

export interface ApiClient {
  request<T = unknown>(req: ApiRequest): ApiResponse<T>;
  /** calls made since the last `takeTrace()` */
  takeTrace(): ApiTraceEntry[];
}

export function isError(res: ApiResponse): res is ApiResponse<{ message: string }> {
  return res.status >= 400;
}
