import { parseDay } from './calendar.ts';
import type { LineColumns, OrderColumns } from './columns.ts';

/** One order in row form, for fixtures, demos and small imports. */
export interface OrderRow {
  /** Dense customer id (0-based). */
  readonly customer: number;
  /** Day number, or `YYYY-MM-DD`. */
  readonly day: number | string;
  readonly netCents: number;
  /** Default 0. */
  readonly refundCents?: number;
  /** Default true. */
  readonly valid?: boolean;
  /** Lines as `[skuCode, quantity]`. */
  readonly lines?: readonly (readonly [string, number])[];
}

/**
 * Builds sorted `OrderColumns` and `LineColumns` from rows (stable sort by customer, then day; SKU ids
 * are assigned in order of first appearance). Allocates per row: meant for tests and small data, the
 * store produces the columns directly.
 */
export function buildColumns(rows: readonly OrderRow[], customerCount?: number): { orders: OrderColumns; lines: LineColumns } {
  const dated = rows.map((r, i) => ({ r, i, day: typeof r.day === 'string' ? parseDay(r.day) : r.day }));
  dated.sort((a, b) => a.r.customer - b.r.customer || a.day - b.day || a.i - b.i);
  const m = dated.length;
  const orders = {
    customerCount: customerCount ?? dated.reduce((mx, d) => Math.max(mx, d.r.customer + 1), 0),
    customer: new Int32Array(m),
    day: new Int32Array(m),
    netCents: new Float64Array(m),
    refundCents: new Float64Array(m),
    valid: new Uint8Array(m),
  };
  const skuIds = new Map<string, number>();
  const lo: number[] = [];
  const ls: number[] = [];
  const lq: number[] = [];
  dated.forEach((d, k) => {
    orders.customer[k] = d.r.customer;
    orders.day[k] = d.day;
    orders.netCents[k] = d.r.netCents;
    orders.refundCents[k] = d.r.refundCents ?? 0;
    orders.valid[k] = d.r.valid === false ? 0 : 1;
    for (const [code, q] of d.r.lines ?? []) {
      let id = skuIds.get(code);
      if (id === undefined) {
        id = skuIds.size;
        skuIds.set(code, id);
      }
      lo.push(k);
      ls.push(id);
      lq.push(q);
    }
  });
  const lines: LineColumns = {
    order: Int32Array.from(lo),
    sku: Int32Array.from(ls),
    quantity: Int32Array.from(lq),
    skuCodes: [...skuIds.keys()],
  };
  return { orders, lines };
}
