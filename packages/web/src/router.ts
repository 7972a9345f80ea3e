/**
 * A tiny hash router: `#/customers?segment=x`, `#/customers/42`, `#/campaigns/new`. Hash URLs need no
 * server fallback and survive a reload; the query part carries filters so views can be linked.
 */
import { useSyncExternalStore } from 'react';

export type PageName = 'overview' | 'customers' | 'segments' | 'campaigns' | 'imports' | 'settings';

export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'customers'; readonly query: URLSearchParams }
  | { readonly page: 'customer'; readonly id: string }
  | { readonly page: 'segments' }
  | { readonly page: 'campaigns' }
  | { readonly page: 'campaign-new'; readonly template: string | null }
  | { readonly page: 'campaign'; readonly key: string }
  | { readonly page: 'imports' }
  | { readonly page: 'settings' }
  | { readonly page: 'not-found'; readonly path: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const query = new URLSearchParams(queryPart);
  const parts = pathPart.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  const [first, second] = parts;
  if (first === undefined || first === 'overview') return { page: 'overview' };
  if (first === 'customers') return second === undefined ? { page: 'customers', query } : { page: 'customer', id: second };
  if (first === 'segments') return { page: 'segments' };
  if (first === 'campaigns') {
    if (second === undefined) return { page: 'campaigns' };
    if (second === 'new') return { page: 'campaign-new', template: query.get('template') };
    return { page: 'campaign', key: second };
  }
  if (first === 'imports') return { page: 'imports' };
  if (first === 'settings') return { page: 'settings' };
  return { page: 'not-found', path: pathPart };
}

/** The href of a page, with an optional query (empty values dropped). */
export function href(path: string, query?: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return `#/${path.replace(/^\//, '')}${qs === '' ? '' : `?${qs}`}`;
}

export function navigate(to: string): void {
  window.location.hash = to.startsWith('#') ? to : `#${to}`;
}

/** The top-level page a route belongs to (for the nav's current link). */
export function pageOf(route: Route): PageName | null {
  switch (route.page) {
    case 'customer':
      return 'customers';
    case 'campaign':
    case 'campaign-new':
      return 'campaigns';
    case 'not-found':
      return null;
    default:
      return route.page;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

/** The current hash; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash);
}
