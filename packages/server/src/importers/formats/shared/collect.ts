/**
 * Test helper: runs a variant's mapper over rows given as arrays and collects what it emits.
 */
import type { CanonicalCustomer, CanonicalLine, CanonicalOrder, CanonicalOrderContact } from '../../canonical.ts';
import type { ImportIssue } from '../../import-issue.ts';
import type { MapContext, MapSink, TableVariant } from '../format-definition.ts';

/** Everything a mapper emitted. */
export interface Collected {
  readonly orders: CanonicalOrder[];
  readonly lines: CanonicalLine[];
  readonly customers: CanonicalCustomer[];
  readonly contacts: CanonicalOrderContact[];
  readonly issues: ImportIssue[];
}

/** Maps `rows` (header first) with `variant`; data rows get physical lines 2, 3, …. Throws on missing columns. */
export function collect(variant: TableVariant, rows: readonly (readonly string[])[], ctx: Partial<MapContext> = {}): Collected {
  const [header = [], ...data] = rows;
  const out: Collected = { orders: [], lines: [], customers: [], contacts: [], issues: [] };
  const sink: MapSink = {
    order: (o) => out.orders.push(o),
    line: (l) => out.lines.push(l),
    customer: (c) => out.customers.push(c),
    contact: (c) => out.contacts.push(c),
    issue: (i) => out.issues.push(i),
  };
  const mapper = variant.createMapper(header, { file: 't.csv', timeZone: 'Asia/Shanghai', columnMap: null, ...ctx });
  if ('missing' in mapper) throw new Error(`missing: ${mapper.missing.join(', ')}`);
  data.forEach((cells, i) => mapper.map({ line: i + 2, cells }, sink));
  mapper.finish(sink);
  return out;
}

/** Splits a small CSV (no quoted commas) into rows. */
export function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

/** Epoch ms of a Shanghai wall time. */
export function sh(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}
