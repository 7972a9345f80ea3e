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
}

/** The instant that dates an order: payment when known, else placement. */
const ORDER_TS = 'coalesce(o.paid_time, o.order_time)';

/**
 * Orders dated up to the end of `asOfDay` (shop-local) are loaded; later ones are left out so that an
 * analysis "as of" a past date sees what the shop saw then. Leaves temp tables a_customers, a_orders
 * (with the local `day` and the `row_idx` of each order in the columns) and a_skus for later SQL steps.
 */
export async function loadColumns(db: Db, shopId: number, timeZone: string, asOfDay: number): Promise<LoadedColumns> {
  for (const t of ['a_customers', 'a_orders', 'a_skus']) await db.run(`DROP TABLE IF EXISTS ${t}`);
  const endMs = localToInstant((asOfDay + 1) * 86_400_000, timeZone);
  const range = await getOneOrThrow<{ lo: number | null; hi: number | null }>(
    db,
    `SELECT min(extract(epoch FROM ${ORDER_TS})) * 1000 AS lo, max(extract(epoch FROM ${ORDER_TS})) * 1000 AS hi FROM orders o WHERE o.shop_id = $1`,
    [shopId],
  );
  const local = await prepareLocalDay(db, timeZone, range.lo ?? endMs, Math.min(range.hi ?? endMs, endMs));
  await db.run(
    `CREATE TEMP TABLE a_customers AS
     SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS idx FROM customers WHERE shop_id = $1`,
    [shopId],
  );
  await db.run(
    `CREATE TEMP TABLE a_orders AS
     SELECT o.platform, o.order_no, o.customer_id, c.idx, ${local.dayOf(ORDER_TS)} AS day,
            CAST(round((o.amount - o.refund) * 100) AS DOUBLE PRECISION) AS net_cents,
            CAST(round(o.amount * 100) AS DOUBLE PRECISION) AS amount_cents,
            CAST(round(o.refund * 100) AS DOUBLE PRECISION) AS refund_cents,
            CAST(CASE WHEN o.status IN (${validStatusSqlList()}) THEN 1 ELSE 0 END AS INTEGER) AS valid,
            CAST(row_number() OVER (ORDER BY c.idx, ${ORDER_TS}) - 1 AS INTEGER) AS row_idx
     FROM orders o
     JOIN a_customers c ON c.customer_id = o.customer_id
     ${local.join(ORDER_TS)}
     WHERE o.shop_id = $1 AND ${ORDER_TS} < to_timestamp($2 / 1000.0)`,
    [shopId, endMs],
  );
  const [customerIds] = await db.typedColumns(`SELECT CAST(customer_id AS DOUBLE PRECISION) FROM a_customers ORDER BY idx`, [], ['float64']);
  // Read unordered and place each row at its row_idx: O(n) here instead of another sort in the database.
  const [rowIdx, customerU, dayU, netU, refundU, validU] = await db.typedColumns(
    `SELECT row_idx, idx, day, net_cents, refund_cents, valid FROM a_orders`,
    [],
    ['int32', 'int32', 'int32', 'float64', 'float64', 'uint8'],
  );
  const [customer, day, netCents, refundCents, valid] = scatter(int32Column(rowIdx), [
    int32Column(customerU), int32Column(dayU), float64Column(netU), float64Column(refundU), uint8Column(validU),
  ]);
  await db.run(
    `CREATE TEMP TABLE a_skus AS
     SELECT product_key, CAST(row_number() OVER (ORDER BY product_key) - 1 AS INTEGER) AS sku_idx
     FROM (SELECT DISTINCT product_key FROM order_lines WHERE shop_id = $1) p`,
    [shopId],
  );
  const [productKeys] = await db.typedColumns(`SELECT product_key FROM a_skus ORDER BY sku_idx`, [], ['text']);
  const [lineOrderU, lineSkuU, lineQtyU] = await db.typedColumns(
    `SELECT a.row_idx, s.sku_idx, CAST(greatest(round(l.quantity), 0) AS INTEGER)
     FROM order_lines l
     JOIN a_orders a ON a.platform = l.platform AND a.order_no = l.order_no
     JOIN a_skus s ON s.product_key = l.product_key
     WHERE l.shop_id = $1 AND coalesce(l.status, '') <> 'refunded'`,
    [shopId],
    ['int32', 'int32', 'int32'],
  );
  const [lineOrder, lineSku, lineQty] = countingSortBy(int32Column(lineOrderU), int32Column(rowIdx).length, [int32Column(lineSkuU), int32Column(lineQtyU)]);
  const keys = textColumn(productKeys);
  const ids = float64Column(customerIds);
  return {
    orders: {
      customerCount: ids.length,
      customer: int32Column(customer),
      day: int32Column(day),
      netCents: float64Column(netCents),
      refundCents: float64Column(refundCents),
      valid: uint8Column(valid),
    },
    lines: { order: lineOrder, sku: int32Column(lineSku), quantity: int32Column(lineQty), skuCodes: keys },
    customerIds: ids,
    productKeys: keys,
  };
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

/** Stable counting sort of rows by key (0 ≤ key < keyCount); returns the sorted key column and the others. */
function countingSortBy(key: Int32Array, keyCount: number, columns: readonly Int32Array[]): [Int32Array, ...Int32Array[]] {
  const start = new Int32Array(keyCount + 1);
  for (const k of key) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const pos = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) pos[i] = start[key[i]!]!++;
  const sortedKey = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) sortedKey[pos[i]!] = key[i]!;
  const sorted = columns.map((col) => {
    const out = new Int32Array(col.length);
    for (let i = 0; i < col.length; i++) out[pos[i]!] = col[i]!;
    return out;
  });
  return [sortedKey, ...sorted];
}
