/**
 * The typed fetch wrapper every request goes through: same-origin credentials, JSON bodies, the session's
 * CSRF token on unsafe methods, and one error type (ApiError) for every failure.
 */
import { ApiError, apiErrorFrom, networkError } from './api-error.ts';

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the session's CSRF token (from login or /auth/me); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any request answers 401 (the session expired): the app goes back to the login page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function notifyUnauthenticated(): void {
  for (const l of unauthenticatedListeners) l();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** `/api` + path + the query string without empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs === '' ? '' : `?${qs}`}`;
}

/** Headers for an unsafe request: the CSRF token when the session has one. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { 'X-CSRF-Token': csrfToken };
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = apiErrorFrom(res.status, body);
    if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') notifyUnauthenticated();
    throw err;
  }
  if (body === undefined) throw apiErrorFrom(res.status, body);
  // The response's type is the contract's; the server validates what it sends against the same schema.
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> =>
    request<T>('GET', path, { ...(query === undefined ? {} : { query }), ...(signal === undefined ? {} : { signal }) }),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body === undefined ? {} : { body }),
  patch: <T>(path: string, body?: unknown): Promise<T> => request<T>('PATCH', path, body === undefined ? {} : { body }),
  put: <T>(path: string, body?: unknown): Promise<T> => request<T>('PUT', path, body === undefined ? {} : { body }),
  del: <T>(path: string): Promise<T> => request<T>('DELETE', path),
};

export { ApiError };
