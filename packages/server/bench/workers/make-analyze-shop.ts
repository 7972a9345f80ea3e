/**
 * Builds the analysis benchmark's shop straight in SQL (deterministic, from hash()): N customers with a
 * skewed number of orders (many one-time buyers, a few heavy ones), three years of orders with 92 %
 * valid, some refunds, 1–3 lines per order over 5,000 SKUs.
 */
import { rmSync } from 'node:fs';
import { searchTextSql } from '../../src/store/customer-search.ts';
import { openStore } from '../../src/store/open-store.ts';

const [dbPath, ordersArg, customersArg] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: make-analyze-shop DB ORDERS CUSTOMERS');
const orders = Number(ordersArg ?? 10_000_000);
const customers = Number(customersArg ?? 1_000_000);
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const db = await openStore({ path: dbPath });
const u = (salt: number, col = 'i') => `((hash(${col}, ${salt}) % 1000000) / 1000000.0)`;
const t0 = performance.now();
await db.run(`INSERT INTO shops (name, time_zone) VALUES ('bench', 'Asia/Shanghai')`);
await db.run(
  `INSERT INTO customers (customer_id, shop_id, key_kind, key_value, nick, created_batch, updated_batch, search_text)
   SELECT i, 1, 'platform_id', 'c' || i, 'c' || i, 1, 1, ${searchTextSql((f) => (f === 'nick' || f === 'key_value' ? `'c' || i` : 'NULL'))}
   FROM range(1, ${customers + 1}) t(i)`,
);
// Customer of order i: skewed so that low ids buy often (u^3), every customer gets at least one order.
await db.run(
  `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, paid_time, status, raw_status, amount, refund,
     content_hash, created_batch, updated_batch)
   SELECT 1, 'bench', 'o' || i,
     CASE WHEN i < ${customers} THEN i + 1 ELSE 1 + CAST(floor(${customers} * pow(${u(1)}, 3)) AS BIGINT) END,
     TIMESTAMPTZ '2023-07-01 00:00:00+08' + to_seconds(CAST(floor(${u(2)} * 1095 * 86400) AS BIGINT)),
     TIMESTAMPTZ '2023-07-01 00:00:00+08' + to_seconds(CAST(floor(${u(2)} * 1095 * 86400) AS BIGINT) + 600),
     CASE WHEN ${u(3)} < 0.92 THEN 'completed' WHEN ${u(3)} < 0.95 THEN 'refunded' WHEN ${u(3)} < 0.97 THEN 'partially_refunded' ELSE 'closed_unpaid' END,
     '', CAST(20 + floor(${u(4)} * 30000) / 100 AS DECIMAL(14,2)),
     CASE WHEN ${u(3)} >= 0.95 AND ${u(3)} < 0.97 THEN 5 ELSE 0 END, '', 1, 1
   FROM range(${orders}) t(i)`,
);
await db.run(
  `INSERT INTO order_lines (shop_id, platform, order_no, order_key, line_seq, product_key, sku, title, quantity, unit_price, amount, refund, status)
   SELECT 1, 'bench', order_no, order_key, s, 'SKU' || (hash(i, s, 5) % 5000), 'SKU' || (hash(i, s, 5) % 5000), NULL, 1 + hash(i, s, 6) % 3, 10, NULL, 0, NULL
   FROM (SELECT order_no, order_key, CAST(substr(order_no, 2) AS BIGINT) AS i FROM orders) t, range(1, 4) q(s)
   WHERE s = 1 OR (s = 2 AND hash(i, 7) % 10 < 3) OR (s = 3 AND hash(i, 8) % 10 < 1)`,
);
const counts = await db.all(`SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM customers) AS customers`);
db.close();
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, ...counts[0] }));
