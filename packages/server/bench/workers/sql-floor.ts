/**
 * A lower bound for the import, not an importer: the Taobao pair already converted to UTF-8, read by DuckDB's
 * read_csv and written into huitou's schema by plain SQL, with none of the importer's work (no cleaning of
 * cells, no statuses, refunds, buyer keys, contact details, content hashes, issues or re-import checks; one
 * customer per buyer nick). Prints the time of each statement, then a JSON line with the whole (commit included).
 * Run by `npm run bench:import` as its second baseline.
 * Usage: sql-floor DB ORDERS_UTF8.csv ITEMS_UTF8.csv. FLOOR_NO_INDEXES=1 writes into copies of the tables without
 * their primary keys and indexes instead.
 */
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureShop } from '../../src/store/repositories/shop.repository.ts';

const [dbPath, ordersCsv, itemsCsv] = process.argv.slice(2);
if (dbPath === undefined || ordersCsv === undefined || itemsCsv === undefined) throw new Error('usage: sql-floor DB ORDERS.csv ITEMS.csv');
rmSync(dbPath, { force: true });
const steps: [string, number][] = [];
const db = await openStore({ path: dbPath, trace: (ms, sql) => steps.push([sql.replace(/\s+/g, ' ').slice(0, 70), ms]) });
const shop = await ensureShop(db, 'floor', 'Asia/Shanghai');
const limit = loadConfig(process.env).importMemoryLimit;
const csv = (path: string) => `read_csv('${path}', header = true, all_varchar = true, nullstr = 'null')`;
const money = (col: string) => `coalesce(TRY_CAST(${col} AS DECIMAL(14,2)), 0)`;
const orderNo = (col: string) => `trim(${col}, '="')`;
const plain = process.env['FLOOR_NO_INDEXES'] === '1';
const table = (name: string) => (plain ? `plain_${name}` : name);
if (plain) {
  for (const t of ['customers', 'customer_identities', 'orders', 'order_lines']) await db.run(`CREATE TABLE plain_${t} AS SELECT * FROM ${t} LIMIT 0`);
}
steps.length = 0;
const t0 = performance.now();
const work = () => db.transaction(async () => {
  await db.run(`CREATE TEMP TABLE f_orders AS SELECT * FROM ${csv(ordersCsv)}`);
  await db.run(`CREATE TEMP TABLE f_items AS SELECT * FROM ${csv(itemsCsv)}`);
  await db.run(
    `CREATE TEMP TABLE f_keys AS SELECT nick, nextval('customer_id_seq') AS customer_id
     FROM (SELECT DISTINCT "买家会员名" AS nick FROM f_orders WHERE "买家会员名" IS NOT NULL)`,
  );
  await db.run(
    `INSERT INTO ${table('customers')} (customer_id, shop_id, key_kind, key_value, nick, created_batch, updated_batch, search_text)
     SELECT customer_id, $1, 'platform_id', nick, nick, 1, 1, lower(nick) FROM f_keys`,
    [shop.shopId],
  );
  await db.run(
    `INSERT INTO ${table('customer_identities')} (shop_id, kind, value, customer_id, batch_id)
     SELECT $1, 'platform_id', nick, customer_id, 1 FROM f_keys ORDER BY nick`,
    [shop.shopId],
  );
  await db.run(
    `INSERT INTO ${table('orders')} (shop_id, platform, order_no, order_key, customer_id, order_time, paid_time, status, raw_status,
       amount, refund, discount, shipping, coupon_code, item_count, titles, province, city, content_hash, created_batch, updated_batch)
     SELECT $1, 'taobao', ${orderNo('o."订单编号"')}, nextval('order_key_seq'), k.customer_id,
       TRY_CAST(o."订单创建时间" AS TIMESTAMP), TRY_CAST(o."订单付款时间" AS TIMESTAMP), o."订单状态", o."订单状态",
       ${money('o."总金额"')}, 0, NULL, ${money('o."买家应付邮费"')}, NULL, TRY_CAST(o."宝贝总数量" AS INTEGER), o."宝贝标题",
       NULL, NULL, '', 1, 1
     FROM f_orders o JOIN f_keys k ON k.nick = o."买家会员名" ORDER BY 3`,
    [shop.shopId],
  );
  await db.run(
    `INSERT INTO ${table('order_lines')} (shop_id, platform, order_no, order_key, line_seq, line_id, product_key, sku, title, quantity,
       unit_price, amount, refund, status)
     SELECT $1, 'taobao', o.order_no, o.order_key, row_number() OVER (PARTITION BY o.order_no), NULL,
       coalesce(i."商家编码", 'unknown'), i."商家编码", i."标题", coalesce(TRY_CAST(i."购买数量" AS DOUBLE), 0), ${money('i."价格"')}, NULL, 0, i."订单状态"
     FROM f_items i JOIN ${table('orders')} o ON o.shop_id = $1 AND o.platform = 'taobao' AND o.order_no = ${orderNo('i."订单编号"')}`,
    [shop.shopId],
  );
});
await (db.withMemoryLimit === undefined || limit === null ? work() : db.withMemoryLimit(limit, work));
const total = performance.now() - t0;
const statements = steps.reduce((a, [, ms]) => a + ms, 0);
for (const [sql, ms] of steps.filter(([, ms]) => ms > 20)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${sql}`);
const n = await db.all<{ o: number; l: number; c: number }>(
  `SELECT (SELECT count(*) FROM ${table('orders')}) AS o, (SELECT count(*) FROM ${table('order_lines')}) AS l,
          (SELECT count(*) FROM ${table('customers')}) AS c`,
);
db.close();
// Last line: the JSON result bench/support/measure.ts reads.
console.log(JSON.stringify({ ms: total, commitMs: total - statements, maxRssMb: process.resourceUsage().maxRSS / 1024, ...n[0] }));
