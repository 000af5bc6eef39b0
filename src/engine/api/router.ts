// A tiny in-process HTTP router: route patterns like '/containers/{id}/stop' map to daemon calls.
// Every request is recorded (method, url, status) for the "under the hood" trace.
import { DaemonError } from '../daemon/errors';
import type { ApiClient, ApiRequest, ApiResponse, ApiTraceEntry, HttpMethod } from './http';

export interface RouteCall {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
}

/** Returns the success response; throws DaemonError for failures. */
export type RouteHandler = (call: RouteCall) => ApiResponse;

interface Route {
  method: HttpMethod;
  segments: string[];
  handler: RouteHandler;
}

export class Router implements ApiClient {
  private routes: Route[] = [];
  private trace: ApiTraceEntry[] = [];

  add(method: HttpMethod, pattern: string, handler: RouteHandler): void {
    this.routes.push({ method, segments: segmentsOf(pattern), handler });
  }

  request<T = unknown>(req: ApiRequest): ApiResponse<T> {
    const res = this.dispatch(req);
    this.trace.push({ method: req.method, url: req.path + queryString(req.query), status: res.status });
    return res as ApiResponse<T>;
  }

  takeTrace(): ApiTraceEntry[] {
    const t = this.trace;
    this.trace = [];
    return t;
  }

  private dispatch(req: ApiRequest): ApiResponse {
    const parts = segmentsOf(req.path);
    for (const r of this.routes) {
      if (r.method !== req.method || r.segments.length !== parts.length || !matches(r.segments, parts)) continue;
      const params: Record<string, string> = {};
      r.segments.forEach((seg, i) => {
        if (isParam(seg)) params[seg.slice(1, -1)] = decodeURIComponent(parts[i]!);
      });
      try {
        return r.handler({ params, query: req.query ?? {}, body: req.body });
      } catch (e) {
        if (e instanceof DaemonError) return { status: e.status, body: { message: e.message } };
        throw e;
      }
    }
    return { status: 404, body: { message: 'page not found' } };
  }
}

const isParam = (segment: string): boolean => segment.startsWith('{');

/** Whether a route's segments match the path's: literals equal, parameters match anything. */
function matches(segments: string[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) if (!isParam(segments[i]!) && segments[i] !== parts[i]) return false;
  return true;
}

/** Empty segments are kept, so an empty ID ('/containers//json') never falls through to a list route. */
function segmentsOf(path: string): string[] {
  return path.replace(/^\//, '').split('/');
}

function queryString(q: ApiRequest['query']): string {
  if (!q) return '';
  const pairs = Object.entries(q).filter(([, v]) => v !== undefined && v !== '');
  if (pairs.length === 0) return '';
  return '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`).join('&');
}
