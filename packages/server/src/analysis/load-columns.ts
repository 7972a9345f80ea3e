/**
 * Loads a shop's orders and lines as the columnar input of core's analytics (see core
 * analytics/columns.ts): dense customer ids in customer-id order, shop-local day numbers, cents, validity
 * flags, and lines with dense SKU ids. The heavy lifting (joins, sorting, day arithmetic) runs in SQL.
 */
import type { LineColumns, OrderColumns } from '@huitou/core';
import { validStatusSqlList } from '@huitou/core';
import { localToInstant } from '../importers/cells/zone-offset.ts';
import type { Db } from '../store/database.ts';
import { getOneOrThrow } from '../store/database.ts';
import { float64Column, int32Column, textColumn, uint8Column } from '../store/typed-column-guards.ts';
import { prepareLocalDay } from './local-day-sql.ts';

export interface LoadedColumns {
  readonly orders: OrderColumns;
  readonly lines: LineColumns;
  /** Database customer id of each dense customer index. */
  readonly customerIds: Float64Array;
  /** product_key of each dense SKU id (also LineColumns.skuCodes). */
  readonly productKeys: readonly string[];
  /** Amount paid (refunds included) of each order, in cents, aligned with `orders`. */
  readonly amountCents: Float64Array;
  /** Lines of the loaded orders, refunded ones included (LineColumns leaves those out). */
  readonly lineCount: number;
}

/** The instant that dates an order: payment when known, else placement. */
const ORDER_TS = 'coalesce(o.paid_time, o.order_time)';

/** The orders part of LoadedColumns, and how to find an order's row by its key. */
export interface LoadedOrders {
  readonly orders: OrderColumns;
  readonly customerIds: Float64Array;
  readonly amountCents: Float64Array;
  readonly rowOfKey: KeyIndex;
}

/**
 * Orders dated up to the end of `asOfDay` (shop-local) and their lines; later ones are left out so that an
 * analysis "as of" a past date sees what the shop saw then. Rows are read unordered and placed in JS
 * (counting sorts by day then customer: no database sort); lines find their order through the numeric
 * order key (an array indexed by key, no database join on order numbers). Leaves no temp tables behind.
 */
export async function loadColumns(db: Db, shopId: number, timeZone: string, asOfDay: number): Promise<LoadedColumns> {
  return loadLineColumns(db, shopId, await loadOrderColumns(db, shopId, timeZone, asOfDay));
}

/** The orders of loadColumns. */
export async function loadOrderColumns(db: Db, shopId: number, timeZone: string, asOfDay: number): Promise<LoadedOrders> {
  const endMs = localToInstant((asOfDay + 1) * 86_400_000, timeZone);
  const range = await getOneOrThrow<{ lo: number | null; hi: number | null }>(
    db,
    `SELECT min(extract(epoch FROM ${ORDER_TS})) * 1000 AS lo, max(extract(epoch FROM ${ORDER_TS})) * 1000 AS hi FROM orders o WHERE o.shop_id = $1`,
    [shopId],
  );
  const local = await prepareLocalDay(db, timeZone, range.lo ?? endMs, Math.min(range.hi ?? endMs, endMs));
  const [customerIds] = await db.typedColumns(
    `SELECT CAST(customer_id AS DOUBLE PRECISION) FROM customers WHERE shop_id = $1 ORDER BY customer_id`,
    [shopId],
    ['float64'],
  );
  const ids = float64Column(customerIds);
  const [keyU, customerIdU, dayU, netU, refundU, validU] = await db.typedColumns(
    `SELECT CAST(o.order_key AS DOUBLE PRECISION), CAST(o.customer_id AS DOUBLE PRECISION), ${local.dayOf(ORDER_TS)},
            CAST(round((o.amount - o.refund) * 100) AS DOUBLE PRECISION), CAST(round(o.refund * 100) AS DOUBLE PRECISION),
            CAST(CASE WHEN o.status IN (${validStatusSqlList()}) THEN 1 ELSE 0 END AS INTEGER)
     FROM orders o
     ${local.join(ORDER_TS)}
     WHERE o.shop_id = $1 AND ${ORDER_TS} < to_timestamp($2 / 1000.0)`,
    [shopId, endMs],
    ['float64', 'float64', 'int32', 'float64', 'float64', 'uint8'],
  );
  // Dense customer index (position in customer-id order) of each order, through the same lookup as order keys.
  const customersU = lookUp(keyIndex(ids, identity(ids.length)), float64Column(customerIdU));
  const missing = customersU.indexOf(-1);
  if (missing >= 0) throw new Error(`order of customer ${float64Column(customerIdU)[missing]} who is not in shop ${shopId}`);
  const days = int32Column(dayU);
  // Row of each input order once sorted by customer, then day.
  const rowOf = placeByCustomerDay(customersU, days, ids.length);
  const [customer, day, netCents, refundCents, valid] = scatter(rowOf, [customersU, days, float64Column(netU), float64Column(refundU), uint8Column(validU)]);
  const amountCents = sum(float64Column(netCents), float64Column(refundCents));
  const rowOfKey = keyIndex(float64Column(keyU), rowOf);

  return {
    orders: {
      customerCount: ids.length,
      customer: int32Column(customer),
      day: int32Column(day),
      netCents: float64Column(netCents),
      refundCents: float64Column(refundCents),
      valid: uint8Column(valid),
    },
    customerIds: ids,
    amountCents,
    rowOfKey,
  };
}

/**
 * The lines of loaded orders: every line of the shop with its SKU index (one scan, joined to the few
 * thousand SKUs), placed by their order's row; lines of orders not loaded are left out.
 */
export async function loadLineColumns(db: Db, shopId: number, loaded: LoadedOrders): Promise<LoadedColumns> {
  await db.run(`DROP TABLE IF EXISTS a_skus`);
  await db.run(
    `CREATE TEMP TABLE a_skus AS
     SELECT product_key, CAST(row_number() OVER (ORDER BY product_key) - 1 AS INTEGER) AS sku_idx
     FROM (SELECT DISTINCT product_key FROM order_lines WHERE shop_id = $1) p`,
    [shopId],
  );
  const [productKeys] = await db.typedColumns(`SELECT product_key FROM a_skus ORDER BY sku_idx`, [], ['text']);
  const [lineKeyU, lineSkuU, lineQtyU, keptU] = await db.typedColumns(
    `SELECT CAST(l.order_key AS DOUBLE PRECISION), s.sku_idx, CAST(greatest(round(l.quantity), 0) AS INTEGER),
            CAST(CASE WHEN coalesce(l.status, '') <> 'refunded' THEN 1 ELSE 0 END AS INTEGER)
     FROM order_lines l
     JOIN a_skus s ON s.product_key = l.product_key
     WHERE l.shop_id = $1`,
    [shopId],
    ['float64', 'int32', 'int32', 'uint8'],
  );
  await db.run(`DROP TABLE a_skus`);
  const { lineCount, order: lineOrder, sku: lineSku, quantity: lineQty } = placeLines(
    lookUp(loaded.rowOfKey, float64Column(lineKeyU)), uint8Column(keptU), int32Column(lineSkuU), int32Column(lineQtyU), loaded.orders.customer.length,
  );
  const keys = textColumn(productKeys);
  return {
    orders: loaded.orders,
    lines: { order: lineOrder, sku: lineSku, quantity: lineQty, skuCodes: keys },
    customerIds: loaded.customerIds,
    productKeys: keys,
    amountCents: loaded.amountCents,
    lineCount,
  };
}

/**
 * Destination row of each order when sorted by customer, then day: a counting sort by day, then a stable
 * counting sort by customer (two O(n) passes; days span a few thousand values).
 */
function placeByCustomerDay(customer: Int32Array, day: Int32Array, customerCount: number): Int32Array {
  const n = customer.length;
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (i === 0 || d < lo) lo = d;
    if (i === 0 || d > hi) hi = d;
  }
  const byDay = new Int32Array(n);
  {
    const start = new Int32Array(hi - lo + 2);
    for (let i = 0; i < n; i++) start[day[i]! - lo + 1]!++;
    for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
    for (let i = 0; i < n; i++) byDay[start[day[i]! - lo]!++] = i;
  }
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) start[customer[i]! + 1]!++;
  for (let k = 1; k <= customerCount; k++) start[k]! += start[k - 1]!;
  const rowOf = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byDay[j]!;
    rowOf[i] = start[customer[i]!]!++;
  }
  return rowOf;
}

/** Rows of the loaded orders by key: an array indexed by key - lo (dense keys, the usual case) or a Map. */
type KeyIndex = { readonly lo: number; readonly rows: Int32Array } | { readonly map: Map<number, number> };

/**
 * Row of an order by its order key (or of a customer by its id): an array indexed by key when the keys are
 * dense enough (the usual case: one sequence), else a Map.
 */
function keyIndex(keys: Float64Array, rowOf: Int32Array): KeyIndex {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const span = hi - lo + 1;
  if (keys.length > 0 && span <= 4 * keys.length + 1_000_000) {
    const rows = new Int32Array(span).fill(-1);
    for (let i = 0; i < keys.length; i++) rows[keys[i]! - lo] = rowOf[i]!;
    return { lo, rows };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i]!, rowOf[i]!);
  return { map };
}

/** The row of each key (-1 when absent). */
function lookUp(index: KeyIndex, keys: Float64Array): Int32Array {
  const out = new Int32Array(keys.length);
  if ('map' in index) {
    for (let i = 0; i < keys.length; i++) out[i] = index.map.get(keys[i]!) ?? -1;
    return out;
  }
  const { lo, rows } = index;
  const span = rows.length;
  for (let i = 0; i < keys.length; i++) {
    const off = keys[i]! - lo;
    out[i] = off >= 0 && off < span ? rows[off]! : -1;
  }
  return out;
}

/** Lines of loaded orders (row ≥ 0) that are kept, sorted by row (counting sort); all lines of loaded orders counted. */
function placeLines(row: Int32Array, kept: Uint8Array, sku: Int32Array, quantity: Int32Array, rowCount: number) {
  let lineCount = 0;
  const start = new Int32Array(rowCount + 1);
  for (let i = 0; i < row.length; i++) {
    const r = row[i]!;
    if (r < 0) continue;
    lineCount++;
    if (kept[i] === 1) start[r + 1]!++;
    else row[i] = -1;
  }
  for (let k = 0; k < rowCount; k++) start[k + 1]! += start[k]!;
  const n = start[rowCount]!;
  const order = new Int32Array(n);
  const outSku = new Int32Array(n);
  const outQty = new Int32Array(n);
  for (let i = 0; i < row.length; i++) {
    const r = row[i]!;
    if (r < 0) continue;
    const at = start[r]!++;
    order[at] = r;
    outSku[at] = sku[i]!;
    outQty[at] = quantity[i]!;
  }
  return { lineCount, order, sku: outSku, quantity: outQty };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

type NumericColumn = Int32Array | Float64Array | Uint8Array;

/** Columns reordered so that row i of the input lands at position index[i] (index is a permutation). */
function scatter(index: Int32Array, columns: readonly NumericColumn[]): NumericColumn[] {
  return columns.map((col) => {
    const out = col instanceof Int32Array ? new Int32Array(col.length) : col instanceof Float64Array ? new Float64Array(col.length) : new Uint8Array(col.length);
    for (let i = 0; i < index.length; i++) out[index[i]!] = col[i]!;
    return out;
  });
}
