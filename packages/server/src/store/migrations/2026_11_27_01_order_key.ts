/**
 * A numeric surrogate key per order: orders.order_key (unique per store, from order_key_seq) and the same key
 * on each of its order_lines, so that the analysis and the profile join lines to orders on one integer instead
 * of (platform, order_no) strings. The import merge assigns keys to new orders and keeps an updated order's
 * key. Existing stores are back-filled here: the column's default numbers every stored order (DuckDB and
 * PostgreSQL both evaluate a volatile default once per existing row), then lines take their order's key.
 * The default also keys orders written by code that does not name the column (fixtures, bench shops); their
 * lines must still be given the key.
 */
import type { Migration } from './migration.ts';

export const addOrderKey: Migration = {
  id: '2026_11_27_01_order_key',
  up: () => [
    `CREATE SEQUENCE order_key_seq START 1`,
    `ALTER TABLE orders ADD COLUMN order_key BIGINT DEFAULT nextval('order_key_seq')`,
    `ALTER TABLE order_lines ADD COLUMN order_key BIGINT`,
    `UPDATE order_lines SET order_key = o.order_key FROM orders o
     WHERE o.shop_id = order_lines.shop_id AND o.platform = order_lines.platform AND o.order_no = order_lines.order_no`,
  ],
};
