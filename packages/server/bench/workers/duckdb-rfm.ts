/** Benchmark baseline: one hand-written DuckDB query computing RFM quintile scores, in a fresh process. */
import { DuckDBInstance } from '@duckdb/node-api';

const [dbPath, memoryLimit] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: duckdb-rfm DB');
const instance = await DuckDBInstance.create(dbPath, memoryLimit === undefined ? {} : { memory_limit: memoryLimit });
const c = await instance.connect();
const t0 = performance.now();
await c.run(`CREATE TEMP TABLE rfm AS
  WITH f AS (
    SELECT customer_id, max(coalesce(paid_time, order_time)) AS last_order, count(*) AS frequency, sum(amount - refund) AS monetary
    FROM orders WHERE shop_id = 1 AND status IN ('paid', 'shipped', 'completed', 'partially_refunded') GROUP BY customer_id)
  SELECT customer_id, ntile(5) OVER (ORDER BY last_order) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m FROM f`);
const ms = performance.now() - t0;
const n = (await c.runAndReadAll('SELECT count(*) AS n FROM rfm')).getRowObjectsJS()[0]?.['n'];
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, customers: Number(n) }));
