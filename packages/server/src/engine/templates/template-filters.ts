/**
 * The fixed allow-list of filters. A filter is a pure function of the value and literal arguments checked
 * when compiling; there is no way to register more from a template.
 */
import { formatDate } from './template-date.ts';
import { valueText } from './template-path.ts';
import type { FilterArgument } from './template-types.ts';

export interface FilterContext {
  readonly timeZone: string;
}

interface FilterDefinition {
  /** Argument kinds in order; arguments after `required` may be left out. */
  readonly params: readonly ('string' | 'number')[];
  readonly required: number;
  /** Extra checks on the arguments; returns a problem in English and Chinese, or null. */
  readonly check?: (args: readonly FilterArgument[]) => readonly [string, string] | null;
  readonly apply: (value: unknown, args: readonly FilterArgument[], context: FilterContext) => unknown;
}

const MAX_STRING_ARGUMENT = 200;
const MAX_TRUNCATE = 100_000;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || valueText(value).trim() === '';
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function money(value: unknown, symbol: string): string {
  const n = toNumber(value);
  if (n === null) return '';
  const [whole = '0', cents = '00'] = Math.abs(n).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${symbol}${grouped}.${cents}`;
}

function truncate(value: unknown, limit: number): string {
  const chars = Array.from(valueText(value));
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, Math.max(limit - 1, 0)).join('')}…`;
}

const FILTERS: ReadonlyMap<string, FilterDefinition> = new Map<string, FilterDefinition>([
  ['default', { params: ['string'], required: 1, apply: (v, a) => (isEmpty(v) ? String(a[0]) : v) }],
  [
    'date',
    {
      params: ['string'],
      required: 0,
      apply: (v, a, c) => formatDate(v, typeof a[0] === 'string' ? a[0] : 'YYYY-MM-DD', c.timeZone),
    },
  ],
  ['money', { params: ['string'], required: 0, apply: (v, a) => money(v, typeof a[0] === 'string' ? a[0] : '') }],
  ['upper', { params: [], required: 0, apply: (v) => valueText(v).toUpperCase() }],
  ['lower', { params: [], required: 0, apply: (v) => valueText(v).toLowerCase() }],
  ['trim', { params: [], required: 0, apply: (v) => valueText(v).trim() }],
  [
    'truncate',
    {
      params: ['number'],
      required: 1,
      check: (a) =>
        typeof a[0] === 'number' && Number.isInteger(a[0]) && a[0] >= 1 && a[0] <= MAX_TRUNCATE
          ? null
          : [`truncate needs a whole number from 1 to ${MAX_TRUNCATE}`, `truncate 的参数须为 1 到 ${MAX_TRUNCATE} 的整数`],
      apply: (v, a) => truncate(v, Number(a[0])),
    },
  ],
]);

/** Names of every filter a template may use. */
export const FILTER_NAMES: readonly string[] = Object.freeze([...FILTERS.keys()]);

/** Checks a filter call when compiling: null when fine, otherwise [English, Chinese] explanation. */
export function checkFilter(name: string, args: readonly FilterArgument[]): { code: 'unknown_filter' | 'bad_filter_argument'; text: readonly [string, string] } | null {
  const filter = FILTERS.get(name);
  if (filter === undefined) {
    return { code: 'unknown_filter', text: [`unknown filter "${name}" (allowed: ${FILTER_NAMES.join(', ')})`, `未知过滤器“${name}”（可用：${FILTER_NAMES.join('、')}）`] };
  }
  if (args.length < filter.required || args.length > filter.params.length) {
    return { code: 'bad_filter_argument', text: [`${name} takes ${filter.required}–${filter.params.length} argument(s), got ${args.length}`, `${name} 需要 ${filter.required}–${filter.params.length} 个参数，实际 ${args.length} 个`] };
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (typeof arg !== filter.params[i]) {
      return { code: 'bad_filter_argument', text: [`argument ${i + 1} of ${name} must be a ${filter.params[i]}`, `${name} 的第 ${i + 1} 个参数须为${filter.params[i] === 'number' ? '数字' : '字符串'}`] };
    }
    if (typeof arg === 'string' && arg.length > MAX_STRING_ARGUMENT) {
      return { code: 'bad_filter_argument', text: [`argument of ${name} is longer than ${MAX_STRING_ARGUMENT} characters`, `${name} 的参数超过 ${MAX_STRING_ARGUMENT} 个字符`] };
    }
  }
  const problem = filter.check?.(args) ?? null;
  return problem === null ? null : { code: 'bad_filter_argument', text: problem };
}

/** Applies an already-checked filter. */
export function applyFilter(name: string, value: unknown, args: readonly FilterArgument[], context: FilterContext): unknown {
  const filter = FILTERS.get(name);
  return filter === undefined ? '' : filter.apply(value, args, context);
}
