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
            CAST(row_number() OVER (ORDER BY c.idx, ${ORDER_TS}, o.order_no) - 1 AS INTEGER) AS row_idx
     FROM orders o
     JOIN a_customers c ON c.customer_id = o.customer_id
     ${local.join(ORDER_TS)}
     WHERE o.shop_id = $1 AND ${ORDER_TS} < to_timestamp($2 / 1000.0)`,
    [shopId, endMs],
  );
  const [customerIds] = await db.typedColumns(`SELECT CAST(customer_id AS DOUBLE PRECISION) FROM a_customers ORDER BY idx`, [], ['float64']);
  const [customer, day, netCents, refundCents, valid] = await db.typedColumns(
    `SELECT idx, day, net_cents, refund_cents, valid FROM a_orders ORDER BY row_idx`,
    [],
    ['int32', 'int32', 'float64', 'float64', 'uint8'],
  );
  await db.run(
    `CREATE TEMP TABLE a_skus AS
     SELECT product_key, CAST(row_number() OVER (ORDER BY product_key) - 1 AS INTEGER) AS sku_idx
     FROM (SELECT DISTINCT product_key FROM order_lines WHERE shop_id = $1) p`,
    [shopId],
  );
  const [productKeys] = await db.typedColumns(`SELECT product_key FROM a_skus ORDER BY sku_idx`, [], ['text']);
  const [lineOrder, lineSku, lineQty] = await db.typedColumns(
    `SELECT a.row_idx, s.sku_idx, CAST(greatest(round(l.quantity), 0) AS INTEGER)
     FROM order_lines l
     JOIN a_orders a ON a.platform = l.platform AND a.order_no = l.order_no
     JOIN a_skus s ON s.product_key = l.product_key
     WHERE l.shop_id = $1 AND coalesce(l.status, '') <> 'refunded'
     ORDER BY a.row_idx, l.line_seq`,
    [shopId],
    ['int32', 'int32', 'int32'],
  );
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
    lines: { order: int32Column(lineOrder), sku: int32Column(lineSku), quantity: int32Column(lineQty), skuCodes: keys },
    customerIds: ids,
    productKeys: keys,
  };
}
