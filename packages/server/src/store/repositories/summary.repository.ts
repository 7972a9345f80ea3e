/** Headline counts of a shop's customer base, straight from the stored orders. */
import { validStatusSqlList } from '@huitou/core';
import type { Db } from '../database.ts';
import { getOneOrThrow } from '../database.ts';

export interface ShopSummary {
  /** All imported orders, whatever their status. */
  readonly orders: number;
  readonly validOrders: number;
  /** Order lines of all orders. */
  readonly lines: number;
  readonly customers: number;
  /** Customers with at least one valid order. */
  readonly buyers: number;
  /** Customers with at least two valid orders. */
  readonly repeatBuyers: number;
  /** Σ (amount − refund) over valid orders. */
  readonly netRevenue: number;
}

/** Counts for the shop, optionally only over orders placed up to `untilMs` (exclusive). */
export async function shopSummary(db: Db, shopId: number, untilMs: number | null = null): Promise<ShopSummary> {
  const until = untilMs === null ? '' : ' AND order_time < to_timestamp($2 / 1000.0)';
  const params = untilMs === null ? [shopId] : [shopId, untilMs];
  const valid = `status IN (${validStatusSqlList()})`;
  const row = await getOneOrThrow<Record<string, number>>(
    db,
    `WITH o AS (SELECT * FROM orders WHERE shop_id = $1${until}),
          per AS (SELECT customer_id, count(*) FILTER (WHERE ${valid}) AS v FROM o GROUP BY customer_id)
     SELECT (SELECT count(*) FROM o) AS orders,
            (SELECT count(*) FROM o WHERE ${valid}) AS valid_orders,
            (SELECT count(*) FROM order_lines l JOIN o ON o.order_key = l.order_key
              WHERE l.shop_id = $1) AS lines,
            (SELECT count(*) FROM customers WHERE shop_id = $1) AS customers,
            (SELECT count(*) FROM per WHERE v >= 1) AS buyers,
            (SELECT count(*) FROM per WHERE v >= 2) AS repeat_buyers,
            (SELECT CAST(coalesce(sum(amount - refund), 0) AS DOUBLE PRECISION) FROM o WHERE ${valid}) AS net_revenue`,
    params,
  );
  return {
    orders: Number(row['orders']),
    validOrders: Number(row['valid_orders']),
    lines: Number(row['lines']),
    customers: Number(row['customers']),
    buyers: Number(row['buyers']),
    repeatBuyers: Number(row['repeat_buyers']),
    netRevenue: Math.round(Number(row['net_revenue']) * 100) / 100,
  };
}
