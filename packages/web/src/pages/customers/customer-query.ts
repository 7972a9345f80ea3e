/** The customer list's state lives in the hash query (`#/customers?segment=…&offset=50`), so views can be linked. */
import type { Query } from '../../api/client.ts';
import { FILTER_KEYS, SORTS } from './filter-codes.ts';
import type { Filters } from './filter-codes.ts';

export const PAGE_SIZE = 50;

export interface ListState {
  readonly filters: Filters;
  readonly sort: (typeof SORTS)[number];
  readonly desc: boolean;
  readonly offset: number;
}

export function readListState(query: URLSearchParams): ListState {
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v !== null && v.trim() !== '') filters[k] = v;
  }
  const sort = SORTS.find((s) => s === query.get('sort')) ?? 'spend';
  const offset = Math.max(0, Math.floor(Number(query.get('offset') ?? 0)) || 0);
  return { filters, sort, desc: query.get('desc') !== 'false', offset };
}

/** The hash query of a list state (defaults left out). */
export function listStateQuery(state: ListState): Record<string, string | undefined> {
  return {
    ...state.filters,
    sort: state.sort === 'spend' ? undefined : state.sort,
    desc: state.desc ? undefined : 'false',
    offset: state.offset === 0 ? undefined : String(state.offset),
  };
}

/** The API query of a list state (GET /customers; CustomerListQuery): numbers stay text, the server coerces and checks them. */
export function apiQuery(state: ListState): Query {
  return { ...state.filters, sort: state.sort, desc: state.desc ? 'true' : 'false', limit: PAGE_SIZE, offset: state.offset };
}
