/**
 * Columnar input for the per-customer analytics. The store (DuckDB, later PostgreSQL) aggregates raw
 * orders and hands core exactly these parallel typed arrays; nothing here allocates per order.
 *
 * Conventions
 * - Customers are dense ids `0 .. customerCount-1` (the store keeps the id ↔ buyer-key table).
 * - A *day* is a shop-local calendar day number: days since 1970-01-01 in the shop's time zone
 *   (so 2024-11-11 is 20038). See `calendar.ts` for conversions.
 * - Money is in cents (integers stored in Float64Array so sums stay exact up to 2^53).
 * - Every function takes an `asOfDay`: orders dated after it are ignored, so results are reproducible
 *   and can be back-tested by replaying an earlier `asOfDay` on today's data.
 */

/** Sentinel in Int32 day columns meaning "no such day" (e.g. a customer without a valid order). */
export const NO_DAY = -2147483648;

/**
 * One row per order, sorted by `customer` ascending, then by `day` ascending (ties in any order).
 * All arrays have the same length.
 */
export interface OrderColumns {
  /** Number of customers; ids in `customer` are `< customerCount`. Customers may have no orders. */
  readonly customerCount: number;
  /** Dense customer id of the order. */
  readonly customer: Int32Array;
  /** Shop-local day number of the order (payment day when known, else order day). */
  readonly day: Int32Array;
  /** Amount paid minus refunds, in cents. Only counted when `valid` is 1. */
  readonly netCents: Float64Array;
  /** Amount refunded on the order, in cents (0 when none); counted for every order, valid or not. */
  readonly refundCents: Float64Array;
  /** 1 when the order counts as a purchase (paid, shipped, completed, partially refunded), else 0. */
  readonly valid: Uint8Array;
}

/**
 * One row per order line, sorted by `order` ascending. Lines of invalid orders may be present; they
 * are skipped. Every order may have zero or more lines.
 */
export interface LineColumns {
  /** Index of the line's order in `OrderColumns` (row number, not the platform order number). */
  readonly order: Int32Array;
  /** Dense SKU id, `0 .. skuCodes.length-1`. */
  readonly sku: Int32Array;
  /** Units bought on the line (≥ 1; lines with 0 units are ignored by the cycle estimates). */
  readonly quantity: Int32Array;
  /** SKU code (or product title when the platform has no SKU) for each dense SKU id. */
  readonly skuCodes: readonly string[];
}

/** A problem with the shape of the columns, found by `checkColumns`. */
export interface ColumnIssue {
  readonly code: 'length_mismatch' | 'out_of_range' | 'not_sorted' | 'bad_flag';
  /** Column name and, when relevant, the row index. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Validates the invariants the analytics rely on in one O(n) pass: equal lengths, ids in range,
 * sort order, `valid` in {0,1}. Returns at most `limit` issues (default 20); an empty array means OK.
 * Run it in the store's tests and when columns come from an untrusted source.
 */
export function checkColumns(orders: OrderColumns, lines?: LineColumns, limit = 20): ColumnIssue[] {
  const issues: ColumnIssue[] = [];
  const add = (code: ColumnIssue['code'], path: (string | number)[], message: string): boolean => {
    issues.push({ code, path, message });
    return issues.length >= limit;
  };
  const m = orders.customer.length;
  for (const [name, col] of [['day', orders.day], ['netCents', orders.netCents], ['refundCents', orders.refundCents], ['valid', orders.valid]] as const) {
    if (col.length !== m && add('length_mismatch', ['orders', name], `orders.${name} has ${col.length} rows, customer has ${m}`)) return issues;
  }
  if (issues.length > 0) return issues;
  for (let i = 0; i < m; i++) {
    const c = orders.customer[i]!;
    if (c < 0 || c >= orders.customerCount) {
      if (add('out_of_range', ['orders', 'customer', i], `customer ${c} not in 0..${orders.customerCount - 1}`)) return issues;
    } else if (i > 0) {
      const pc = orders.customer[i - 1]!;
      if (pc > c || (pc === c && orders.day[i - 1]! > orders.day[i]!)) {
        if (add('not_sorted', ['orders', i], 'orders must be sorted by customer, then day')) return issues;
      }
    }
    const v = orders.valid[i]!;
    if (v > 1 && add('bad_flag', ['orders', 'valid', i], `valid must be 0 or 1, got ${v}`)) return issues;
  }
  if (lines === undefined) return issues;
  const n = lines.order.length;
  if (lines.sku.length !== n || lines.quantity.length !== n) {
    add('length_mismatch', ['lines'], 'lines.order, lines.sku and lines.quantity must have equal lengths');
    return issues;
  }
  for (let j = 0; j < n; j++) {
    const o = lines.order[j]!;
    if (o < 0 || o >= m) {
      if (add('out_of_range', ['lines', 'order', j], `order ${o} not in 0..${m - 1}`)) return issues;
    } else if (j > 0 && lines.order[j - 1]! > o) {
      if (add('not_sorted', ['lines', j], 'lines must be sorted by order')) return issues;
    }
    const s = lines.sku[j]!;
    if ((s < 0 || s >= lines.skuCodes.length) && add('out_of_range', ['lines', 'sku', j], `sku ${s} not in 0..${lines.skuCodes.length - 1}`)) return issues;
  }
  return issues;
}
